import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import { parseAllDocuments } from 'yaml';
import { withGoScalars } from '../../src/lint/util/go-yaml';
import { validateManifest } from '../../src/schema/validator';
import { describeUpstream, UPSTREAM_DIR as argoDir } from '../support/upstream';

function files(dir: string): string[] {
  return readdirSync(dir).sort().flatMap(f => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ya?ml|json)$/.test(f) ? [p] : [];
  });
}

/** Upstream examples a strict YAML 1.2 parser rejects: not schema failures (see the schemas' README). */
const UNPARSEABLE = [
  'workflows-v4.1.2/examples/ci-output-artifact.yaml', // multi-line double-quoted scalar in a flow sequence
  'workflows-v4.1.2/examples/ci.yaml',
  'workflows-v4.1.2/examples/influxdb-ci.yaml',
  'workflows-v4.1.2/examples/k8s-orchestration.yaml',
  'workflows-v4.1.2/examples/k8s-patch-json-workflow.yaml', // duplicate mapping key
  'workflows-v4.1.2/examples/nested-workflow.yaml',
  'workflows-v4.1.2/examples/secrets.yaml',
  'workflows-v4.1.2/examples/sidecar.yaml',
  'workflows-v4.1.2/examples/volumes-emptydir.yaml',
];

/** Documents that are not Kubernetes objects at all. */
const NOT_MANIFESTS = ['workflows-v4.1.2/examples/grafana-dashboard.json'];

/** Upstream examples that still use fields Argo Events has removed or renamed: the check must reject exactly these. */
const REMOVED_FIELD_EXAMPLES: { [file: string]: string[] } = {
  // Stripe secrets are read from the EventSource's namespace; the per-source namespace is gone.
  'events-v1.9.11/examples/event-sources/stripe.yaml': ['spec.stripe.example.namespace'],
  // The trigger is `openWhisk` (camel case) since v1.0.
  'events-v1.9.11/examples/sensors/trigger-openwhisk.yaml': ['spec.triggers[0].template.openwhisk'],
  // atLeastOnce and policy moved from the trigger template to the trigger.
  'events-v1.9.11/examples/sensors/trigger-with-atleast-once-semantics.yaml': ['spec.triggers[0].template.atLeastOnce'],
  'events-v1.9.11/examples/sensors/trigger-with-policy.yaml': ['spec.triggers[0].template.policy'],
  // URL artifact option renamed verifyCert.
  'events-v1.9.11/examples/sensors/url-sensor.yaml': ['spec.triggers[0].template.k8s.source.url.verifycert'],
  // Trigger sources are read from the Sensor's namespace; git.sshKeyPath became sshKeySecret.
  'events-v1.9.11/examples/tutorials/03-trigger-sources/sensor-cm.yaml': ['spec.triggers[0].template.k8s.source.configmap.namespace'],
  'events-v1.9.11/examples/tutorials/03-trigger-sources/sensor-git.yaml': [
    'spec.triggers[0].template.k8s.source.git.namespace', 'spec.triggers[0].template.k8s.source.git.sshKeyPath'],
  // EventSource `spec.type` is gone: the source kind follows from the section used.
  'events-v1.9.11/examples/tutorials/06-trigger-conditions/minio-event-source.yaml': ['spec.type'],
  'events-v1.9.11/examples/tutorials/06-trigger-conditions/webhook-event-source.yaml': ['spec.type'],
  'events-v1.9.11/examples/tutorials/09-http-trigger/minio-event-source.yaml': ['spec.type'],
  // HTTP trigger `serverURL` became `url` (so the required url is missing too).
  'events-v1.9.11/examples/tutorials/09-http-trigger/sensor-01.yaml': ['spec.triggers[0].template.http.serverURL', 'spec.triggers[0].template.http.url'],
  'events-v1.9.11/examples/tutorials/09-http-trigger/sensor-02.yaml': ['spec.triggers[0].template.http.serverURL', 'spec.triggers[0].template.http.url'],
};

describeUpstream('strict validation calibrated on the upstream examples', () => {
  const unparseable: string[] = [];
  const notManifests: string[] = [];
  const failures: { [file: string]: string[] } = {};
  let checked = 0;
  for (const tree of ['workflows-v4.1.2/examples', 'events-v1.9.11/examples']) {
    for (const file of files(join(argoDir, tree))) {
      const name = relative(argoDir, file);
      // As kubectl reads them (`mode: 0755` is octal).
      const docs = parseAllDocuments(readFileSync(file, 'utf8'), { customTags: withGoScalars });
      for (const doc of Array.isArray(docs) ? docs : [docs]) {
        if (doc.errors.length) {
          if (!unparseable.includes(name)) unparseable.push(name);
          continue;
        }
        const manifest = doc.toJS();
        if (manifest === null || manifest === undefined) continue;
        if (!manifest.apiVersion || !manifest.kind) {
          notManifests.push(name);
          continue;
        }
        checked++;
        const paths = validateManifest(manifest).map(v => v.path);
        if (paths.length) failures[name] = [...(failures[name] ?? []), ...paths].sort();
      }
    }
  }

  test('the examples are all there', () => {
    expect(checked).toBeGreaterThan(340);
  });

  test('documents a YAML 1.2 parser cannot read are exactly the known ones', () => {
    expect(unparseable).toEqual(UNPARSEABLE);
    expect(notManifests).toEqual(NOT_MANIFESTS);
  });

  test('every other document passes, except the examples using removed fields, at exactly those fields', () => {
    const expected = Object.fromEntries(Object.entries(REMOVED_FIELD_EXAMPLES).map(([f, p]) => [f, [...p].sort()]));
    expect(failures).toEqual(expected);
  });
});
