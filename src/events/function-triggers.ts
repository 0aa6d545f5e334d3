import { CustomTrigger, OpenWhiskTrigger } from '../../imports/argo-events';
import { SecretKeyRef } from '../core/object-refs';
import { MessageTriggerOptions } from './messaging-triggers';
import { secretSelector } from './source-options';
import { EventPayload, payloadOf, TemplateAction } from './template-action';
import { renderMappings, TriggerParameterMapping } from './trigger-parameters';

/** Options of an Apache OpenWhisk trigger. */
export interface OpenWhiskTriggerOptions extends MessageTriggerOptions {
  /** OpenWhisk host, e.g. `openwhisk.example.com:443`. */
  readonly host: string;
  /** Action to invoke. */
  readonly actionName: string;
  /**
   * Namespace of the action.
   * @default - Argo Events' default (`_`)
   */
  readonly namespace?: string;
  /**
   * API version.
   * @default - Argo Events' default (`v1`)
   */
  readonly version?: string;
  /**
   * Secret key holding the auth token.
   * @default - none
   */
  readonly authToken?: SecretKeyRef;
}

/** @internal */
export function openWhiskAction(o: OpenWhiskTriggerOptions): TemplateAction {
  return new TemplateAction({
    fields: [...Object.values(o.payload), ...(o.parameters ?? []).map(p => p.from)],
    render: (resolve): { openWhisk: OpenWhiskTrigger } => ({
      openWhisk: {
        host: o.host,
        actionName: o.actionName,
        namespace: o.namespace,
        version: o.version,
        authToken: secretSelector(o.authToken, 'TriggerAction.openWhisk(): authToken'),
        payload: payloadOf(o.payload, resolve) ?? [],
        parameters: renderMappings(o.parameters, resolve),
      },
    }),
    secrets: [o.authToken],
  });
}

/** Options of a custom trigger (a gRPC server implementing Argo Events' Trigger service). */
export interface CustomTriggerOptions {
  /** Address of the trigger server, e.g. `my-trigger.argo-events.svc:9000`. */
  readonly serverUrl: string;
  /** The trigger's specification, sent to the server (its own keys). */
  readonly spec: { readonly [key: string]: string };
  /**
   * Connect over TLS.
   * @default false
   */
  readonly secure?: boolean;
  /**
   * Secret key holding the server's certificate (with `secure`).
   * @default - none
   */
  readonly certSecret?: SecretKeyRef;
  /**
   * Server name to verify the certificate against.
   * @default - the host of `serverUrl`
   */
  readonly serverNameOverride?: string;
  /**
   * Payload sent with the spec, built from event fields.
   * @default - none
   */
  readonly payload?: EventPayload;
  /**
   * Event fields written into the resource the server makes (dest paths into it).
   * @default - none
   */
  readonly parameters?: TriggerParameterMapping[];
}

/** @internal */
export function customAction(o: CustomTriggerOptions): TemplateAction {
  return new TemplateAction({
    fields: [...Object.values(o.payload ?? {}), ...(o.parameters ?? []).map(p => p.from)],
    render: (resolve): { custom: CustomTrigger } => ({
      custom: {
        serverUrl: o.serverUrl,
        spec: o.spec,
        secure: o.secure,
        certSecret: secretSelector(o.certSecret, 'TriggerAction.custom(): certSecret'),
        serverNameOverride: o.serverNameOverride,
        payload: payloadOf(o.payload, resolve),
        parameters: renderMappings(o.parameters, resolve),
      },
    }),
    secrets: [o.certSecret],
  });
}
