/**
 * The library takes cdk8s-plus objects of any major as they are (27, the example app's, and 33,
 * what `cdk8s init` scaffolds today), without depending on either: the same app built with
 * cdk8s-plus-27 objects, cdk8s-plus-33 objects, the library's own references or plain object
 * literals synthesizes the same manifests.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { ApiObject, App, Chart, Size } from 'cdk8s';
import * as plus27 from 'cdk8s-plus-27';
import * as plus33 from 'cdk8s-plus-33';
import { Construct } from 'constructs';
import * as ts from 'typescript';
import { S3ArtifactStep, S3Credentials, S3Location } from '../../src/artifacts';
import { ConfigMapEnv } from '../../src/config';
import {
  ConfigMapRef, IConfigMapRef, IPersistentVolumeClaimRef, ISecretRef, IServiceAccountRef, PersistentVolumeClaimRef, SecretRef, ServiceAccountRef,
} from '../../src/core/object-refs';
import { EventBus, EventBusBackend, TriggerAction, WebhookEventSource, WebhookServiceType, WorkflowSensor } from '../../src/events';
import { SlackExitHandler, SlackWebhook } from '../../src/notify';
import {
  ArtifactLocation, CpuQuantity, EnvSource, EnvVarSource, EnvVarValue, InputParameter, OutputArtifact, PullPolicy, StorageMedium, VolumeAccessMode,
  WorkflowSemaphore, WorkflowTemplate, WorkflowVolume,
} from '../../src/workflows';
import { doc, newChart, schemaViolations, synth, synthError, template } from './helpers';

/** How one way of writing an app names Kubernetes objects and enum values. */
interface Kit {
  readonly label: string;
  secret(scope: Construct, name: string): ISecretRef;
  configMap(scope: Construct, name: string): IConfigMapRef;
  serviceAccount(scope: Construct, name: string): IServiceAccountRef;
  claim(scope: Construct, name: string): IPersistentVolumeClaimRef;
  /** An environment variable read from a Secret key. */
  secretEnv(scope: Construct, name: string, key: string): EnvVarValue;
  cpu(millis: number): CpuQuantity;
  readonly pullPolicy: `${PullPolicy}`;
  readonly accessMode: `${VolumeAccessMode}`;
  readonly medium: `${StorageMedium}`;
  readonly serviceType: `${WebhookServiceType}`;
}

let ids = 0;
const id = (name: string) => `${name}-${++ids}`;

const KITS: readonly Kit[] = [
  {
    label: 'cdk8s-plus-27 objects',
    secret: (scope, name) => plus27.Secret.fromSecretName(scope, id(name), name),
    configMap: (scope, name) => plus27.ConfigMap.fromConfigMapName(scope, id(name), name),
    serviceAccount: (scope, name) => plus27.ServiceAccount.fromServiceAccountName(scope, id(name), name),
    claim: (scope, name) => plus27.PersistentVolumeClaim.fromClaimName(scope, id(name), name),
    secretEnv: (scope, name, key) => plus27.EnvValue.fromSecretValue({ secret: plus27.Secret.fromSecretName(scope, id(name), name), key }),
    cpu: millis => plus27.Cpu.millis(millis),
    pullPolicy: plus27.ImagePullPolicy.IF_NOT_PRESENT,
    accessMode: plus27.PersistentVolumeAccessMode.READ_WRITE_MANY,
    medium: plus27.EmptyDirMedium.MEMORY,
    serviceType: plus27.ServiceType.NODE_PORT,
  },
  {
    label: 'cdk8s-plus-33 objects',
    secret: (scope, name) => plus33.Secret.fromSecretName(scope, id(name), name),
    configMap: (scope, name) => plus33.ConfigMap.fromConfigMapName(scope, id(name), name),
    serviceAccount: (scope, name) => plus33.ServiceAccount.fromServiceAccountName(scope, id(name), name),
    claim: (scope, name) => plus33.PersistentVolumeClaim.fromClaimName(scope, id(name), name),
    secretEnv: (scope, name, key) => plus33.EnvValue.fromSecretValue({ secret: plus33.Secret.fromSecretName(scope, id(name), name), key }),
    cpu: millis => plus33.Cpu.millis(millis),
    pullPolicy: plus33.ImagePullPolicy.IF_NOT_PRESENT,
    accessMode: plus33.PersistentVolumeAccessMode.READ_WRITE_MANY,
    medium: plus33.EmptyDirMedium.MEMORY,
    serviceType: plus33.ServiceType.NODE_PORT,
  },
  {
    label: 'the library\'s references',
    secret: (_scope, name) => SecretRef.fromName(name),
    configMap: (_scope, name) => ConfigMapRef.fromName(name),
    serviceAccount: (_scope, name) => ServiceAccountRef.fromName(name),
    claim: (_scope, name) => PersistentVolumeClaimRef.fromName(name),
    secretEnv: (_scope, name, key) => EnvVarSource.fromSecretKey(SecretRef.fromName(name).keyRef(key)),
    cpu: millis => `${millis}m`,
    pullPolicy: PullPolicy.IF_NOT_PRESENT,
    accessMode: VolumeAccessMode.READ_WRITE_MANY,
    medium: StorageMedium.MEMORY,
    serviceType: WebhookServiceType.NODE_PORT,
  },
  {
    label: 'object literals and strings',
    secret: (_scope, name) => ({ name }),
    configMap: (_scope, name) => ({ name }),
    serviceAccount: (_scope, name) => ({ name }),
    claim: (_scope, name) => ({ name }),
    secretEnv: (_scope, name, key) => ({ valueFrom: { secretKeyRef: { name, key } } }),
    cpu: millis => `${millis}m`,
    pullPolicy: 'IfNotPresent',
    accessMode: 'ReadWriteMany',
    medium: 'Memory',
    serviceType: 'NodePort',
  },
];

