import { childPath } from '../../path';
import { hasTemplateTag, replaceTemplateTags } from '../../util/template-variables';
import { yaml } from '../../util/yaml';
import { asArray, describeTemplate, isObject, str, workflowRule } from './model';

const ACTIONS = ['get', 'create', 'apply', 'delete', 'replace', 'patch'];
const yamlErrors = new Map<string, string | null>();

/** The first YAML error of a resource manifest, with `{{...}}` read as plain words; null when it parses. */
export function manifestYamlError(manifest: string): string | null {
  let error = yamlErrors.get(manifest);
  if (error === undefined) {
    error = null;
    const text = replaceTemplateTags(manifest, 'argo-placeholder');
    for (const doc of yaml().parseAllDocuments(text)) {
      if (doc.errors.length) {
        error = doc.errors[0].message.split('\n')[0];
        break;
      }
    }
    if (yamlErrors.size > 2000) yamlErrors.clear();
    yamlErrors.set(manifest, error);
  }
  return error;
}

/**
 * W14: a resource template's action is get|create|apply|delete|replace|patch; actions other than
 * get/delete need exactly one of manifest | manifestFrom (whose artifact is an input artifact);
 * the manifest is valid YAML.
 */
export const W14_RESOURCE = workflowRule('W14',
  'resource templates: valid action, exactly one of manifest | manifestFrom, manifest is valid YAML',
  (model, ctx) => {
    for (const t of model.templates) {
      const resource = t.template.resource;
      if (!isObject(resource)) continue;
      const path = childPath(t.path, 'resource');
      const what = describeTemplate(t);
      const action = str(resource.action) ?? '';
      if (!ACTIONS.includes(action) && !hasTemplateTag(action)) {
        ctx.report(childPath(path, 'action'), `${what} has resource action ${JSON.stringify(resource.action ?? '')}: Argo rejects the workflow. `
          + `Use one of ${ACTIONS.join(', ')}.`);
      }
      if (action === 'get' || action === 'delete') continue;
      const manifest = str(resource.manifest) ?? '';
      const from = resource.manifestFrom;
      if (manifest === '' && !isObject(from)) {
        ctx.report(path, `${what} has neither resource.manifest nor resource.manifestFrom: Argo rejects the workflow. `
          + 'Set manifest (the object as YAML) or manifestFrom.artifact.');
      } else if (manifest !== '' && isObject(from)) {
        ctx.report(path, `${what} sets both resource.manifest and resource.manifestFrom: Argo rejects the workflow. Keep only one.`);
      }
      const artifact = isObject(from) ? str(from.artifact?.name) : undefined;
      if (artifact !== undefined && !asArray(t.template.inputs?.artifacts).some(a => a?.name === artifact)) {
        ctx.report(childPath(path, 'manifestFrom', 'artifact', 'name'), `manifestFrom names artifact "${artifact}", which is not an input artifact of ${what}: `
          + 'Argo rejects the workflow. Declare it under inputs.artifacts or fix the name.');
      }
      if (manifest !== '') {
        const error = manifestYamlError(manifest);
        if (error) {
          ctx.report(childPath(path, 'manifest'), `the resource manifest of ${what} is not valid YAML (${error}): Argo rejects the workflow `
            + '("resource.manifest must be a valid yaml"). Fix the YAML.');
        }
      }
    }
  });
