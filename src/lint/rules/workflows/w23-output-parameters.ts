import { childPath } from '../../path';
import { asArray, describeTemplate, isObject, workflowRule } from './model';

const SOURCES = ['path', 'jqFilter', 'jsonPath', 'parameter', 'expression'];

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/**
 * W23: output parameters have exactly one of value | valueFrom and one valueFrom source; container/
 * containerSet/script templates read valueFrom.path, resource templates jqFilter|jsonPath,
 * steps/dag templates parameter|expression.
 */
export const W23_OUTPUT_PARAMETERS = workflowRule('W23',
  'output parameters: one of value | valueFrom, one valueFrom source suited to the template type',
  (model, ctx) => {
    for (const t of model.templates) {
      asArray(t.template.outputs?.parameters).forEach((p, i) => {
        if (!isObject(p)) return;
        const path = childPath(t.path, 'outputs', 'parameters', i);
        const name = `output parameter "${p.name}" of ${describeTemplate(t)}`;
        const hasValue = p.value !== undefined && p.value !== null;
        const valueFrom = p.valueFrom;
        if (hasValue && isObject(valueFrom)) {
          ctx.report(path, `${name} sets both value and valueFrom: Argo rejects the workflow. Keep only one.`);
          return;
        }
        if (hasValue) return;
        if (!isObject(valueFrom)) {
          ctx.report(path, `${name} has neither value nor valueFrom: Argo rejects the workflow. Say where the value comes from, e.g. valueFrom.path.`);
          return;
        }
        const sources = [...SOURCES.filter(k => present(valueFrom[k])), ...(isObject(valueFrom.supplied) ? ['supplied'] : [])];
        if (sources.length !== 1) {
          ctx.report(childPath(path, 'valueFrom'), sources.length
            ? `${name} takes its value from several sources (${sources.join(', ')}): Argo rejects the workflow ("multiple valueFrom types specified"). Keep one.`
            : `${name} has a valueFrom without a source: Argo rejects the workflow ("valueFrom type unspecified"). Set one of path, jqFilter, jsonPath, parameter, expression or supplied.`);
          return;
        }
        const source = sources[0];
        const need = t.type === 'container' || t.type === 'containerSet' || t.type === 'script' ? ['path']
          : t.type === 'resource' ? ['jqFilter', 'jsonPath']
            : t.type === 'steps' || t.type === 'dag' ? ['parameter', 'expression'] : undefined;
        if (need && !need.includes(source)) {
          ctx.report(childPath(path, 'valueFrom'), `${name} reads valueFrom.${source}, but a ${t.type} template needs valueFrom.${need.join(' or valueFrom.')}: `
            + `Argo rejects the workflow. Use ${need.join(' or ')}.`);
        }
      });
    }
  });
