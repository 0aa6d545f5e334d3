/**
 * Corrections to Argo's published JSON schemas, applied by rule (never by editing output).
 * The type generator and the strict validator apply the same rules, so the TypeScript types
 * and the validator agree. Each rule is listed in README.md ("Schema quirks").
 */

const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const EVENTS_PREFIX = 'io.argoproj.events.v1alpha1.';

/**
 * Q1/Q2: Kubernetes parses IntOrString and Quantity from a JSON number or a string
 * (`retryStrategy.limit: 3`, `cpu: 1`); the workflows schema types both as string only.
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
}

/** Returns a corrected deep copy of a schema's definitions. */
export function applyQuirks(definitions: { [name: string]: any }, options: QuirkOptions = {}): { [name: string]: any } {
  const out: { [name: string]: any } = JSON.parse(JSON.stringify(definitions));
  for (const name of NUMBER_OR_STRING_DEFINITIONS) {
    if (out[name]) {
      const { description } = out[name];
      out[name] = { description, type: ['integer', 'string'], format: 'int-or-string' };
    }
  }
  for (const [name, def] of Object.entries(out)) {
    if (name.startsWith(EVENTS_PREFIX) && Array.isArray(def.required)) {
      const keep = EVENTS_REQUIRED_FIELDS[name.substring(EVENTS_PREFIX.length)] ?? [];
      const required = def.required.filter((f: string) => keep.includes(f));
      if (required.length) def.required = required;
      else delete def.required;
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
