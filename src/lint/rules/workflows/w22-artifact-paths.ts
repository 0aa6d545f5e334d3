import { childPath } from '../../path';
import { asArray, describeTemplate, isLeaf, isObject, workflowRule } from './model';

/**
 * W22: input (and output) artifacts of leaf templates need a path without `..`; only leaf
 * templates take artifact paths; `from` is not valid in inputs.
 */
export const W22_ARTIFACT_PATHS = workflowRule('W22',
  'artifacts of leaf templates need a path (no ..); path only on leaf templates; no from in inputs',
  (model, ctx) => {
    for (const t of model.templates) {
      if (!t.type) continue;
      const what = describeTemplate(t);
      for (const side of ['inputs', 'outputs'] as const) {
        asArray(t.template[side]?.artifacts).forEach((a, i) => {
          if (!isObject(a)) return;
          const path = childPath(t.path, side, 'artifacts', i);
          const name = `${side === 'inputs' ? 'input' : 'output'} artifact "${a.name}" of ${what}`;
          const artifactPath = typeof a.path === 'string' ? a.path : '';
          if (isLeaf(t)) {
            if (artifactPath === '') {
              ctx.report(childPath(path, 'path'), `${name} has no path: Argo rejects the workflow ("did not specify a path"). `
                + `Set path to where the ${side === 'inputs' ? 'container reads' : 'container writes'} it, e.g. /tmp/${a.name}.`);
            } else if (artifactPath.split(/[\\/]/).includes('..')) {
              ctx.report(childPath(path, 'path'), `${name} has path "${artifactPath}" with "..": Argo rejects directory traversal in artifact paths. Use an absolute path without "..".`);
            }
          } else if (artifactPath !== '') {
            ctx.report(childPath(path, 'path'), `${name} has a path, but ${t.type} templates run no container of their own: `
              + 'Argo rejects the workflow ("path only valid in container/script templates"). Remove path here and set it in the template that uses the artifact.');
          }
          if (side === 'inputs' && typeof a.from === 'string' && a.from !== '') {
            ctx.report(childPath(path, 'from'), `${name} sets from, which is only valid in arguments: Argo rejects the workflow ("from not valid in inputs"). `
              + 'Move from to the arguments of the step or task that calls this template.');
          }
        });
      }
    }
  });
