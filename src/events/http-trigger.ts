import { Duration } from 'cdk8s';
import { HttpTrigger } from '../../imports/argo-events';
import { EventField } from './event-field';
import { BasicAuthCredentials, ClientTls, renderBasicAuth, renderTls, wholeSeconds } from './source-options';
import { EventPayload, HeaderValueSource, payloadOf, renderSecureHeaders, TemplateAction } from './template-action';
import { renderMappings, TriggerParameterMapping } from './trigger-parameters';

/** Methods of an HTTP trigger (the ones Argo Events accepts). */
export enum HttpTriggerMethod {
  /** GET */
  GET = 'GET',
  /** POST (Argo's default) */
  POST = 'POST',
  /** PUT */
  PUT = 'PUT',
  /** PATCH */
  PATCH = 'PATCH',
  /** DELETE */
  DELETE = 'DELETE',
}

/** Options of an HTTP trigger. */
export interface HttpTriggerOptions {
  /** URL to call (Argo requires one; to take it from the event, add a parameter with dest `url`, which replaces it when the trigger fires). */
  readonly url: string;
  /**
   * Request method.
   * @default HttpTriggerMethod.POST
   */
  readonly method?: HttpTriggerMethod;
  /**
   * Request body, built from event fields.
   * @default - empty body
   */
  readonly payload?: EventPayload;
  /**
   * Fixed headers.
   * @default - none
   */
  readonly headers?: { readonly [name: string]: string };
  /**
   * Headers whose values are read from Secrets or ConfigMaps (mounted in the sensor pod).
   * @default - none
   */
  readonly secureHeaders?: { readonly [name: string]: HeaderValueSource };
  /**
   * Headers whose values come from the event.
   * @default - none
   */
  readonly dynamicHeaders?: { readonly [name: string]: EventField };
  /**
   * Basic authentication.
   * @default - none
   */
  readonly basicAuth?: BasicAuthCredentials;
  /**
   * TLS towards the server.
   * @default - the system's roots
   */
  readonly tls?: ClientTls;
  /**
   * Request timeout (whole seconds).
   * @default - Argo Events' default (10s)
   */
  readonly timeout?: Duration;
  /**
   * Event fields written into the trigger's own fields (dest paths like `url`).
   * @default - none
   */
  readonly parameters?: TriggerParameterMapping[];
}

/** @internal */
export function httpAction(o: HttpTriggerOptions): TemplateAction {
  const dynamic = Object.entries(o.dynamicHeaders ?? {});
  return new TemplateAction({
    fields: [...Object.values(o.payload ?? {}), ...dynamic.map(d => d[1]), ...(o.parameters ?? []).map(p => p.from)],
    render: (resolve): { http: HttpTrigger } => ({
      http: {
        url: o.url,
        method: o.method ?? HttpTriggerMethod.POST,
        payload: payloadOf(o.payload, resolve),
        headers: o.headers,
        secureHeaders: renderSecureHeaders(o.secureHeaders, 'TriggerAction.http()'),
        dynamicHeaders: dynamic.length ? dynamic.map(([name, field]) => ({ src: resolve(field), dest: name })) : undefined,
        basicAuth: renderBasicAuth(o.basicAuth, 'TriggerAction.http(): basicAuth'),
        tls: renderTls(o.tls, 'TriggerAction.http()'),
        timeout: wholeSeconds(o.timeout, 'TriggerAction.http(): timeout'),
        parameters: renderMappings(o.parameters, resolve),
      },
    }),
    secrets: [o.basicAuth?.username, o.basicAuth?.password, o.tls?.caCertificate, o.tls?.clientCertificate?.certificate, o.tls?.clientCertificate?.key,
      ...Object.values(o.secureHeaders ?? {}).filter((s): s is Extract<HeaderValueSource, { secret: unknown }> => 'secret' in s)],
  });
}
