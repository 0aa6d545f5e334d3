/** A field Argo once accepted and has since removed, with the replacement to use. */
export interface RemovedField {
  /** Kind the field belongs to; undefined for any kind. */
  readonly kind?: string;
  /** Matches the field path as reported by the validator. */
  readonly path: RegExp;
  /** Which release line removed it. */
  readonly product: string;
  /** How to express the same thing today. */
  readonly fix: string;
}

export const REMOVED_FIELDS: readonly RemovedField[] = [
  { kind: 'CronWorkflow', path: /^spec\.schedule$/, product: 'Argo Workflows v4', fix: 'use spec.schedules (a list), e.g. schedules: ["0 9 * * *"]' },
  { path: /(^|\.)synchronization\.mutex$/, product: 'Argo Workflows v4', fix: 'use synchronization.mutexes (a list)' },
  { path: /(^|\.)synchronization\.semaphore$/, product: 'Argo Workflows v4', fix: 'use synchronization.semaphores (a list)' },
  { kind: 'EventSource', path: /^spec\.type$/, product: 'Argo Events', fix: 'delete it: the source kind follows from the section used (webhook:, minio:, ...)' },
  { kind: 'EventSource', path: /^spec\.stripe\.[^.]+\.namespace$/, product: 'Argo Events', fix: 'delete it: secrets are read from the EventSource\'s own namespace' },
  { kind: 'Sensor', path: /^spec\.triggers\[\d+\]\.template\.policy$/, product: 'Argo Events', fix: 'move it to the trigger: spec.triggers[].policy' },
  { kind: 'Sensor', path: /^spec\.triggers\[\d+\]\.template\.atLeastOnce$/, product: 'Argo Events', fix: 'move it to the trigger: spec.triggers[].atLeastOnce' },
  { kind: 'Sensor', path: /\.http\.serverURL$/, product: 'Argo Events', fix: 'use http.url' },
  { kind: 'Sensor', path: /\.source\.(configmap|git)\.namespace$/, product: 'Argo Events', fix: 'delete it: trigger sources are read from the Sensor\'s own namespace' },
  { kind: 'Sensor', path: /\.argoWorkflow\.(group|version|resource)$/, product: 'Argo Events', fix: 'delete it: an argoWorkflow trigger always acts on argoproj.io/v1alpha1 Workflows' },
  { kind: 'Sensor', path: /\.source\.git\.sshKeyPath$/, product: 'Argo Events', fix: 'use git.sshKeySecret (a Secret key selector)' },
];
