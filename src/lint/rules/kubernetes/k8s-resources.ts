import { childPath } from '../../path';
import { Rule } from '../../types';
import { podsOf } from '../../util/pods';
import { isJsonObject } from '../../util/walk';

function has(resources: unknown, list: 'requests' | 'limits', name: string): boolean {
  return isJsonObject(resources) && isJsonObject(resources[list]) && resources[list][name] !== undefined && resources[list][name] !== null && resources[list][name] !== '';
}

/**
 * K8S-RESOURCES (warning): every container of every pod the manifest makes requests CPU and
 * memory and has a memory limit (a limit alone also sets the request). Without requests the
 * scheduler reserves nothing for it; without a memory limit it can take the node's memory until
 * the kernel kills processes of other pods. Pod-level resources (`podResources`) count.
 */
export const K8S_RESOURCES: Rule = {
  id: 'K8S-RESOURCES',
  description: 'Containers request CPU and memory and have a memory limit',
  kinds: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'PodTemplate',
    'Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate', 'CronWorkflow', 'EventSource', 'Sensor', 'EventBus'],
  check(ctx) {
    for (const pod of podsOf(ctx.manifest)) {
      if (pod.podResources) continue;
      for (const c of pod.containers) {
        const r = c.resources?.value;
        const missing = [
          ...(has(r, 'requests', 'cpu') || has(r, 'limits', 'cpu') ? [] : ['cpu request']),
          ...(has(r, 'requests', 'memory') || has(r, 'limits', 'memory') ? [] : ['memory request']),
          ...(has(r, 'limits', 'memory') ? [] : ['memory limit']),
        ];
        if (!missing.length) continue;
        ctx.report(c.resources?.path ?? childPath(c.path, 'resources'), `container "${c.name}" of ${pod.what} has no ${missing.join(', no ').replace(/, no ([^,]*)$/, ' and no $1')}: `
          + 'the scheduler reserves nothing for it and, without a memory limit, it can take the node\'s memory until the kernel kills processes of other pods. '
          + 'Set resources.requests.cpu, resources.requests.memory and resources.limits.memory.', 'warning');
      }
    }
  },
};
