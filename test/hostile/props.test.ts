/**
 * Hostile props (issue #15): each of the inputs the issue lists, which used to synthesize into a
 * manifest Kubernetes or Argo refuses, now fails where it is given (a construct-time error) or at
 * synth (a rule, the strict schema check or a full-CRD constraint), naming the construct the user
 * wrote, the field, and what Kubernetes or Argo would do. Which of the two catches it is decided
 * per case (docs/security.md "Hostile props"): numbers where the prop is taken, what only the
 * rendered manifest shows at synth.
 */
import { App, Chart, Size } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { ConfigMapEnv } from '../../src/config';
import { Lint } from '../../src/core/lint-suppression';
import { EventBus, EventBusBackend, WebhookEventSource, WorkflowSensor } from '../../src/events';
import { CronWorkflow, Loop, WorkflowServiceAccount, WorkflowTemplate } from '../../src/workflows';
import { captureWarnings } from '../blocks/helpers';

function chart(): Chart {
  return new Chart(new App({ outdir: '/nonexistent' }), 'app', { namespace: 'team' });
}

/** What building and synthesizing throws (the construct-time error, or cdk8s's validation report). */
function failure(build: (c: Chart) => void): string {
  const c = chart();
  try {
    build(c);
    captureWarnings(() => (c.node.root as App).synthYaml());
  } catch (e) {
    return String((e as Error).message);
  }
  throw new Error('expected the props to be refused, but the app synthesized');
}

function template(c: Chart, props: object = {}, main: object = {}, name = 'wt'): WorkflowTemplate {
  const wt = new WorkflowTemplate(c, name, { metadata: { name }, ...props });
  wt.setEntrypoint(wt.addContainerTemplate('main', { image: 'busybox:1.36', ...main }));
  return wt;
}

function cron(c: Chart, props: object): CronWorkflow {
  const cw = new CronWorkflow(c, 'nightly', { metadata: { name: 'nightly' }, schedules: ['0 3 * * *'], ...props });
  cw.setEntrypoint(cw.addContainerTemplate('main', { image: 'busybox:1.36' }));
  return cw;
}

