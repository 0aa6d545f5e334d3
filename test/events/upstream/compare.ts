/**
 * Semantic comparison of a synthesized document with an upstream Argo Events example: both are
 * parsed JSON (so YAML formatting, comments and key order do not matter; list order does), and
 * every other difference must be listed, with its reason, as a `Difference` (the test fails when
 * a listed difference is not there any more, so the list cannot go stale).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseAllDocuments } from 'yaml';
import { parseFieldPath } from '../../../src/lint/path';
import { withRestrictedDefaults } from '../../support/pod-security';
import { upstreamPath } from '../../support/upstream';

/** A difference the library makes on purpose, or an upstream field it renders elsewhere. */
export interface Difference {
  /** Field path in the document (`spec.template.serviceAccountName`, `spec.triggers[0].template.k8s`). */
  readonly path: string;
  /** `ours`: removed from the synthesized document; `theirs`: removed from the upstream one. */
  readonly side: 'ours' | 'theirs';
  /** Why the documents differ there. */
  readonly reason: string;
}

/** The examples folder of Argo Events v1.9.11. */
export const EXAMPLES = upstreamPath('events-v1.9.11', 'examples');

/** The documents of an upstream example file, as plain JSON. */
export function upstreamDocs(file: string): any[] {
  return parseAllDocuments(readFileSync(join(EXAMPLES, file), 'utf8')).map(d => d.toJSON()).filter(Boolean).map(d => JSON.parse(JSON.stringify(d)));
}

/**
 * The upstream document as the constructs render it by default (the security defaults of issue
 * #15, test/support/pod-security.ts): Pod Security "restricted" settings on its pods, and on the
 * workflows its triggers submit or create (Workflow constructs of the sensor's resourceScope).
 */
export function withLibraryDefaults(doc: any): any {
  const out = withRestrictedDefaults(doc);
  if (out?.kind !== 'Sensor') return out;
  for (const trigger of out.spec?.triggers ?? []) {
    for (const kind of ['argoWorkflow', 'k8s']) {
      const source = trigger.template?.[kind]?.source;
      if (source?.resource?.kind) source.resource = withRestrictedDefaults(source.resource);
    }
  }
  return out;
}

/** Removes each difference from its side (dropping objects left empty) and returns both documents. */
export function normalize(ours: any, theirs: any, differences: readonly Difference[]): { ours: any; theirs: any; stale: string[] } {
  const o = JSON.parse(JSON.stringify(ours));
  const t = JSON.parse(JSON.stringify(theirs));
  const stale: string[] = [];
  for (const d of differences) {
    if (!removeAt(d.side === 'ours' ? o : t, parseFieldPath(d.path))) stale.push(`${d.side}: ${d.path} (${d.reason})`);
  }
  return { ours: o, theirs: t, stale };
}

function removeAt(root: any, path: readonly (string | number)[]): boolean {
  const parents: any[] = [];
  let node = root;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object' || !(key in node)) return false;
    parents.push(node);
    node = node[key];
  }
  const last = path[path.length - 1];
  if (node === null || typeof node !== 'object' || !(last in node)) return false;
  if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
  else delete node[last];
  // Drop the objects the removal left empty (a `template: {}` once its only field is gone).
  for (let i = path.length - 2; i >= 0; i--) {
    const parent = parents[i];
    const value = parent[path[i]];
    if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) delete parent[path[i]];
    else break;
  }
  return true;
}

// Differences that recur, named once.

/** Upstream sensors that name no service account run as the namespace's default. */
export const OWN_SENSOR_ACCOUNT: Difference = {
  path: 'spec.template.serviceAccountName', side: 'ours',
  reason: 'every sensor runs as a ServiceAccount of its own (<sensor>-sensor) holding exactly what its triggers call; upstream uses the namespace default account',
};

/** Upstream HTTP EventSources ask the controller for a Service; the library creates its own. */
export const OWN_SERVICE: Difference = {
  path: 'spec.service', side: 'theirs',
  reason: 'the library creates the Service itself (<name>-eventsource-svc, a separate object whose ports are compared with these), instead of asking the controller for one',
};

/** `spec.type` was removed from EventSources before v1.9: the CRD prunes it. */
export const REMOVED_TYPE: Difference = {
  path: 'spec.type', side: 'theirs',
  reason: 'EventSource spec.type no longer exists in Argo Events v1.9 (the CRD prunes it; the kind is the key under spec)',
};
