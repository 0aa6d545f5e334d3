import { resolveWorkflowTemplateRef } from '../lint/rules/workflows/references';
import { GraphBuilder } from './builder';
import { ArgoGraphNodeKind } from './model';
import { addProperty, nonEmpty } from './text';
import { WorkflowRegistry } from './workflows';

/** A WorkflowEventBinding: Argo Server submits a WorkflowTemplate when an API event matches. */
export function drawWorkflowEventBinding(builder: GraphBuilder, manifestIndex: number): string {
  const binding = builder.manifests[manifestIndex];
  const selector = nonEmpty(binding.spec?.event?.selector);
  const props: [string, string][] = [];
  addProperty(props, 'namespace', binding.metadata?.namespace);
  addProperty(props, 'selector', selector);
  return builder.addObject({
    kind: 'WorkflowEventBinding', name: nonEmpty(binding.metadata?.name) ?? '(unnamed)', namespace: binding.metadata?.namespace,
    details: [selector ? `on ${selector}` : 'no event selector'], properties: props, source: { manifestIndex, path: '' },
  });
}

export function drawWorkflowEventBindingEdge(builder: GraphBuilder, registry: WorkflowRegistry, manifestIndex: number): void {
  const binding = builder.manifests[manifestIndex];
  const ref = binding.spec?.submit?.workflowTemplateRef;
  const self = builder.objectNode(manifestIndex);
  if (!self || !ref || typeof ref !== 'object') return;
  const resolved = resolveWorkflowTemplateRef(builder.index, binding, ref);
  const source = { manifestIndex, path: 'spec.submit.workflowTemplateRef' };
  if (resolved.status === 'ok') {
    builder.addEdge(self, registry.get(resolved.target)!.id, 'runs', { label: 'submits', source });
  } else if (resolved.status === 'missing-object') {
    const namespace = resolved.kind === 'ClusterWorkflowTemplate' ? undefined : binding.metadata?.namespace;
    builder.addEdge(self, builder.addMissing(resolved.kind as ArgoGraphNodeKind, resolved.name, namespace), 'runs', { label: 'submits', missing: true, source });
  }
}
