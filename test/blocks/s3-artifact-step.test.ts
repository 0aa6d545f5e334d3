import * as kplus from 'cdk8s-plus-27';
import { parse } from 'yaml';
import {
  ArtifactKey, ArtifactRepositories, IamRoleServiceAccount, S3ArtifactStep, S3Credentials, S3Location,
} from '../../src/artifacts';
import { ArtifactArchive, Workflow, WorkflowTemplate, WorkflowVariables } from '../../src/workflows';
import { captureWarnings, doc, findings, newChart, schemaViolations, synth, synthError, template } from './helpers';

const RUN_DATE = '{{workflow.creationTimestamp.Y}}-{{workflow.creationTimestamp.m}}-{{workflow.creationTimestamp.d}}';

function setup() {
  const { app, chart } = newChart();
  const role = new IamRoleServiceAccount(chart, 'sa', { metadata: { name: 's3-role' }, roleArn: 'arn:aws:iam::123456789012:role/s3' });
  const irsa = S3Credentials.fromServiceAccount(role);
  const location = S3Location.of({ bucket: 'starbucks', region: 'ap-northeast-2', key: `americano/tall/${ArtifactKey.creationDate()}.tar.gz`, credentials: irsa });
  const a = new WorkflowTemplate(chart, 'a', { metadata: { name: 'a-workflow' } });
  const b = new WorkflowTemplate(chart, 'b', { metadata: { name: 'b-workflow' } });
  return { app, chart, role, irsa, location, a, b };
}

describe('ArtifactKey', () => {
  test('creationDate() renders the typed run-date variables, join() builds paths', () => {
    expect(ArtifactKey.creationDate()).toBe(RUN_DATE);
    expect(ArtifactKey.creationDate('/')).toBe('{{workflow.creationTimestamp.Y}}/{{workflow.creationTimestamp.m}}/{{workflow.creationTimestamp.d}}');
    expect(ArtifactKey.join('/americano/', 'tall', WorkflowVariables.name, 'x.tgz')).toBe('americano/tall/{{workflow.name}}/x.tgz');
  });
});

