import { ApiObjectMetadata, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { ArgoSensor, EventsTemplate, SensorSpec } from '../../imports/argo-events';
import { IServiceAccountRef } from '../core/object-refs';
import { expectKind } from '../core/ref-inspection';
import { addArgoValidation } from '../core/validation';
import { withoutUndefined } from '../core/without-undefined';
import { eventBusNameOf, IEventBus } from './event-bus';
import { EventField } from './event-field';
import { IEventSourceEvent } from './event-handle';
import { SensorDependency, SensorDependencyOptions } from './sensor-dependency';
import { SensorRbac } from './sensor-rbac';
import { ITriggerHost, SensorTrigger, SensorTriggerOptions } from './sensor-trigger';
import { TriggerAction } from './trigger-action';
import { FieldResolver, ITriggerAction, SensorPermission, TriggerBindContext } from './trigger-binding';
import { SubmitWorkflowOptions } from './workflow-trigger-actions';
import { IWorkflowTemplate } from '../workflows/workflow-template-ref';
import { constructId } from '../core/construct-id';
import { checkInteger } from '../core/number-check';
import { checkLevel, DEFAULT_POD_SECURITY, PodSecurity, podSecurityPromises, recordPodSecurity, securedEventsTemplate } from '../core/pod-security';

/** Properties of a `WorkflowSensor`. */
export interface WorkflowSensorProps {
  /**
   * Metadata of the Sensor object.
   * @default - a name generated from the construct path
   */
  readonly metadata?: ApiObjectMetadata;
  /**
   * The bus the sensor subscribes to.
   * @default - the bus named `default`
   */
  readonly eventBus?: IEventBus;
  /**
   * An existing service account for the sensor pod. When given, no RBAC is generated for the
   * sensor: that account must already allow what the triggers do (see `requiredPermissions`).
   * @default - a ServiceAccount, Role and RoleBinding granting exactly what the triggers need
   */
  readonly serviceAccount?: IServiceAccountRef;
  /**
   * Give the service accounts that submitted workflows run as the executor permissions
   * (create and patch on workflowtaskresults, required since Argo Workflows 3.4), creating a
   * `<sensor>-workflow` ServiceAccount for workflows that name none.
   * @default true
   */
  readonly workflowExecutorRbac?: boolean;
  /**
   * Number of sensor pods.
   * @default 1
   */
  readonly replicas?: number;
  /**
   * Pod template of the sensor deployment.
   * @default - Argo Events' defaults
   */
  readonly template?: Omit<EventsTemplate, 'serviceAccountName'>;
  /**
   * Pod Security level of the pod (see `PodSecurity`): by default it meets "restricted" (user
   * 9731 unless set, RuntimeDefault seccomp, no privilege escalation, all capabilities dropped)
   * and a setting of \`template\` that breaks it fails the synth.
   * @default PodSecurity.RESTRICTED
   */
  readonly podSecurity?: PodSecurity;
  /**
   * Mark the sensor failed when a trigger round fails.
   * @default false
   */
  readonly errorOnFailedRound?: boolean;
  /**
   * Extra key/values in the sensor's log lines.
   * @default - none
   */
  readonly loggingFields?: { readonly [key: string]: string };
}

/**
 * An Argo Events Sensor: dependencies on events (from endpoint handles or EventSources), and
 * triggers that submit workflows or call other targets, with least-privilege RBAC.
 *
 * ```ts
 * const sensor = new WorkflowSensor(this, 'on-omega', { eventBus: bus });
 * const dep = sensor.addDependency(omega);
 * sensor.submitWorkflow('run-a', a, { arguments: [{ parameter: size, from: dep.body('size') }] });
 * ```
 */
export class WorkflowSensor extends Construct {
  /** `metadata.name` of the Sensor. */
  public readonly name: string;
  /** `metadata.namespace`, if set. */
  public readonly namespace?: string;
  /** The generated Sensor object. */
  public readonly apiObject: ArgoSensor;
  /** Service account of the sensor pod. */
  public readonly serviceAccount: IServiceAccountRef;
  private readonly rbac: SensorRbac;
  private readonly dependencyScope: Construct;
  private readonly triggerScope: Construct;
  private readonly dependencyList: SensorDependency[] = [];
  private readonly triggerList: SensorTrigger[] = [];

  constructor(scope: Construct, id: string, props: WorkflowSensorProps = {}) {
    super(scope, constructId(scope, id));
    expectKind(props.serviceAccount, 'ServiceAccount', `${this.node.path}: serviceAccount`);
    checkLevel(this, props.podSecurity);
    const podSecurity = props.podSecurity ?? DEFAULT_POD_SECURITY;
    checkInteger(this, 'replicas', props.replicas, { min: 1, outOfRange: 'Argo Events runs one pod for any value below 1 (it cannot scale to zero); delete the object to stop it' });
    const spec: SensorSpec = Lazy.any({
      produce: (): SensorSpec => withoutUndefined({
        dependencies: this.dependencyList.map(d => d._render()),
        triggers: this.triggerList.map(t => t._render()),
        eventBusName: eventBusNameOf(props.eventBus),
        template: securedEventsTemplate(podSecurity, { ...props.template, serviceAccountName: this.serviceAccount.name }),
        replicas: props.replicas,
        errorOnFailedRound: props.errorOnFailedRound,
        loggingFields: props.loggingFields,
      }),
    });
    this.apiObject = new ArgoSensor(this, 'Resource', { metadata: props.metadata, spec });
    this.name = this.apiObject.name;
    this.namespace = this.apiObject.metadata.namespace;
    this.rbac = new SensorRbac(this, 'Rbac', {
      sensorName: this.name, namespace: this.namespace, serviceAccount: props.serviceAccount, executor: props.workflowExecutorRbac ?? true,
    });
    this.serviceAccount = this.rbac.serviceAccount;
    this.dependencyScope = new Construct(this, 'Dependencies');
    this.triggerScope = new Construct(this, 'Triggers');
    addArgoValidation(this, () => ({ apiObject: this.apiObject, promises: podSecurityPromises(podSecurity) }), () => this.check(props.eventBus));
    recordPodSecurity(this, podSecurity, { namespace: () => this.namespace, where: () => `Sensor/${this.name}: spec.template` });
  }

  /** The sensor's dependencies, in order. */
  public get dependencies(): readonly SensorDependency[] {
    return [...this.dependencyList];
  }

  /** The sensor's triggers, in order. */
  public get triggers(): readonly SensorTrigger[] {
    return [...this.triggerList];
  }

  /** Every permission the triggers need on the Kubernetes API (granted unless a service account was given). */
  public get requiredPermissions(): readonly SensorPermission[] {
    return this.rbac.permissions;
  }

  /** Waits for an event (an endpoint handle, a calendar event, `source.event(name)`); returns the dependency. */
  public addDependency(event: IEventSourceEvent, options: SensorDependencyOptions = {}): SensorDependency {
    const name = options.name ?? event.eventName;
    if (this.dependencyList.some(d => d.name === name)) {
      throw new Error(`[${this.node.path}] Sensor/${this.name}: spec.dependencies: dependency "${name}" is defined twice; `
        + 'Argo Events would accept it and keep only one of them, silently. Pass a distinct `name` in the options.');
    }
    const dep = new SensorDependency(this.dependencyScope, name, event, options, this.apiObject, this.dependencyList.length);
    this.dependencyList.push(dep);
    return dep;
  }

  /** Adds a trigger running `action` (see `TriggerAction`); returns it. */
  public addTrigger(name: string, action: ITriggerAction, options: SensorTriggerOptions = {}): SensorTrigger {
    if (this.triggerList.some(t => t.name === name)) {
      throw new Error(`[${this.node.path}] Sensor/${this.name}: spec.triggers: trigger "${name}" is defined twice; `
        + 'Argo Events rejects the sensor. Give each trigger a unique name.');
    }
    const trigger = new SensorTrigger(this.triggerScope, name, action, options, this.triggerHost(), this.triggerList.length);
    this.triggerList.push(trigger);
    return trigger;
  }

  /** Shorthand: a trigger submitting a workflow from `template` (see `TriggerAction.submitWorkflow`). */
  public submitWorkflow(name: string, template: IWorkflowTemplate, options: SubmitWorkflowOptions & SensorTriggerOptions = {}): SensorTrigger {
    return this.addTrigger(name, TriggerAction.submitWorkflow(template, options), options);
  }

  private triggerHost(): ITriggerHost {
    return {
      apiObject: this.apiObject,
      checkField: field => this.resolve(field).error,
      checkDependency: dep => (this.dependencyList.some(d => d === dep) ? undefined
        : `dependency "${dep.name}" (${dep.node.path}) belongs to another sensor; Argo Events would wait for a dependency this sensor does not have and never fire. `
          + 'Add a dependency on the event to this sensor and use that.'),
      resolver: (): FieldResolver => field => field._render(this.resolve(field).name ?? field.source.eventName),
      bindContext: (path, hasResourcePolicy): TriggerBindContext => ({
        path,
        hasResourcePolicy,
        sensorName: this.name,
        sensorNamespace: this.namespace,
        grant: permissions => this.rbac.grant(permissions),
        defaultWorkflowServiceAccount: () => this.rbac.defaultWorkflowServiceAccount(),
        grantExecutor: sa => this.rbac.grantExecutor(sa),
      }),
    };
  }

  /** The dependency a field reads from, or why there is none. */
  private resolve(field: EventField): { name?: string; error?: string } {
    const source = field.source;
    if (source instanceof SensorDependency) {
      return this.dependencyList.includes(source) ? { name: source.name }
        : { error: `reads ${field.describe()} through dependency "${source.name}" of another sensor (${source.node.path}); Argo Events would find no such dependency here `
          + 'and silently skip the parameter. Add a dependency on the event to this sensor and read the field from it.' };
    }
    const matches = this.dependencyList.filter(d => d.eventSourceName === source.eventSourceName && d.eventName === source.eventName);
    if (matches.length === 1) return { name: matches[0].name };
    if (matches.length === 0) {
      return { error: `maps a parameter from ${field.describe()}, which the sensor does not depend on; Argo Events would accept the sensor and silently skip the parameter. `
        + 'Add sensor.addDependency(<that event>) first.' };
    }
    return { error: `reads ${field.describe()}, but dependencies ${matches.map(d => `"${d.name}"`).join(' and ')} both wait for that event. `
      + 'Read the field from one dependency object instead (dependency.body(...)).' };
  }

  private check(bus: IEventBus | undefined): string[] {
    const object = `Sensor/${this.name}`;
    const errors: string[] = [];
    if (bus?.namespace && this.namespace && bus.namespace !== this.namespace) {
      errors.push(`${object}: spec.eventBusName: EventBus "${bus.name}" is in namespace "${bus.namespace}", the sensor in "${this.namespace}"; Argo Events looks the bus up in the sensor's namespace. Define both in the same namespace.`);
    }
    this.dependencyList.forEach((d, i) => {
      const ns = d.event.namespace;
      if (ns && this.namespace && ns !== this.namespace) {
        errors.push(`${object}: spec.dependencies[${i}]: event ${d.eventSourceName}/${d.eventName} comes from namespace "${ns}" but the sensor is in "${this.namespace}"; `
          + 'events only travel on the bus of their own namespace, so the sensor would never receive it. Define the sensor in the same namespace.');
      }
    });
    errors.push(...this.rbac.check().map(e => `${object}: ${e}`));
    return errors;
  }
}
