import { lint } from '../../../src/lint/engine';
import { Finding, LintOptions, Manifest } from '../../../src/lint/types';

const API = 'argoproj.io/v1alpha1';

/** A Workflow named `wf` with the given spec. */
export function workflow(spec: any, metadata: any = { name: 'wf' }): Manifest {
  return { apiVersion: API, kind: 'Workflow', metadata, spec };
}

/** A WorkflowTemplate with the given name and spec. */
export function workflowTemplate(name: string, spec: any, namespace?: string): Manifest {
  return { apiVersion: API, kind: 'WorkflowTemplate', metadata: { name, ...(namespace ? { namespace } : {}) }, spec };
}

/** A ClusterWorkflowTemplate with the given name and spec. */
export function clusterWorkflowTemplate(name: string, spec: any): Manifest {
  return { apiVersion: API, kind: 'ClusterWorkflowTemplate', metadata: { name }, spec };
}

/** A CronWorkflow with the given name and spec. */
export function cronWorkflow(name: string, spec: any): Manifest {
  return { apiVersion: API, kind: 'CronWorkflow', metadata: { name }, spec };
}

/** A container template. */
export function container(name: string, extra: any = {}): any {
  const { container: body, ...rest } = extra;
  return { name, ...rest, container: { image: 'alpine:3.20', command: ['echo'], ...(body ?? {}) } };
}

/** Findings of one rule over a set of manifests (semantic rules only). */
export function run(ruleId: string, manifests: Manifest | Manifest[], options: LintOptions = {}): Finding[] {
  return lint(Array.isArray(manifests) ? manifests : [manifests], { schema: false, ...options, only: [ruleId] });
}

/** Error findings of one rule. */
export function errors(ruleId: string, manifests: Manifest | Manifest[], options: LintOptions = {}): Finding[] {
  return run(ruleId, manifests, options).filter(f => f.severity === 'error');
}
