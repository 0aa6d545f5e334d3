import * as kplus from 'cdk8s-plus-27';
import { Cron, Size } from 'cdk8s';
import { SlackExitHandler, SlackWebhook } from '../../src/notify';
import { CronWorkflow, Workflow, WorkflowPhase, WorkflowTemplate } from '../../src/workflows';
import { captureWarnings, doc, findings, newChart, schemaViolations, synth, synthError, template } from './helpers';

function setup(namespace?: string) {
  const { app, chart } = newChart({ namespace });
  const webhook = SlackWebhook.fromSecretName('slack-webhook');
  const wf = new Workflow(chart, 'wf', { metadata: { name: 'nightly' } });
  wf.addContainerTemplate('main', { image: 'busybox:1.36' });
  return { app, chart, webhook, wf };
}

describe('SlackExitHandler', () => {
  test('inline: the notifier template lives in the workflow; a steps template carries `when`', () => {
    const { app, chart, webhook, wf } = setup();
    const slack = new SlackExitHandler(chart, 'slack', { webhook });
    const onExit = slack.attachTo(wf);
    expect(onExit.name).toBe('exit-handler');
    const docs = synth(app);
    const w = doc(docs, 'Workflow', 'nightly');
    expect(w.spec.onExit).toBe('exit-handler');
    expect(template(w, 'exit-handler').steps).toEqual([[{ name: 'slack-notify', template: 'slack-notify', when: '{{workflow.status}} == Failed || {{workflow.status}} == Error' }]]);
    expect(template(w, 'slack-notify').container.image).toBe('node:20.18.0-alpine3.20');
    expect(template(w, 'slack-notify')).not.toHaveProperty('when');
    for (const d of docs) expect(schemaViolations(d)).toEqual({ v4: [], v37: [] });
    expect(findings(app).filter(f => f.severity === 'error')).toEqual([]);
  });

  test('notifying on every final status needs no condition: onExit names the notifier directly', () => {
    const { app, chart, webhook, wf } = setup();
    const slack = new SlackExitHandler(chart, 'slack', { webhook, notifyOn: [WorkflowPhase.SUCCEEDED, WorkflowPhase.FAILED, WorkflowPhase.ERROR] });
    expect(slack.condition).toBeUndefined();
    slack.attachTo(wf);
    const w = doc(synth(app), 'Workflow', 'nightly');
    expect(w.spec.onExit).toBe('slack-notify');
    expect(w.spec.templates.map((t: any) => t.name)).toEqual(['main', 'slack-notify']);
  });

  test('notifyOn picks the statuses of the condition', () => {
    const { chart, webhook } = setup();
    const slack = new SlackExitHandler(chart, 'slack', { webhook, notifyOn: [WorkflowPhase.SUCCEEDED] });
    expect(slack.condition!.renderWhen()).toBe('{{workflow.status}} == Succeeded');
  });

  test('shared: one notifier in the common WorkflowTemplate, called by templateRef from many workflows', () => {
    const { app, chart, webhook, wf } = setup();
    const common = new WorkflowTemplate(chart, 'common', { metadata: { name: 'common' } });
    const slack = new SlackExitHandler(chart, 'slack', { webhook, sharedIn: common, templateName: 'slack-noti' });
    slack.attachTo(wf);
    const cron = new CronWorkflow(chart, 'cron', { metadata: { name: 'daily' }, schedules: [Cron.daily()] });
    cron.addContainerTemplate('main', { image: 'busybox:1.36' });
    slack.attachTo(cron, { wrapperName: 'on-exit' });
    const docs = synth(app);
    expect(doc(docs, 'WorkflowTemplate', 'common').spec.templates.map((t: any) => t.name)).toEqual(['slack-noti']);
    const call = { name: 'slack-noti', templateRef: { name: 'common', template: 'slack-noti' }, when: '{{workflow.status}} == Failed || {{workflow.status}} == Error' };
    expect(template(doc(docs, 'Workflow', 'nightly'), 'exit-handler').steps).toEqual([[call]]);
    const c = doc(docs, 'CronWorkflow', 'daily');
    expect(c.spec.workflowSpec.onExit).toBe('on-exit');
    expect(template(c, 'on-exit').steps).toEqual([[call]]);
    expect(slack.templateFor(wf)).toBe(slack.sharedTemplate);
    const all = findings(app);
    expect(all.filter(f => f.severity === 'error')).toEqual([]);
    expect(all.filter(f => f.ruleId === 'W32')).toEqual([]);
  });

  test('a shared notifier nobody attaches draws the linter warning about {{workflow.failures}}', () => {
    const { app, chart, webhook } = setup();
    const common = new WorkflowTemplate(chart, 'common', { metadata: { name: 'common' } });
    new SlackExitHandler(chart, 'slack', { webhook, sharedIn: common });
    expect(captureWarnings(() => app.synthYaml())).toMatch(/reads \{\{workflow\.failures\}\}, which is only set while an exit handler runs, and no workflow of the linted set runs it/);
  });

  test('a workflow that already has an exit handler: attachTo throws; templateFor/condition compose into it', () => {
    const { app, chart, webhook, wf } = setup();
    const slack = new SlackExitHandler(chart, 'slack', { webhook });
    const mine = wf.addStepsTemplate('my-exit');
    mine.addStep('cleanup', wf.addContainerTemplate('cleanup', { image: 'busybox:1.36' }));
    mine.addStep('notify', slack.templateFor(wf), { when: slack.condition });
    wf.setOnExit(mine);
    expect(() => slack.attachTo(wf)).toThrow(/already has an exit handler \(template "my-exit"\): a workflow has one onExit/);
    const w = doc(synth(app), 'Workflow', 'nightly');
    expect(template(w, 'my-exit').steps[1]).toEqual([{ name: 'notify', template: 'slack-notify', when: '{{workflow.status}} == Failed || {{workflow.status}} == Error' }]);
  });

  test('a webhook Secret defined in the app without the key is a synth error; the URL stays in the Secret', () => {
    const { app, chart, wf } = setup();
    const secret = new kplus.Secret(chart, 'secret', { metadata: { name: 'slack' } });
    secret.addStringData('webhook-url', 'https://hooks.slack.com/services/T0/B0/XXXX');
    new SlackExitHandler(chart, 'slack', { webhook: SlackWebhook.fromSecret(secret) }).attachTo(wf);
    const error = synthError(app);
    expect(error).toMatch(/\[test\/wf\/slack-notify\] Workflow\/nightly: spec\.templates\[1\]\.container\.env\[0\]\.valueFrom\.secretKeyRef\.name: Secret "slack" has no key "url" \(its keys: "webhook-url"\): .*correct the key name\. \[K8S-REF\]/);
    expect(error.match(/has no key/g)).toHaveLength(1);
  });

  test('with the right key it synthesizes, and the URL appears only in the Secret', () => {
    const { app, chart, wf } = setup();
    const secret = new kplus.Secret(chart, 'secret', { metadata: { name: 'slack' } });
    secret.addStringData('webhook-url', 'https://hooks.slack.com/services/T0/B0/XXXX');
    new SlackExitHandler(chart, 'slack', { webhook: SlackWebhook.fromSecret(secret, 'webhook-url') }).attachTo(wf);
    const docs = synth(app);
    expect(docs.filter(d => JSON.stringify(d).includes('hooks.slack.com')).map(d => d.kind)).toEqual(['Secret']);
    expect(template(doc(docs, 'Workflow', 'nightly'), 'slack-notify').container.env[0]).toEqual({ name: 'SLACK_WEBHOOK', valueFrom: { secretKeyRef: { name: 'slack', key: 'webhook-url' } } });
  });

  test('an invalid Secret key is a synth error', () => {
    const { app, chart, wf } = setup();
    new SlackExitHandler(chart, 'slack', { webhook: SlackWebhook.fromSecretName('slack', 'webhook url') }).attachTo(wf);
    expect(synthError(app)).toMatch(/key "webhook url" of Secret "slack", which is not a valid Secret key/);
  });

  test('statuses an exit handler never sees, bad colours, a bad UI URL and an unpinned image are synth errors', () => {
    const { app, chart, webhook, wf } = setup();
    new SlackExitHandler(chart, 'slack', {
      webhook, notifyOn: [WorkflowPhase.RUNNING, WorkflowPhase.FAILED], colors: { failed: 'red' }, argoUiUrl: 'argo.example.com', image: 'node:latest',
    }).attachTo(wf);
    const error = synthError(app);
    expect(error).toMatch(/notifyOn includes Running: an exit handler runs once the workflow has finished/);
    expect(error).toMatch(/colors\.failed "red" is not a Slack attachment colour/);
    expect(error).toMatch(/argoUiUrl "argo\.example\.com" is not an http\(s\) URL/);
    expect(error).toMatch(/\.container\.image: "node:latest" is not pinned/);
  });

  test('images pinned by digest or version are accepted; an untagged one is not', () => {
    const ok = setup();
    new SlackExitHandler(ok.chart, 'slack', { webhook: ok.webhook, image: `registry.example.com:5000/tools/node@sha256:${'a'.repeat(64)}` }).attachTo(ok.wf);
    expect(() => synth(ok.app)).not.toThrow();
    const bad = setup();
    new SlackExitHandler(bad.chart, 'slack', { webhook: bad.webhook, image: 'registry.example.com:5000/node' }).attachTo(bad.wf);
    expect(synthError(bad.app)).toMatch(/"registry\.example\.com:5000\/node" is not pinned/);
  });

  test('attaching to a workflow that runs a WorkflowTemplate by workflowTemplateRef is a synth error pointing at the template', () => {
    const { app, chart, webhook } = setup();
    const a = new WorkflowTemplate(chart, 'a', { metadata: { name: 'a-workflow' } });
    a.setEntrypoint(a.addContainerTemplate('start', { image: 'a:1.0.0' }));
    const cron = new CronWorkflow(chart, 'cron', { metadata: { name: 'daily' }, schedules: ['0 9 * * *'], workflowTemplate: a });
    new SlackExitHandler(chart, 'slack', { webhook }).attachTo(cron);
    expect(synthError(app)).toMatch(/\[test\/slack\] CronWorkflow\/daily: runs WorkflowTemplate "a-workflow" through workflowTemplateRef.*Attach the handler to that WorkflowTemplate instead/);
  });

  test('attached to that WorkflowTemplate instead, its onExit applies to the cron runs', () => {
    const { app, chart, webhook } = setup();
    const a = new WorkflowTemplate(chart, 'a', { metadata: { name: 'a-workflow' } });
    a.setEntrypoint(a.addContainerTemplate('start', { image: 'a:1.0.0' }));
    new CronWorkflow(chart, 'cron', { metadata: { name: 'daily' }, schedules: ['0 9 * * *'], workflowTemplate: a });
    new SlackExitHandler(chart, 'slack', { webhook }).attachTo(a);
    const docs = synth(app);
    expect(doc(docs, 'WorkflowTemplate', 'a-workflow').spec.onExit).toBe('exit-handler');
    expect(doc(docs, 'CronWorkflow', 'daily').spec.workflowSpec).toEqual({ workflowTemplateRef: { name: 'a-workflow' } });
    expect(findings(app).filter(f => f.severity === 'error')).toEqual([]);
  });

  test('a webhook Secret in another namespace than the workflow is a synth error', () => {
    const { app, chart, wf } = setup('batch');
    const secret = new kplus.Secret(chart, 'secret', { metadata: { name: 'slack', namespace: 'tools' } });
    secret.addStringData('url', 'https://hooks.slack.com/services/T0/B0/XXXX');
    new SlackExitHandler(chart, 'slack', { webhook: SlackWebhook.fromSecret(secret) }).attachTo(wf);
    expect(synthError(app)).toMatch(/Workflow\/nightly: the notifier reads Secret "slack" of namespace "tools", but the workflow runs in "batch"/);
  });

  test('resources default to requests and limits; partial overrides keep the other defaults', () => {
    const { app, chart, webhook, wf } = setup();
    new SlackExitHandler(chart, 'slack', { webhook, resources: { memory: { limit: Size.mebibytes(256) } } }).attachTo(wf);
    const t = template(doc(synth(app), 'Workflow', 'nightly'), 'slack-notify');
    expect(t.container.resources).toEqual({ requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '200m', memory: '256Mi' } });
    expect(t.retryStrategy).toEqual({ limit: 2, retryPolicy: 'Always', backoff: { duration: '10s', factor: 2 } });
    expect(t.activeDeadlineSeconds).toBe(120);
  });
});
