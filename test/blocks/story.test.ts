/**
 * The blog post's setup rebuilt with the building blocks: a `common` WorkflowTemplate holding the
 * Slack notifier, a daily CronWorkflow running workflow A by templateRef with a conditional exit
 * handler, an S3 hand-off from A to B under an IAM role, and per-workflow env groups.
 */
import { captureWarnings, doc, findings, schemaViolations, story, synth, template } from './helpers';

describe('the story, done right', () => {
  test('synthesizes, passes both strict schemas and lints without errors', () => {
    const s = story();
    const docs = synth(s.app);
    expect(docs.map(d => `${d.kind}/${d.metadata.name}`)).toEqual(expect.arrayContaining([
      'ConfigMap/common', 'ConfigMap/a-workflow', 'ConfigMap/b-workflow', 'ServiceAccount/starbucks-artifacts',
      'WorkflowTemplate/common', 'WorkflowTemplate/a-workflow', 'WorkflowTemplate/b-workflow', 'CronWorkflow/daily-a',
    ]));
    for (const d of docs) expect({ doc: `${d.kind}/${d.metadata.name}`, ...schemaViolations(d) }).toEqual({ doc: `${d.kind}/${d.metadata.name}`, v4: [], v37: [] });
    const errors = findings(s.app).filter(f => f.severity === 'error');
    expect(errors).toEqual([]);
  });

  test('the cron calls the shared notifier through a steps template carrying `when`, never `when` on a template', () => {
    const docs = synth(story().app);
    const cron = doc(docs, 'CronWorkflow', 'daily-a');
    expect(cron.spec).toMatchObject({ schedules: ['0 9 * * *'], timezone: 'Asia/Seoul', concurrencyPolicy: 'Forbid' });
    expect(cron.spec.workflowSpec.onExit).toBe('exit-handler');
    expect(template(cron, 'exit-handler').steps).toEqual([[{
      name: 'slack-notify',
      templateRef: { name: 'common', template: 'slack-notify' },
      when: '{{workflow.status}} == Failed || {{workflow.status}} == Error',
    }]]);
    expect(template(cron, 'main').steps).toEqual([[{ name: 'a', templateRef: { name: 'a-workflow', template: 'create-vector' } }]]);
    for (const d of docs.filter(x => x.apiVersion === 'argoproj.io/v1alpha1')) {
      for (const t of (d.spec.workflowSpec ?? d.spec).templates ?? []) expect(t).not.toHaveProperty('when');
    }
  });

  test('the webhook URL is read from a Secret and appears in no manifest', () => {
    const s = story();
    const docs = synth(s.app);
    const notifier = template(doc(docs, 'WorkflowTemplate', 'common'), 'slack-notify');
    expect(notifier.container.env).toContainEqual({ name: 'SLACK_WEBHOOK', valueFrom: { secretKeyRef: { name: 'slack-webhook', key: 'url' } } });
    expect(JSON.stringify(docs)).not.toMatch(/hooks\.slack\.com/);
  });

  test('A stores and B loads the same S3 object, keyed by the run date, under the IAM role', () => {
    const docs = synth(story().app);
    const out = template(doc(docs, 'WorkflowTemplate', 'a-workflow'), 'create-vector');
    const inp = template(doc(docs, 'WorkflowTemplate', 'b-workflow'), 'load-vector');
    const expected = {
      endpoint: 's3.amazonaws.com', region: 'ap-northeast-2', bucket: 'starbucks', useSDKCreds: true,
      key: 'americano/tall/{{workflow.creationTimestamp.Y}}-{{workflow.creationTimestamp.m}}-{{workflow.creationTimestamp.d}}.tar.gz',
    };
    expect(out.outputs.artifacts).toEqual([{ name: 'vector', path: '/data', s3: expected }]);
    expect(inp.inputs.artifacts).toEqual([{ name: 'vector', path: '/data', s3: expected }]);
    expect(out.serviceAccountName).toBe('starbucks-artifacts');
    expect(inp.serviceAccountName).toBe('starbucks-artifacts');
    const sa = doc(docs, 'ServiceAccount', 'starbucks-artifacts');
    expect(sa.metadata.annotations).toEqual({ 'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/starbucks-artifacts' });
    expect(sa.automountServiceAccountToken).toBe(true);
    const role = docs.find(d => d.kind === 'Role');
    expect(role.rules).toEqual([{ apiGroups: ['argoproj.io'], resources: ['workflowtaskresults'], verbs: ['create', 'patch'] }]);
  });

  test('each workflow gets only the env groups it asks for', () => {
    const docs = synth(story().app);
    const envFrom = (wt: string, t: string) => template(doc(docs, 'WorkflowTemplate', wt), t).container.envFrom;
    expect(envFrom('a-workflow', 'create-vector')).toEqual([{ configMapRef: { name: 'common' } }, { configMapRef: { name: 'a-workflow' } }]);
    expect(envFrom('b-workflow', 'load-vector')).toEqual([{ configMapRef: { name: 'common' } }, { configMapRef: { name: 'b-workflow' } }]);
    expect(template(doc(docs, 'WorkflowTemplate', 'common'), 'slack-notify').container.envFrom).toBeUndefined();
    expect(doc(docs, 'ConfigMap', 'a-workflow').data).toEqual({ DRINK: 'americano', SIZE: 'tall' });
    expect(doc(docs, 'ConfigMap', 'b-workflow').data).toEqual({ S3_IMAGE_BUCKET_NAME: 'starbucks', SERVER_ADDRESS: 'localhost' });
    for (const d of docs) expect(d.metadata.namespace).toBe('batch');
  });

  test('output is deterministic', () => {
    const yaml = () => { let out = ''; captureWarnings(() => { out = story().app.synthYaml(); }); return out; };
    expect(yaml()).toEqual(yaml());
  });
});
