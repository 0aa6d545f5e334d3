import { Manifest } from '../lint/types';
import { formatSimulation } from '../simulate/format';
import { FiredTrigger, SimulationResult } from '../simulate/types';
import { IWorkflowTemplate } from '../workflows/workflow-template-ref';

/** Something that names a sensor: a WorkflowSensor, or its `metadata.name`. */
export type SensorLike = string | {
  /** `metadata.name` of the sensor. */
  readonly name: string;
  /** The construct node, when a construct is given. */
  readonly node?: unknown;
};

/** Something that names a trigger: a SensorTrigger, or its name. */
export type TriggerLike = string | {
  /** Name of the trigger. */
  readonly name: string;
};

function nameOf(x: SensorLike | TriggerLike): string {
  return typeof x === 'string' ? x : x.name;
}

/**
 * What a simulation did, for assertions: which sensors and triggers fired, the workflows they
 * submit (with their parameters), and the full result for anything else.
 */
export class SensorSimulation {
  constructor(
    /** The engine's full result: every event, dependency, filter check and fired trigger. */
    public readonly result: SimulationResult) {}

  /** Every trigger that fired, in order. */
  public get fired(): readonly FiredTrigger[] {
    return this.result.fired;
  }

  /** Names of the sensors that fired at least one trigger, in order, without repeats. */
  public get firedSensors(): string[] {
    return [...new Set(this.result.fired.map(f => f.sensor))];
  }

  /** True when the sensor (or the trigger of that sensor) fired. */
  public didFire(sensor: SensorLike, trigger?: TriggerLike): boolean {
    return this.result.fired.some(f => f.sensor === nameOf(sensor) && (trigger === undefined || f.trigger === nameOf(trigger)));
  }

  /**
   * The Workflows fired triggers would create (argoWorkflow submit, k8s create), optionally
   * only those running `template` through `workflowTemplateRef`.
   */
  public submitted(template?: IWorkflowTemplate): Manifest[] {
    return this.result.fired
      .filter(f => f.resource?.kind === 'Workflow' && (f.operation === 'submit' || f.operation === 'create') && !f.error && !f.notSimulated)
      .map(f => f.resource!)
      .filter(w => !template || (w.spec?.workflowTemplateRef?.name === template.name && !!w.spec?.workflowTemplateRef?.clusterScope === template.clusterScope));
  }

  /** `spec.arguments.parameters` of a workflow as name -> value. */
  public static parametersOf(workflow: Manifest): { [name: string]: string | undefined } {
    const out: { [name: string]: string | undefined } = {};
    for (const p of workflow.spec?.arguments?.parameters ?? []) out[p.name] = p.value;
    return out;
  }

  /** The whole simulation as the CLI prints it (events, dependencies, filters, fired triggers). */
  public explain(): string {
    return formatSimulation(this.result);
  }
}
