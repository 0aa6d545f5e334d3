import { childPath } from '../../path';
import { RuleContext } from '../../types';
import { asArray, describeTemplate, isObject, workflowRule } from './model';

const METRIC_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const KINDS = ['gauge', 'counter', 'histogram'] as const;

function checkMetrics(ctx: RuleContext, metrics: any, path: string, owner: string): void {
  asArray(metrics?.prometheus).forEach((m, i) => {
    if (!isObject(m)) return;
    const mpath = childPath(path, 'metrics', 'prometheus', i);
    const name = typeof m.name === 'string' ? m.name : '';
    const what = `metric "${name}" of ${owner}`;
    if (!METRIC_NAME.test(name)) {
      ctx.report(childPath(mpath, 'name'), `metric name ${JSON.stringify(name)} of ${owner} is invalid: Argo rejects the workflow `
        + '("Metric names must contain alphanumeric characters or \'_\'"). Use letters, digits and \'_\', not starting with a digit.');
    }
    asArray(m.labels).forEach((label, j) => {
      const key = label?.key;
      if (typeof key === 'string' && METRIC_NAME.test(key)) return;
      ctx.report(childPath(mpath, 'labels', j, 'key'), `label key ${JSON.stringify(key ?? '')} of ${what} is invalid: Argo rejects the workflow. `
        + 'Use letters, digits and \'_\', not starting with a digit.');
    });
    if (typeof m.help !== 'string' || m.help === '') {
      ctx.report(childPath(mpath, 'help'), `${what} has no help text: Argo rejects the workflow ("must contain a help string"). Describe the metric in help.`);
    }
    for (const kind of KINDS) {
      if (!isObject(m[kind])) continue;
      // Argo's YAML reader turns a number (value: 1) into the string the field is typed as.
      const raw = m[kind].value;
      const value = typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : raw;
      if (typeof value !== 'string' || value === '') {
        ctx.report(childPath(mpath, kind, 'value'), `${what} is a ${kind} without a value: Argo rejects the workflow ("missing ${kind}.value"). `
          + 'Set value, e.g. "{{duration}}" or "1".');
      } else if (kind === 'gauge' && m.gauge.realtime === true && value.includes('resourcesDuration.')) {
        ctx.report(childPath(mpath, 'gauge', 'value'), `${what} is a realtime gauge over resourcesDuration, which is only known when the node ends: `
          + 'Argo rejects the workflow. Set realtime: false or use another value.');
      }
    }
    if (!KINDS.some(kind => isObject(m[kind]))) {
      ctx.report(mpath, `${what} has no gauge, counter or histogram: Argo accepts the workflow but cannot emit a metric without a type. `
        + 'Add one of them with a value.', 'warning');
    }
  });
}

/** W40: Prometheus metrics have valid names and label keys, a help text, and a value for their kind. */
export const W40_METRICS = workflowRule('W40',
  'metrics: valid names and label keys, help text, a value per metric kind',
  (model, ctx) => {
    if (isObject(model.site.spec.metrics)) checkMetrics(ctx, model.site.spec.metrics, model.site.path, 'the workflow');
    for (const t of model.templates) {
      if (isObject(t.template.metrics)) checkMetrics(ctx, t.template.metrics, t.path, describeTemplate(t));
    }
  });