describe('numbers where Kubernetes and Argo decode integers: refused where the prop is taken', () => {
  test.each<[string, (c: Chart) => void, RegExp]>([
    ['parallelism NaN', c => template(c, { parallelism: NaN }), /^\[app\/wt\] parallelism: is NaN: JSON has no NaN or Infinity \(cdk8s would write "\.nan"\), so kubectl refuses the manifest\./],
    ['activeDeadlineSeconds Infinity', c => template(c, { activeDeadlineSeconds: Infinity }), /^\[app\/wt\] activeDeadlineSeconds: is Infinity: .*"\.inf"/],
    ['a template\'s activeDeadlineSeconds 1.5', c => template(c, {}, { activeDeadlineSeconds: 1.5 }),
      /^\[app\/wt\/main\] activeDeadlineSeconds: is 1\.5, not an integer: .*kubectl apply refuses a fraction\. Round it, e\.g\. to 2\./],
    ['retryStrategy.limit Infinity', c => template(c, {}, { retryStrategy: { limit: Infinity } }), /^\[app\/wt\/main\] retryStrategy\.limit: is Infinity/],
    ['startingDeadlineSeconds NaN', c => cron(c, { startingDeadlineSeconds: NaN }), /^\[app\/nightly\] startingDeadlineSeconds: is NaN/],
    ['Sensor replicas 2.5', c => new WorkflowSensor(c, 'sensor', { metadata: { name: 'sensor' }, eventBus: new EventBus(c, 'bus'), replicas: 2.5 }),
      /^\[app\/sensor\] replicas: is 2\.5, not an integer/],
    ['EventSource replicas 0', c => new WebhookEventSource(c, 'hooks', { metadata: { name: 'hooks' }, eventBus: new EventBus(c, 'bus'), replicas: 0 }),
      /^\[app\/hooks\] replicas: is 0: Argo Events runs one pod for any value below 1 \(it cannot scale to zero\); delete the object to stop it\. Give an integer of at least 1\./],
    ['a webhook port given as a string', c => new WebhookEventSource(c, 'hooks', { metadata: { name: 'hooks' }, eventBus: new EventBus(c, 'bus'), port: '12000' as unknown as number }),
      /^\[app\/hooks\] port: must be a number, got the string "12000": Kubernetes and Argo decode port as an integer and refuse the manifest\. Pass a number\./],
    ['EventBus replicas NaN (a factory: no construct yet, the factory is named)', () => EventBusBackend.jetStream({ replicas: NaN }),
      /^EventBusBackend\.jetStream\(\): replicas: is NaN/],
    ['native NATS EventBus replicas 2.5', () => EventBusBackend.nativeNats({ replicas: 2.5 }),
      /^EventBusBackend\.nativeNats\(\): replicas: is 2\.5, not an integer/],
    ['retryStrategy.backoff.factor 1.5 (an int-or-string)', c => template(c, {}, { retryStrategy: { limit: 3, backoff: { factor: 1.5 } } }),
      /^\[app\/wt\/main\] retryStrategy\.backoff\.factor: is 1\.5, not an integer/],
    ['a loop sequence count of 1.5', () => Loop.sequence({ count: 1.5 }), /^Loop\.sequence\(\): count: is 1\.5, not an integer/],
  ])('%s', (_name, build, expected) => {
    expect(failure(build)).toMatch(expected);
  });

  test('a variable stays allowed where Argo substitutes it (a string holding {{...}})', () => {
    const c = chart();
    template(c, {}, { activeDeadlineSeconds: '{{workflow.parameters.deadline}}', retryStrategy: { limit: '{{workflow.parameters.retries}}' } });
    expect(() => captureWarnings(() => (c.node.root as App).synthYaml())).not.toThrow();
  });

  test('a range the full CRDs set fails at synth, on the construct (parallelism -3)', () => {
    expect(failure(c => template(c, { parallelism: -3 }))).toMatch(
      /\[app\/wt\] WorkflowTemplate\/wt: spec\.parallelism: must be at least 1 in Argo Workflows v4\.1\.2's full CRDs: the API server refuses -3 on kubectl apply .*\[CRD\]/);
  });

  test('a Size JavaScript prints with an exponent is rendered in whole bytes (1e-7Ki is no quantity), also with the CRD check off', () => {
    const c = chart();
    Lint.configure(c, { crd: false });
    template(c, {}, { resources: { cpu: { request: '100m' }, memory: { request: Size.kibibytes(1e-7), limit: Size.mebibytes(0.3) } } });
    let yaml = '';
    captureWarnings(() => { yaml = (c.node.root as App).synthYaml(); });
    const [wt] = parseAllDocuments(yaml).map(d => d.toJS());
    expect(wt.spec.templates[0].container.resources).toEqual({ requests: { cpu: '100m', memory: '1' }, limits: { memory: '307.2Ki' } });
  });

  test('a Size of NaN in resources: rendered "NaNKi", reported on the template', () => {
    expect(failure(c => template(c, {}, { resources: { memory: { request: Size.mebibytes(NaN) } } }))).toMatch(
      /\[app\/wt\/main\] WorkflowTemplate\/wt: spec\.templates\[0\]\.container\.resources\.requests\.memory: memory request is a Size of NaN bytes, rendered "NaNKi": Kubernetes cannot parse it/);
  });
});

describe('names, labels and expressions: checked wherever Kubernetes reads them, {{ or not', () => {
  test('metadata.name with {{...}} (Argo never substitutes an object\'s own metadata)', () => {
    expect(failure(c => template(c, {}, {}, 'wt-{{workflow.name}}'))).toMatch(
      /\[app\/wt-\{\{workflow\.name\}\}\] WorkflowTemplate\/wt-\{\{workflow\.name\}\}: metadata\.name: .*Argo substitutes \{\{\.\.\.\}\} only inside the spec, never in the object's own metadata.*\[K8S-NAME\]/);
  });

  test('a label value with {{...}} on the object', () => {
    expect(failure(c => template(c, { metadata: { name: 'wt', labels: { run: '{{workflow.name}}' } } }))).toMatch(
      /\[app\/wt\] WorkflowTemplate\/wt: metadata\.labels\.run: label value "\{\{workflow\.name\}\}" must be .*\[K8S-LABEL\]/);
  });

  test.each([['A=B', /holds "="/], ['', /is empty/], ['😀', /not printable ASCII/]])('the env var name %j', (name, problem) => {
    const message = failure(c => template(c, {}, { env: { [name]: 'x' } }));
    expect(message).toMatch(/\[app\/wt\/main\] WorkflowTemplate\/wt: spec\.templates\[0\]\.container\.env\[0\]\.name: the environment variable name /);
    expect(message).toMatch(problem);
    expect(message).toMatch(/when a step runs Kubernetes rejects the pod.*\[K8S-ENV-NAME\]/);
  });

  test('an unclosed {{', () => {
    expect(failure(c => template(c, {}, { args: ['echo {{inputs.parameters.x'] }))).toMatch(
      /\[app\/wt\/main\] .*spec\.templates\[0\]\.container\.args\[0\]: "\{\{inputs\.parameters\.x" opens "\{\{" without a closing "\}\}": Argo's template engine refuses the workflow.*\[W45\]/);
  });

  test('an invalid ServiceAccount or Sensor name is reported under the construct the user wrote', () => {
    expect(failure(c => template(c, { serviceAccount: new WorkflowServiceAccount(c, 'runner', { metadata: { name: 'Runner_SA' } }) })))
      .toMatch(/^Validation failed with the following errors:\n {2}\[app\/runner\/[^\]]+\] ServiceAccount\/Runner_SA: metadata\.name: /);
    const sensor = failure(c => {
      const s = new WorkflowSensor(c, 'vendor', { metadata: { name: 'Vendor_A' }, eventBus: new EventBus(c, 'bus') });
      s.submitWorkflow('run', template(c));
    });
    expect(sensor).toMatch(/\[app\/vendor\] Sensor\/Vendor_A: metadata\.name: name "Vendor_A" is not a valid DNS-1123 subdomain/);
    expect(sensor).not.toMatch(/\[app\/(wt|bus)[^\]]*\] Sensor/);
  });

  test('an empty construct id names the scope (the constructs library would not)', () => {
    expect(failure(c => new WorkflowTemplate(c, '', { metadata: { name: 'x' } }))).toMatch(/^\[app\] the construct id is empty: .*Pass a short kebab-case name\./);
    expect(failure(c => new WorkflowTemplate(c, 'wt', { metadata: { name: 'wt' } }).addContainerTemplate('', { image: 'busybox:1.36' })))
      .toMatch(/^\[app\/wt\] the construct id is empty/);
  });
});

describe('sizes, counts and schedules the API server refuses', () => {
  test('an object over etcd\'s 1.5 MiB', () => {
    expect(failure(c => template(c, {}, { args: ['x'.repeat(1_600_000)] }))).toMatch(
      /\[app\/wt\] WorkflowTemplate\/wt: \(object\): the WorkflowTemplate is 1\.53 MiB as JSON: etcd refuses objects over 1\.50 MiB by default.*\[K8S-SIZE\]/);
  });

  test('more than 200 templates (the full CRDs\' maxItems)', () => {
    expect(failure(c => {
      const wt = new WorkflowTemplate(c, 'big', { metadata: { name: 'big' } });
      for (let i = 0; i < 201; i++) wt.addContainerTemplate(`t${i}`, { image: 'busybox:1.36' });
      wt.setEntrypoint(wt.templates[0]);
    })).toMatch(/\[app\/big\] WorkflowTemplate\/big: spec\.templates: holds 201 items: at most 200 are allowed .*\[CRD\]/);
  });

  test.each(['0 3 * * *\n', '@every -1s'])('the cron schedule %j', schedule => {
    expect(failure(c => cron(c, { schedules: [schedule] }))).toMatch(
      new RegExp(`\\[app/nightly\\] CronWorkflow/nightly: spec\\.schedules\\[0\\]: must match .* the API server refuses ${JSON.stringify(schedule).replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')} on kubectl apply`));
  });
});

describe('objects that would silently replace or expose each other', () => {
  test('two WorkflowTemplates with one name in one namespace: the second is the error', () => {
    expect(failure(c => { template(c, {}, {}, 'same'); template(c, { metadata: { name: 'same' } }, {}, 'copy'); })).toMatch(
      /\[app\/copy\] WorkflowTemplate\/same: metadata\.name: WorkflowTemplate "same" in namespace "team" is also manifest #1 of the set: kubectl apply writes both to one object, so this one silently replaces the other.*\[K8S-DUPLICATE\]/);
  });

  test('an AWS_SECRET_ACCESS_KEY in a ConfigMapEnv group is reported on the group, as an inline env value is on the container', () => {
    const c = chart();
    const group = new ConfigMapEnv(c, 'env').addGroup('aws', { AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });
    template(c, {}, { envFrom: [group], env: { AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' } });
    const warnings = captureWarnings(() => (c.node.root as App).synthYaml());
    expect(warnings).toMatch(/Warning: \[app\/env\/aws\] ConfigMap\/aws: data\.AWS_SECRET_ACCESS_KEY: AWS_SECRET_ACCESS_KEY looks like a secret but is a ConfigMap value: .*Move the key into a Secret/);
    expect(warnings).toMatch(/Warning: \[app\/wt\/main\] WorkflowTemplate\/wt: spec\.templates\[0\]\.container\.env\[0\]\.value: environment variable AWS_SECRET_ACCESS_KEY looks like a secret/);
  });
});