describe('S3ArtifactStep', () => {
  test('stores a path and loads it elsewhere from the same location; both run as the IAM role account', () => {
    const { app, location, a, b } = setup();
    const create = new S3ArtifactStep(a, 'create', { image: 'a:1.0.0' });
    const vector = create.store('/data', { name: 'vector', location, archive: ArtifactArchive.none() });
    const load = new S3ArtifactStep(b, 'load', { image: 'b:1.0.0' });
    const loaded = load.load('/data', vector);
    expect(loaded.name).toBe('vector');
    expect(create.stores).toEqual([vector]);
    expect(load.loads).toEqual([loaded]);
    const docs = synth(app);
    const s3 = { bucket: 'starbucks', endpoint: 's3.amazonaws.com', region: 'ap-northeast-2', key: `americano/tall/${RUN_DATE}.tar.gz`, useSDKCreds: true };
    expect(template(doc(docs, 'WorkflowTemplate', 'a-workflow'), 'create')).toMatchObject({
      serviceAccountName: 's3-role',
      outputs: { artifacts: [{ name: 'vector', path: '/data', archive: { none: {} }, s3 }] },
    });
    expect(template(doc(docs, 'WorkflowTemplate', 'b-workflow'), 'load')).toMatchObject({
      serviceAccountName: 's3-role',
      inputs: { artifacts: [{ name: 'vector', path: '/data', s3 }] },
    });
    for (const d of docs) expect(schemaViolations(d)).toEqual({ v4: [], v37: [] });
  });

  test('access keys come from a Secret; a key missing from an app-defined Secret is a synth error', () => {
    const { app, chart, a } = setup();
    const secret = new kplus.Secret(chart, 'keys', { metadata: { name: 's3-keys' } });
    secret.addStringData('accessKey', 'AKIA-EXAMPLE');
    const location = S3Location.of({ bucket: 'starbucks', key: 'k.tgz', credentials: S3Credentials.fromAccessKeys(secret, { secretAccessKeyKey: 'secret' }) });
    new S3ArtifactStep(a, 'create', { image: 'a:1.0.0' }).store('/data', { name: 'out', location });
    const error = synthError(app);
    expect(error).toMatch(/\[test\/a\/create\] WorkflowTemplate\/a-workflow: spec\.templates\[0\]\.outputs\.artifacts\[0\]\.s3\.secretKeySecret\.name: Secret "s3-keys" has no key "secret" \(its keys: "accessKey"\): .*\[K8S-REF\]/);
    expect(error.match(/has no key/g)).toHaveLength(1);
    expect(error).not.toMatch(/access key id/);
  });

  test('access keys render as Secret references, never as values', () => {
    const { app, chart, a } = setup();
    const imported = kplus.Secret.fromSecretName(chart, 'keys', 's3-keys');
    const location = S3Location.of({ bucket: 'starbucks', endpoint: 'minio.storage:9000', insecure: true, key: 'k.tgz', credentials: S3Credentials.fromAccessKeys(imported) });
    new S3ArtifactStep(a, 'create', { image: 'a:1.0.0' }).store('/data', { name: 'out', location });
    const t = template(doc(synth(app), 'WorkflowTemplate', 'a-workflow'), 'create');
    expect(t.outputs.artifacts[0].s3).toEqual({
      bucket: 'starbucks', endpoint: 'minio.storage:9000', insecure: true, key: 'k.tgz',
      accessKeySecret: { name: 's3-keys', key: 'accessKey' }, secretKeySecret: { name: 's3-keys', key: 'secretKey' },
    });
    expect(t.serviceAccountName).toBeUndefined();
  });

  test('a key with a literal date is a synth error that shows the run-time expression', () => {
    const { app, irsa, a } = setup();
    const fixed = S3Location.of({ bucket: 'starbucks', key: 'americano/tall/2021-02-07.tar.gz', credentials: irsa });
    new S3ArtifactStep(a, 'create', { image: 'a:1.0.0' }).store('/data', { name: 'vector', location: fixed });
    const error = synthError(app);
    expect(error).toMatch(/outputs\.artifacts\[0\]\.s3\.key: "americano\/tall\/2021-02-07\.tar\.gz" contains the literal date 2021-02-07: it was fixed when the manifest was written or rendered/);
    expect(error).toContain(`ArtifactKey.creationDate() renders ${RUN_DATE}`);
  });

  test('compact literal dates are caught too; dates inside {{...}} and plain numbers are not', () => {
    const { app, irsa, a } = setup();
    const step = new S3ArtifactStep(a, 'create', { image: 'a:1.0.0' });
    step.store('/a', { name: 'a', location: S3Location.of({ bucket: 'starbucks', key: 'daily/20210207/out.tgz', credentials: irsa }) });
    step.store('/b', { name: 'b', location: S3Location.of({ bucket: 'starbucks', key: 'run-12345678/{{=sprig.date("2006-01-02", workflow.creationTimestamp)}}.tgz', credentials: irsa }) });
    const error = synthError(app);
    expect(error).toMatch(/outputs\.artifacts\[0\]\.s3\.key: .*literal date 20210207/);
    expect(error).not.toMatch(/outputs\.artifacts\[1\]/);
  });

  test("the story's Helm expression in a key is a synth error", () => {
    const { app, irsa, b } = setup();
    const helm = S3Location.of({ bucket: 'starbucks', key: 'americano/tall/{{ htmlDateInZone now "Asia/Seoul" }}.tar.gz', credentials: irsa });
    new S3ArtifactStep(b, 'load', { image: 'b:1.0.0' }).load('/data', helm, { name: 'vector' });
    expect(synthError(app)).toMatch(/inputs\.artifacts\[0\]\.s3\.key: .*contains \{\{ htmlDateInZone now "Asia\/Seoul" \}\}, which is not an Argo variable \(Helm or Go template syntax left in the key\?\)/);
  });

  test('a consumer expecting another location than its producer is a synth error listing the differences', () => {
    const { app, location, a, b } = setup();
    const vector = new S3ArtifactStep(a, 'create', { image: 'a:1.0.0' }).store('/data', { name: 'vector', location });
    new S3ArtifactStep(b, 'load', { image: 'b:1.0.0' }).load('/data', vector, { location: location.withKey('americano/grande/latest.tar.gz') });
    const error = synthError(app);
    expect(error).toMatch(/\[test\/b\/load\] WorkflowTemplate\/b-workflow: spec\.templates\[0\]\.inputs\.artifacts\[0\]: loads artifact "vector" of template "create" of WorkflowTemplate\/a-workflow but expects another location \(key "americano\/grande\/latest\.tar\.gz" vs "americano\/tall\/.*"\): Argo would download s3:\/\/starbucks\/americano\/grande\/latest\.tar\.gz, which the producer never writes/);
  });

  test('a consumer restating the same location is accepted', () => {
    const { app, location, a, b } = setup();
    const vector = new S3ArtifactStep(a, 'create', { image: 'a:1.0.0' }).store('/data', { name: 'vector', location });
    new S3ArtifactStep(b, 'load', { image: 'b:1.0.0' }).load('/data', vector, { location: location.withKey(location.key) });
    expect(() => synth(app)).not.toThrow();
  });

  test('a consumer expecting a location from a producer that keeps the artifact in the repository is a synth error', () => {
    const { app, location, a, b } = setup();
    const vector = new S3ArtifactStep(a, 'create', { image: 'a:1.0.0' }).store('/data', { name: 'vector' });
    new S3ArtifactStep(b, 'load', { image: 'b:1.0.0' }).load('/data', vector, { location });
    expect(synthError(app)).toMatch(/keeps it in the artifact repository under a key Argo generates per run, yet expects s3:\/\/starbucks/);
  });

  test('a key with per-run values shared across workflows draws a warning', () => {
    const { app, irsa, a, b } = setup();
    const perRun = S3Location.of({ bucket: 'starbucks', key: `runs/${WorkflowVariables.uid}/vector.tgz`, credentials: irsa });
    const vector = new S3ArtifactStep(a, 'create', { image: 'a:1.0.0' }).store('/data', { name: 'vector', location: perRun });
    new S3ArtifactStep(b, 'load', { image: 'b:1.0.0' }).load('/data', vector);
    const warnings = captureWarnings(() => app.synthYaml());
    expect(warnings).toMatch(/the key "runs\/\{\{workflow\.uid\}\}\/vector\.tgz" uses \{\{workflow\.uid\}\}, which differ from one run to the next, and the producer is in WorkflowTemplate\/a-workflow/);
  });

  test('the run date does not draw the per-run warning', () => {
    const { app, location, a, b } = setup();
    const vector = new S3ArtifactStep(a, 'create', { image: 'a:1.0.0' }).store('/data', { name: 'vector', location });
    new S3ArtifactStep(b, 'load', { image: 'b:1.0.0' }).load('/data', vector);
    expect(captureWarnings(() => app.synthYaml())).not.toMatch(/differ from one run to the next/);
  });

  test('within one workflow the artifact passes with `from`, stored in the repository without a fixed key', () => {
    const { app, chart } = newChart();
    const wf = new Workflow(chart, 'wf', { metadata: { name: 'handoff' } });
    const main = wf.addStepsTemplate('main');
    const create = new S3ArtifactStep(wf, 'create', { image: 'a:1.0.0' });
    const load = new S3ArtifactStep(wf, 'load', { image: 'b:1.0.0' });
    const vector = create.store('/data', { name: 'vector' });
    const loaded = load.load('/data', vector);
    const first = main.addStep('create', create);
    main.addStep('load', load, { arguments: [loaded.from(first)] });
    const other = main.addStep('other', create);
    expect(() => loaded.from(main.steps[1])).toThrow(/runs template "load": Argo would find no such output/);
    const argument = loaded.from(other);
    expect([argument.artifact, String(argument.source)]).toEqual([loaded.input, '{{steps.other.outputs.artifacts.vector}}']);
    const docs = synth(app);
    const wfDoc = doc(docs, 'Workflow', 'handoff');
    expect(template(wfDoc, 'main').steps[1]).toEqual([{ name: 'load', template: 'load', arguments: { artifacts: [{ name: 'vector', from: '{{steps.create.outputs.artifacts.vector}}' }] } }]);
    expect(template(wfDoc, 'create').outputs.artifacts).toEqual([{ name: 'vector', path: '/data' }]);
    expect(template(wfDoc, 'load').inputs.artifacts).toEqual([{ name: 'vector', path: '/data' }]);
    expect(findings(app).filter(f => f.severity === 'error')).toEqual([]);
  });

  test('loaded.from() on a fixed location throws', () => {
    const { location, b } = setup();
    const loaded = new S3ArtifactStep(b, 'load', { image: 'b:1.0.0' }).load('/data', location, { name: 'vector' });
    const main = b.addStepsTemplate('main');
    expect(() => loaded.from(main.addStep('x', b.templates[0]))).toThrow(/loads a fixed location \(s3:\/\/starbucks\/.*\), not the output of a step/);
  });

  test('a serviceAccount other than the IAM role account is a synth error', () => {
    const { app, chart, location, a } = setup();
    const other = kplus.ServiceAccount.fromServiceAccountName(chart, 'other', 'workflow-runner');
    new S3ArtifactStep(a, 'create', { image: 'a:1.0.0', serviceAccount: other }).store('/data', { name: 'vector', location });
    expect(synthError(app)).toMatch(/\.serviceAccountName: runs as ServiceAccount "workflow-runner", but its S3 artifacts use the IAM role of ServiceAccount "s3-role"/);
  });

  test('artifacts under two different IAM role accounts in one step are a synth error', () => {
    const { app, chart, location, a } = setup();
    const second = new IamRoleServiceAccount(chart, 'sa2', { metadata: { name: 'other-role' }, roleArn: 'arn:aws:iam::123456789012:role/other' });
    const step = new S3ArtifactStep(a, 'create', { image: 'a:1.0.0' });
    step.store('/data', { name: 'one', location });
    step.store('/more', { name: 'two', location: S3Location.of({ bucket: 'other-bucket', key: 'x.tgz', credentials: S3Credentials.fromServiceAccount(second) }) });
    expect(synthError(app)).toMatch(/uses S3 credentials of 2 ServiceAccounts \(s3-role, other-role\)/);
  });

  test('an app-defined ServiceAccount without the IRSA annotation is a synth error', () => {
    const { app, chart, a } = setup();
    const plain = new kplus.ServiceAccount(chart, 'plain', { metadata: { name: 'plain' } });
    const location = S3Location.of({ bucket: 'starbucks', key: 'x.tgz', credentials: S3Credentials.fromServiceAccount(plain) });
    new S3ArtifactStep(a, 'create', { image: 'a:1.0.0' }).store('/data', { name: 'vector', location });
    expect(synthError(app)).toMatch(/s3\.credentials: S3 credentials come from the IAM role of ServiceAccount "plain", but it has no eks\.amazonaws\.com\/role-arn annotation/);
  });

  test('an IamRoleServiceAccount with a malformed role ARN is a synth error', () => {
    const { app, chart } = newChart();
    new IamRoleServiceAccount(chart, 'sa', { metadata: { name: 's3' }, roleArn: 'starbucks-role' });
    expect(synthError(app)).toMatch(/ServiceAccount\/s3: metadata\.annotations\.eks\.amazonaws\.com\/role-arn: "starbucks-role" is not an IAM role ARN/);
  });

  test('IamRoleServiceAccount can skip the executor RBAC', () => {
    const { app, chart } = newChart();
    new IamRoleServiceAccount(chart, 'sa', { metadata: { name: 's3' }, roleArn: 'arn:aws:iam::123456789012:role/s3', executorRbac: false });
    expect(synth(app).map(d => d.kind)).toEqual(['ServiceAccount']);
  });

  test('bad bucket names, endpoints with a scheme and relative paths are synth errors', () => {
    const { app, irsa, a } = setup();
    const step = new S3ArtifactStep(a, 'create', { image: 'a:1.0.0' });
    step.store('data', { name: 'vector', location: S3Location.of({ bucket: 'Starbucks_Bucket', endpoint: 'https://s3.amazonaws.com', key: 'x.tgz', credentials: irsa }) });
    const error = synthError(app);
    expect(error).toMatch(/s3\.bucket: "Starbucks_Bucket" is not a valid S3 bucket name/);
    expect(error).toMatch(/s3\.endpoint: "https:\/\/s3\.amazonaws\.com" includes a scheme.*Write "s3\.amazonaws\.com"/);
    expect(error).toMatch(/outputs\.artifacts\[0\]\.path: path "data" is not absolute/);
  });
});

