import { childPath } from '../../path';
import { asArray, isObject, workflowRule } from './model';

/**
 * W41: each executor plugin of spec.executorPlugins has metadata.name and a sidecar container with
 * at least one port, resource requests and limits, and a securityContext
 * (WorkflowSpec.AsExecutorPluginSpec and plugins/spec Sidecar.Validate).
 */
export const W41_EXECUTOR_PLUGINS = workflowRule('W41',
  'executorPlugins: a name and a sidecar container with ports, resource requests and limits, and a securityContext',
  (model, ctx) => {
    asArray(model.site.spec.executorPlugins).forEach((plugin, i) => {
      const path = childPath(model.site.path, 'executorPlugins', i);
      const rejected = (what: string) => `Argo rejects the workflow ("spec.executorPlugins: ${what}")`;
      if (!isObject(plugin)) return;
      const name = plugin.metadata?.name;
      if (typeof name !== 'string' || name === '') {
        ctx.report(childPath(path, 'metadata', 'name'), `the executor plugin has no name: ${rejected('executor plugin metadata name is mandatory')}. Set metadata.name.`);
      }
      const container = plugin.spec?.sidecar?.container;
      const containerPath = childPath(path, 'spec', 'sidecar', 'container');
      const c = isObject(container) ? container : {};
      if (asArray(c.ports).length === 0) {
        ctx.report(childPath(containerPath, 'ports'), `the plugin's sidecar has no port: ${rejected('at least one port is mandatory')}. `
          + 'List the port the plugin serves on, e.g. ports: [{containerPort: 4355}].');
      } else if (!isObject(c.resources?.requests)) {
        ctx.report(childPath(containerPath, 'resources', 'requests'), `the plugin's sidecar has no resource requests: ${rejected('resources requests are mandatory')}. Set resources.requests (cpu and memory).`);
      } else if (!isObject(c.resources?.limits)) {
        ctx.report(childPath(containerPath, 'resources', 'limits'), `the plugin's sidecar has no resource limits: ${rejected('resources limits are mandatory')}. Set resources.limits (cpu and memory).`);
      } else if (!isObject(c.securityContext)) {
        ctx.report(childPath(containerPath, 'securityContext'), `the plugin's sidecar has no securityContext: ${rejected('security context is mandatory')}. `
          + 'Set one, e.g. {runAsNonRoot: true, allowPrivilegeEscalation: false}.');
      }
    });
  });
