import { HttpTrigger, KafkaTrigger, SlackTrigger, TriggerParameter } from '../../imports/argo-events';
import { SecretKeyRef } from '../core/object-refs';
import { expectSecretKey, secretKeySelector } from '../core/ref-inspection';
import { EventField } from './event-field';
import { BoundTriggerAction, FieldResolver, ITriggerAction, SensorPermission, TriggerActionTemplate, TriggerBindContext } from './trigger-binding';
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

/** A JSON payload built from event fields: key -> field (keys may be paths, e.g. `a.b`). */
export type EventPayload = { readonly [key: string]: EventField };

/** Options of an HTTP trigger (the generated type, with typed method and payload). */
export interface HttpTriggerOptions extends Omit<HttpTrigger, 'method' | 'payload' | 'parameters'> {
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
   * Event fields written into the trigger's own fields (e.g. dest `url`).
   * @default - none
   */
  readonly parameters?: TriggerParameterMapping[];
}

/** Options of a Slack trigger. */
export interface SlackTriggerOptions extends Omit<SlackTrigger, 'slackToken' | 'channel' | 'message' | 'parameters'> {
  /** Secret key holding the Slack bot token. */
  readonly token: SecretKeyRef;
  /** Channel to post to, fixed or from the event. */
  readonly channel: string | EventField;
  /** Message to post, fixed or from the event. */
  readonly message: string | EventField;
}

/** Options of a Kafka trigger. */
export interface KafkaTriggerOptions extends Omit<KafkaTrigger, 'payload' | 'parameters'> {
  /** Message body, built from event fields. */
  readonly payload: EventPayload;
  /**
   * Event fields written into the trigger's own fields.
   * @default - none
   */
  readonly parameters?: TriggerParameterMapping[];
}

function payloadOf(payload: EventPayload | undefined, resolve: FieldResolver): TriggerParameter[] | undefined {
  const entries = Object.entries(payload ?? {});
  return entries.length ? entries.map(([dest, field]) => ({ src: resolve(field), dest })) : undefined;
}

/** An action that calls no Kubernetes API: it only renders a template. @internal */
export class TemplateAction implements ITriggerAction {
  /** HTTP request. */
  public static http(options: HttpTriggerOptions): TemplateAction {
    const { payload, parameters, ...rest } = options;
    return new TemplateAction([...Object.values(payload ?? {}), ...(parameters ?? []).map(p => p.from)], resolve => ({
      http: { ...rest, method: options.method ?? HttpTriggerMethod.POST, payload: payloadOf(payload, resolve), parameters: renderMappings(parameters, resolve) },
    }));
  }

  /** Slack message; event-valued channel/message become trigger parameters with computed paths. */
  public static slack(options: SlackTriggerOptions): TemplateAction {
    const { token, channel, message, ...rest } = options;
    expectSecretKey(token, 'TriggerAction.slack(): token');
    const dynamic = ([['channel', channel], ['message', message]] as const).filter((e): e is ['channel' | 'message', EventField] => e[1] instanceof EventField);
    return new TemplateAction(dynamic.map(d => d[1]), () => ({
      slack: {
        ...rest,
        slackToken: secretKeySelector(token),
        channel: typeof channel === 'string' ? channel : undefined,
        message: typeof message === 'string' ? message : undefined,
      },
    }), resolve => dynamic.map(([key, field]) => ({ src: resolve(field), dest: `slack.${key}` })));
  }

  /** Kafka message. */
  public static kafka(options: KafkaTriggerOptions): TemplateAction {
    const { payload, parameters, ...rest } = options;
    return new TemplateAction([...Object.values(payload), ...(parameters ?? []).map(p => p.from)], resolve => ({
      kafka: { ...rest, payload: payloadOf(payload, resolve), parameters: renderMappings(parameters, resolve) },
    }));
  }

  /** Any trigger template written with the generated types, with the permissions it needs. */
  public static custom(template: TriggerActionTemplate, permissions: readonly SensorPermission[]): TemplateAction {
    return new TemplateAction([], () => template, undefined, permissions);
  }

  private constructor(
    private readonly fields: readonly EventField[],
    private readonly renderTemplate: (resolve: FieldResolver) => TriggerActionTemplate,
    /** Trigger-level parameters the action adds (paths into the template). */
    public readonly _triggerParameters?: (resolve: FieldResolver) => TriggerParameter[],
    private readonly permissions: readonly SensorPermission[] = []) {}

  /** Grants what the action calls and returns how it renders. */
  public bind(ctx: TriggerBindContext): BoundTriggerAction {
    if (this.permissions.length) ctx.grant(this.permissions);
    return {
      fields: this.fields,
      render: resolve => this.renderTemplate(resolve),
      triggerParameters: this._triggerParameters,
      check: () => [],
    };
  }
}
