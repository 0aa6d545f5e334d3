/**
 * Property-based test of the main constructs under random and hostile props (issue #15): a
 * WorkflowTemplate with container templates called from steps, a CronWorkflow, an EventBus, a
 * webhook EventSource with endpoints, a Sensor submitting the template, a ConfigMapEnv group the
 * containers load. Every run either throws an error naming the construct path (or, for a value a
 * factory refuses before any construct exists, the factory) or synthesizes YAML that, read back
 * as kubectl reads it, passes the strict schema check, the full CRDs' constraints and every rule
 * (names, labels, env names included) without an error.
 *
 * Deterministic: a fixed seed, overridable with FC_SEED (and FC_RUNS for more runs); on failure
 * fast-check prints the seed and the path of the smallest failing case to replay it.
 */
import { App, Chart, Size } from 'cdk8s';
import * as fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { ConfigMapEnv } from '../../src/config';
import { PodSecurity } from '../../src/core/pod-security';
import { EventBus, EventBusBackend, WebhookEventSource, WorkflowSensor } from '../../src/events';
import { lint } from '../../src/lint';
import { Manifest } from '../../src/lint/types';
import { CronWorkflow, WorkflowTemplate } from '../../src/workflows';
import { captureWarnings } from '../blocks/helpers';

const SEED = Number(process.env.FC_SEED ?? 1507);
const RUNS = Number(process.env.FC_RUNS ?? 150);

/**
 * Mostly sound values, sometimes hostile ones: with some 30 fields, a run holds about one hostile
 * value, and about a third of the runs none (so that the synthesized output is tested too).
 */
const usually = <T>(good: fc.Arbitrary<T>, ...hostile: fc.Arbitrary<T>[]): fc.Arbitrary<T> =>
  fc.oneof({ arbitrary: good, weight: 30 * hostile.length }, ...hostile.map(arbitrary => ({ arbitrary, weight: 1 })));

