// Where Argo resolves a variable (its scope), and which scopes each expression field reads,
// following the variable catalogue of Argo Workflows v4.1 (util/variables/keys in its sources).

/**
 * The scope an Argo variable belongs to:
 * - `global`: `workflow.*` (name, parameters, status, outputs...), valid in every template;
 * - `inputs`: the template's own `inputs.*`, `outputs.*.path`, `pod.name`, `node.name`;
 * - `node`: outputs and status of steps and tasks (`steps.a.outputs.result`), and `item` of a loop,
 *   valid in the fields of the steps or DAG template that holds them;
 * - `retry`: `retries` and `lastRetry.*`, bound while Argo evaluates a `retryStrategy.expression`;
 * - `cron`: `cronworkflow.*`, bound while a CronWorkflow evaluates `when` and `stopStrategy`;
 * - `http`: `response.*`, bound while an HTTP template evaluates `successCondition`;
 * - `metric`: `status`, `duration`, `exitCode`, `outputs.result`..., bound while a metric is emitted.
 */
export type VariableScope = 'global' | 'inputs' | 'node' | 'retry' | 'cron' | 'http' | 'metric';

/**
 * The scope of a variable from its dotted path, at the type level: `ArgoVariable.of('lastRetry.status')`
 * is a `retry` variable. A path that is not a literal (or of no known root) gives `never`: such a
 * variable is accepted everywhere by the types and checked at synth.
 */
export type PathScope<P extends string> = string extends P ? never
  : P extends `lastRetry.${string}` | 'retries' ? 'retry'
    : P extends `cronworkflow.${string}` ? 'cron'
      : P extends `response.${string}` ? 'http'
        : P extends `workflow.${string}` ? 'global'
          : P extends 'steps.name' | 'tasks.name' ? 'inputs'
            : P extends `steps.${string}` | `tasks.${string}` | 'item' | `item.${string}` ? 'node'
              : P extends `inputs.${string}` | `outputs.${string}` | 'pod.name' | 'node.name' ? 'inputs'
                : P extends 'status' | 'duration' | 'exitCode' | `resourcesDuration.${string}` ? 'metric'
                  : never;

/** The scope of a variable from its path segments, or undefined for a root Argo does not define. @internal */
export function scopeOfPath(segments: readonly string[]): VariableScope | undefined {
  const [root, second] = segments;
  switch (root) {
    case 'lastRetry': case 'retries': return 'retry';
    case 'cronworkflow': return 'cron';
    case 'response': return 'http';
    case 'workflow': return 'global';
    case 'steps': case 'tasks': return second === 'name' && segments.length === 2 ? 'inputs' : 'node';
    case 'item': return 'node';
    case 'inputs': case 'outputs': case 'pod': case 'node': return 'inputs';
    case 'status': case 'duration': case 'exitCode': case 'resourcesDuration': return 'metric';
    default: return undefined;
  }
}

/** Human names of the scopes, for messages. @internal */
export const SCOPE_LABELS: { readonly [s in VariableScope]: string } = {
  global: 'workflow variables (workflow.*)',
  inputs: 'the template\'s inputs',
  node: 'outputs of steps and tasks, and loop items',
  retry: 'retries and lastRetry.*',
  cron: 'cronworkflow.*',
  http: 'response.*',
  metric: 'the metric variables (status, duration, exitCode...)',
};
