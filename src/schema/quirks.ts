/**
 * Corrections to Argo's published JSON schemas, applied by rule (never by editing output).
 * The type generator and the strict validator apply the same rules, so the TypeScript types
 * and the validator agree. Each rule is listed in README.md ("Schema quirks").
 */

const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const CONTAINER = 'io.k8s.api.core.v1.Container';
const EVENTS_PREFIX = 'io.argoproj.events.v1alpha1.';
const WORKFLOWS_PREFIX = 'io.argoproj.workflow.v1alpha1.';

/**
 * Q1/Q2: Kubernetes parses IntOrString and Quantity from a JSON number or a string
 * (`retryStrategy.limit: 3`, `cpu: 1`, `cpu: 0.5`); the workflows schema types both as string only.
 * IntOrString's number is an int32 (`intstr.IntOrString.IntVal`); a Quantity is any finite number.
 */
export const NUMBER_OR_STRING_DEFINITIONS: readonly string[] = [INT_OR_STRING, QUANTITY];

/**
 * Q3: Argo Events' schema marks every Go field without `omitempty` as required, although the
 * controller treats most of them as optional (`WebhookContext.url`, `TriggerParameter.dest`...).
 * Only the fields below stay required: the ones the controller's validation rejects when
 * missing (pkg/reconciler/sensor/validate.go, eventsource/validate.go, webhook/validate.go:
 * rules E2-E14 of the lint rule catalogue). Everything else in `io.argoproj.events.*` is optional.
 */
export const EVENTS_REQUIRED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  EventBus: ['metadata', 'spec'],
  EventSource: ['metadata', 'spec'],
  Sensor: ['metadata', 'spec'],
  SensorSpec: ['dependencies', 'triggers'],
  EventDependency: ['name', 'eventSourceName', 'eventName'],
  TriggerTemplate: ['name'],
  TriggerParameterSource: ['dependencyName'],
  DataFilter: ['path', 'type', 'value'],
  ExprFilter: ['expr', 'fields'],
  PayloadField: ['path', 'name'],
  TimeFilter: ['start', 'stop'],
  HTTPTrigger: ['url'],
  KafkaTrigger: ['url', 'topic'],
  NATSTrigger: ['url', 'subject'],
  WebhookContext: ['endpoint', 'port'],
  WebhookEventSource: ['endpoint', 'port'],
  GenericEventSource: ['url', 'config'],
  KafkaEventSource: ['url', 'topic'],
};

/**
 * Q6: Argo Workflows' schema (v4.1.2 and v3.7.18 alike) also marks every Go field without
 * `omitempty` as required: a script without `source`, a gauge without `realtime`, a
 * WorkflowTemplate without `spec` would fail although Argo accepts them. Only the fields below
 * stay required, each one because Argo refuses the object without it:
 * - workflow/validate/validate.go: `metadata` (Kubernetes needs a name or generateName), a
 *   Workflow's `spec` (no entrypoint), a CronWorkflow's `spec` and `workflowSpec` (no entrypoint)
 *   and, in v4, `schedules` ("cron workflow must have at least one schedule"); names of
 *   parameters, artifacts, DAG tasks and containerSet containers ("[0].name is required"); a DAG's
 *   `tasks`, a containerSet's `containers`; a resource template's `action`; `git.repo`,
 *   `hdfs.path`; template metrics: `name` and `help`, the value of a gauge, counter or histogram,
 *   metric label keys; init containers' names ("initContainers must all have container name"; a
 *   sidecar without name is refused by Kubernetes when the pod is created);
 * - executor plugins (`WorkflowSpec.AsExecutorPluginSpec`): `metadata` (name), `spec.sidecar.container`.
 * Deliberately stricter than validate.go (docs/lint.md): `memoize.cache` and its `configMap`,
 * which the controller dereferences when it runs the template (a nil pointer: the workflow errors).
 * The image of a container or script template is W10's (it may come from spec.templateDefaults).
 * Everything else in `io.argoproj.workflow.*` is optional. Rules check what validate.go requires
 * beyond the schema.
 */