/** One app using every API that takes a Secret, ConfigMap, ServiceAccount or PVC reference, or a cdk8s-plus enum value. */
function build(kit: Kit): { app: App; chart: Chart } {
  const { app, chart } = newChart({ namespace: 'interop' });
  const wt = new WorkflowTemplate(chart, 'wt', {
    metadata: { name: 'interop' },
    serviceAccount: kit.serviceAccount(chart, 'runner'),
    imagePullSecrets: [kit.secret(chart, 'registry')],
    artifactRepositoryRef: { configMap: kit.configMap(chart, 'artifact-repositories'), key: 'default' },
    synchronization: { semaphores: [WorkflowSemaphore.fromConfigMap(kit.configMap(chart, 'limits'), 'interop')] },
    volumes: [WorkflowVolume.fromClaimTemplate('work', { storage: Size.gibibytes(1), accessModes: [kit.accessMode] })],
  });
  const size = wt.addArgument('size', { fromConfigMap: { configMap: kit.configMap(chart, 'sizes'), key: 'size' } });
  const env = new ConfigMapEnv(chart, 'env');
  const db = env.addSecretGroup('db', kit.secret(chart, 'db-credentials'));
  const day = new InputParameter('day', { default: 'today' });
  const certs = WorkflowVolume.fromSecret('certs', kit.secret(chart, 'certs'), { defaultMode: 0o400 });
  const main = wt.addContainerTemplate('main', {
    image: 'registry.example.com/job:1.0.0',
    imagePullPolicy: kit.pullPolicy,
    args: ['--size', size, '--day', day],
    inputs: [day],
    env: { TOKEN: kit.secretEnv(chart, 'api', 'token') },
    envFrom: [db, EnvSource.fromSecret(kit.secret(chart, 'env-secret')), EnvSource.fromConfigMap(kit.configMap(chart, 'settings'), { prefix: 'APP_' })],
    resources: { cpu: { request: kit.cpu(250), limit: kit.cpu(500) }, memory: { request: Size.mebibytes(128), limit: Size.mebibytes(256) } },
    serviceAccount: kit.serviceAccount(chart, 'job'),
    volumes: [
      WorkflowVolume.fromConfigMap('conf', kit.configMap(chart, 'conf')),
      WorkflowVolume.fromPersistentVolumeClaim('data', kit.claim(chart, 'data')),
      WorkflowVolume.emptyDir('scratch', { medium: kit.medium, sizeLimit: Size.mebibytes(64) }),
    ],
    volumeMounts: [{ volume: certs, mountPath: '/certs', readOnly: true }],
    outputs: [new OutputArtifact('report', {
      path: '/out/report.csv',
      location: ArtifactLocation.s3({ key: 'reports/report.csv', bucket: 'reports', accessKey: { secret: kit.secret(chart, 's3'), key: 'ak' }, secretKey: { secret: kit.secret(chart, 's3'), key: 'sk' } }),
    })],
  });
  wt.addContainerTemplate('cached', { image: 'busybox:1.36', memoize: { key: size, maxAge: '1h', cache: kit.configMap(chart, 'job-cache') } });
  wt.addHttpTemplate('ping', { url: 'https://status.example.com', headers: { Authorization: { secret: kit.secret(chart, 'status'), key: 'bearer' } } });
  wt.setEntrypoint(main);

  const irsa = S3Location.of({ bucket: 'vectors', key: 'v/{{workflow.name}}', credentials: S3Credentials.fromServiceAccount(kit.serviceAccount(chart, 'vectors-irsa')) });
  new S3ArtifactStep(wt, 'store', { image: 'registry.example.com/vector:1.0.0' }).store('/data', { name: 'vector', location: irsa });
  new SlackExitHandler(chart, 'slack', { webhook: SlackWebhook.fromSecret(kit.secret(chart, 'slack-webhook')), sharedIn: wt });

  const bus = new EventBus(chart, 'bus', { backend: EventBusBackend.jetStream({ persistence: { accessMode: kit.accessMode, volumeSize: Size.gibibytes(10) } }) });
  const webhook = new WebhookEventSource(chart, 'webhook', {
    metadata: { name: 'webhook' },
    eventBus: bus,
    serviceAccount: kit.serviceAccount(chart, 'webhook-sa'),
    serviceType: kit.serviceType,
    ingress: { host: 'hooks.example.com', tlsSecret: kit.secret(chart, 'hooks-tls') },
  });
  const hook = webhook.addEndpoint('run', { path: '/run', authSecret: { secret: kit.secret(chart, 'hook-token'), key: 'token' } });
  const sensor = new WorkflowSensor(chart, 'sensor', { metadata: { name: 'on-run' }, eventBus: bus });
  const dep = sensor.addDependency(hook);
  sensor.submitWorkflow('submit', wt, { arguments: [{ parameter: size, from: dep.body('size') }], serviceAccount: kit.serviceAccount(chart, 'submitted') });
  sensor.addTrigger('tell', TriggerAction.slack({ token: { secret: kit.secret(chart, 'slack-bot'), key: 'token' }, channel: 'ops', message: 'run' }));
  return { app, chart };
}

