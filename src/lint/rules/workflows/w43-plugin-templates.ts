import { childPath } from '../../path';
import { describeTemplate, isObject, workflowRule } from './model';

/** W43: a plugin template names exactly one plugin (Plugin.UnmarshalJSON: "expected exactly one key"). */
export const W43_PLUGIN_TEMPLATES = workflowRule('W43',
  'a plugin template holds exactly one key, the plugin\'s name',
  (model, ctx) => {
    for (const t of model.templates) {
      const plugin = t.template.plugin;
      if (plugin === undefined || plugin === null) continue;
      const keys = isObject(plugin) ? Object.keys(plugin) : [];
      if (keys.length === 1) continue;
      ctx.report(childPath(t.path, 'plugin'), `the plugin of ${describeTemplate(t)} ${isObject(plugin) ? `has ${keys.length} keys${keys.length ? ` (${keys.join(', ')})` : ''}` : 'is not an object'}: `
        + `Argo cannot read the workflow ("expected exactly one key, got ${keys.length}") and rejects it. Write plugin: {<plugin-name>: {...its settings}}, one plugin per template.`);
    }
  });
