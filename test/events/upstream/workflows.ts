/** The Workflows the upstream sensor examples create, written with the typed API in a sensor's resourceScope. */
import { Construct } from 'constructs';
import { WorkflowSensor } from '../../../src/events';
import { InputParameter, Workflow, WorkflowParameter } from '../../../src/workflows';
import { WorkflowProps } from '../../../src/workflows/workflow';

let counter = 0;

/** A new Workflow in the sensor's resource scope, named by generateName (or by name). */
export function workflowIn(sensor: WorkflowSensor, name: { generateName: string } | { name: string }, props: Omit<WorkflowProps, 'generateName'> = {}): Workflow {
  const scope: Construct = sensor.resourceScope;
  return 'name' in name
    ? new Workflow(scope, `wf${++counter}`, { ...props, metadata: { ...props.metadata, name: name.name } })
    : new Workflow(scope, `wf${++counter}`, { ...props, generateName: name.generateName });
}

/** Options of the echo workflow. */
export interface EchoOptions {
  readonly message?: string;
  readonly entrypoint?: string;
  readonly image?: string;
  readonly command?: string;
}

/**
 * The workflow most examples create: a `message` argument ("hello world"), printed by a
 * `print-message` template taking it as an input.
 */
export function echoWorkflow(sensor: WorkflowSensor, name: { generateName: string } | { name: string }, o: EchoOptions = {}): { workflow: Workflow; message: WorkflowParameter } {
  const workflow = workflowIn(sensor, name);
  const message = workflow.addArgument('message', { value: o.message ?? 'hello world' });
  const input = new InputParameter('message');
  workflow.addContainerTemplate(o.entrypoint ?? 'print-message', { image: o.image ?? 'busybox', command: [o.command ?? 'echo'], args: [input], inputs: [input] });
  return { workflow, message };
}

/** A workflow of one `print-message` template running a fixed command line, without arguments. */
export function helloWorkflow(sensor: WorkflowSensor, generateName: string, args: string[] = ['hello world']): Workflow {
  const workflow = workflowIn(sensor, { generateName });
  workflow.addContainerTemplate('print-message', { image: 'busybox', command: ['echo'], args });
  return workflow;
}