describe('cdk8s-plus objects of any major are accepted as they are', () => {
  const outputs = KITS.map(kit => ({ kit: kit.label, docs: synth(build(kit).app) }));

  test.each(outputs.slice(1).map(o => [o.kit, o.docs] as const))('%s give the manifests cdk8s-plus-27 objects give', (_label, docs) => {
    expect(docs).toEqual(outputs[0].docs);
  });

  test('those manifests carry every reference by name and pass both pinned schemas', () => {
    const docs = outputs[0].docs;
    const wt = doc(docs, 'WorkflowTemplate', 'interop');
    expect(wt.spec).toMatchObject({
      serviceAccountName: 'runner',
      imagePullSecrets: [{ name: 'registry' }],
      artifactRepositoryRef: { configMap: 'artifact-repositories', key: 'default' },
      synchronization: { semaphores: [{ configMapKeyRef: { name: 'limits', key: 'interop' } }] },
      arguments: { parameters: [{ name: 'size', valueFrom: { configMapKeyRef: { name: 'sizes', key: 'size' } } }] },
      volumeClaimTemplates: [{ spec: { accessModes: ['ReadWriteMany'] } }],
    });
    const main = template(wt, 'main');
    expect(main.serviceAccountName).toBe('job');
    expect(template(wt, 'cached').memoize.cache).toEqual({ configMap: { name: 'job-cache' } });
    expect(main.container).toMatchObject({
      imagePullPolicy: 'IfNotPresent',
      env: [{ name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'api', key: 'token' } } }],
      envFrom: [{ secretRef: { name: 'db-credentials' } }, { secretRef: { name: 'env-secret' } }, { configMapRef: { name: 'settings' }, prefix: 'APP_' }],
      resources: { requests: { cpu: '250m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
    });
    expect(main.volumes).toEqual(expect.arrayContaining([
      { name: 'conf', configMap: { name: 'conf' } },
      { name: 'data', persistentVolumeClaim: { claimName: 'data' } },
      { name: 'scratch', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
      { name: 'certs', secret: { secretName: 'certs', defaultMode: 0o400 } },
    ]));
    expect(main.outputs.artifacts[0].s3).toMatchObject({ accessKeySecret: { name: 's3', key: 'ak' }, secretKeySecret: { name: 's3', key: 'sk' } });
    expect(template(wt, 'ping').http.headers).toEqual([{ name: 'Authorization', valueFrom: { secretKeyRef: { name: 'status', key: 'bearer' } } }]);
    expect(template(wt, 'store').serviceAccountName).toBe('vectors-irsa');
    expect(template(wt, 'slack-notify').container.env[0]).toEqual({ name: 'SLACK_WEBHOOK', valueFrom: { secretKeyRef: { name: 'slack-webhook', key: 'url' } } });
    expect(doc(docs, 'EventBus', 'default').spec.jetstream.persistence.accessMode).toBe('ReadWriteMany');
    expect(doc(docs, 'EventSource', 'webhook').spec).toMatchObject({
      template: { serviceAccountName: 'webhook-sa' },
      webhook: { run: { authSecret: { name: 'hook-token', key: 'token' } } },
    });
    expect(doc(docs, 'Service', 'webhook-eventsource-svc').spec.type).toBe('NodePort');
    expect(doc(docs, 'Ingress', 'webhook-eventsource').spec.tls).toEqual([{ hosts: ['hooks.example.com'], secretName: 'hooks-tls' }]);
    expect(doc(docs, 'RoleBinding', 'on-run-executor').subjects).toEqual([{ apiGroup: '', kind: 'ServiceAccount', name: 'submitted' }]);
    expect(doc(docs, 'Sensor', 'on-run').spec.triggers[1].template.slack.slackToken).toEqual({ name: 'slack-bot', key: 'token' });
    for (const d of docs.filter(x => /argoproj/.test(x.apiVersion))) {
      const label = `${d.kind}/${d.metadata.name}`;
      // Argo 3.7's schema wants a key in the memoize cache's ConfigMap selector, which Argo ignores
      // (4.x made it a plain reference): the `cached` template is checked against 4.x only.
      const for37 = d.kind === 'WorkflowTemplate' ? { ...d, spec: { ...d.spec, templates: d.spec.templates.filter((t: any) => t.name !== 'cached') } } : d;
      expect({ label, v4: schemaViolations(d).v4, v37: schemaViolations(for37).v37 }).toEqual({ label, v4: [], v37: [] });
    }
  });
});

describe('objects defined in the app lend their namespace to the checks, whatever made them', () => {
  const defined: [string, (scope: Construct) => ISecretRef][] = [
    ['cdk8s-plus-27', scope => new plus27.Secret(scope, 'hook', { metadata: { name: 'slack', namespace: 'tools' } })],
    ['cdk8s-plus-33', scope => new plus33.Secret(scope, 'hook', { metadata: { name: 'slack', namespace: 'tools' } })],
    ['an ApiObject', scope => new ApiObject(scope, 'hook', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'slack', namespace: 'tools' } })],
    ['SecretRef.fromName', () => SecretRef.fromName('slack', { namespace: 'tools' })],
  ];

  test.each(defined)('a Secret made with %s in another namespace than the workflow is a synth error', (_label, secret) => {
    const { app, chart } = newChart({ namespace: 'batch' });
    const wt = new WorkflowTemplate(chart, 'wt', { metadata: { name: 'jobs' } });
    new SlackExitHandler(chart, 'slack', { webhook: SlackWebhook.fromSecret(secret(chart)) }).attachTo(wt);
    expect(synthError(app)).toMatch(/the notifier reads Secret "slack" of namespace "tools", but the workflow runs in "batch"/);
  });

  test.each([
    ['cdk8s-plus-27', (scope: Construct) => new plus27.ServiceAccount(scope, 'sa', { metadata: { name: 'submitter', namespace: 'ci' } })],
    ['cdk8s-plus-33', (scope: Construct) => new plus33.ServiceAccount(scope, 'sa', { metadata: { name: 'submitter', namespace: 'ci' } })],
    ['ServiceAccountRef.fromName', () => ServiceAccountRef.fromName('submitter', { namespace: 'ci' })],
  ])('a ServiceAccount made with %s is bound in its own namespace by the executor RoleBinding', (_label, account) => {
    const { app, chart } = newChart({ namespace: 'events' });
    const wt = new WorkflowTemplate(chart, 'wt', { metadata: { name: 'jobs' } });
    wt.setEntrypoint(wt.addContainerTemplate('main', { image: 'busybox:1.36' }));
    const sensor = new WorkflowSensor(chart, 'sensor', { metadata: { name: 's' } });
    const webhook = new WebhookEventSource(chart, 'webhook', { metadata: { name: 'webhook' } });
    sensor.addDependency(webhook.addEndpoint('go', { path: '/go' }));
    sensor.submitWorkflow('run', wt, { serviceAccount: account(chart) });
    expect(doc(synth(app), 'RoleBinding', 's-executor').subjects).toEqual([{ apiGroup: '', kind: 'ServiceAccount', name: 'submitter', namespace: 'ci' }]);
  });

  test.each([
    ['cdk8s-plus-27', (scope: Construct) => new plus27.ServiceAccount(scope, 'sa', { metadata: { name: 'plain' } })],
    ['cdk8s-plus-33', (scope: Construct) => new plus33.ServiceAccount(scope, 'sa', { metadata: { name: 'plain' } })],
  ])('a %s ServiceAccount without the IRSA annotation is refused as S3 credentials', (_label, account) => {
    const { app, chart } = newChart({ namespace: 'batch' });
    const wt = new WorkflowTemplate(chart, 'wt', { metadata: { name: 'jobs' } });
    const location = S3Location.of({ bucket: 'b', key: 'k', credentials: S3Credentials.fromServiceAccount(account(chart)) });
    new S3ArtifactStep(wt, 'store', { image: 'busybox:1.36' }).store('/data', { name: 'data', location });
    expect(synthError(app)).toMatch(/ServiceAccount "plain", but it has no eks\.amazonaws\.com\/role-arn annotation/);
  });
});

