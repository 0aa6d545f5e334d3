import { lint } from '../../src/lint';
import { Manifest } from '../../src/lint/types';

function check(ruleId: string, manifests: Manifest[]): string[] {
  return lint(manifests, { schema: false, only: [ruleId] }).map(f => `${f.severity} ${f.object} ${f.path}: ${f.message}`);
}

const template = (name: string, spec: object, kind = 'WorkflowTemplate'): Manifest => ({ apiVersion: 'argoproj.io/v1alpha1', kind, metadata: { name }, spec });

describe('ARGO-PLAINTEXT-SECRET', () => {
  test('a webhook URL in an env value is an error anywhere but in a Secret', () => {
    const url = 'https://hooks.slack.com/services/TXXXXXX/BXXXXXXX/AXXXXXXXXX';
    const findings = check('ARGO-PLAINTEXT-SECRET', [
      template('t', { templates: [{ name: 'n', container: { image: 'busybox', env: [{ name: 'SLACK_WEBHOOK', value: url }] } }] }),
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { hook: url } },
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { hook: url } },
    ]);
    expect(findings).toEqual([
      expect.stringMatching(/^error WorkflowTemplate\/t spec\.templates\[0\]\.container\.env\[0\]\.value: the value is a Slack webhook URL in plain text\. .*secretKeyRef/),
      expect.stringMatching(/^error ConfigMap\/cm data\.hook: the value is a Slack webhook URL/),
    ]);
  });

  test('a secret-named variable with a literal value is a warning; references and variables are not reported', () => {
    const findings = check('ARGO-PLAINTEXT-SECRET', [template('t', {
      templates: [{ name: 'n', container: { image: 'busybox', env: [
        { name: 'DB_PASSWORD', value: 'hunter2hunter2' },
        { name: 'API_TOKEN', valueFrom: { secretKeyRef: { name: 's', key: 'token' } } },
        { name: 'GITHUB_TOKEN', value: '{{workflow.parameters.token}}' },
        { name: 'SIZE', value: 'tall' },
      ] } }],
    })]);
    expect(findings).toEqual([expect.stringMatching(/^warning WorkflowTemplate\/t spec\.templates\[0\]\.container\.env\[0\]\.value: environment variable DB_PASSWORD looks like a secret/)]);
  });
});

describe('ARGO-FIXED-DATE', () => {
  test('a literal date in an artifact key is a warning that shows the run-time alternative', () => {
    const findings = check('ARGO-FIXED-DATE', [template('t', {
      templates: [
        { name: 'a', container: { image: 'busybox' }, outputs: { artifacts: [{ name: 'v', path: '/data', s3: { key: 'americano/tall/2021-02-07.tar.gz' } }] } },
        { name: 'b', container: { image: 'busybox' }, inputs: { artifacts: [{ name: 'v', path: '/data', gcs: { key: 'daily/20210207/v.tgz' } }] } },
        { name: 'c', container: { image: 'busybox' }, outputs: { artifacts: [{ name: 'v', path: '/data', s3: { key: 'x/{{workflow.creationTimestamp.Y}}-{{workflow.creationTimestamp.m}}/v.tgz' } }] } },
        { name: 'd', container: { image: 'busybox' }, outputs: { artifacts: [{ name: 'v', path: '/data', s3: { key: "{{=sprig.date('2006-01-02', workflow.creationTimestamp)}}/v" } }] } },
        { name: 'e', http: { url: 'https://example.com/2021-02-07' } },
      ],
    })]);
    expect(findings).toEqual([
      expect.stringMatching(/^warning WorkflowTemplate\/t spec\.templates\[0\]\.outputs\.artifacts\[0\]\.s3\.key: artifact key "americano\/tall\/2021-02-07\.tar\.gz" contains the literal date 2021-02-07: .*\{\{workflow\.creationTimestamp\.Y\}\}/),
      expect.stringMatching(/^warning WorkflowTemplate\/t spec\.templates\[1\]\.inputs\.artifacts\[0\]\.gcs\.key: .*literal date 20210207/),
    ]);
  });
});

