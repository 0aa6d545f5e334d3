/**
 * The notifier program (Node.js 18+, no dependencies), passed to `node -e`. It reads everything
 * from environment variables that Argo fills in (plain strings, whatever they contain) and builds
 * the Slack payload with JSON.stringify, so no run-time text (failure messages with quotes,
 * backslashes or newlines) can break the payload. Mrkdwn control characters are escaped; the
 * webhook URL is never printed. It must contain no `{{`, which Argo would try to substitute.
 * @internal
 */
export const SLACK_NOTIFIER_SCRIPT = `'use strict';
const e = process.env;
const esc = s => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const status = e.WORKFLOW_STATUS || 'Unknown';
const where = (e.WORKFLOW_NAMESPACE || '?') + '/' + (e.WORKFLOW_NAME || '?');
const colors = { Succeeded: e.SLACK_COLOR_SUCCEEDED, Failed: e.SLACK_COLOR_FAILED, Error: e.SLACK_COLOR_ERROR };
function duration(text) {
  const s = Math.round(Number(text));
  if (!text || !Number.isFinite(s)) return 'unknown';
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60);
  return (h ? h + 'h ' : '') + (h || m ? m + 'm ' : '') + (s % 60) + 's';
}
function failures(text) {
  if (!text) return [];
  let list;
  try { list = JSON.parse(text); } catch (err) { return [esc(text.slice(0, 3000))]; }
  if (!Array.isArray(list)) return [];
  const lines = list.slice(0, 20).map(f => '\\u2022 ' + esc(f.displayName || f.name || '?') + (f.phase ? ' (' + esc(f.phase) + ')' : '') + ': ' + esc(String(f.message || '').slice(0, 500)));
  if (list.length > 20) lines.push('\\u2026 and ' + (list.length - 20) + ' more');
  return lines;
}
const lines = ['*Workflow:* ' + esc(where), '*Status:* ' + esc(status), '*Duration:* ' + duration(e.WORKFLOW_DURATION)];
const failed = failures(e.WORKFLOW_FAILURES);
if (failed.length) lines.push('*Failures:*', ...failed);
if (e.ARGO_UI_URL) {
  const link = e.ARGO_UI_URL.replace(/\\/+$/, '') + '/workflows/' + encodeURIComponent(e.WORKFLOW_NAMESPACE || '') + '/' + encodeURIComponent(e.WORKFLOW_NAME || '');
  lines.push('<' + link + '|Open in Argo>');
}
const title = e.SLACK_TITLE || '[' + status + '] ' + where;
const payload = { attachments: [{ color: colors[status] || e.SLACK_COLOR_ERROR, title, fallback: title, text: lines.join('\\n'), mrkdwn_in: ['text'] }] };
if (e.SLACK_CHANNEL) payload.channel = e.SLACK_CHANNEL;
if (e.SLACK_USERNAME) payload.username = e.SLACK_USERNAME;
if (!e.SLACK_WEBHOOK) { console.error('SLACK_WEBHOOK is empty: check the Secret key holding the webhook URL'); process.exit(2); }
fetch(e.SLACK_WEBHOOK, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload), signal: AbortSignal.timeout(15000) })
  .then(r => r.text().then(body => {
    if (!r.ok) { console.error('Slack answered HTTP ' + r.status + ': ' + body.slice(0, 200)); process.exit(1); }
    console.log('Slack notified: ' + title);
  }))
  .catch(err => { console.error('Slack notification failed: ' + ((err.cause && (err.cause.code || err.cause.message)) || err.name)); process.exit(1); });
`;
