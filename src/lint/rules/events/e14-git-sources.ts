import { isObject, listOf } from './support/json';
import { SourceCheck } from './support/source-check';

/**
 * Git hosts and SaaS webhooks (pkg/eventsources/sources/<kind>/validate.go). Their webhook
 * context (required, endpoint, port) is E13's.
 */
export const GIT_SOURCE_CHECKS: { readonly [kind: string]: SourceCheck } = {
  github(c) {
    const repositories = listOf(c.value('repositories')).length > 0 || (!c.blank('owner') && !c.blank('repository'));
    const organizations = !c.unset('organizations');
    if (!repositories && !organizations) c.report('', 'either repositories or organizations is required', 'List repositories (owner and names) or organizations.');
    else if (repositories && organizations) c.report('organizations', 'only one of repositories and organizations is allowed', 'Keep repositories or organizations.');
    const credentials = !c.unset('apiToken') || isObject(c.value('githubApp')) && !c.unset('githubApp.privateKey');
    if (credentials && !c.blank('webhook.url') && listOf(c.value('events')).length === 0) {
      c.report('events', 'events must be defined to create a github webhook', 'List the events to subscribe to, e.g. [push, pull_request].');
    }
    const contentType = c.value('contentType');
    if (!c.blank('contentType') && contentType !== 'json' && contentType !== 'form') c.report('contentType', 'content type must be "json" or "form"', 'Use json or form.');
    if (!c.blank('githubBaseURL') && c.blank('githubUploadURL')) {
      c.report('githubUploadURL', 'githubUploadURL is required when githubBaseURL is set', 'Set both URLs of the GitHub Enterprise server (so that no request goes to github.com).');
    } else if (c.blank('githubBaseURL') && !c.blank('githubUploadURL')) {
      c.report('githubBaseURL', 'githubBaseURL is required when githubUploadURL is set', 'Set both URLs of the GitHub Enterprise server (so that no request goes to github.com).');
    }
  },
  gitlab(c) {
    c.requireSet('events', "events can't be empty", 'List the events to subscribe to, e.g. [PushEvents].');
    c.requireText('gitlabBaseURL', "gitlab base url can't be empty", 'Set the GitLab URL, e.g. https://gitlab.com.');
    c.requireSet('accessToken', "access token can't be nil", 'Reference the Secret key holding the API token.');
  },
  bitbucket(c) {
    const repositories = listOf(c.value('repositories')).length > 0 || (!c.blank('owner') && !c.blank('repositorySlug'));
    if (!repositories) c.report('', 'at least one repository is required', 'List repositories (owner and repositorySlug).');
    const auth = c.value('auth');
    const credentials = isObject(auth) && ((isObject(auth.basic) && !c.unset('auth.basic.username') && !c.unset('auth.basic.password')) || !c.unset('auth.oauthToken'));
    if (repositories && credentials && !c.blank('webhook.url') && listOf(c.value('events')).length === 0) {
      c.report('events', 'events must be defined to create a bitbucket webhooks', 'List the events to subscribe to, e.g. ["repo:push"].');
    }
  },
  bitbucketserver(c) {
    const repositories = listOf(c.value('repositories')).length > 0 || (!c.blank('projectKey') && !c.blank('repositorySlug'));
    const createsHooks = !c.unset('accessToken') && !c.blank('webhook.url') && (repositories || listOf(c.value('projects')).length > 0);
    if (createsHooks && listOf(c.value('events')).length === 0) {
      c.report('events', 'events must be defined to create a bitbucket server webhook', 'List the events to subscribe to, e.g. ["repo:refs_changed"].');
    }
    c.requireText('bitbucketserverBaseURL', "bitbucket server base url can't be empty", 'Set the REST API URL, e.g. https://bitbucket.example.com/rest.');
    c.duration('checkInterval', 'failed to parse webhook check interval duration');
  },
  gerrit(c) {
    if (listOf(c.value('projects')).length === 0) c.report('projects', 'projects cannot be empty', 'List the projects to watch.');
    c.requireSet('events', "events can't be empty", 'List the events to subscribe to, e.g. [patchset-created].');
    c.requireText('gerritBaseURL', "gerrit base url can't be empty", 'Set the Gerrit URL.');
    c.requireSet('auth', "username and password can't be empty", 'Set auth.username and auth.password (Secret keys).');
  },
  slack(c) {
    c.requireSet('token', 'token not provided', 'Reference the Secret key holding the Slack token.');
    c.requireSet('signingSecret', 'signingSecret not provided', 'Reference the Secret key holding the signing secret.');
  },
  stripe(c) {
    if (c.value('createWebhook') === true) c.requireSet('apiKey', 'api key K8s secret selector not provided', 'Reference the Secret key holding the Stripe API key, or set createWebhook: false.');
  },
  sns(c) {
    c.requireText('topicArn', 'must specify topic arn', 'Set the ARN of the SNS topic to subscribe to.');
    c.requireText('region', 'must specify region', 'Set the AWS region of the topic.');
  },
  storageGrid(c) {
    c.requireText('topicArn', 'topic arn must be provided', 'Set the ARN of the StorageGRID topic.');
    c.requireText('apiURL', 'api url must be provided', 'Set the StorageGRID API URL.');
    c.requireSet('authToken', 'api auth token must be provided', 'Reference the Secret key holding the API token.');
    c.requireText('bucket', 'bucket name must be provided', 'Set the bucket to watch.');
    c.requireSet('events', 'event types must be provided', 'List the event types, e.g. ["s3:ObjectCreated:*"].');
  },
};
