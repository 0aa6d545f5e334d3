import { imageReferenceProblem, suggestImage } from '../../src/lint/util/image';
import {
  DNS1035_LABEL_FORMAT, DNS1123_LABEL_FORMAT, DNS1123_SUBDOMAIN_FORMAT, labelValueProblem, nameProblem, qualifiedNameProblem, suggestName,
} from '../../src/lint/util/names';
import { credentialIn, looksLikeSecretVariable } from '../../src/lint/util/secrets';

describe('Kubernetes names', () => {
  test.each(['a', 'my-app', 'a.b-c.d', '0abc', 'x'.repeat(253)])('valid subdomain %s', name => {
    expect(nameProblem(name, DNS1123_SUBDOMAIN_FORMAT)).toBeUndefined();
  });

  test.each(['A-workflow', 'my_app', '-a', 'a-', 'a..b', '', 'x'.repeat(254)])('invalid subdomain %s', name => {
    expect(nameProblem(name, DNS1123_SUBDOMAIN_FORMAT)).toBeDefined();
  });

  test('labels allow no dots and at most 63 characters; DNS-1035 starts with a letter', () => {
    expect(nameProblem('a.b', DNS1123_LABEL_FORMAT)).toMatch(/not a valid DNS-1123 label/);
    expect(nameProblem('x'.repeat(64), DNS1123_LABEL_FORMAT)).toMatch(/at most 63/);
    expect(nameProblem('1web', DNS1035_LABEL_FORMAT)).toMatch(/DNS-1035/);
    expect(nameProblem('web1', DNS1035_LABEL_FORMAT)).toBeUndefined();
  });

  test('suggests the nearest valid name', () => {
    expect(suggestName('A-workflow-configmap', DNS1123_SUBDOMAIN_FORMAT)).toBe('a-workflow-configmap');
    expect(suggestName('My_App..v2_', DNS1123_SUBDOMAIN_FORMAT)).toBe('my-app.v2');
    expect(suggestName('log_shipper', DNS1123_LABEL_FORMAT)).toBe('log-shipper');
    expect(suggestName('1web', DNS1035_LABEL_FORMAT)).toBe('web');
    expect(suggestName('___', DNS1123_LABEL_FORMAT)).toBe('');
  });

  test('label keys and values', () => {
    expect(qualifiedNameProblem('app.kubernetes.io/name')).toBeUndefined();
    expect(qualifiedNameProblem('Example.com/x')).toMatch(/prefix/);
    expect(qualifiedNameProblem('a/b/c')).toMatch(/more than one/);
    expect(labelValueProblem('')).toBeUndefined();
    expect(labelValueProblem('v1.2_x')).toBeUndefined();
    expect(labelValueProblem('has space')).toBeDefined();
  });
});

describe('image references', () => {
  test.each([
    'busybox', 'busybox:1.36', 'docker.io/library/busybox:latest', 'localhost:5000/team/app:v1', 'MyRegistry.example.com/team/app',
    'ghcr.io/argoproj/argo:v4.1.2@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'a__b/c-d.e:tag_1',
  ])('valid: %s', image => {
    expect(imageReferenceProblem(image)).toBeUndefined();
  });

  test.each([
    ['A-workflow:latest', /repository name "A-workflow" must be lowercase/],
    ['team/App', /must be lowercase/],
    ['busybox:', /tag ""/],
    ['busybox:-x', /tag "-x"/],
    ['busybox@sha256:xyz', /digest/],
    [' busybox', /whitespace/],
    ['my app', /path component/],
  ])('invalid: %s', (image, problem) => {
    expect(imageReferenceProblem(image)).toMatch(problem);
  });

  test('suggests the lowercase path, registry and tag kept', () => {
    expect(suggestImage('A-workflow:latest')).toBe('a-workflow:latest');
    expect(suggestImage('MyRegistry.io:5000/Team/App:V1')).toBe('MyRegistry.io:5000/team/app:V1');
  });
});

describe('plain-text credentials', () => {
  test.each([
    ['https://hooks.slack.com/services/TXXXXXX/BXXXXXXX/AXXXXXXXXX', 'a Slack webhook URL'],
    ['xoxb-123456789012-abcdefghij', 'a Slack token'],
    ['AKIAABCDEFGHIJKLMNOP', 'an AWS access key id'],
    ['postgres://app:s3cret@db:5432/app', 'a URL with a password'],
    ['-----BEGIN RSA PRIVATE KEY-----\nabc', 'a private key'],
  ])('%s is %s', (value, what) => {
    expect(credentialIn(value)).toBe(what);
  });

  test.each(['https://example.com/hook', 'postgres://db:5432/app', 'postgres://{{inputs.parameters.user}}:{{inputs.parameters.pw}}@db', 'hello'])('%s is not', value => {
    expect(credentialIn(value)).toBeUndefined();
  });

  test('secret-looking variables: a literal value under a secret name', () => {
    expect(looksLikeSecretVariable('DB_PASSWORD', 'hunter2hunter2')).toBe(true);
    expect(looksLikeSecretVariable('API_TOKEN', '{{workflow.parameters.token}}')).toBe(false);
    expect(looksLikeSecretVariable('TOKEN_FILE', 'token.txt')).toBe(false);
    expect(looksLikeSecretVariable('PASSWORD', '/etc/secret/pw')).toBe(false);
    expect(looksLikeSecretVariable('AUTH_ENABLED', 'true')).toBe(false);
    expect(looksLikeSecretVariable('SIZE', 'tall')).toBe(false);
  });
});
