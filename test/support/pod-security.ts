/**
 * What the library renders by default for the pods of a document (docs/security.md): the
 * document as written, with the Pod Security "restricted" settings filled in where it sets none.
 * Tests that rebuild upstream examples compare the constructs' output with
 * `withRestrictedDefaults(upstream)`, so that the defaults are asserted on every example; the
 * derivation is written here again on purpose, from the documented rules, not from the library.
 */

const WORKFLOW_KINDS = new Set(['Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate', 'CronWorkflow']);
/** The users docs/security.md names: Argo's non-root executor user, Argo Events' controller user, the NATS pods' user. */
const USERS = { workflow: 8737, events: 9731, bus: 1000 };

type Json = any;

const clone = (v: Json): Json => JSON.parse(JSON.stringify(v));

function pod(given: Json, runAsUser: number, extra: Json = {}): Json {
  return { runAsNonRoot: true, runAsUser, seccompProfile: { type: 'RuntimeDefault' }, ...extra, ...(given ?? {}) };
}

function container(given: Json): Json {
  const own = given ?? {};
  const capabilities = { drop: own.capabilities?.drop ?? ['ALL'], ...(own.capabilities?.add ? { add: own.capabilities.add } : {}) };
  return { allowPrivilegeEscalation: false, ...own, capabilities };
}

/** `doc` as the library renders it by default (a copy). */
export function withRestrictedDefaults(doc: Json): Json {
  const out = clone(doc);
  if (!out || typeof out !== 'object') return out;
  if (WORKFLOW_KINDS.has(out.kind)) {
    const spec = out.kind === 'CronWorkflow' ? out.spec?.workflowSpec : out.spec;
    // An inline template (in the step or task that calls it) is a template of its own pod too.
    const inline = (spec?.templates ?? []).flatMap((t: Json) => [...(t.steps ?? []).flat(), ...(t.dag?.tasks ?? [])]).map((n: Json) => n.inline).filter(Boolean);
    for (const t of [...(spec?.templates ?? []), ...inline]) {
      const main = t.container ? 'container' : t.script ? 'script' : undefined;
      if (!main && !t.containerSet) continue;
      // A template renders the workflow's settings too (Argo takes a template's securityContext instead of the workflow's), its own laid over them.
      t.securityContext = pod({ ...spec.securityContext, ...t.securityContext }, USERS.workflow);
      if (main) t[main].securityContext = container(t[main].securityContext);
      for (const c of [...(t.sidecars ?? []), ...(t.initContainers ?? []), ...(t.containerSet?.containers ?? [])]) c.securityContext = container(c.securityContext);
    }
  }
  if (out.kind === 'EventSource' || out.kind === 'Sensor') {
    out.spec ??= {};
    const template = out.spec.template ?? {};
    out.spec.template = { ...template, securityContext: pod(template.securityContext, USERS.events), container: { ...template.container, securityContext: container(template.container?.securityContext) } };
  }
  if (out.kind === 'EventBus') {
    const strategies: [Json, string[]][] = [];
    if (out.spec?.jetstream) strategies.push([out.spec.jetstream, ['containerTemplate', 'reloaderContainerTemplate', 'metricsContainerTemplate']]);
    if (out.spec?.nats?.native) strategies.push([out.spec.nats.native, ['containerTemplate', 'metricsContainerTemplate']]);
    for (const [s, fields] of strategies) {
      s.securityContext = pod(s.securityContext, USERS.bus, { fsGroup: USERS.bus });
      for (const f of fields) s[f] = { ...s[f], securityContext: container(s[f]?.securityContext) };
    }
  }
  return out;
}

/** The annotation an opt-out (podSecurity below restricted) writes: inert for Kubernetes and Argo. */
export const DISABLE_ANNOTATION = 'cdk8s-argo.io/disable';

/** `doc` without the opt-out annotation, for comparing with a document that has none. */
export function withoutOptOut(doc: Json): Json {
  const out = clone(doc);
  const annotations = out?.metadata?.annotations;
  if (annotations && DISABLE_ANNOTATION in annotations) {
    delete annotations[DISABLE_ANNOTATION];
    if (!Object.keys(annotations).length) delete out.metadata.annotations;
  }
  return out;
}