describe('a reference of the wrong kind is refused where it is passed', () => {
  test.each([
    ['a cdk8s-plus-27 ConfigMap as a Secret', (s: Construct) => EnvSource.fromSecret(plus27.ConfigMap.fromConfigMapName(s, 'x', 'settings')),
      /EnvSource\.fromSecret\(\): expects a Secret, but ConfigMap "settings" was passed/],
    ['a cdk8s-plus-33 Secret as a ConfigMap', (s: Construct) => WorkflowVolume.fromConfigMap('v', plus33.Secret.fromSecretName(s, 'x', 'creds')),
      /WorkflowVolume\.fromConfigMap\(\): expects a ConfigMap, but Secret "creds" was passed/],
    ['a SecretRef as a ServiceAccount', (s: Construct) => new WorkflowTemplate(s, 'wt', { serviceAccount: SecretRef.fromName('runner') }),
      /test\/wt: serviceAccount: expects a ServiceAccount, but Secret "runner" was passed.*ServiceAccountRef\.fromName\("runner"\)/],
    ['a ConfigMap as the Secret of a key', () => EnvVarSource.fromSecretKey({ secret: ConfigMapRef.fromName('settings'), key: 'k' }),
      /EnvVarSource\.fromSecretKey\(\): expects a Secret, but ConfigMap "settings" was passed/],
  ])('%s', (_label, wire, message) => {
    const { chart } = newChart();
    expect(() => wire(chart)).toThrow(message);
  });
});

