import { SecureHeader, TriggerParameter } from '../../imports/argo-events';
import { SecretKeyRef } from '../core/object-refs';
import { expectKind, secretKeySelector } from '../core/ref-inspection';
import { ConfigMapKeyRef } from '../workflows/artifact-location';
import { EventField } from './event-field';
import { BoundTriggerAction, FieldResolver, ITriggerAction, SensorPermission, TriggerActionTemplate, TriggerBindContext } from './trigger-binding';

/** A JSON payload built from event fields: key -> field (keys may be paths, e.g. `a.b`). */
export type EventPayload = { readonly [key: string]: EventField };

/** Where a header's value is read at run time: a Secret key, or a ConfigMap key. */
export type HeaderValueSource = SecretKeyRef | ConfigMapKeyRef;

/** A value fixed in the manifest, or read from the event when the trigger fires. */
export type TriggerValue = string | EventField;

/** @internal */
export function payloadOf(payload: EventPayload | undefined, resolve: FieldResolver): TriggerParameter[] | undefined {
  const entries = Object.entries(payload ?? {});
  return entries.length ? entries.map(([dest, field]) => ({ src: resolve(field), dest })) : undefined;
}

/** @internal */
export function renderSecureHeaders(headers: { readonly [name: string]: HeaderValueSource } | undefined, where: string): SecureHeader[] | undefined {
  const entries = Object.entries(headers ?? {});
  if (!entries.length) return undefined;
  return entries.map(([name, source]) => {
    if ('secret' in source) {
      expectKind(source.secret, 'Secret', `${where}: secureHeaders.${name}`);
      return { name, valueFrom: { secretKeyRef: secretKeySelector(source) } };
    }
    expectKind(source.configMap, 'ConfigMap', `${where}: secureHeaders.${name}`);
    return { name, valueFrom: { configMapKeyRef: { name: source.configMap.name, key: source.key } } };
  });
}

/** The fields of a trigger template that may be fixed or come from the event: their fixed values, and trigger parameters for the others. @internal */
export class EventValues {
  private readonly dynamic: { readonly dest: string; readonly field: EventField }[] = [];

  /** The fixed value of `value` (undefined when it comes from the event, recorded for `dest`). */
  public fixed(value: TriggerValue | undefined, dest: string): string | undefined {
    if (value === undefined || typeof value === 'string') return value;
    this.dynamic.push({ dest, field: value });
    return undefined;
  }

  /** The fixed values of a list; event values are appended at run time (`dest.-1`). */
  public fixedList(values: readonly TriggerValue[] | undefined, dest: string): string[] | undefined {
    if (!values) return undefined;
    const fixed = values.filter((v): v is string => typeof v === 'string');
    for (const v of values) if (typeof v !== 'string') this.dynamic.push({ dest: `${dest}.-1`, field: v });
    return fixed.length || values.length === 0 ? fixed : undefined;
  }

  /** Every event field read. */
  public get fields(): EventField[] {
    return this.dynamic.map(d => d.field);
  }

  /** The trigger parameters writing the event values. */
  public parameters(resolve: FieldResolver): TriggerParameter[] {
    return this.dynamic.map(d => ({ src: resolve(d.field), dest: d.dest }));
  }
}

/** What a template action is made of. @internal */
export interface TemplateActionParts {
  /** Every event field the template reads. */
  readonly fields: readonly EventField[];
  readonly render: (resolve: FieldResolver) => TriggerActionTemplate;
  /** Trigger-level parameters the action adds (paths into the template). */
  readonly triggerParameters?: (resolve: FieldResolver) => TriggerParameter[];
  /** Permissions on the Kubernetes API. */
  readonly permissions?: readonly SensorPermission[];
  /** Secrets the sensor pod mounts (they must be in its namespace). */
  readonly secrets?: readonly (SecretKeyRef | undefined)[];
}

/** An action that only renders a template (HTTP, messaging, cloud, notification triggers). @internal */
export class TemplateAction implements ITriggerAction {
  constructor(private readonly parts: TemplateActionParts) {}

  /** Grants what the action calls (usually nothing: secrets are mounted, not read through the API) and returns how it renders. */
  public bind(ctx: TriggerBindContext): BoundTriggerAction {
    if (this.parts.permissions?.length) ctx.grant(this.parts.permissions);
    const secrets = (this.parts.secrets ?? []).filter((s): s is SecretKeyRef => s !== undefined);
    return {
      fields: this.parts.fields,
      render: resolve => this.parts.render(resolve),
      triggerParameters: this.parts.triggerParameters,
      check: () => ctx.checkSecrets(secrets),
    };
  }
}
