import { lint } from '../../../src/lint';
import { Finding, LintOptions, Manifest } from '../../../src/lint/types';

/** Findings of one rule id over a set of manifests (no schema check). */
export function findingsOf(ruleId: string, manifests: Manifest[], options: LintOptions = {}): Finding[] {
  return lint(manifests, { ...options, schema: false, only: [ruleId] });
}

/** `path: message` lines of the rule's findings of a severity, for compact assertions. */
export function reported(ruleId: string, manifests: Manifest[], severity: 'error' | 'warning' = 'error', options: LintOptions = {}): string[] {
  return findingsOf(ruleId, manifests, options).filter(f => f.severity === severity).map(f => `${f.path}: ${f.message}`);
}

/** A Sensor with one webhook dependency and one log trigger, `spec` fields overridden. */
export function sensor(spec: { [key: string]: any } = {}, metadata: { [key: string]: any } = {}): Manifest {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Sensor',
    metadata: { name: 'deploy-on-push', ...metadata },
    spec: {
      dependencies: [{ name: 'push', eventSourceName: 'github', eventName: 'push' }],
      triggers: [{ template: { name: 'log-it', log: {} } }],
      ...spec,
    },
  };
}

/** A trigger with a named template of the given kind and body. */
export function trigger(name: string, kind: string, body: { [key: string]: any }, extra: { [key: string]: any } = {}): { [key: string]: any } {
  return { template: { name, [kind]: body }, ...extra };
}

/** A valid argoWorkflow trigger body. */
export function argoWorkflow(extra: { [key: string]: any } = {}): { [key: string]: any } {
  return {
    operation: 'submit',
    source: { resource: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { generateName: 'build-' }, spec: { workflowTemplateRef: { name: 'build' } } } },
    ...extra,
  };
}

/** An EventSource with the given spec. */
export function eventSource(name: string, spec: { [key: string]: any }, metadata: { [key: string]: any } = {}): Manifest {
  return { apiVersion: 'argoproj.io/v1alpha1', kind: 'EventSource', metadata: { name, ...metadata }, spec };
}

/** A webhook event definition. */
export function webhook(endpoint = '/push', port = '12000', method = 'POST'): { [key: string]: any } {
  return { endpoint, port, method };
}

/** An EventBus with the given spec (default: JetStream). */
export function eventBus(name = 'default', spec: { [key: string]: any } = { jetstream: { version: 'latest' } }, metadata: { [key: string]: any } = {}): Manifest {
  return { apiVersion: 'argoproj.io/v1alpha1', kind: 'EventBus', metadata: { name, ...metadata }, spec };
}
