import { readFileSync } from 'fs';
import { join, relative } from 'path';
import { readManifestFiles } from '../../src/cli/files';
import { lint } from '../../src/lint';

import { describeUpstream, UPSTREAM_DIR as argoDir } from '../support/upstream';

const exampleTrees = [join(argoDir, 'workflows-v4.1.2', 'examples'), join(argoDir, 'events-v1.9.11', 'examples')];

/**
 * Upstream files a YAML 1.2 parser cannot read (Go's YAML parser, used by kubectl and Argo, is
 * more lenient). The linter reports them as input errors with file and line; they are not linted.
 */
const PARSE_FAILURES: { readonly [file: string]: string } = {
  // Multi-line double-quoted scalars in flow sequences (args: ["...\n..."]) whose continuation
  // lines are not indented deeper than their key.
  'workflows-v4.1.2/examples/ci-output-artifact.yaml:56': 'Missing closing "quote',
  'workflows-v4.1.2/examples/ci.yaml:69': 'Missing closing "quote',
  'workflows-v4.1.2/examples/influxdb-ci.yaml:79': 'Missing closing "quote',
  'workflows-v4.1.2/examples/k8s-orchestration.yaml:82': 'Missing closing "quote',
  'workflows-v4.1.2/examples/nested-workflow.yaml:42': 'Missing closing "quote',
  'workflows-v4.1.2/examples/secrets.yaml:34': 'Missing closing \'quote',
  'workflows-v4.1.2/examples/sidecar.yaml:19': 'Missing closing "quote',
  'workflows-v4.1.2/examples/volumes-emptydir.yaml:24': 'Missing closing "quote',
  // `annotations:` twice in metadata: Go keeps the last one, YAML 1.2 forbids duplicate keys.
  'workflows-v4.1.2/examples/k8s-patch-json-workflow.yaml:13': 'Map keys must be unique',
};

/**
 * The only errors on upstream documents: examples that use fields Argo Events removed or
 * renamed (the controller ignores them, so the example no longer does what it shows), two
 * workflows Kubernetes itself rejects, and sensors that wait for events their EventSource does
 * not define. Everything else Argo accepts lints without errors. Format: `file: RULE field.path`.
 */
