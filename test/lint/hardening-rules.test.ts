/**
 * Rules of issue #15 (hostile input): environment variable names, duplicate objects, unclosed
 * `{{`, secrets in ConfigMaps, and where `{{...}}` reaches Kubernetes as written.
 */
import { lint } from '../../src/lint';
import { Manifest } from '../../src/lint/types';

function check(ruleId: string, manifests: Manifest[]): string[] {
  return lint(manifests, { schema: false, only: [ruleId] }).map(f => `${f.severity} ${f.object} ${f.path}: ${f.message}`);
}

const wt = (name: string, template: object, extra: object = {}): Manifest => ({
  apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowTemplate', metadata: { name, ...extra }, spec: { entrypoint: 'main', templates: [{ name: 'main', ...template }] },
});
const pod = (container: object): Manifest => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'main', image: 'busybox:1.36', ...container }] } });
const configMap = (name: string, data: object, namespace?: string): Manifest =>
  ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, ...(namespace ? { namespace } : {}) }, data });

describe('K8S-ENV-NAME', () => {
  test('empty, "=" and non-ASCII names are refused by every Kubernetes; other shapes only before 1.32', () => {
    const findings = check('K8S-ENV-NAME', [pod({ env: [
      { name: '', value: 'a' }, { name: 'A=B', value: 'b' }, { name: 'CAFÉ', value: 'c' }, { name: '😀', value: 'd' },
      { name: '1ST', value: 'e' }, { name: 'my var', value: 'f' }, { name: '..x', value: 'g' },
      { name: 'OK_NAME', value: 'h' }, { name: 'my.env-name', value: 'i' },
    ] })]);
    expect(findings.map(f => f.split(':')[0])).toEqual([
      'error Pod/p spec.containers[0].env[0].name', 'error Pod/p spec.containers[0].env[1].name', 'error Pod/p spec.containers[0].env[2].name',
      'error Pod/p spec.containers[0].env[3].name', 'warning Pod/p spec.containers[0].env[4].name', 'warning Pod/p spec.containers[0].env[5].name',
      'warning Pod/p spec.containers[0].env[6].name',
    ]);
    expect(findings[0]).toMatch(/the environment variable name is empty: kubectl apply accepts the Pod, but Kubernetes rejects the pod \("Required value"\)/);
    expect(findings[1]).toMatch(/"A=B" holds "=": .* Use letters, digits and "_", e\.g\. "A_B"\.$/);
    expect(findings[4]).toMatch(/clusters before Kubernetes 1\.32 reject the pod, and a shell cannot read such a variable\. .*e\.g\. "_1ST"/);
  });

  test('envFrom prefixes; in Argo templates what is outside the variables is checked, in other kinds the braces are read as written', () => {
    expect(check('K8S-ENV-NAME', [wt('t', { container: { image: 'busybox:1.36', env: [{ name: '{{inputs.parameters.n}}', value: 'x' }, { name: 'A={{inputs.parameters.n}}', value: 'x' }],
      envFrom: [{ configMapRef: { name: 'c' }, prefix: 'A=' }, { configMapRef: { name: 'c' }, prefix: '' }] } })]).map(f => f.split(':')[0])).toEqual([
      'error WorkflowTemplate/t spec.templates[0].container.envFrom[0].prefix', 'error WorkflowTemplate/t spec.templates[0].container.env[1].name',
    ]);
    expect(check('K8S-ENV-NAME', [pod({ env: [{ name: '{{x}}', value: 'y' }] })])).toEqual([expect.stringMatching(/^warning Pod\/p spec\.containers\[0\]\.env\[0\]\.name: /)]);
  });
});