describe('ArtifactRepositories', () => {
  test('creates the artifact-repositories ConfigMap with Argo field names and a default annotation', () => {
    const { app, chart } = newChart();
    const role = new IamRoleServiceAccount(chart, 'sa', { metadata: { name: 's3-role' }, roleArn: 'arn:aws:iam::123456789012:role/s3' });
    const repos = new ArtifactRepositories(chart, 'repos');
    const starbucks = repos.addS3('starbucks', {
      bucket: 'starbucks', region: 'ap-northeast-2', credentials: S3Credentials.fromServiceAccount(role),
      keyFormat: `americano/${WorkflowVariables.name}/${ArtifactKey.creationDate()}`, archiveLogs: true,
    });
    repos.addS3('minio', { bucket: 'scratch', endpoint: 'minio:9000', insecure: true, credentials: S3Credentials.fromAccessKeys(kplus.Secret.fromSecretName(chart, 'k', 'minio-keys')) });
    const wt = new WorkflowTemplate(chart, 'wt', { metadata: { name: 'wt' }, artifactRepositoryRef: starbucks.ref });
    wt.addContainerTemplate('t', { image: 'a:1.0.0' });
    const docs = synth(app);
    const cm = doc(docs, 'ConfigMap', 'artifact-repositories');
    expect(cm.metadata.annotations).toEqual({ 'workflows.argoproj.io/default-artifact-repository': 'starbucks' });
    expect(parse(cm.data.starbucks)).toEqual({
      archiveLogs: true,
      s3: { bucket: 'starbucks', endpoint: 's3.amazonaws.com', region: 'ap-northeast-2', useSDKCreds: true, keyFormat: `americano/{{workflow.name}}/${RUN_DATE}` },
    });
    expect(parse(cm.data.minio)).toEqual({
      s3: { bucket: 'scratch', endpoint: 'minio:9000', insecure: true, accessKeySecret: { name: 'minio-keys', key: 'accessKey' }, secretKeySecret: { name: 'minio-keys', key: 'secretKey' } },
    });
    expect(doc(docs, 'WorkflowTemplate', 'wt').spec.artifactRepositoryRef).toEqual({ configMap: 'artifact-repositories', key: 'starbucks' });
    for (const d of docs) expect(schemaViolations(d)).toEqual({ v4: [], v37: [] });
    const at = starbucks.location('americano/x.tgz');
    expect([at.bucket, at.region, at.credentials.serviceAccount?.name]).toEqual(['starbucks', 'ap-northeast-2', 's3-role']);
  });

  test('a literal date in keyFormat, two defaults and a bad key are synth errors', () => {
    const { app, chart } = newChart();
    const creds = S3Credentials.fromAccessKeys(kplus.Secret.fromSecretName(chart, 'k', 'keys'));
    const repos = new ArtifactRepositories(chart, 'repos');
    repos.addS3('main', { bucket: 'starbucks', credentials: creds, keyFormat: 'runs/2021-02-07/{{workflow.name}}' });
    repos.addS3('bad key!', { bucket: 'starbucks', credentials: creds, default: true });
    const error = synthError(app);
    expect(error).toMatch(/ConfigMap\/artifact-repositories: data\.main\.s3\.keyFormat: .*literal date 2021-02-07/);
    expect(error).toMatch(/repositories "main" and "bad key!" are both marked default/);
    expect(error).toMatch(/data\.bad key!: "bad key!" is not a valid ConfigMap key/);
    expect(() => repos.addS3('main', { bucket: 'x-y-z', credentials: creds })).toThrow(/already exists/);
  });
});
