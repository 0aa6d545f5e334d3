import { childPath } from '../../path';
import { Manifest, Rule } from '../../types';
import { kindFamily } from '../../util/kinds';
import { hasTemplateExpression, labelValueProblem, qualifiedNameProblem } from '../../util/names';
import { isSubstituted, withVariablesReplaced } from '../../util/substitution';
import { isJsonObject } from '../../util/walk';

/** Map fields holding labels, under any metadata-like parent (metadata, podMetadata, workflowMetadata...). */
const LABEL_MAPS = new Set(['labels', 'matchLabels']);

/**
 * K8S-LABEL: label keys and values, and annotation keys, in the formats Kubernetes accepts
 * (`[prefix/]name`, values of at most 63 letters, digits, "-", "_" and ".").
 */
export const K8S_LABEL: Rule = {
  id: 'K8S-LABEL',
  description: 'Label keys and values and annotation keys have the format Kubernetes accepts',
  check(ctx) {
    ctx.onWalk(at => {
      const { value, key, fields } = at;
      if (typeof key !== 'string' || !isJsonObject(value)) return true;
      const isLabels = LABEL_MAPS.has(key);
      const isAnnotations = key === 'annotations' && /metadata$/i.test(fields[fields.length - 2] ?? '');
      if (!isLabels && !isAnnotations) return true;
      const path = at.path;
      // Where Argo substitutes first, each {{...}} stands for a valid value; elsewhere Kubernetes reads the braces.
      const substituted = isSubstituted(ctx.manifest, path);
      const asRead = (text: string) => (substituted && hasTemplateExpression(text) ? withVariablesReplaced(text) : text);
      const verbatim = (text: string) => (!substituted && hasTemplateExpression(text) ? ' Argo substitutes {{...}} only inside a workflow\'s spec, so the braces reach Kubernetes as written.' : '');
      for (const [name, v] of Object.entries(value)) {
        const keyProblem = qualifiedNameProblem(asRead(name));
        if (keyProblem) ctx.report(childPath(path, name), `${isLabels ? 'label' : 'annotation'} key "${name}": ${keyProblem}; ${consequence(ctx.manifest, path)}.${verbatim(name)}`);
        if (isLabels && typeof v === 'string') {
          const valueProblem = labelValueProblem(asRead(v));
          if (valueProblem) {
            ctx.report(childPath(path, name), `label value "${v}" ${valueProblem}; ${consequence(ctx.manifest, path)}. Shorten or reword it (annotations take any text).${verbatim(v)}`);
          }
        }
      }
      return false;
    });
  },
};

function consequence(manifest: Manifest, path: string): string {
  if (path.startsWith('metadata.') || kindFamily(manifest) === 'kubernetes') return `Kubernetes rejects the ${manifest.kind ?? 'object'} on apply`;
  return `the ${manifest.kind} is accepted, but Kubernetes rejects the pod or workflow Argo creates from it`;
}
