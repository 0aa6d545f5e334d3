import { ArgoExpression, ArgoVariable } from './argo-variable';
import { VariableValueType } from './condition';
import { PathScope } from './variable-scope';
import { IWorkflowParameter } from './workflow-template-ref';

/** A catalogue variable: its scope follows from its path (`PathScope`). */
function v<P extends string>(path: P, valueType?: VariableValueType): ArgoVariable<PathScope<P>> {
  return new ArgoVariable<PathScope<P>>(path.split('.'), { valueType });
}

/**
 * Parts of a timestamp Argo exposes as `{{workflow.creationTimestamp.<part>}}`: strftime
 * letters (`Y` year, `m` month, `d` day, `H` hour, `M` minute, `S` second, `y` two-digit year,
 * `b`/`B` month name, `a`/`A` weekday name, `j` day of year, `e` day padded with a space,
 * `I` 12-hour hour, `p` AM/PM, `U`/`W` week of year, `Z` zone name, `z` zone offset),
 * `s` (Unix seconds) and `RFC3339`.
 */
export type TimestampPart = 'Y' | 'y' | 'm' | 'd' | 'H' | 'M' | 'S' | 'b' | 'B' | 'a' | 'A' | 'j' | 'e' | 'I' | 'p' | 'U' | 'W' | 'Z' | 'z' | 's' | 'RFC3339';

/** `{{workflow.creationTimestamp}}` and its parts (`.Y`, `.m`, `.d`...), e.g. for artifact keys. */
export class TimestampVariable extends ArgoVariable<'global'> {
  /** @internal */
  constructor(path: string) {
    super(path.split('.'));
  }

  /** One strftime part, e.g. `part('Y')` renders `{{workflow.creationTimestamp.Y}}`. */
  public part(part: TimestampPart): ArgoVariable<'global'> {
    return new ArgoVariable<'global'>([...this.segments, part]);
  }

  /** Four-digit year, `{{...creationTimestamp.Y}}`. */
  public get year(): ArgoVariable<'global'> { return this.part('Y'); }
  /** Two-digit month, `{{...creationTimestamp.m}}`. */
  public get month(): ArgoVariable<'global'> { return this.part('m'); }
  /** Two-digit day of month, `{{...creationTimestamp.d}}`. */
  public get day(): ArgoVariable<'global'> { return this.part('d'); }
  /** Two-digit hour (24h), `{{...creationTimestamp.H}}`. */
  public get hour(): ArgoVariable<'global'> { return this.part('H'); }
  /** Two-digit minute, `{{...creationTimestamp.M}}`. */
  public get minute(): ArgoVariable<'global'> { return this.part('M'); }
  /** Two-digit second, `{{...creationTimestamp.S}}`. */
  public get second(): ArgoVariable<'global'> { return this.part('S'); }
  /** Unix seconds, `{{...creationTimestamp.s}}`. */
  public get unixSeconds(): ArgoVariable<'global'> { return this.part('s'); }
  /** RFC 3339 form, `{{...creationTimestamp.RFC3339}}`. */
  public get rfc3339(): ArgoVariable<'global'> { return this.part('RFC3339'); }
}

/**
 * Workflow-level variables, valid in every template of a workflow (Argo "global" variables).
 * `status` and `failures` carry meaning in exit handlers; `failures` is only accepted when the
 * workflow has an exit handler (rule W32).
 */
export const WorkflowVariables = {
  /** `{{workflow.name}}`. */
  name: v('workflow.name'),
  /** `{{workflow.namespace}}`. */
  namespace: v('workflow.namespace'),
  /** `{{workflow.uid}}`. */
  uid: v('workflow.uid'),
  /** `{{workflow.mainEntrypoint}}`. */
  mainEntrypoint: v('workflow.mainEntrypoint'),
  /** `{{workflow.serviceAccountName}}`. */
  serviceAccountName: v('workflow.serviceAccountName'),
  /** `{{workflow.priority}}`. */
  priority: v('workflow.priority'),
  /** `{{workflow.status}}`: the workflow phase (compare with `WorkflowPhase`), meaningful in exit handlers. */
  status: v('workflow.status'),
  /** `{{workflow.failures}}`: JSON list of failed nodes; only in workflows with an exit handler. */
  failures: v('workflow.failures', 'json'),
  /** `{{workflow.duration}}`: seconds since the workflow started. */
  duration: v('workflow.duration', 'float'),
  /** `{{workflow.creationTimestamp}}` and its strftime parts (`.year`, `.part('m')`...). */
  creationTimestamp: new TimestampVariable('workflow.creationTimestamp'),
  /** `{{workflow.scheduledTime}}`: the scheduled time of a CronWorkflow run. */
  scheduledTime: v('workflow.scheduledTime'),
  /** `{{workflow.parameters.json}}`: every workflow parameter as JSON. */
  parametersJson: v('workflow.parameters.json', 'json'),
  /** `{{workflow.parameters}}`: every workflow parameter as JSON (the older form of `parametersJson`). */
  parametersAll: v('workflow.parameters', 'json'),
  /** `{{workflow.labels}}`: every label as JSON (deprecated by Argo: use `labelsJson`). */
  labelsAll: v('workflow.labels', 'json'),
  /** `{{workflow.annotations}}`: every annotation as JSON (deprecated by Argo: use `annotationsJson`). */
  annotationsAll: v('workflow.annotations', 'json'),
  /** `{{workflow.labels.json}}`: every label as JSON. */
  labelsJson: v('workflow.labels.json', 'json'),
  /** `{{workflow.annotations.json}}`: every annotation as JSON. */
  annotationsJson: v('workflow.annotations.json', 'json'),
  /** `{{workflow.labels.<key>}}`. */
  label(key: string): ArgoVariable<'global'> {
    return new ArgoVariable<'global'>(['workflow', 'labels', key]);
  },
  /**
   * `{{workflow.parameters.<name>}}` of any workflow parameter object, e.g. one of a template
   * imported with `WorkflowTemplate.fromName(..., { parameters })` (WorkflowParameter objects
   * render this already).
   */
  parameter(parameter: IWorkflowParameter): ArgoVariable<'global'> {
    return new ArgoVariable<'global'>(['workflow', 'parameters', parameter.name]);
  },
  /** `{{workflow.annotations.<key>}}`. */
  annotation(key: string): ArgoVariable<'global'> {
    return new ArgoVariable<'global'>(['workflow', 'annotations', key]);
  },
} as const;

