import { childPath, fieldPath } from '../../path';
import { Rule, RuleContext } from '../../types';
import { isJsonObject, JsonObject } from '../../util/walk';

const TEMPLATE_TYPES = ['container', 'containerSet', 'script', 'steps', 'dag', 'resource', 'suspend', 'http', 'plugin', 'data'];
/** Template fields that a workflow spec does not have (v4.1.2 and v3.7.18 schemas). */
const TEMPLATE_FIELDS = new Set([...TEMPLATE_TYPES.filter(t => t !== 'suspend'), 'inputs', 'outputs', 'initContainers', 'sidecars',
  'daemon', 'memoize', 'failFast', 'timeout', 'pendingTimeout', 'archiveLocation']);
/** Fields of a step or DAG task (how a template is called) that a template does not have. */
const CALL_FIELDS = new Set(['arguments', 'continueOn', 'hooks', 'inline', 'onExit', 'template', 'templateRef', 'when', 'withItems',
  'withParam', 'withSequence', 'dependencies', 'depends']);
/** Container fields that a template does not have. */
const CONTAINER_FIELDS = new Set(['args', 'command', 'env', 'envFrom', 'image', 'imagePullPolicy', 'lifecycle', 'livenessProbe', 'ports',
  'readinessProbe', 'resources', 'startupProbe', 'terminationMessagePath', 'terminationMessagePolicy', 'volumeMounts', 'workingDir']);
/** Template fields that a step or DAG task does not have. */
const TEMPLATE_FIELDS_NOT_ON_CALLS = new Set([...TEMPLATE_TYPES, 'inputs', 'outputs', 'retryStrategy', 'timeout', 'activeDeadlineSeconds']);
/** Workflow spec fields that a CronWorkflow spec does not have. */
const WORKFLOW_SPEC_FIELDS = new Set(['activeDeadlineSeconds', 'affinity', 'archiveLogs', 'arguments', 'artifactGC', 'artifactRepositoryRef',
  'automountServiceAccountToken', 'dnsConfig', 'dnsPolicy', 'entrypoint', 'executor', 'hooks', 'hostAliases', 'hostNetwork',
  'imagePullSecrets', 'metrics', 'nodeSelector', 'onExit', 'parallelism', 'podDisruptionBudget', 'podGC', 'podMetadata',
  'podPriorityClassName', 'podSpecPatch', 'priority', 'retryStrategy', 'schedulerName', 'securityContext', 'serviceAccountName',
  'shutdown', 'synchronization', 'templateDefaults', 'templates', 'tolerations', 'ttlStrategy', 'volumeClaimGC', 'volumeClaimTemplates',
  'volumes', 'workflowTemplateRef']);

const IGNORED = 'Argo does not read it there (the CRD drops or ignores unknown fields), so it has no effect';

/**
 * ARGO-MISPLACED-FIELD: a field written one level off, usually by indentation: a template's
 * `container` at spec level, a step's `when` or `templateRef` on a template, a container's `env`
 * on a template, a workflow field directly in a CronWorkflow spec instead of spec.workflowSpec.
 */
export const ARGO_MISPLACED_FIELD: Rule = {
  id: 'ARGO-MISPLACED-FIELD',
  description: 'Workflow, template, step and container fields sit at the level Argo reads them',
  kinds: ['Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate', 'CronWorkflow'],
  check(ctx) {
    const spec = ctx.manifest.spec;
    if (!isJsonObject(spec)) return;
    if (ctx.manifest.kind === 'CronWorkflow') {
      for (const key of Object.keys(spec).filter(k => WORKFLOW_SPEC_FIELDS.has(k))) {
        ctx.report(fieldPath('spec', key), `"${key}" is a workflow field, not a CronWorkflow field: ${IGNORED}. Move it into spec.workflowSpec.`);
      }
      if (isJsonObject(spec.workflowSpec)) checkWorkflowSpec(ctx, spec.workflowSpec, fieldPath('spec', 'workflowSpec'));
      return;
    }
    checkWorkflowSpec(ctx, spec, 'spec');
  },
};

function checkWorkflowSpec(ctx: RuleContext, spec: JsonObject, path: string): void {
  const templates: unknown[] = Array.isArray(spec.templates) ? spec.templates : [];
  const untyped = templates.map((t, i) => ({ t, i })).filter(({ t }) => isJsonObject(t) && !TEMPLATE_TYPES.some(type => type in t));
  for (const key of Object.keys(spec).filter(k => TEMPLATE_FIELDS.has(k))) {
    const owner = untyped.length === 1 ? untyped[0] : undefined;
    const hint = owner
      ? ` It probably belongs to template "${(owner.t as JsonObject).name}" (${childPath(path, 'templates', owner.i)}), which has no template type: indent it under that list item.`
      : ' Move it into a template under spec.templates.';
    ctx.report(childPath(path, key), `"${key}" is a template field, not a workflow spec field: ${IGNORED}.${hint}`);
  }
  templates.forEach((template, i) => {
    if (isJsonObject(template)) checkTemplate(ctx, template, childPath(path, 'templates', i));
  });
  if (isJsonObject(spec.templateDefaults)) checkTemplate(ctx, spec.templateDefaults, childPath(path, 'templateDefaults'));
}

function checkTemplate(ctx: RuleContext, template: JsonObject, path: string): void {
  const name = typeof template.name === 'string' ? `"${template.name}"` : 'this template';
  for (const key of Object.keys(template)) {
    if (CALL_FIELDS.has(key)) {
      ctx.report(childPath(path, key), `"${key}" is a field of a step or DAG task (the call of a template), not of a template: ${IGNORED}. `
        + `Set it on the step or task that calls ${name}, e.g. steps: [[{name: ..., template: ${template.name ?? '...'}, ${key}: ...}]]`
        + (key === 'templateRef' || key === 'template' ? `; to reuse another template, make ${name} a steps template with one step holding the ${key}.` : '.'));
    } else if (CONTAINER_FIELDS.has(key)) {
      ctx.report(childPath(path, key), `"${key}" is a container field, not a template field: ${IGNORED}. Move it into the template's container (or script).`);
    }
  }
  const steps: unknown[] = Array.isArray(template.steps) ? template.steps : [];
  steps.forEach((group, g) => (Array.isArray(group) ? group : []).forEach((step, s) => {
    if (isJsonObject(step)) checkCall(ctx, step, childPath(path, 'steps', g, s), 'step');
  }));
  const tasks: unknown[] = Array.isArray(template.dag?.tasks) ? template.dag.tasks : [];
  tasks.forEach((task, t) => {
    if (isJsonObject(task)) checkCall(ctx, task, childPath(path, 'dag', 'tasks', t), 'DAG task');
  });
}

function checkCall(ctx: RuleContext, call: JsonObject, path: string, what: string): void {
  for (const key of Object.keys(call).filter(k => TEMPLATE_FIELDS_NOT_ON_CALLS.has(k))) {
    ctx.report(childPath(path, key), `"${key}" is a template field, not a ${what} field: ${IGNORED}. `
      + 'Put it in the template the call names, or define that template in place with inline: {...}.');
  }
  if (what === 'step' && ('dependencies' in call || 'depends' in call)) {
    const key = 'dependencies' in call ? 'dependencies' : 'depends';
    ctx.report(childPath(path, key), `"${key}" is a DAG task field: steps run group by group (the outer list), so order them by placing them in later groups, or make the template a dag.`);
  }
}
