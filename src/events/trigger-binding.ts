import { TriggerParameter, TriggerParameterSource, TriggerTemplate } from '../../imports/argo-events';
import { IServiceAccountRef, SecretKeyRef } from '../core/object-refs';
import { EventField } from './event-field';

/** A permission a trigger needs on the Kubernetes API, granted to the sensor's service account. */
export interface SensorPermission {
  /** API group (`''` for the core group, `argoproj.io`...). */
  readonly apiGroup: string;
  /** Resource (plural), e.g. `workflows`. */
  readonly resource: string;
  /** Verbs, e.g. `create`; never `*`. */
  readonly verbs: readonly string[];
  /**
   * True for a cluster-scoped resource, or for a resource of every namespace (granted through a
   * ClusterRole).
   * @default false
   */
  readonly clusterScoped?: boolean;
  /**
   * Namespace of the resource, when it is not the pod's own (granted through a Role there).
   * @default - the pod's namespace
   */
  readonly namespace?: string;
}

/** Turns an event field into the `src` of a trigger parameter (the sensor resolves the dependency). */
export type FieldResolver = (field: EventField) => TriggerParameterSource;

/** The action part of a trigger template: everything except name and conditions. */
export type TriggerActionTemplate = Omit<TriggerTemplate, 'name' | 'conditions' | 'conditionsReset'>;

/** What a trigger action gets from the sensor it is added to, when it is bound to one of its triggers. */
export interface TriggerBindContext {
  /** `metadata.name` of the sensor. */
  readonly sensorName: string;
  /**
   * `metadata.namespace` of the sensor, if set.
   * @default - the namespace it is applied to
   */
  readonly sensorNamespace?: string;
  /** Path of the trigger's template in the manifest, for messages (`spec.triggers[0].template`). */
  readonly path: string;
  /** True when the trigger has a Kubernetes label policy (the sensor then reads the resource). */
  readonly hasResourcePolicy: boolean;
  /** Grants the sensor's service account permissions. */
  grant(permissions: readonly SensorPermission[]): void;
  /**
   * Service account submitted workflows run as when they name none, in the namespace they run in
   * (default: the sensor's); undefined when the sensor manages no workflow RBAC.
   */
  defaultWorkflowServiceAccount(namespace?: string): string | undefined;
  /**
   * Lets a service account write workflowtaskresults (the Argo executor's requirement) in the
   * namespace the workflows run in (default: the sensor's); an account named by string is that namespace's.
   */
  grantExecutor(serviceAccount: string | IServiceAccountRef, namespace?: string): void;
  /** Problems with Secrets the sensor pod mounts for the action (one of another namespace cannot be mounted), as messages. */
  checkSecrets(secrets: readonly SecretKeyRef[]): string[];
}

/** An action bound to one trigger of one sensor. */
export interface BoundTriggerAction {
  /** Every event field the action reads (the sensor checks that they resolve). */
  readonly fields: readonly EventField[];
  /** The action part of the trigger template. */
  render(resolve: FieldResolver): TriggerActionTemplate;
  /**
   * Trigger-level parameters the action adds (dest paths into the template it renders).
   * @default - none
   */
  readonly triggerParameters?: (resolve: FieldResolver) => TriggerParameter[];
  /** Problems in the action's configuration, as messages (paths from the trigger template's, in the context). */
  check(): string[];
  /**
   * Why Argo Events reports the action failed even when it ran (then a retry runs it again, and a
   * dead-letter trigger fires every time: the sensor refuses both).
   * @default - the action's result is reported as it is
   */
  readonly failsAfterRunning?: string;
  /**
   * Path, from the trigger template's, of an inline resource that is a construct of the
   * sensor's resourceScope: its own validation reports on it, so the sensor's lint does not.
   * @default - none
   */
  readonly checkedResource?: string;
}

/**
 * What a trigger does: submit a workflow, create a Kubernetes object, call a URL, post to Slack
 * or Kafka... `TriggerAction` creates the ones this library knows; implement it for another kind
 * (bind() grants what the action calls and returns how it renders).
 */
export interface ITriggerAction {
  /** Binds the action to one trigger of a sensor: grants its permissions, and returns its rendering and checks. */
  bind(ctx: TriggerBindContext): BoundTriggerAction;
}
