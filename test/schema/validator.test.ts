import { lint } from '../../src/lint';
import { validateManifest } from '../../src/schema/validator';

const workflowTemplate = (template: object) => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'WorkflowTemplate',
  metadata: { name: 'wt' },
  spec: { entrypoint: 'main', templates: [{ name: 'main', ...template }] },
});

describe('strict manifest validation', () => {
  test('accepts a valid WorkflowTemplate, with IntOrString as number or string', () => {
    expect(validateManifest(workflowTemplate({ container: { image: 'busybox' }, retryStrategy: { limit: 3 } }))).toEqual([]);
    expect(validateManifest(workflowTemplate({ container: { image: 'busybox' }, retryStrategy: { limit: '3' } }))).toEqual([]);
  });

  test('rejects a misspelled field, naming the path and the likely field', () => {
    expect(validateManifest(workflowTemplate({ container: { image: 'busybox', comand: ['echo'] } }))).toEqual([
      { path: 'spec.templates[0].container.comand', message: 'unknown field "comand" (did you mean "command"?)' },
    ]);
  });

  test('rejects a wrong type', () => {
    expect(validateManifest(workflowTemplate({ container: { image: 'busybox', args: 'echo hi' } }))).toEqual([
      { path: 'spec.templates[0].container.args', message: 'must be an array, got string "echo hi"' },
    ]);
  });

  test('rejects the CronWorkflow schedule field removed in Argo Workflows v4 and says what replaces it', () => {
    const cron = {
      apiVersion: 'argoproj.io/v1alpha1', kind: 'CronWorkflow', metadata: { name: 'daily' },
      spec: { schedule: '0 9 * * *', workflowSpec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'busybox' } }] } },
    };
    expect(validateManifest(cron)).toEqual([
      { path: 'spec.schedules', message: 'required field is missing' },
      { path: 'spec.schedule', message: expect.stringMatching(/removed from Argo Workflows v4: use spec\.schedules/) },
    ]);
    expect(validateManifest({ ...cron, spec: { ...cron.spec, schedule: undefined, schedules: ['0 9 * * *'] } })).toEqual([]);
  });

  test('rejects synchronization.mutex, removed in v4 (3.7 still has it, deprecated); the plural form suits both', () => {
    const singular = workflowTemplate({ container: { image: 'busybox' }, synchronization: { mutex: { name: 'm' } } });
    expect(validateManifest(singular).map(v => `${v.path}: ${v.message}`))
      .toEqual([expect.stringMatching(/^spec\.templates\[0\]\.synchronization\.mutex: field "mutex" was removed .*mutexes/)]);
    expect(validateManifest(singular, { workflowsVersion: 'v3.7.18' })).toEqual([]);
    const plural = workflowTemplate({ container: { image: 'busybox' }, synchronization: { mutexes: [{ name: 'm' }] } });
    expect(validateManifest(plural)).toEqual([]);
    expect(validateManifest(plural, { workflowsVersion: 'v3.7.18' })).toEqual([]);
  });

  test('a container without image passes the schema (spec.templateDefaults may supply it); W10 reports it when nothing does', () => {
    const noImage = workflowTemplate({ container: { command: ['echo'] } });
    expect(validateManifest(noImage)).toEqual([]);
    expect(lint([noImage]).filter(f => f.severity === 'error').map(f => `${f.ruleId} ${f.path}`)).toEqual(['W10 spec.templates[0].container.image']);
    expect(lint([{ ...noImage, spec: { ...noImage.spec, templateDefaults: { container: { image: 'busybox:1.36' } } } }])
      .filter(f => f.severity === 'error')).toEqual([]);
  });

  test('checks v4-only fields against the v3.7 schema when asked', () => {
    const wt = workflowTemplate({ container: { image: 'busybox' } });
    const withV4Field = { ...wt, spec: { ...wt.spec, podResources: { requests: { cpu: '1' } } } };
    expect(validateManifest(withV4Field)).toEqual([]);
    expect(validateManifest(withV4Field, { workflowsVersion: 'v3.7.18' }).map(v => v.path)).toEqual(['spec.podResources']);
  });

  test('Argo Events: fields the controller treats as optional are optional; the ones it requires are required', () => {
    const es = (context: object) => ({
      apiVersion: 'argoproj.io/v1alpha1', kind: 'EventSource', metadata: { name: 'webhook' },
      spec: { webhook: { vendor: context } },
    });
    expect(validateManifest(es({ endpoint: '/omega', port: '12000', method: 'POST' }))).toEqual([]);
    expect(validateManifest(es({ port: '12000', method: 'POST' }))).toEqual([
      { path: 'spec.webhook.vendor.endpoint', message: 'required field is missing' },
    ]);
    expect(validateManifest(es({ endpoint: '/omega', port: 12000, method: 'POST' }))).toEqual([
      { path: 'spec.webhook.vendor.port', message: expect.stringMatching(/^must be a string, got number 12000: .*Quote it: "12000"$/) },
    ]);
  });

  test('names the Argo Events fields the story\'s sensor used as removed', () => {
    const sensor = {
      apiVersion: 'argoproj.io/v1alpha1', kind: 'Sensor', metadata: { name: 's' },
      spec: {
        dependencies: [{ name: 'd', eventSourceName: 'webhook', eventName: 'omega' }],
        triggers: [{ template: { name: 't', argoWorkflow: { group: 'argoproj.io', operation: 'submit', source: { resource: {} } } } }],
      },
    };
    expect(validateManifest(sensor)).toEqual([{
      path: 'spec.triggers[0].template.argoWorkflow.group',
      message: 'field "group" was removed from Argo Events: delete it: an argoWorkflow trigger always acts on argoproj.io/v1alpha1 Workflows',
    }]);
  });

  test('validates core Kubernetes kinds from the definitions embedded in the Events schema', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'env' }, data: { COUNTRY: 'KR' } };
    expect(validateManifest(cm)).toEqual([]);
    expect(validateManifest({ ...cm, data: { PORT: 8080 } })).toEqual([{
      path: 'data.PORT',
      message: 'must be a string, got number 8080: YAML reads it as a number and kubectl sends it as one where Kubernetes and Argo read a string. Quote it: "8080"',
    }]);
    const role = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'r' }, rules: [{ apiGroups: ['argoproj.io'], resources: ['workflows'], verbs: ['create'], verb: 'x' }] };
    expect(validateManifest(role).map(v => v.path)).toEqual(['rules[0].verb']);
    for (const kind of ['Secret', 'ServiceAccount', 'Service', 'Pod']) {
      expect(validateManifest({ apiVersion: 'v1', kind, metadata: { name: 'x' } })).toEqual([]);
    }
    expect(validateManifest({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'x' } })).toEqual([]);
  });

  test('an unknown kind or a missing apiVersion is reported, not ignored', () => {
    expect(validateManifest({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } })[0].message).toMatch(/no schema for example\.com\/v1 Widget/);
    expect(validateManifest({ kind: 'ConfigMap' })[0].path).toBe('apiVersion');
  });

  describe('keys that name Object.prototype members are unknown fields, not schema lookups', () => {
    const KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
    // JSON.parse (as the YAML/JSON loaders) creates own properties, `__proto__` included.
    const withKey = (key: string, at: 'spec' | 'container' | 'metadata') => {
      const wt = workflowTemplate({ container: { image: 'busybox' } });
      const json = JSON.stringify(wt);
      return JSON.parse(at === 'spec' ? json.replace('"entrypoint"', `"${key}":{},"entrypoint"`)
        : at === 'container' ? json.replace('"image"', `"${key}":"x","image"`)
          : json.replace('"name":"wt"', `"name":"wt","${key}":"x"`));
    };

    test.each(KEYS)('%s in spec, in a container and in metadata is reported at its path', key => {
      expect(validateManifest(withKey(key, 'spec'))).toEqual([{ path: `spec.${key}`, message: `unknown field "${key}"` }]);
      expect(validateManifest(withKey(key, 'container')).map(v => v.path)).toEqual([`spec.templates[0].container.${key}`]);
      expect(validateManifest(withKey(key, 'metadata')).map(v => v.path)).toEqual([`metadata.${key}`]);
    });

    test('the linter reports them as SCHEMA errors', () => {
      for (const key of KEYS) {
        const findings = lint([withKey(key, 'spec')], { only: ['SCHEMA'] });
        expect(findings.map(f => `${f.ruleId} ${f.severity} ${f.path}`)).toEqual([`SCHEMA error spec.${key}`]);
      }
    });

    test('in a map of free-form keys (labels, ConfigMap data) they are plain keys, checked as values', () => {
      const cm = JSON.parse('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"m"},"data":{"__proto__":"a","constructor":"b","toString":7}}');
      expect(validateManifest(cm).map(v => `${v.path}: ${v.message.split(':')[0]}`)).toEqual(['data.toString: must be a string, got number 7']);
    });

    test('a required field is not satisfied by a prototype member', () => {
      const es = JSON.parse('{"apiVersion":"argoproj.io/v1alpha1","kind":"EventSource","metadata":{"name":"w"},"spec":{"webhook":{"v":{"port":"1"}}}}');
      expect(validateManifest(es)).toEqual([{ path: 'spec.webhook.v.endpoint', message: 'required field is missing' }]);
    });
  });

  test('every violation names its own path, at any depth and after siblings with CRD constraints, in walk order', () => {
    // The walker joins a path only when it reports or reaches a CRD-constrained node, and reuses
    // the joined prefix for the values below: siblings and deeper values must not inherit it.
    const wt = {
      apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowTemplate', metadata: { name: 'wt' },
      spec: {
        entrypoint: 'main',
        arguments: { parameters: [{ name: 'a', value: 'x' }, { name: '', valueFrom: { event: 1 } }] },
        templates: [
          { name: 'main', dag: { tasks: [{ name: 'a', template: 'c', depends: 'x' }, { name: 'b', templat: 'c', arguments: { parameters: [{ name: 'p', value: NaN }] } }] } },
          { name: 'c', container: { image: 'busybox', imagee: 'x' }, retryStrategy: { limit: 1.5 }, parallelism: -1 },
          { name: 'd', script: { image: 'busybox', source: 'echo' }, timeout: 5, metadata: { labels: { ok: 'x', bad: 3 } } },
        ],
      },
    };
    expect(validateManifest(wt).map(v => `${v.ruleId ?? 'SCHEMA'} ${v.path}: ${v.message.split(/[:(]/)[0].trim()}`)).toEqual([
      'CRD spec.arguments.parameters[1].name: must match ^[-a-zA-Z0-9_]+$ in Argo Workflows v4.1.2\'s full CRDs',
      'SCHEMA spec.arguments.parameters[1].valueFrom.event: must be a string, got number 1',
      'SCHEMA spec.templates[0].dag.tasks[1].templat: unknown field "templat"',
      'SCHEMA spec.templates[0].dag.tasks[1].arguments.parameters[0].value: NaN cannot be written to Kubernetes',
      'SCHEMA spec.templates[1].container.imagee: unknown field "imagee"',
      'SCHEMA spec.templates[1].retryStrategy.limit: must be an integer or a string, got number 1.5',
      'CRD spec.templates[1].parallelism: must be at least 1 in Argo Workflows v4.1.2\'s full CRDs',
      'SCHEMA spec.templates[2].timeout: must be a string, got number 5',
      'SCHEMA spec.templates[2].metadata.labels.bad: must be a string, got number 3',
    ]);
  });
});
