import { readFileSync } from 'fs';
import { join } from 'path';
import { Cron } from 'cdk8s';
import { lint } from '../../src/lint';
import { validateManifest } from '../../src/schema/validator';
import { key, synthExample } from './helpers';

const root = join(__dirname, '..', '..');

describe('the example app (VectorPipelineChart with its default props)', () => {
  const { yaml, docs } = synthExample(['vector-pipeline']);

  test('snapshot of the whole app', () => {
    expect(yaml).toMatchSnapshot();
  });

  test('dist/ holds exactly this output (regenerate with npm run synth)', () => {
    expect(readFileSync(join(root, 'dist', 'vector-pipeline.k8s.yaml'), 'utf8')).toEqual(yaml);
  });

  test('every document passes the strict schema check (Argo Workflows v4.1.2 and v3.7.18, Argo Events, Kubernetes)', () => {
    for (const doc of docs) {
      expect({ doc: key(doc), violations: validateManifest(doc) }).toEqual({ doc: key(doc), violations: [] });
      expect({ doc: key(doc), violations: validateManifest(doc, { workflowsVersion: 'v3.7.18' }) }).toEqual({ doc: key(doc), violations: [] });
    }
  });

  test('the linter finds no error even with --strict-refs, except the documented prerequisites', () => {
    const findings = lint(docs, { strictRefs: true });
    const errors = findings.filter(f => f.severity === 'error').map(f => `${f.ruleId} ${f.object} ${f.path}`);
    expect(errors).toEqual(['K8S-REF WorkflowTemplate/common spec.templates[0].container.env[0].valueFrom.secretKeyRef.name']);
    expect(findings.filter(f => f.severity === 'warning')).toEqual([]);
  });

  test('the story\'s shape: webhook on 12000 at /omega and /bitamin, daily 09:00 Asia/Seoul Forbid, S3 hand-off, env groups', () => {
    const get = (kind: string, name: string) => docs.find(d => d.kind === kind && d.metadata.name === name);
    expect(get('EventSource', 'webhook').spec.webhook).toEqual({
      omega: { endpoint: '/omega', method: 'POST', port: '12000' },
      bitamin: { endpoint: '/bitamin', method: 'POST', port: '12000' },
    });
    expect(get('CronWorkflow', 'a-workflow-daily').spec).toMatchObject({
      schedules: ['0 9 * * *'], timezone: 'Asia/Seoul', concurrencyPolicy: 'Forbid', startingDeadlineSeconds: 0, suspend: false,
    });
    const s3 = get('WorkflowTemplate', 'a-workflow').spec.templates[0].outputs.artifacts[0].s3;
    expect(s3).toEqual({
      bucket: 'starbucks', region: 'ap-northeast-2', endpoint: 's3.amazonaws.com', useSDKCreds: true,
      key: 'americano/tall/{{workflow.creationTimestamp.Y}}-{{workflow.creationTimestamp.m}}-{{workflow.creationTimestamp.d}}.tar.gz',
    });
    expect(get('WorkflowTemplate', 'b-workflow').spec.templates[0].inputs.artifacts[0].s3).toEqual(s3);
    expect(get('ServiceAccount', 'vector-artifacts').metadata.annotations).toEqual({ 'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/starbucks-artifacts' });
    expect(get('ConfigMap', 'common').data).toEqual({ COUNTRY: 'South Korea' });
    expect(get('ConfigMap', 'a-workflow').data).toEqual({ DRINK: 'americano', SIZE: 'tall' });
    expect(get('ConfigMap', 'b-workflow').data).toEqual({ S3_IMAGE_BUCKET_NAME: 'starbucks', SERVER_ADDRESS: 'localhost' });
    const trigger = get('Sensor', 'vendor-a').spec.triggers[0].template.argoWorkflow;
    expect(trigger.parameters).toEqual([{ src: { dependencyName: 'omega', dataKey: 'body.size', value: 'tall' }, dest: 'spec.arguments.parameters.0.value' }]);
    expect(trigger.source.resource.spec.workflowTemplateRef).toEqual({ name: 'a-workflow' });
    expect(JSON.stringify(docs)).not.toMatch(/hooks\.slack\.com|\d{4}-\d{2}-\d{2}/);
    expect(docs.some(d => d.kind === 'Ingress')).toBe(false);
  });

  test('dependencies come before their users, so `kubectl apply -f dist/` creates them first', () => {
    const order = docs.map(key);
    const before = (a: string, b: string) => expect({ [a]: order.indexOf(a) < order.indexOf(b) }).toEqual({ [a]: true });
    expect(order[0]).toBe('Namespace/-/vector-pipeline');
    before('ConfigMap/vector-pipeline/common', 'WorkflowTemplate/vector-pipeline/a-workflow');
    before('ServiceAccount/vector-pipeline/workflow-runner', 'WorkflowTemplate/vector-pipeline/a-workflow');
    before('WorkflowTemplate/vector-pipeline/common', 'CronWorkflow/vector-pipeline/a-workflow-daily');
    before('WorkflowTemplate/vector-pipeline/a-workflow', 'CronWorkflow/vector-pipeline/a-workflow-daily');
    before('EventBus/vector-pipeline/default', 'EventSource/vector-pipeline/webhook');
    before('EventSource/vector-pipeline/webhook', 'Sensor/vector-pipeline/vendor-a');
  });
});

describe('per-environment instances', () => {
  test('a second instance with another namespace, schedule and exposure synthesizes beside the first without clashes', () => {
    const { docs } = synthExample(['vector-pipeline'], ['staging', {
      namespace: 'vector-staging', schedule: Cron.schedule({ minute: '30', hour: '6' }), timezone: 'UTC',
      bucket: 'starbucks-staging', imageA: 'registry.example.com/vector/a-workflow:1.5.0-rc.1',
      exposure: { host: 'hooks.staging.example.com', token: { name: 'vendor-token', key: 'token' } },
    }]);
    const keys = docs.map(key);
    expect(new Set(keys).size).toBe(keys.length);
    const staging = docs.filter(d => d.metadata.namespace === 'vector-staging' || d.metadata.name === 'vector-staging');
    expect(staging.find(d => d.kind === 'CronWorkflow').spec).toMatchObject({ schedules: ['30 6 * * *'], timezone: 'UTC' });
    expect(staging.find(d => d.kind === 'Ingress').spec.rules[0].host).toBe('hooks.staging.example.com');
    expect(staging.find(d => d.kind === 'EventSource').spec.webhook.omega.authSecret).toEqual({ name: 'vendor-token', key: 'token' });
    expect(JSON.stringify(staging)).not.toMatch(/"starbucks"/);
    // References resolve within each namespace: only the prerequisite Secrets are outside the set.
    const missing = lint(docs, { strictRefs: true, schema: false }).filter(f => f.severity === 'error').map(f => `${f.object} ${f.path}`);
    expect(missing.sort()).toEqual([
      'EventSource/webhook spec.webhook.bitamin.authSecret.name',
      'EventSource/webhook spec.webhook.omega.authSecret.name',
      'WorkflowTemplate/common spec.templates[0].container.env[0].valueFrom.secretKeyRef.name',
      'WorkflowTemplate/common spec.templates[0].container.env[0].valueFrom.secretKeyRef.name',
    ]);
  });
});