const dnsName = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/);
const hostileText = fc.oneof(
  fc.constantFrom('', ' ', 'A_B', 'UPPER', '-lead', 'trail-', 'a..b', 'wt-{{workflow.name}}', '{{', 'a}}', '😀', 'x'.repeat(300), 'line\nbreak', '\u202e', 'null', '0x1F'),
  fc.string({ maxLength: 12 }),
);
const name = usually(dnsName, hostileText);
const hostileNumber = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -3, 0, 1.5, -0.5, 2 ** 53, Number.MAX_VALUE),
  fc.double({ noDefaultInfinity: false }),
);
const optionalInt = (min: number, max: number) => fc.option(usually(fc.integer({ min, max }), hostileNumber), { nil: undefined });
const envName = usually(fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,10}$/), fc.constantFrom('', 'A=B', '😀', '1ST', 'my var', 'AWS_SECRET_ACCESS_KEY'), fc.string({ maxLength: 6 }));
const envValue = usually(fc.string({ maxLength: 20 }), fc.constantFrom('{{inputs.parameters.x', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX'));
const labelValue = usually(fc.stringMatching(/^[a-z0-9]{1,10}$/), hostileText);
const image = usually(fc.constantFrom('busybox:1.36', 'python:3.12-slim', 'registry.example.com/team/app@sha256:' + 'a'.repeat(64)), fc.constantFrom('', ' busybox', 'UPPER:1', 'busybox:latest'), fc.string({ maxLength: 8 }));
/** A quantity, or a cdk8s Size (which refuses negative amounts itself, but takes NaN and Infinity); the container requests it and is limited to it. */
const memory: fc.Arbitrary<string | Size> = usually<string | Size>(
  fc.oneof(fc.constantFrom('64Mi', '1Gi', '512M'), fc.integer({ min: 1, max: 4096 }).map(n => Size.mebibytes(n))),
  fc.constantFrom('NaNMi', '-1Gi', '1.5.5Gi', 'lots'),
  fc.oneof(fc.double({ min: 0, max: 4096, noNaN: true }), fc.constantFrom(NaN, Infinity)).map(n => Size.mebibytes(n)),
);
const schedule = usually(fc.constantFrom('0 3 * * *', '@daily', '@every 1h30m', '*/5 * * * *'), fc.constantFrom('0 3 * * *\n', '@every -1s', '61 * * * *', '', '@often'), fc.string({ maxLength: 10 }));
const webhookPath = usually(fc.stringMatching(/^\/[a-z]{1,8}$/), fc.constantFrom('', 'no-slash', '/{{x}}', '/a b'));

const containerProps = fc.record({
  id: usually(dnsName, fc.constantFrom('', 'Step_1', 'a'.repeat(70))),
  image,
  env: fc.dictionary(envName, envValue, { maxKeys: 3 }),
  args: fc.array(envValue, { maxLength: 2 }),
  activeDeadlineSeconds: optionalInt(0, 86400),
  retries: optionalInt(0, 10),
  memory,
  // Settings that break Pod Security "restricted" (or "baseline"), and sometimes the opt-out.
  runAsUser: fc.option(usually(fc.integer({ min: 1000, max: 65535 }), fc.constant(0)), { nil: undefined }),
  privileged: fc.option(usually(fc.constant(false), fc.constant(true)), { nil: undefined }),
  allowPrivilegeEscalation: fc.option(usually(fc.constant(false), fc.constant(true)), { nil: undefined }),
  podSecurity: fc.option(usually(fc.constant(PodSecurity.RESTRICTED), fc.constantFrom(PodSecurity.BASELINE, PodSecurity.PRIVILEGED)), { nil: undefined }),
});

const appProps = fc.record({
  templateName: name,
  label: labelValue,
  parallelism: optionalInt(1, 50),
  containers: fc.array(containerProps, { minLength: 1, maxLength: 3 }),
  envGroup: fc.record({ name: usually(dnsName, hostileText), values: fc.dictionary(envName, envValue, { maxKeys: 3 }) }),
  cron: fc.record({ name, schedule, startingDeadlineSeconds: optionalInt(0, 3600), historyLimit: optionalInt(0, 10) }),
  busReplicas: optionalInt(3, 5),
  source: fc.record({ name, port: optionalInt(1, 65535), replicas: optionalInt(1, 3), endpoints: fc.array(fc.record({ id: usually(dnsName, fc.constantFrom('', 'Vendor A')), path: webhookPath }), { minLength: 1, maxLength: 2 }) }),
  sensor: fc.record({ name, replicas: optionalInt(1, 3) }),
  script: fc.record({ source: usually(fc.constantFrom('print("hello")', 'echo {{workflow.name}}'), fc.constantFrom('echo {{', 'x = "}}{{"'), fc.string({ maxLength: 20 })), image }),
  dagParallelism: optionalInt(1, 10),
  sidecarPrivileged: fc.option(usually(fc.constant(false), fc.constant(true)), { nil: undefined }),
});

type AppProps = typeof appProps extends fc.Arbitrary<infer T> ? T : never;

/** Builds the app and synthesizes it: the YAML, or the error. */
function build(p: AppProps): { yaml: string } | { error: unknown; paths: ReadonlySet<string> } {
  const app = new App({ outdir: '/nonexistent' });
  try {
    const chart = new Chart(app, 'app', { namespace: 'team' });
    const group = new ConfigMapEnv(chart, 'env').addGroup(p.envGroup.name, p.envGroup.values);
    const wt = new WorkflowTemplate(chart, 'pipeline', { metadata: { name: p.templateName, labels: { team: p.label } }, parallelism: p.parallelism });
    const main = wt.addStepsTemplate('main');
    p.containers.forEach((c, i) => {
      const t = wt.addContainerTemplate(c.id, {
        image: c.image, args: c.args, env: c.env, envFrom: [group],
        activeDeadlineSeconds: c.activeDeadlineSeconds, retryStrategy: c.retries === undefined ? undefined : { limit: c.retries },
        resources: { cpu: { request: '100m' }, memory: { request: c.memory, limit: c.memory } },
        securityContext: c.runAsUser === undefined ? undefined : { runAsUser: c.runAsUser },
        containerSecurityContext: { privileged: c.privileged, allowPrivilegeEscalation: c.allowPrivilegeEscalation },
        podSecurity: c.podSecurity,
      });
      main.addStep(`step-${i}`, t);
    });
    // A DAG running a script template and a container template with a sidecar.
    const script = wt.addScriptTemplate('script', { image: p.script.image, source: p.script.source, resources: { cpu: { request: '50m' }, memory: { request: '64Mi', limit: '64Mi' } } });
    const served = wt.addContainerTemplate('served', { image: 'busybox:1.36', resources: { cpu: { request: '50m' }, memory: { request: '64Mi', limit: '64Mi' } } });
    served.addSidecar('cache', { image: 'redis:7.2', resources: { cpu: { request: '50m' }, memory: { request: '64Mi', limit: '64Mi' } },
      containerSecurityContext: p.sidecarPrivileged === undefined ? undefined : { privileged: p.sidecarPrivileged } });
    const dag = wt.addDagTemplate('graph', { parallelism: p.dagParallelism });
    dag.addTask('script', script);
    dag.addTask('served', served);
    main.addStep('graph', dag);
    wt.setEntrypoint(main);
    const cron = new CronWorkflow(chart, 'nightly', {
      metadata: { name: p.cron.name }, schedules: [p.cron.schedule],
      startingDeadlineSeconds: p.cron.startingDeadlineSeconds, successfulJobsHistoryLimit: p.cron.historyLimit,
    });
    cron.addStepsTemplate('main').addStep('run', wt.templates[1]);
    cron.setEntrypoint(cron.templates[0]);
    const bus = new EventBus(chart, 'bus', { backend: EventBusBackend.jetStream({ replicas: p.busReplicas }) });
    const source = new WebhookEventSource(chart, 'hooks', { metadata: { name: p.source.name }, eventBus: bus, port: p.source.port, replicas: p.source.replicas });
    const endpoints = p.source.endpoints.map(e => source.addEndpoint(e.id, { path: e.path }));
    const sensor = new WorkflowSensor(chart, 'sensor', { metadata: { name: p.sensor.name }, eventBus: bus, replicas: p.sensor.replicas });
    sensor.addDependency(endpoints[0]);
    sensor.submitWorkflow('run', wt);
    let yaml = '';
    captureWarnings(() => { yaml = app.synthYaml(); });
    return { yaml };
  } catch (error) {
    return { error, paths: new Set(app.node.findAll().map(c => c.node.path)) };
  }
}

/**
 * The error is an Error (not a TypeError of the library's code) naming a construct of the app by
 * its path, or the factory a value was given to before any construct existed; in cdk8s's
 * validation report, every error names one (a line starting otherwise continues a message
 * holding a line break of the user's text).
 */
function namesWhere(error: unknown, paths: ReadonlySet<string>): boolean {
  if (!(error instanceof Error) || error.constructor !== Error) return false;
  // `[path] field: ...` as cdk8s prints validation errors, or `path: ...` as the mutators throw.
  const named = (text: string) => [...paths].some(path => path && (text.startsWith(`[${path}] `) || text.startsWith(`${path}: `)));
  const header = 'Validation failed with the following errors:\n  ';
  if (!error.message.startsWith(header)) return named(error.message) || /^[A-Z]\w+\.\w+\(\): /.test(error.message);
  const errors = error.message.slice(header.length).split('\n  ');
  return named(errors[0]) && errors.every(e => named(e) || !e.startsWith('[app'));
}

/** Errors of the full lint (strict schema check, full CRDs, every rule) over the YAML as kubectl reads it. */
function errorsIn(yaml: string): string[] {
  const docs = parseAllDocuments(yaml).map(d => d.toJS() as Manifest);
  return lint(docs, { schema: true, crd: true }).filter(f => f.severity === 'error').map(f => `${f.object}: ${f.path}: ${f.message} [${f.ruleId}]`);
}

function podFindings(yaml: string): string[] {
  const docs = parseAllDocuments(yaml).map(d => d.toJS() as Manifest);
  return lint(docs, { schema: false, only: ['K8S-POD-BASELINE', 'K8S-POD-RESTRICTED'] }).map(f => `${f.object}: ${f.path}: ${f.message}`);
}

describe('the main constructs under random and hostile props', () => {
  test('each run throws naming the construct (or factory), or synthesizes YAML without a single lint error', () => {
    let synthesized = 0;
    let refused = 0;
    fc.assert(fc.property(appProps, p => {
      const result = build(p);
      if ('error' in result) {
        refused++;
        if (process.env.FC_DEBUG) process.stdout.write(`refused: ${String(result.error instanceof Error ? result.error.message : result.error).split('\n').slice(0, 2).join(' | ').slice(0, 300)}\n`);
        if (!namesWhere(result.error, result.paths)) throw new Error(`the error does not name the construct: ${String(result.error instanceof Error ? result.error.stack : result.error)}`);
        return;
      }
      synthesized++;
      expect(errorsIn(result.yaml)).toEqual([]);
      // Secure by default: without an opt-out, every pod meets "restricted" (not even a warning).
      if (p.containers.every(c => c.podSecurity === undefined || c.podSecurity === PodSecurity.RESTRICTED)) expect(podFindings(result.yaml)).toEqual([]);
    }), { seed: SEED, numRuns: RUNS, endOnFailure: true });
    if (process.env.FC_DEBUG) process.stdout.write(`synthesized ${synthesized}, refused ${refused}\n`);
    // Both outcomes happen, so the property is not vacuous on either side.
    expect(synthesized).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});
