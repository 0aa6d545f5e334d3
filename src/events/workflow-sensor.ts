import { ApiObjectMetadata, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { ArgoSensor, SensorSpec } from '../../imports/argo-events';
import { IServiceAccountRef, SecretKeyRef } from '../core/object-refs';
import { expectKind, namespaceOf } from '../core/ref-inspection';
import { markChanged } from '../core/revision';
import { addArgoValidation, addConstructCheck } from '../core/validation';
import { withoutUndefined } from '../core/without-undefined';
import { eventBusNameOf, IEventBus } from './event-bus';
import { EventField } from './event-field';
import { IEventSourceEvent } from './event-handle';
import { SensorObject } from './event-objects';
import { electsWithLease, isKafkaBus, LEASE_PERMISSION } from './leader-election';
import { EventsPodProps, renderPodTemplate } from './pod-template';
import { SensorDependency, SensorDependencyOptions } from './sensor-dependency';
import { SensorRbac } from './sensor-rbac';
import { ITriggerHost, SensorTrigger, SensorTriggerOptions } from './sensor-trigger';
import { TriggerAction } from './trigger-action';
import { FieldResolver, ITriggerAction, SensorPermission, TriggerBindContext } from './trigger-binding';
import { TriggerResourceScope } from './trigger-resource-scope';
import { SubmitWorkflowOptions } from './workflow-trigger-actions';
import { Workflow } from '../workflows/workflow';
import { IWorkflowTemplate } from '../workflows/workflow-template-ref';
import { TriggerResource } from './trigger-resource';
import { constructId } from '../core/construct-id';
import { checkInteger } from '../core/number-check';
import { checkLevel, DEFAULT_POD_SECURITY, podSecurityPromises, recordPodSecurity, securedEventsTemplate } from '../core/pod-security';

/** Properties of a `WorkflowSensor`. */
export interface WorkflowSensorProps extends EventsPodProps {
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
  private readonly sensorObject: SensorObject;
  private resources?: TriggerResourceScope;
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
        template: securedEventsTemplate(podSecurity, renderPodTemplate(props, this.serviceAccount.name)),
        replicas: props.replicas,
        errorOnFailedRound: props.errorOnFailedRound,
        loggingFields: props.loggingFields,
      }),
    });
    this.sensorObject = new SensorObject(this, 'Resource', { metadata: props.metadata, spec });
    this.apiObject = this.sensorObject;
    this.name = this.apiObject.name;
    this.namespace = this.apiObject.metadata.namespace;
    this.rbac = new SensorRbac(this, 'Rbac', {
      sensorName: this.name, namespace: this.namespace, serviceAccount: props.serviceAccount, executor: props.workflowExecutorRbac ?? true,
    });
    this.serviceAccount = this.rbac.serviceAccount;
    // A sensor on a Kafka bus elects no leader; told to elect with a Lease (LEADER_ELECTION=k8s), it needs that Lease.
    if (electsWithLease(props) && !isKafkaBus(props.eventBus)) this.rbac.grant([LEASE_PERMISSION]);
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

  /**
   * The scope to define the objects the triggers create or submit in (`new Workflow(sensor.resourceScope, 'run', ...)`,
   * a cdk8s-plus Job...): a chart of its own, never written to the app's output (applying a Workflow
   * would run it at once), whose constructs are checked at synth like the app's, and reported here.
   */
  public get resourceScope(): Construct {
    if (!this.resources) {
      const resources = new TriggerResourceScope(this.name);
      this.resources = resources;
      addConstructCheck(this, () => resources.validate().map(e => `Sensor/${this.name}: a resource of its resourceScope: ${e}`));
    }
    return this.resources.chart;
  }

  /** Waits for an event (an endpoint handle, a calendar event, `source.event(name)`); returns the dependency. */
  public addDependency<F extends string>(event: IEventSourceEvent<F>, options: SensorDependencyOptions = {}): SensorDependency<F> {
    const name = options.name ?? event.eventName;
    if (this.dependencyList.some(d => d.name === name)) {
      throw new Error(`[${this.node.path}] Sensor/${this.name}: spec.dependencies: dependency "${name}" is defined twice; `
        + 'Argo Events would accept it and keep only one of them, silently. Pass a distinct `name` in the options.');
    }
    const dep = new SensorDependency<F>(this.dependencyScope, name, event, options, this.sensorObject, this.dependencyList.length);
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

  /** Shorthand: a trigger submitting a workflow from a template, a Workflow of `resourceScope` or a source (see `TriggerAction.submitWorkflow`). */
  public submitWorkflow(name: string, workflow: IWorkflowTemplate | Workflow | TriggerResource, options: SubmitWorkflowOptions & SensorTriggerOptions = {}): SensorTrigger {
    return this.addTrigger(name, TriggerAction.submitWorkflow(workflow, options), options);
  }

  /**
   * Escape hatch: sets a field of the Sensor manifest (Argo's field names, from the root), e.g.
   * `addOverride('spec.template.priorityClassName', 'high')`; `undefined` removes it. Triggers and
   * dependencies have their own `addOverride()`, relative to their entries.
   */
  public addOverride(path: string | readonly string[], value: unknown): void {
    markChanged();
    this.sensorObject.overrides.add([], path, value, `[${this.node.path}]`);
  }

  private triggerHost(): ITriggerHost {
    return {
      apiObject: this.sensorObject,
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
        defaultWorkflowServiceAccount: namespace => this.rbac.defaultWorkflowServiceAccount(namespace),
        grantExecutor: (sa, namespace) => this.rbac.grantExecutor(sa, namespace),
        checkSecrets: secrets => this.checkSecrets(path, secrets),
      }),
    };
  }

  /** Secrets the pod mounts for a trigger: Kubernetes mounts only Secrets of the pod's namespace. */
  private checkSecrets(path: string, secrets: readonly SecretKeyRef[]): string[] {
    const errors: string[] = [];
    for (const s of new Set(secrets.map(x => x.secret))) {
      const ns = namespaceOf(s);
      if (ns && this.namespace && ns !== this.namespace) {
        errors.push(`${path}: Secret "${s.name}" is in namespace "${ns}", the sensor in "${this.namespace}": the controller mounts the Secrets a trigger uses into the sensor pod, `
          + 'and a pod mounts Secrets of its own namespace only, so it would not start. Create the Secret in the sensor\'s namespace.');
      }
    }
    return errors;
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