export const WORKFLOWS_REQUIRED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Workflow: ['metadata', 'spec'],
  WorkflowTemplate: ['metadata'],
  ClusterWorkflowTemplate: ['metadata'],
  CronWorkflow: ['metadata', 'spec'],
  CronWorkflowSpec: ['workflowSpec', 'schedules'],
  WorkflowEventBinding: ['metadata'],
  Parameter: ['name'],
  Artifact: ['name'],
  DAGTask: ['name'],
  DAGTemplate: ['tasks'],
  ContainerNode: ['name'],
  ContainerSetTemplate: ['containers'],
  UserContainer: ['name'],
  ResourceTemplate: ['action'],
  GitArtifact: ['repo'],
  HDFSArtifact: ['path'],
  Prometheus: ['name', 'help'],
  Gauge: ['value'],
  Counter: ['value'],
  Histogram: ['value'],
  MetricLabel: ['key'],
  ExecutorPlugin: ['metadata', 'spec'],
  ExecutorPluginSpec: ['sidecar'],
  ExecutorPluginSidecar: ['container'],
  Memoize: ['cache'],
  Cache: ['configMap'],
};

/**
 * Q7: Argo's `AnyString` fields (pkg/apis/workflow/v1alpha1/anystring.go) decode a JSON number
 * or boolean into its text (`value: 3` is "3", `default: true` is "true"); the schema types them
 * as string. Validator only: the generated types keep `string`, which the constructs render.
 */
export const ANY_STRING_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Parameter: ['default', 'value', 'enum', 'description'],
  ValueFrom: ['default'],
};

export interface QuirkOptions {
  /**
   * Q4: close every object schema (`additionalProperties: false`) so that unknown, misspelled
   * or removed fields are rejected, as `kubectl apply --validate=strict` does.
   * Used by the validator; irrelevant to the generated types, which are closed by TypeScript.
   */
  readonly closeObjects?: boolean;
  /**
   * Q5: `format: date-time` (metav1.Time) becomes a plain string: manifests carry RFC 3339
   * text, and a JavaScript `Date` would not survive cdk8s serialization.
   */
  readonly dateTimeAsString?: boolean;
  /** Q7: AnyString fields accept numbers and booleans (validator only). */
  readonly anyStringScalars?: boolean;
}

/** Returns a corrected deep copy of a schema's definitions. */
export function applyQuirks(definitions: { [name: string]: any }, options: QuirkOptions = {}): { [name: string]: any } {
  const out: { [name: string]: any } = JSON.parse(JSON.stringify(definitions));
  if (out[INT_OR_STRING]) {
    out[INT_OR_STRING] = { description: out[INT_OR_STRING].description, type: ['integer', 'string'], format: 'int32' };
  }
  if (out[QUANTITY]) {
    out[QUANTITY] = { description: out[QUANTITY].description, type: ['number', 'string'] };
  }
  const workflows = Object.keys(out).some(name => name.startsWith(WORKFLOWS_PREFIX));
  // Q6: Argo Workflows' schema swaps Kubernetes' required container `name` for `image`, which W10 checks.
  if (workflows && out[CONTAINER]) delete out[CONTAINER].required;
  for (const [name, def] of Object.entries(out)) {
    keepRequired(def, name, EVENTS_PREFIX, EVENTS_REQUIRED_FIELDS);
    keepRequired(def, name, WORKFLOWS_PREFIX, WORKFLOWS_REQUIRED_FIELDS);
    if (options.anyStringScalars && name.startsWith(WORKFLOWS_PREFIX)) {
      for (const field of ANY_STRING_FIELDS[name.substring(WORKFLOWS_PREFIX.length)] ?? []) {
        const node = def.properties?.[field];
        const scalar = node?.type === 'array' ? node.items : node;
        if (scalar?.type === 'string') scalar.type = ['string', 'number', 'boolean'];
      }
    }
    walk(def, node => {
      if (options.dateTimeAsString && node.format === 'date-time') delete node.format;
      if (options.closeObjects && node.properties && node.additionalProperties === undefined) {
        node.additionalProperties = false;
      }
    });
  }
  return out;
}

function keepRequired(def: any, name: string, prefix: string, keepers: Readonly<Record<string, readonly string[]>>): void {
  if (!name.startsWith(prefix) || !Array.isArray(def.required)) return;
  const keep = keepers[name.substring(prefix.length)] ?? [];
  const required = def.required.filter((f: string) => keep.includes(f));
  if (required.length) def.required = required;
  else delete def.required;
}

function walk(node: any, visit: (n: any) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    node.forEach(n => walk(n, visit));
    return;
  }
  visit(node);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'enum' || key === 'const' || key === 'required') continue;
    if (key === 'properties' && value && typeof value === 'object') {
      Object.values(value as object).forEach(v => walk(v, visit));
    } else {
      walk(value, visit);
    }
  }
}
