import { childPath } from '../path';
import { Manifest } from '../types';
import { templateTags } from './template-variables';
import { isJsonObject } from './walk';
import { perManifest } from './manifest-memo';

/** Kinds whose spec Argo Workflows substitutes `{{...}}` in (the whole spec, templates at run time). */
const SUBSTITUTED_KINDS = new Set(['Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate', 'CronWorkflow']);
/** Trigger kinds of a Sensor that create an inline resource (`source.resource`). */
const RESOURCE_TRIGGERS = ['k8s', 'argoWorkflow'];

/**
 * Field paths of the parts of a manifest where Argo Workflows substitutes `{{...}}` before
 * Kubernetes reads them: the spec of a Workflows kind (operator.go substituteGlobalVariables
 * and each template's substitution; a CronWorkflow's workflowSpec), also of a Workflow a Sensor
 * trigger creates inline. The
 * object's own metadata is never substituted: Kubernetes reads `metadata.name` as written.
 */
export const substitutedParts: (manifest: Manifest) => readonly string[] = perManifest(findSubstitutedParts);

function findSubstitutedParts(manifest: Manifest): readonly string[] {
  const found: string[] = [];
  if (isJsonObject(manifest) && SUBSTITUTED_KINDS.has(manifest.kind as string)) found.push(specOf(manifest.kind as string, 'spec'));
  if (isJsonObject(manifest) && manifest.kind === 'Sensor' && isJsonObject(manifest.spec) && Array.isArray(manifest.spec.triggers)) {
    manifest.spec.triggers.forEach((trigger: unknown, i: number) => {
      const template = isJsonObject(trigger) ? trigger.template : undefined;
      if (!isJsonObject(template)) return;
      for (const type of RESOURCE_TRIGGERS) {
        const resource = isJsonObject(template[type]) && isJsonObject(template[type].source) ? template[type].source.resource : undefined;
        if (isJsonObject(resource) && SUBSTITUTED_KINDS.has(resource.kind)) {
          found.push(specOf(resource.kind, childPath('spec', 'triggers', i, 'template', type, 'source', 'resource', 'spec')));
        }
      }
    });
  }
  return found;
}

/**
 * A CronWorkflow's workflowSpec is substituted when its Workflow runs; its workflowMetadata
 * becomes that Workflow's metadata as written.
 */
function specOf(kind: string, spec: string): string {
  return kind === 'CronWorkflow' ? `${spec}.workflowSpec` : spec;
}

/** True when Argo substitutes `{{...}}` at `path` of the manifest before Kubernetes reads the value. */
export function isSubstituted(manifest: Manifest, path: string): boolean {
  return substitutedParts(manifest).some(part => path === part || path.startsWith(`${part}.`) || path.startsWith(`${part}[`));
}

/**
 * The text with every complete `{{...}}` replaced by `x`: what must hold after Argo substitutes
 * whatever the variables hold (a name still has no "_" outside its variables). An unclosed `{{`
 * stays as written (Argo rejects it: rule W45).
 */
export function withVariablesReplaced(text: string): string {
  let out = text;
  for (const tag of templateTags(text)) out = out.split(tag.raw).join('x');
  return out;
}