describe('K8S-DUPLICATE', () => {
  test('the same kind, namespace and name twice is an error on the later one; the API version does not matter, the group does', () => {
    const findings = check('K8S-DUPLICATE', [
      configMap('a', {}, 'ns'), configMap('a', {}, 'other'), { ...configMap('a', {}, 'ns'), apiVersion: 'v1' },
      wt('w', {}), { ...wt('w', {}), apiVersion: 'argoproj.io/v1beta1' },
      { apiVersion: 'serving.knative.dev/v1', kind: 'Service', metadata: { name: 's' } }, { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } },
      { apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { generateName: 'run-' } }, { apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { generateName: 'run-' } },
    ]);
    expect(findings).toEqual([
      'error ConfigMap/a metadata.name: ConfigMap "a" in namespace "ns" is also manifest #1 of the set: kubectl apply writes both to one object, so this one silently replaces '
        + 'the other (and a GitOps tool reports the object as out of sync forever). Rename one of them, or put them in different namespaces.',
      expect.stringMatching(/^error WorkflowTemplate\/w metadata\.name: WorkflowTemplate "w" without a namespace is also manifest #4 of the set/),
    ]);
  });

  test('cluster-scoped kinds ignore the namespace; one without a namespace against one in a namespace is a warning', () => {
    const cwt = (ns?: string): Manifest => ({ apiVersion: 'argoproj.io/v1alpha1', kind: 'ClusterWorkflowTemplate', metadata: { name: 'c', ...(ns ? { namespace: ns } : {}) }, spec: {} });
    expect(check('K8S-DUPLICATE', [cwt('a'), cwt('b')])).toEqual([expect.stringMatching(/^error ClusterWorkflowTemplate\/c metadata\.name: ClusterWorkflowTemplate "c" is also manifest #1/)]);
    expect(check('K8S-DUPLICATE', [configMap('a', {}, 'ns'), configMap('a', {})])).toEqual([
      'warning ConfigMap/a metadata.name: ConfigMap "a" without a namespace and manifest #1 in namespace "ns" are the same object when the one without a namespace is applied to "ns" '
        + '(kubectl apply -n ns, or a context whose namespace is ns): the later replaces the earlier. Give both the namespace they belong in, or different names.',
    ]);
  });
});

describe('W45: a "{{" without its "}}"', () => {
  test('anywhere Argo substitutes: a template, the spec, a CronWorkflow\'s workflowSpec, a Workflow a Sensor creates', () => {
    const cron: Manifest = { apiVersion: 'argoproj.io/v1alpha1', kind: 'CronWorkflow', metadata: { name: 'c', labels: { note: 'x' } },
      spec: { schedules: ['0 * * * *'], workflowSpec: { entrypoint: 'main', arguments: { parameters: [{ name: 'p', value: 'a {{b' }] }, templates: [{ name: 'main', container: { image: 'busybox:1.36' } }] } } };
    const sensor: Manifest = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Sensor', metadata: { name: 's' }, spec: { dependencies: [], triggers: [
      { template: { name: 'wf', k8s: { operation: 'create', source: { resource: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { generateName: 'x-' },
        spec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'busybox:1.36', args: ['{{workflow.name'] } }] } } } } } },
      { template: { name: 'cm', k8s: { operation: 'create', source: { resource: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '{{ not argo' } } } } } },
    ] } };
    const findings = check('W45', [
      wt('t', { script: { image: 'python:3.12', source: 'print("{{inputs.parameters.x}}")\nprint("{{")' } }, { annotations: { note: '{{ not substituted' } }),
      wt('ok', { container: { image: 'busybox:1.36', args: ['{{inputs.parameters.a}}-{{=sprig.trim(inputs.parameters.b)}}', '}} {{x}}'] } }),
      cron, sensor,
    ]);
    expect(findings.map(f => f.split(': ')[0])).toEqual([
      'error WorkflowTemplate/t spec.templates[0].script.source',
      'error CronWorkflow/c spec.workflowSpec.arguments.parameters[0].value',
      'error Sensor/s spec.triggers[0].template.k8s.source.resource.spec.templates[0].container.args[0]',
    ]);
    expect(findings[0]).toMatch(/"\{\{"\)" opens "\{\{" without a closing "\}\}": Argo's template engine refuses the workflow \("Cannot find end tag=\\"\}\}\\""\)/);
  });
});

describe('K8S-LABEL where Argo substitutes and where it does not', () => {
  test('an object\'s own labels are read as written; template pod labels after substitution', () => {
    const findings = check('K8S-LABEL', [
      wt('t', { metadata: { labels: { run: '{{workflow.name}}', bad: 'a b {{x}}' } } }, { labels: { owner: '{{workflow.parameters.owner}}' } }),
    ]);
    expect(findings.map(f => f.split(':')[0])).toEqual(['error WorkflowTemplate/t metadata.labels.owner', 'error WorkflowTemplate/t spec.templates[0].metadata.labels.bad']);
    expect(findings[0]).toMatch(/Argo substitutes \{\{\.\.\.\}\} only inside a workflow's spec, so the braces reach Kubernetes as written\.$/);
  });
});

describe('ARGO-PLAINTEXT-SECRET in ConfigMaps', () => {
  test('a key envFrom turns into a secret-looking variable with a literal value is a warning, as in env; other keys and pointers are not', () => {
    const findings = check('ARGO-PLAINTEXT-SECRET', [configMap('c', {
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', DB_PASSWORD: 'hunter22', TOKEN_FILE: '/var/run/token', 'token.conf': 'a = b', LOG_LEVEL: 'debug',
    })]);
    expect(findings.map(f => f.split(':')[0])).toEqual(['warning ConfigMap/c data.AWS_SECRET_ACCESS_KEY', 'warning ConfigMap/c data.DB_PASSWORD']);
    expect(findings[0]).toMatch(/Move the key into a Secret the containers load with envFrom\[\]\.secretRef/);
  });
});
