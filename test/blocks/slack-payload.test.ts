/**
 * What the notifier sends, end to end: the synthesized template goes through Argo's substitution
 * of `{{workflow.*}}` (simulated as Argo does it: on the JSON-marshaled template, values escaped
 * with Go's strconv.Quote), then the exact program of the manifest runs under Node against a local
 * HTTP server standing in for Slack.
 */
import { execFile } from 'child_process';
import { createServer, IncomingMessage, Server } from 'http';
import { AddressInfo } from 'net';
import { SlackExitHandler, SlackWebhook } from '../../src/notify';
import { WorkflowPhase, WorkflowTemplate } from '../../src/workflows';
import { doc, newChart, synth, template } from './helpers';

/** Go's strconv.Quote without the surrounding quotes, as Argo escapes a value before splicing it into the template JSON. */
function goQuoteInner(value: string): string {
  const named: { [c: string]: string } = { '\u0007': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '\\': '\\\\', '"': '\\"' };
  return [...value].map(c => named[c] ?? (c.charCodeAt(0) < 0x20 || c === '\u007f' ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : c)).join('');
}

/** Argo's simple-tag substitution: on the JSON text of the template, then unmarshaled. */
function argoSubstitute(value: unknown, vars: { [tag: string]: string }): any {
  let text = JSON.stringify(value);
  for (const [tag, v] of Object.entries(vars)) text = text.split(`{{${tag}}}`).join(goQuoteInner(v));
  return JSON.parse(text);
}

const EVIL_MESSAGE = 'exit code 1: "quoted" \\back\\slash\\ and a newline\nsecond line\twith tab, <b>tags</b> & 실패 🚨 `code` {"json": true}';
const FAILURES = JSON.stringify([
  { displayName: 'create-vector', message: EVIL_MESSAGE, templateName: 'create-vector', phase: 'Failed', podName: 'daily-a-123-1', finishedAt: '2024-01-01T00:00:05Z' },
  { displayName: 'upload', message: 'Error (exit code 64)', phase: 'Error' },
]);

interface Received { status: number; stdout: string; stderr: string; requests: { headers: IncomingMessage['headers']; body: string }[] }

/** Runs the notifier of `t` (a synthesized template) with Argo's values and a fake Slack answering `httpStatus`. */
async function runNotifier(t: any, vars: { [tag: string]: string }, httpStatus = 200, webhookOverride?: string): Promise<Received> {
  const requests: Received['requests'] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', c => { body += c; });
    req.on('end', () => { requests.push({ headers: req.headers, body }); res.writeHead(httpStatus); res.end(httpStatus === 200 ? 'ok' : 'invalid_payload'); });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const url = webhookOverride ?? `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T000/B000/SECRETTOKEN`;
  try {
    const resolved = argoSubstitute(t, vars);
    const env: { [k: string]: string } = { PATH: process.env.PATH ?? '' };
    for (const e of resolved.container.env) env[e.name] = e.valueFrom?.secretKeyRef ? url : e.value;
    const [cmd, flag, script] = resolved.container.command;
    expect([cmd, flag]).toEqual(['node', '-e']);
    return await new Promise<Received>(resolve => {
      execFile(process.execPath, ['-e', script], { env, timeout: 30000 }, (error, stdout, stderr) => {
        resolve({ status: error ? Number((error as any).code ?? 1) : 0, stdout, stderr, requests });
      });
    });
  } finally {
    server.close();
  }
}

function notifierTemplate(props: Partial<ConstructorParameters<typeof SlackExitHandler>[2]> = {}): any {
  const { app, chart } = newChart({ namespace: 'batch' });
  const common = new WorkflowTemplate(chart, 'common', { metadata: { name: 'common' } });
  new SlackExitHandler(chart, 'slack', { webhook: SlackWebhook.fromSecretName('slack-webhook'), sharedIn: common, argoUiUrl: 'https://argo.example.com/', ...props });
  return template(doc(synth(app), 'WorkflowTemplate', 'common'), 'slack-notify');
}

const FAILED_RUN = {
  'workflow.name': 'daily-a-123', 'workflow.namespace': 'batch', 'workflow.status': 'Failed',
  'workflow.duration': '125.318', 'workflow.failures': FAILURES,
};