const EXPECTED_ERRORS: readonly string[] = [
  // EventSource spec.type: removed; the source kind follows from the section used.
  'events-v1.9.11/examples/tutorials/06-trigger-conditions/minio-event-source.yaml: SCHEMA spec.type',
  'events-v1.9.11/examples/tutorials/06-trigger-conditions/webhook-event-source.yaml: SCHEMA spec.type',
  'events-v1.9.11/examples/tutorials/09-http-trigger/minio-event-source.yaml: SCHEMA spec.type',
  // Stripe webhook namespace: removed; secrets are read from the EventSource's namespace.
  'events-v1.9.11/examples/event-sources/stripe.yaml: SCHEMA spec.stripe.example.namespace',
  // Trigger template policy / atLeastOnce: moved up to the trigger.
  'events-v1.9.11/examples/sensors/trigger-with-policy.yaml: SCHEMA spec.triggers[0].template.policy',
  'events-v1.9.11/examples/sensors/trigger-with-atleast-once-semantics.yaml: SCHEMA spec.triggers[0].template.atLeastOnce',
  // Renamed fields spelled the old way: openwhisk -> openWhisk, verifycert -> verifyCert.
  'events-v1.9.11/examples/sensors/trigger-openwhisk.yaml: SCHEMA spec.triggers[0].template.openwhisk',
  'events-v1.9.11/examples/sensors/trigger-openwhisk.yaml: E4 spec.triggers[0].template.openwhisk',
  'events-v1.9.11/examples/sensors/url-sensor.yaml: SCHEMA spec.triggers[0].template.k8s.source.url.verifycert',
  // Trigger source namespace / sshKeyPath: removed (sources are read from the Sensor's namespace; sshKeySecret).
  'events-v1.9.11/examples/tutorials/03-trigger-sources/sensor-cm.yaml: SCHEMA spec.triggers[0].template.k8s.source.configmap.namespace',
  'events-v1.9.11/examples/tutorials/03-trigger-sources/sensor-git.yaml: SCHEMA spec.triggers[0].template.k8s.source.git.namespace',
  'events-v1.9.11/examples/tutorials/03-trigger-sources/sensor-git.yaml: SCHEMA spec.triggers[0].template.k8s.source.git.sshKeyPath',
  // http.serverURL: renamed url, so the required url is missing and the controller rejects the Sensor.
  'events-v1.9.11/examples/tutorials/09-http-trigger/sensor-01.yaml: SCHEMA spec.triggers[0].template.http.serverURL',
  'events-v1.9.11/examples/tutorials/09-http-trigger/sensor-01.yaml: SCHEMA spec.triggers[0].template.http.url',
  'events-v1.9.11/examples/tutorials/09-http-trigger/sensor-01.yaml: E7 spec.triggers[0].template.http.url',
  'events-v1.9.11/examples/tutorials/09-http-trigger/sensor-02.yaml: SCHEMA spec.triggers[0].template.http.serverURL',
  'events-v1.9.11/examples/tutorials/09-http-trigger/sensor-02.yaml: SCHEMA spec.triggers[0].template.http.url',
  'events-v1.9.11/examples/tutorials/09-http-trigger/sensor-02.yaml: E7 spec.triggers[0].template.http.url',
  // Not accepted by Kubernetes (both examples are marked workflows.argoproj.io/no-test upstream):
  // generateName is indented under labels, so the Workflow has no name and the label value
  // "fun-with-gifs-" ends in "-"; in k8s-jobs, `name:` slipped into the block scalar above it.
  'workflows-v4.1.2/examples/fun-with-gifs.yaml: K8S-NAME metadata',
  'workflows-v4.1.2/examples/fun-with-gifs.yaml: K8S-LABEL metadata.labels.generateName',
  'workflows-v4.1.2/examples/k8s-jobs.yaml: K8S-NAME metadata',
  // Accepted by Argo, but the dependency waits for an event the "webhook" EventSource example
  // defines only in a comment ("example-foo", "example1"): it never resolves.
  'events-v1.9.11/examples/sensors/dependencies-conditions.yaml: E2 spec.dependencies[1].eventName',
  'events-v1.9.11/examples/sensors/time-filter-webhook.yaml: E2 spec.dependencies[1].eventName',
  'events-v1.9.11/examples/sensors/transform.yaml: E2 spec.dependencies[1].eventName',
  // Accepted by Argo Events, but the Workflow its trigger creates cannot run: the template
  // declares input "message" and reads message1/message2 (Argo rejects the workflow when it fires).
  'events-v1.9.11/examples/sensors/multi-dependencies.yaml: ARGO-TRIGGER-RESOURCE spec.triggers[0].template.k8s.source.resource.spec.arguments',
  'events-v1.9.11/examples/sensors/multi-dependencies.yaml: ARGO-TRIGGER-RESOURCE spec.triggers[0].template.k8s.source.resource.spec.templates[0].container.args[0]',
  'events-v1.9.11/examples/sensors/multi-dependencies.yaml: ARGO-TRIGGER-RESOURCE spec.triggers[0].template.k8s.source.resource.spec.templates[0].container.args[1]',
];

describeUpstream('calibration on the upstream examples (both trees together, references resolved across them)', () => {
  const input = readManifestFiles(exampleTrees);
  const findings = lint(input.manifests.map(m => m.manifest));
  const where = (file: string) => relative(argoDir, file);

  test('reads the ~360 upstream documents', () => {
    expect(input.manifests.length).toBeGreaterThan(340);
  });

  test('lists exactly the known parse failures, with file and line', () => {
    const failures = Object.fromEntries(input.problems.map(p => [`${where(p.file)}:${p.line}`, p.message]));
    expect(Object.keys(failures).sort()).toEqual(Object.keys(PARSE_FAILURES).sort());
    for (const [at, reason] of Object.entries(PARSE_FAILURES)) expect(failures[at]).toContain(reason);
  });

  test('skips the one file that is not a Kubernetes object (a Grafana dashboard)', () => {
    expect(input.skipped.map(s => where(s.file))).toEqual(['workflows-v4.1.2/examples/grafana-dashboard.json']);
    expect(JSON.parse(readFileSync(input.skipped[0].file, 'utf8')).panels).toBeDefined();
  });

  test('no errors apart from the listed removed fields, invalid objects and unresolvable dependencies', () => {
    // The example files are alternatives of each other (a dozen Sensors named "webhook"), not one set
    // to apply together: that they share names (K8S-DUPLICATE) is expected here.
    const errors = findings.filter(f => f.severity === 'error' && f.ruleId !== 'K8S-DUPLICATE')
      .map(f => `${where(input.manifests[f.manifestIndex].source.file)}: ${f.ruleId} ${f.path}`);
    expect([...new Set(errors)].sort()).toEqual([...EXPECTED_ERRORS].sort());
  });

  test('references outside the examples are warnings that say so', () => {
    const missing = findings.filter(f => f.message.includes('is not among the linted manifests'));
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.every(f => f.severity === 'warning' && f.message.includes('assumed to exist in the cluster'))).toBe(true);
  });
});