/** Variables of the template being run (container, script and resource templates, retries, loops). */
export const TemplateVariables = {
  /** `{{pod.name}}`: the pod running this template. */
  podName: v('pod.name'),
  /** `{{node.name}}`: the node's full name. */
  nodeName: v('node.name'),
  /** `{{retries}}`: the retry number of this attempt (with a retryStrategy). */
  retries: v('retries'),
  /** `{{inputs.parameters}}`: every input parameter as JSON. */
  inputParametersJson: v('inputs.parameters'),
  /** `{{steps.name}}`: the name of the step running this template. */
  stepName: v('steps.name'),
  /** `{{tasks.name}}`: the name of the DAG task running this template. */
  taskName: v('tasks.name'),
  /** `{{lastRetry.exitCode}}`, for retry expressions. */
  lastRetryExitCode: v('lastRetry.exitCode'),
  /** `{{lastRetry.status}}`, for retry expressions. */
  lastRetryStatus: v('lastRetry.status'),
  /** `{{lastRetry.duration}}`, for retry expressions. */
  lastRetryDuration: v('lastRetry.duration', 'float'),
  /** `{{lastRetry.message}}`, for retry expressions. */
  lastRetryMessage: v('lastRetry.message'),
} as const;

const HTTP_HEADERS = v('response.headers', 'json');

/** Variables of HTTP templates (`successCondition`). */
export const HttpVariables = {
  /** `response.statusCode`. */
  statusCode: v('response.statusCode', 'int'),
  /** `response.body`. */
  body: v('response.body'),
  /** `response.headers`: a map of header names to lists of values. */
  headers: v('response.headers', 'json'),
  /** `response.headers["<name>"][0]`: the first value of a response header. */
  header(name: string): ArgoExpression<'http'> {
    return new ArgoExpression<'http'>(`response.headers[${JSON.stringify(name)}][0]`, [HTTP_HEADERS]);
  },
} as const;

/** Variables of a CronWorkflow, for its `when` and `stopStrategy` expressions. */
export const CronWorkflowVariables = {
  /** `cronworkflow.name`. */
  name: v('cronworkflow.name'),
  /** `cronworkflow.namespace`. */
  namespace: v('cronworkflow.namespace'),
  /** `cronworkflow.lastScheduledTime` (nil before the first run). */
  lastScheduledTime: v('cronworkflow.lastScheduledTime', 'time'),
  /** `cronworkflow.failed`: number of failed runs. */
  failed: v('cronworkflow.failed', 'int'),
  /** `cronworkflow.succeeded`: number of succeeded runs. */
  succeeded: v('cronworkflow.succeeded', 'int'),
  /** `cronworkflow.labels.<key>`. */
  label(key: string): ArgoVariable<'cron'> {
    return new ArgoVariable<'cron'>(['cronworkflow', 'labels', key]);
  },
  /** `cronworkflow.annotations.<key>`. */
  annotation(key: string): ArgoVariable<'cron'> {
    return new ArgoVariable<'cron'>(['cronworkflow', 'annotations', key]);
  },
} as const;

/** Workflow phases, the values of `WorkflowVariables.status`. */
export enum WorkflowPhase {
  /** Waiting to run. */
  PENDING = 'Pending',
  /** Running (lifecycle hooks). */
  RUNNING = 'Running',
  /** Finished successfully. */
  SUCCEEDED = 'Succeeded',
  /** A step failed. */
  FAILED = 'Failed',
  /** An error other than a failing step (e.g. a pod could not be created). */
  ERROR = 'Error',
}

/** Node phases, the values of a step's or task's `status`. */
export enum NodePhase {
  /** Waiting to run. */
  PENDING = 'Pending',
  /** Running. */
  RUNNING = 'Running',
  /** Finished successfully. */
  SUCCEEDED = 'Succeeded',
  /** Skipped (its `when` was false). */
  SKIPPED = 'Skipped',
  /** Failed. */
  FAILED = 'Failed',
  /** Errored. */
  ERROR = 'Error',
  /** Omitted (a DAG task not run because of its `depends`). */
  OMITTED = 'Omitted',
}