describe('ARGO-HELM-LEFTOVER', () => {
  test('Helm expressions, the backtick escape and unquoted keys; Argo variables and Argo Events Go templates pass', () => {
    const findings = check('ARGO-HELM-LEFTOVER', [
      template('t', { templates: [{ name: 'n', container: { image: '{{ .Values.image }}', args: ['{{`{{workflow.status}}`}}', '{{inputs.parameters.x}}', '{{=asInt(inputs.parameters.n) + 1}}'] } }] }),
      // What YAML makes of `namespace: {{ .Release.Namespace }}` (not a string, hence the cast).
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: { '{ .Release.Namespace }': null } as any } },
      { apiVersion: 'argoproj.io/v1alpha1', kind: 'Sensor', metadata: { name: 's' },
        spec: { triggers: [{ template: { name: 't', http: { url: 'x', payload: [{ src: { dependencyName: 'd', dataTemplate: '{{ .Input.body.name | lower }}' }, dest: 'n' }] } } }] } },
    ]);
    expect(findings.map(f => f.split(':')[0])).toEqual([
      'error WorkflowTemplate/t spec.templates[0].container.args[0]',
      'error WorkflowTemplate/t spec.templates[0].container.image',
      'error ConfigMap/cm metadata.namespace["{ .Release.Namespace }"]',
    ]);
    expect(findings[1]).toContain('Argo reads {{...}} as one of its own variables and fails the workflow');
  });
});

describe('ARGO-HELM-LEFTOVER and Go templates of the programs a container runs', () => {
  test('a tool\'s own Go template in command, args, script source or env is left alone; Helm\'s objects there are still reported', () => {
    const findings = check('ARGO-HELM-LEFTOVER', [template('t', { templates: [
      { name: 'k', container: { image: 'bitnami/kubectl:1.30', command: ['kubectl'],
        args: ['get', 'pods', '-o', 'go-template={{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}'],
        env: [{ name: 'FORMAT', value: '{{.ID}} {{- .Names}}' }] } },
      { name: 's', script: { image: 'docker:27', command: ['sh'], source: "docker ps --format '{{.ID}}' && echo {{ .Values.tag }}" } },
      { name: 'r', resource: { action: 'create', manifest: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ include "name" . }}\n' } },
    ] })]);
    expect(findings.map(f => f.split(':')[0])).toEqual([
      'error WorkflowTemplate/t spec.templates[1].script.source',
      'error WorkflowTemplate/t spec.templates[2].resource.manifest',
    ]);
  });
});

describe('ARGO-IMAGE-TAG', () => {
  test('untagged and :latest images are warnings; version tags, digests, variables and invalid references (K8S-IMAGE) are not', () => {
    const findings = check('ARGO-IMAGE-TAG', [template('t', { templates: [
      { name: 'a', container: { image: 'busybox' } },
      { name: 'b', container: { image: 'registry.example.com:5000/team/app:latest', imagePullPolicy: 'IfNotPresent' } },
      { name: 'c', container: { image: 'registry.example.com:5000/team/app' }, sidecars: [{ name: 's', image: 'nginx:1.27' }] },
      { name: 'd', container: { image: 'alpine@sha256:' + 'a'.repeat(64) }, initContainers: [{ name: 'i', image: '{{inputs.parameters.image}}' }] },
      { name: 'e', container: { image: 'Busybox' } },
    ] })]);
    expect(findings.map(f => f.split(': ')[0])).toEqual([
      'warning WorkflowTemplate/t spec.templates[0].container.image',
      'warning WorkflowTemplate/t spec.templates[1].container.image',
      'warning WorkflowTemplate/t spec.templates[2].container.image',
    ]);
    expect(findings[0]).toMatch(/image "busybox" has no tag, which means :latest: .*imagePullPolicy to Always .*Pin a version tag or a digest/);
    expect(findings[1]).toMatch(/is tagged :latest: .*with imagePullPolicy IfNotPresent each node keeps whichever version it pulled first/);
  });
});