describe('Slack notifier payload', () => {
  test('failure text with quotes, backslashes, newlines and markup reaches Slack intact, in valid JSON', async () => {
    const r = await runNotifier(notifierTemplate(), FAILED_RUN);
    expect(r.status).toBe(0);
    expect(r.requests).toHaveLength(1);
    expect(r.requests[0].headers['content-type']).toBe('application/json');
    const payload = JSON.parse(r.requests[0].body);
    expect(payload).toEqual({
      attachments: [{
        color: '#E01E5A',
        title: '[Failed] batch/daily-a-123',
        fallback: '[Failed] batch/daily-a-123',
        mrkdwn_in: ['text'],
        text: [
          '*Workflow:* batch/daily-a-123',
          '*Status:* Failed',
          '*Duration:* 2m 5s',
          '*Failures:*',
          '\u2022 create-vector (Failed): exit code 1: "quoted" \\back\\slash\\ and a newline\nsecond line\twith tab, &lt;b&gt;tags&lt;/b&gt; &amp; 실패 🚨 `code` {"json": true}',
          '\u2022 upload (Error): Error (exit code 64)',
          '<https://argo.example.com/workflows/batch/daily-a-123|Open in Argo>',
        ].join('\n'),
      }],
    });
    expect(r.stdout + r.stderr).not.toContain('SECRETTOKEN');
  });

  test('Argo substitution leaves the rest of the manifest untouched and the env value equal to the raw text', () => {
    const t = notifierTemplate();
    const resolved = argoSubstitute(t, FAILED_RUN);
    expect(resolved.container.env.find((e: any) => e.name === 'WORKFLOW_FAILURES').value).toBe(FAILURES);
    const strip = (x: any) => ({ ...x, container: { ...x.container, env: x.container.env.filter((e: any) => !e.value?.includes?.('{{') && !Object.values(FAILED_RUN).includes(e.value)) } });
    expect(strip(resolved)).toEqual(strip(t));
  });

  test("the story's hand-built JSON breaks on the same text; ours cannot, because no JSON is built in the manifest", () => {
    const story = { container: { image: 'curlimages/curl:8.5.0', args: ['-d', '{"text": "```{{workflow.failures}}```"}', 'https://hooks.example/x'] } };
    const resolved = argoSubstitute(story, FAILED_RUN);
    expect(() => JSON.parse(resolved.container.args[1])).toThrow();
    const t = notifierTemplate();
    const texts = [...t.container.command, ...t.container.env.map((e: any) => e.value ?? '')];
    expect(texts.filter((s: string) => s.includes('{{workflow.failures}}'))).toEqual(['{{workflow.failures}}']);
    expect(t.container.command[2]).not.toContain('{{');
  });

  test('colour follows the status; a success has no failures section', async () => {
    const t = notifierTemplate({ notifyOn: [WorkflowPhase.SUCCEEDED, WorkflowPhase.FAILED, WorkflowPhase.ERROR], colors: { succeeded: 'good' } });
    const ok = await runNotifier(t, { ...FAILED_RUN, 'workflow.status': 'Succeeded', 'workflow.failures': 'null', 'workflow.duration': '3725' });
    const payload = JSON.parse(ok.requests[0].body).attachments[0];
    expect(payload.color).toBe('good');
    expect(payload.text).toBe('*Workflow:* batch/daily-a-123\n*Status:* Succeeded\n*Duration:* 1h 2m 5s\n<https://argo.example.com/workflows/batch/daily-a-123|Open in Argo>');
    const err = await runNotifier(t, { ...FAILED_RUN, 'workflow.status': 'Error' });
    expect(JSON.parse(err.requests[0].body).attachments[0].color).toBe('#ECB22E');
  });

  test('a failures value that is not JSON is shown as text; title, channel and username options are sent', async () => {
    const t = notifierTemplate({ title: '[{{workflow.status}}] nightly vectors', channel: '#batch', username: 'argo', argoUiUrl: undefined });
    const r = await runNotifier(t, { ...FAILED_RUN, 'workflow.failures': 'not json <at all>' });
    const payload = JSON.parse(r.requests[0].body);
    expect(payload.channel).toBe('#batch');
    expect(payload.username).toBe('argo');
    expect(payload.attachments[0].title).toBe('[Failed] nightly vectors');
    expect(payload.attachments[0].text).toBe('*Workflow:* batch/daily-a-123\n*Status:* Failed\n*Duration:* 2m 5s\n*Failures:*\nnot json &lt;at all&gt;');
  });

  test('a Slack error fails the step without printing the webhook URL; an empty URL fails before sending', async () => {
    const t = notifierTemplate();
    const bad = await runNotifier(t, FAILED_RUN, 500);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('Slack answered HTTP 500: invalid_payload');
    expect(bad.stdout + bad.stderr).not.toContain('SECRETTOKEN');
    const empty = await runNotifier(t, FAILED_RUN, 200, '');
    expect(empty.status).toBe(2);
    expect(empty.requests).toHaveLength(0);
    expect(empty.stderr).toContain('SLACK_WEBHOOK is empty');
  });

  test('an unreachable Slack fails the step without printing the webhook URL', async () => {
    const closed = createServer();
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise(resolve => closed.close(resolve));
    const r = await runNotifier(notifierTemplate(), FAILED_RUN, 200, `http://127.0.0.1:${port}/services/T000/B000/SECRETTOKEN`);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Slack notification failed: ECONNREFUSED/);
    expect(r.stderr).not.toContain('SECRETTOKEN');
  });
});
