import { childPath, fieldPath } from '../../path';
import { Rule, RuleContext } from '../../types';
import { JsonObject, entriesOf, isBlank, isObject } from './support/json';

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE'];

/** Source kinds with an embedded `webhook` context, which the controller requires. */
const EMBEDDED_WEBHOOK_KINDS = ['github', 'gitlab', 'bitbucket', 'bitbucketserver', 'gerrit', 'slack', 'stripe', 'sns', 'storageGrid'];

/**
 * E13: webhook contexts (required for the git hosts, Slack, Stripe, SNS and StorageGRID) have an
 * endpoint starting with `/` and a port string holding an integer 1-65535. A webhook source also needs an upper-case HTTP method (matched exactly
 * against requests) and a port+endpoint not used by another of its events.
 */
export const E13_WEBHOOK: Rule = {
  id: 'E13',
  description: 'Webhook events have an endpoint starting with /, a port "1"-"65535", an exact HTTP method and a unique port+endpoint',
  kinds: ['EventSource'],
  check(ctx) {
    const routes = new Map<string, string>();
    for (const [name, webhook] of entriesOf(ctx.manifest.spec?.webhook)) {
      if (!isObject(webhook)) continue;
      const path = fieldPath('spec', 'webhook', name);
      checkContext(ctx, webhook, path);
      checkMethod(ctx, webhook, path);
      if (typeof webhook.port !== 'string' || typeof webhook.endpoint !== 'string') continue;
      const route = `${webhook.port} ${webhook.endpoint}`;
      const first = routes.get(route);
      if (first === undefined) routes.set(route, name);
      else {
        ctx.report(childPath(path, 'endpoint'), `event "${first}" already listens on port ${webhook.port} at ${webhook.endpoint}: the event source registers the route once, `
          + `so requests to it are dispatched as "${first}" events and "${name}" never fires. Give each event its own endpoint or port.`);
      }
    }
    for (const kind of EMBEDDED_WEBHOOK_KINDS) {
      for (const [name, source] of entriesOf(ctx.manifest.spec?.[kind])) {
        if (!isObject(source)) continue;
        const path = fieldPath('spec', kind, name, 'webhook');
        if (isObject(source.webhook)) checkContext(ctx, source.webhook, path);
        else {
          ctx.report(path, `${kind} event "${name}" has no webhook: the controller rejects the EventSource (its webhook context is required) and deploys none of its events. `
            + 'Set webhook.endpoint, webhook.port and webhook.method (and webhook.url, the address the service calls).');
        }
      }
    }
  },
};

function checkContext(ctx: RuleContext, webhook: JsonObject, path: string): void {
  const endpoint = webhook.endpoint;
  if (isBlank(endpoint)) {
    ctx.report(childPath(path, 'endpoint'), 'webhook has no endpoint: the controller rejects the EventSource ("endpoint can\'t be empty"). Set the URL path to listen on, e.g. /push.');
  } else if (typeof endpoint === 'string' && !endpoint.startsWith('/')) {
    ctx.report(childPath(path, 'endpoint'), `endpoint "${endpoint}" does not start with "/": the route is registered as written and no request path ever matches it, so every request gets 404 and the event never fires. Use "/${endpoint}".`);
  }
  checkPort(ctx, webhook.port, childPath(path, 'port'));
}

function checkPort(ctx: RuleContext, port: unknown, path: string): void {
  if (isBlank(port)) {
    ctx.report(path, 'webhook has no port: the controller rejects the EventSource ("port can\'t be empty"). Set the port as a string, e.g. "12000".');
  } else if (typeof port !== 'string') {
    ctx.report(path, `port must be a string: Argo's field is a string, so ${JSON.stringify(port)} fails to decode and the controller cannot read the EventSource. Quote it: "${port}".`);
  } else if (!/^[+-]?\d+$/.test(port)) {
    ctx.report(path, `port "${port}" is not an integer: the controller rejects the EventSource ("failed to parse server port"). Use a port number as a string, e.g. "12000".`);
  } else if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
    ctx.report(path, `port "${port}" is outside 1-65535: Argo accepts it, but the event source's HTTP server cannot listen on it and the event never fires. Use a valid port, e.g. "12000".`);
  }
}

function checkMethod(ctx: RuleContext, webhook: JsonObject, path: string): void {
  const method = webhook.method;
  const methodPath = childPath(path, 'method');
  if (isBlank(method)) {
    ctx.report(methodPath, 'webhook has no method: Argo accepts it, but the event source compares it exactly with each request\'s method, so every request is refused ("http method does not match"). Set the method, e.g. POST.');
  } else if (!HTTP_METHODS.includes(method)) {
    const upper = String(method).toUpperCase();
    const fix = HTTP_METHODS.includes(upper) ? `Write it upper-case: "${upper}"` : `Use one of ${HTTP_METHODS.join(', ')}`;
    ctx.report(methodPath, `method "${method}" never equals a request's method (requests say e.g. "POST"; the comparison is exact): every request is refused ("http method does not match") and the event never fires. ${fix}.`);
  }
}