describe('ARGO-MISPLACED-FIELD', () => {
  test('a template field at spec level points at the template that lacks a type', () => {
    const findings = check('ARGO-MISPLACED-FIELD', [template('common', { templates: [{ name: 'slack-noti' }], container: { image: 'busybox' } })]);
    expect(findings).toEqual([
      'error WorkflowTemplate/common spec.container: "container" is a template field, not a workflow spec field: Argo does not read it there (the CRD drops or ignores unknown fields), '
      + 'so it has no effect. It probably belongs to template "slack-noti" (spec.templates[0]), which has no template type: indent it under that list item.',
    ]);
  });

  test('step fields on templates, container fields on templates, template fields on steps and tasks, DAG fields on steps', () => {
    const findings = check('ARGO-MISPLACED-FIELD', [template('w', {
      templates: [
        { name: 'exit', templateRef: { name: 'common', template: 'slack' }, when: '{{workflow.status}} == Failed' },
        { name: 'c', image: 'busybox', container: { image: 'busybox' } },
        { name: 's', steps: [[{ name: 'a', template: 'c', container: { image: 'x' } }], [{ name: 'b', template: 'c', dependencies: ['a'] }]] },
        { name: 'd', dag: { tasks: [{ name: 'a', template: 'c', retryStrategy: { limit: 1 } }] } },
      ],
    }, 'Workflow')]);
    expect(findings.map(f => f.split(':')[0])).toEqual([
      'error Workflow/w spec.templates[0].templateRef',
      'error Workflow/w spec.templates[0].when',
      'error Workflow/w spec.templates[1].image',
      'error Workflow/w spec.templates[2].steps[0][0].container',
      'error Workflow/w spec.templates[2].steps[1][0].dependencies',
      'error Workflow/w spec.templates[3].dag.tasks[0].retryStrategy',
    ]);
    expect(findings[1]).toContain('Set it on the step or task that calls "exit"');
  });

  test('workflow fields directly in a CronWorkflow spec belong in spec.workflowSpec', () => {
    const findings = check('ARGO-MISPLACED-FIELD', [template('nightly', {
      schedules: ['0 2 * * *'], onExit: 'notify', suspend: false, workflowSpec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'busybox' } }] },
    }, 'CronWorkflow')]);
    expect(findings).toEqual([expect.stringMatching(/^error CronWorkflow\/nightly spec\.onExit: "onExit" is a workflow field, not a CronWorkflow field: .*Move it into spec\.workflowSpec\.$/)]);
  });
});

describe('ARGO-SENSOR-SERVICE-ACCOUNT', () => {
  const sensor = (template: object | undefined, trigger: object): Manifest => ({
    apiVersion: 'argoproj.io/v1alpha1', kind: 'Sensor', metadata: { name: 's' },
    spec: { ...(template ? { template } : {}), dependencies: [{ name: 'd', eventSourceName: 'e', eventName: 'x' }], triggers: [{ template: { name: 't', ...trigger } }] },
  });

  test('argoWorkflow and k8s triggers need a service account; other triggers do not', () => {
    expect(check('ARGO-SENSOR-SERVICE-ACCOUNT', [sensor(undefined, { argoWorkflow: { operation: 'submit', source: {} } })]))
      .toEqual([expect.stringMatching(/^warning Sensor\/s spec\.template\.serviceAccountName: the Sensor's triggers \(argoWorkflow\) create Workflows .*"forbidden"/)]);
    expect(check('ARGO-SENSOR-SERVICE-ACCOUNT', [sensor({ serviceAccountName: 'operate-workflow-sa' }, { k8s: { operation: 'create', source: {} } })])).toEqual([]);
    expect(check('ARGO-SENSOR-SERVICE-ACCOUNT', [sensor(undefined, { log: {} })])).toEqual([]);
  });
});
