import { childPath } from '../../path';
import { Rule, RuleContext } from '../../types';
import { JsonObject, isBlank, isObject } from './support/json';
import { TriggerAt, triggersOf } from './support/sensor-model';

const REJECTED = 'the controller rejects the Sensor';
const HTTP_METHODS = ['GET', 'DELETE', 'PATCH', 'POST', 'PUT'];

type Check = (ctx: RuleContext, trigger: JsonObject, path: string) => void;

/** Fields the controller requires per trigger kind (pkg/reconciler/sensor/validate.go). */
const CHECKS: { readonly [kind: string]: Check } = {
  http(ctx, trigger, path) {
    const renamed = isBlank(trigger.url) && !isBlank(trigger.serverURL) ? ' (serverURL is the field\'s old name, which Argo Events 1.9 ignores)' : '';
    requireText(ctx, trigger, path, 'url', 'server URL is not specified', `the URL to call${renamed}`);
    const method = trigger.method;
    if (!isBlank(method) && !HTTP_METHODS.includes(method)) {
      const hint = HTTP_METHODS.includes(String(method).toUpperCase()) ? ` (methods are upper-case: "${String(method).toUpperCase()}")` : '';
      ctx.report(childPath(path, 'method'), `HTTP method "${method}" is not supported: ${REJECTED} ("only GET, DELETE, PATCH, POST and PUT methods are supported"). Use one of ${HTTP_METHODS.join(', ')}${hint}.`);
    }
  },
  slack(ctx, trigger, path) {
    if (!isObject(trigger.slackToken)) {
      ctx.report(childPath(path, 'slackToken'), `slack trigger has no slackToken: ${REJECTED} ("slack token can't be empty"). Reference the Secret key holding the bot token.`);
    }
  },
  kafka(ctx, trigger, path) {
    requireText(ctx, trigger, path, 'url', 'broker url must not be empty', 'the broker address');
    requireText(ctx, trigger, path, 'topic', 'topic must not be empty', 'the topic to publish to');
    requirePayload(ctx, trigger, path, 'payload must not be empty');
  },
  nats(ctx, trigger, path) {
    requireText(ctx, trigger, path, 'url', "nats server url can't be empty", 'the NATS server URL');
    requireText(ctx, trigger, path, 'subject', "nats subject can't be empty", 'the subject to publish to');
    requirePayload(ctx, trigger, path, "payload can't be nil");
  },
  awsLambda(ctx, trigger, path) {
    requireText(ctx, trigger, path, 'functionName', 'function name is not specified', 'the Lambda function name');
    requireText(ctx, trigger, path, 'region', 'region in not specified', 'the AWS region');
    requirePayload(ctx, trigger, path, 'payload parameters are not specified');
  },
  openWhisk(ctx, trigger, path) {
    requireText(ctx, trigger, path, 'actionName', 'action name is not specified', 'the action to invoke');
    requireText(ctx, trigger, path, 'host', 'host URL is not specified', 'the OpenWhisk host');
    const token = trigger.authToken;
    if (isObject(token) && (isBlank(token.name) || isBlank(token.key))) {
      ctx.report(childPath(path, 'authToken'), `authToken needs both name and key: ${REJECTED} ("auth token key and name must be specified"). Reference the Secret and its key.`);
    }
    requirePayload(ctx, trigger, path, 'payload parameters are not specified');
  },
  custom(ctx, trigger, path) {
    requireText(ctx, trigger, path, 'serverURL', 'custom trigger gRPC server url is not defined', 'the gRPC server address');
    if (!isObject(trigger.spec)) {
      ctx.report(childPath(path, 'spec'), `custom trigger has no spec: ${REJECTED} ("trigger body can't be empty"). Set the spec sent to the trigger server.`);
    }
    if (trigger.secure === true && !isObject(trigger.certSecret)) {
      ctx.report(childPath(path, 'certSecret'), `a secure custom trigger needs certSecret: ${REJECTED}. Reference the Secret key holding the server certificate, or set secure: false.`);
    }
  },
  email(ctx, trigger, path) {
    requireText(ctx, trigger, path, 'host', "host can't be empty", 'the SMTP host');
    const port = trigger.port;
    if (typeof port === 'number' && (port < 0 || port > 65535)) {
      ctx.report(childPath(path, 'port'), `SMTP port ${port} is out of range: ${REJECTED} ("port should be between 0-65535"). Use the SMTP server's port, e.g. 587.`);
    }
  },
};

/**
 * E7: trigger kinds other than argoWorkflow/k8s carry what the controller requires: http url
 * and method GET|DELETE|PATCH|POST|PUT; slack slackToken; kafka/nats url, topic/subject and
 * payload; awsLambda, openWhisk, custom and email their required fields. An HTTP or Lambda
 * status policy lists the allowed statuses.
 */
export const E7_TRIGGER_TARGETS: Rule = {
  id: 'E7',
  description: 'http, slack, kafka, nats, awsLambda, openWhisk, custom and email triggers have their required fields',
  kinds: ['Sensor'],
  check(ctx) {
    for (const at of triggersOf(ctx.manifest)) {
      const template = at.trigger.template;
      if (!isObject(template)) continue;
      for (const [kind, check] of Object.entries(CHECKS)) {
        if (isObject(template[kind])) check(ctx, template[kind], childPath(at.path, 'template', kind));
      }
      checkStatusPolicy(ctx, at, template);
    }
  },
};

function checkStatusPolicy(ctx: RuleContext, at: TriggerAt, template: JsonObject): void {
  const status = at.trigger.policy?.status;
  if (!isObject(status) || isObject(template.k8s) || isObject(template.argoWorkflow)) return;
  if (!isObject(template.http) && !isObject(template.awsLambda)) return;
  if (status.allow === undefined || status.allow === null) {
    ctx.report(childPath(at.path, 'policy', 'status', 'allow'), `status policy has no allow list: ${REJECTED} ("list of allowed response status is not specified"). List the response codes that mean success, e.g. [200, 201].`);
  }
}

function requireText(ctx: RuleContext, trigger: JsonObject, path: string, field: string, argoMessage: string, what: string): void {
  if (isBlank(trigger[field])) ctx.report(childPath(path, field), `${field} is required: ${REJECTED} ("${argoMessage}"). Set ${what}.`);
}

function requirePayload(ctx: RuleContext, trigger: JsonObject, path: string, argoMessage: string): void {
  if (trigger.payload === undefined || trigger.payload === null) {
    ctx.report(childPath(path, 'payload'), `payload is required: ${REJECTED} ("${argoMessage}"). List the payload parameters ("payload: []" is accepted and sends an empty body).`);
  }
}