describe('the package does not depend on cdk8s-plus', () => {
  const lib = join(__dirname, '..', '..', 'lib', 'src');
  const shipped = (dir: string): string[] => readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return ['example', 'codegen'].includes(name) && dir === lib ? [] : shipped(path);
    return /\.(js|d\.ts)$/.test(name) && !/^main\./.test(name) ? [path] : [];
  });

  test('no shipped file imports cdk8s-plus or names one of its types', () => {
    expect(existsSync(join(lib, 'index.d.ts'))).toBe(true);
    const files = shipped(lib);
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter(f => /(?:require\(|from |import\()\s*['"]cdk8s-plus/.test(readFileSync(f, 'utf8')))).toEqual([]);
  });

  test('no exported name is one cdk8s, cdk8s-plus-27, cdk8s-plus-33 or constructs exports, so that one file can import from all', () => {
    const taken = new Set<string>();
    for (const module of ['cdk8s', 'cdk8s-plus-27', 'cdk8s-plus-33', 'constructs']) {
      Object.keys(require(module)).forEach(n => taken.add(n));
      const dir = join(__dirname, '..', '..', 'node_modules', module, 'lib');
      for (const file of readdirSync(dir).filter(f => f.endsWith('.d.ts'))) {
        for (const [, name] of readFileSync(join(dir, file), 'utf8').matchAll(/^export (?:declare )?(?:interface|type|class|enum|function|const) (\w+)/gm)) taken.add(name);
      }
    }
    const program = ts.createProgram([join(lib, 'index.d.ts')], { noEmit: true, types: [] });
    const checker = program.getTypeChecker();
    const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(join(lib, 'index.d.ts'))!)!).map(s => s.name);
    expect(exported).toEqual(expect.arrayContaining(['SecretRef', 'ISecretRef', 'ComputeResources', 'ContainerSecurityProps', 'PodSecurityProps', 'Seccomp']));
    expect(exported.filter(n => taken.has(n))).toEqual([]);
  });
});
