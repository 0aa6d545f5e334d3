import { Manifest } from '../types';

const WORKFLOWS_KINDS = new Set(['Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate', 'CronWorkflow', 'WorkflowEventBinding']);
const EVENTS_KINDS = new Set(['EventSource', 'Sensor', 'EventBus']);

/** Which product reads a manifest: Argo Workflows, Argo Events, or Kubernetes itself. */
export type KindFamily = 'workflows' | 'events' | 'kubernetes';

/** The family of a manifest, from its apiVersion group and kind. */
export function kindFamily(manifest: Manifest): KindFamily {
  const kind = String(manifest.kind ?? '');
  const argo = String(manifest.apiVersion ?? '').startsWith('argoproj.io/');
  if (argo && WORKFLOWS_KINDS.has(kind)) return 'workflows';
  if (argo && EVENTS_KINDS.has(kind)) return 'events';
  return 'kubernetes';
}

/**
 * What happens to a pod-level mistake (a container field, a reference) in this manifest:
 * Kubernetes sees the pod only when the owner creates it, not when the manifest is applied.
 */
export function podConsequence(manifest: Manifest, podProblem: string): string {
  switch (kindFamily(manifest)) {
    case 'workflows': return `the ${manifest.kind} is accepted, but when a step runs ${podProblem}, so the step fails`;
    case 'events': return `the ${manifest.kind} is accepted, but in the pod Argo Events deploys for it ${podProblem}, so it never processes events`;
    default: return `kubectl apply accepts the ${manifest.kind}, but ${podProblem}`;
  }
}
