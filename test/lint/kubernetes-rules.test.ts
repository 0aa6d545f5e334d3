import { lint } from '../../src/lint';
import { Manifest } from '../../src/lint/types';

/** Findings of one rule, semantic check only, as `severity path: message`. */
function check(ruleId: string, manifests: Manifest[], strictRefs = false): string[] {
  return lint(manifests, { schema: false, only: [ruleId], strictRefs }).map(f => `${f.severity} ${f.object} ${f.path}: ${f.message}`);
}

function workflowTemplate(name: string, template: object, spec: object = {}): Manifest {
  return { apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowTemplate', metadata: { name }, spec: { entrypoint: 'main', templates: [{ name: 'main', ...template }], ...spec } };
}

function deployment(container: object, pod: object = {}): Manifest {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' },
    spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', ...container }], ...pod } } },
  };
}

const configMap = (name: string, data: object, namespace?: string): Manifest =>
  ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, ...(namespace ? { namespace } : {}) }, data });

describe('K8S-NAME', () => {
  test('object names: what is wrong, what Kubernetes does, a valid name to use', () => {
    expect(check('K8S-NAME', [configMap('A-workflow-configmap', {})])).toEqual([
      'error ConfigMap/A-workflow-configmap metadata.name: name "A-workflow-configmap" is not a valid DNS-1123 subdomain (lowercase letters, digits, "-" and ".", '
      + 'starting and ending with a letter or digit): Kubernetes rejects the ConfigMap on apply. Use e.g. "a-workflow-configmap" (and update every reference to it).',
    ]);
  });

  test('Services need DNS-1035 labels, namespaces DNS-1123 labels; generateName is checked as a prefix', () => {
    const findings = check('K8S-NAME', [
      { apiVersion: 'v1', kind: 'Service', metadata: { name: '1web' } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ok', namespace: 'team.a' } },
      { apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { generateName: 'Hello-' } },
      { apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { generateName: 'hello-' } },
    ]);
    expect(findings).toHaveLength(3);
    expect(findings[0]).toMatch(/^error Service\/1web metadata\.name: .*DNS-1035 label/);
    expect(findings[1]).toMatch(/metadata\.namespace: namespace "team\.a" is not a valid DNS-1123 label/);
    expect(findings[2]).toMatch(/metadata\.generateName: generateName "Hello-" .* Use e\.g\. "hello-"\.$/);
  });

  test('container and volume names in pods and Argo templates; where Argo substitutes, what is outside the variables is checked', () => {
    const findings = check('K8S-NAME', [
      workflowTemplate('t', { container: { image: 'busybox' }, sidecars: [{ name: 'log_shipper', image: 'busybox' }, { name: '{{inputs.parameters.side}}-log', image: 'busybox' },
        { name: 'Log-{{inputs.parameters.side}}', image: 'busybox' }], volumes: [{ name: 'Data', emptyDir: {} }, { name: 'data-{{workflow.name}}', emptyDir: {} }] }),
      deployment({ name: 'Web' }),
      deployment({ name: 'web-{{x}}' }),
    ]);
    expect(findings.map(f => f.split(':')[0])).toEqual([
      'error WorkflowTemplate/t spec.templates[0].sidecars[0].name',
      'error WorkflowTemplate/t spec.templates[0].sidecars[2].name',
      'error WorkflowTemplate/t spec.templates[0].volumes[0].name',
      'error Deployment/web spec.template.spec.containers[0].name',
      'error Deployment/web spec.template.spec.containers[0].name',
    ]);
    expect(findings[0]).toContain('when a step runs Kubernetes rejects the pod, so the step fails');
  });

  test('metadata is never substituted: a {{...}} in an object\'s name, generateName or namespace reaches Kubernetes as written', () => {
    const findings = check('K8S-NAME', [
      { apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowTemplate', metadata: { name: 'wt-{{workflow.name}}' }, spec: { templates: [] } },
      { apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { generateName: '{{workflow.parameters.x}}-' } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: '{{ns}}' } },
    ]);
    expect(findings).toEqual([
      expect.stringMatching(/^error WorkflowTemplate\/wt-\{\{workflow\.name\}\} metadata\.name: name "wt-\{\{workflow\.name\}\}" is not a valid DNS-1123 subdomain .*Argo substitutes \{\{\.\.\.\}\} only inside the spec, never in the object's own metadata/),
      expect.stringMatching(/^error Workflow\/\{\{workflow\.parameters\.x\}\}-\* metadata\.generateName: /),
      expect.stringMatching(/^error ConfigMap\/cm metadata\.namespace: namespace "\{\{ns\}\}" is not a valid DNS-1123 label/),
    ]);
  });

  test('a Workflow a Sensor creates inline is substituted in its spec, not in its metadata', () => {
    const sensor = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Sensor', metadata: { name: 's' }, spec: { dependencies: [], triggers: [{ template: { name: 't', k8s: { operation: 'create', source: { resource: {
      apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { generateName: 'run-' },
      spec: { templates: [{ name: 'main', container: { image: 'busybox' }, sidecars: [{ name: '{{inputs.parameters.n}}', image: 'busybox' }, { name: 'A_{{inputs.parameters.n}}', image: 'busybox' }] }] },
    } } } } }] } };
    expect(check('K8S-NAME', [sensor]).map(f => f.split(':')[0])).toEqual([
      'error Sensor/s spec.triggers[0].template.k8s.source.resource.spec.templates[0].sidecars[1].name',
    ]);
  });
});

describe('K8S-NAME without a name', () => {
  test('an object with neither name nor generateName is rejected', () => {
    expect(check('K8S-NAME', [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { labels: { a: 'b' } } }])).toEqual([
      'error ConfigMap/<unnamed> metadata: the ConfigMap has neither metadata.name nor metadata.generateName: Kubernetes rejects the ConfigMap on apply '
      + '("name or generateName is required"). Set name (or, for objects created repeatedly like Workflows, generateName).',
    ]);
  });
});

describe('K8S-LABEL', () => {
  test('label keys and values, annotation keys; values with Argo variables are left alone', () => {
    const findings = check('K8S-LABEL', [
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', labels: { 'team': 'data eng', 'Bad/Prefix/x': 'v', 'ok': '' }, annotations: { 'x y': 'any text at all' } } },
      workflowTemplate('t', { container: { image: 'busybox' } }, { podMetadata: { labels: { run: '{{workflow.name}}', owner: 'me-' } } }),
    ]);
    expect(findings).toEqual([
      expect.stringMatching(/^error ConfigMap\/a metadata\.annotations\["x y"\]: annotation key "x y": name part "x y" must be/),
      'error ConfigMap/a metadata.labels.team: label value "data eng" must be letters, digits, "-", "_" and ".", starting and ending with a letter or digit; '
      + 'Kubernetes rejects the ConfigMap on apply. Shorten or reword it (annotations take any text).',
      expect.stringMatching(/^error ConfigMap\/a metadata\.labels\["Bad\/Prefix\/x"\]: label key "Bad\/Prefix\/x": has more than one "\/"/),
      expect.stringMatching(/^error WorkflowTemplate\/t spec\.podMetadata\.labels\.owner: .*the WorkflowTemplate is accepted, but Kubernetes rejects the pod or workflow Argo creates from it/),
    ]);
  });
});

describe('K8S-IMAGE', () => {
  test('uppercase repository path, with the consequence per kind and the lowercase fix', () => {
    const findings = check('K8S-IMAGE', [workflowTemplate('t', { container: { image: 'A-workflow:latest' } }), deployment({ image: 'Nginx' })]);
    expect(findings).toEqual([
      'error WorkflowTemplate/t spec.templates[0].container.image: image "A-workflow:latest" is not a valid image reference: repository name "A-workflow" must be lowercase; '
      + 'the WorkflowTemplate is accepted, but when a step runs the kubelet cannot parse it and the pod stays in InvalidImageName, so the step fails. '
      + 'Use "a-workflow:latest" (registries store repository names in lowercase).',
      expect.stringMatching(/^error Deployment\/web spec\.template\.spec\.containers\[0\]\.image: .*kubectl apply accepts the Deployment, but the kubelet cannot parse it/),
    ]);
  });

  test('script, containerSet, init containers and EventSource containers are checked; variables and valid images are not reported', () => {
    const findings = check('K8S-IMAGE', [
      workflowTemplate('t', { script: { image: 'Python:3', source: 'print(1)' } }, {
        templates: [
          { name: 'main', script: { image: 'Python:3', source: 'print(1)' } },
          { name: 'set', containerSet: { containers: [{ name: 'a', image: 'Alpine' }, { name: 'b', image: '{{inputs.parameters.image}}' }] } },
          { name: 'ok', container: { image: 'ghcr.io/org/app:v1' }, initContainers: [{ name: 'init', image: 'Init' }] },
        ],
      }),
      { apiVersion: 'argoproj.io/v1alpha1', kind: 'EventSource', metadata: { name: 'es' }, spec: { template: { container: { image: 'Custom' } } } },
    ]);
    expect(findings.map(f => f.split(':')[0])).toEqual([
      'error WorkflowTemplate/t spec.templates[0].script.image',
      'error WorkflowTemplate/t spec.templates[1].containerSet.containers[0].image',
      'error WorkflowTemplate/t spec.templates[2].initContainers[0].image',
      'error EventSource/es spec.template.container.image',
    ]);
  });
});

describe('K8S-ENUM', () => {
  test('imagePullPolicy is case-sensitive; the fix names the right spelling', () => {
    expect(check('K8S-ENUM', [deployment({ imagePullPolicy: 'always' })])).toEqual([
      'error Deployment/web spec.template.spec.containers[0].imagePullPolicy: imagePullPolicy "always" is not one of "Always", "IfNotPresent", "Never": '
      + 'the API server rejects the Deployment on apply ("Unsupported value"). Write "Always" (values are case-sensitive).',
    ]);
  });

  test('pod and Service enums; Argo kinds fail at run time', () => {
    const findings = check('K8S-ENUM', [
      deployment({ ports: [{ containerPort: 80, protocol: 'http' }] }, { restartPolicy: 'Sometimes', dnsPolicy: 'ClusterFirst', tolerations: [{ operator: 'exists', effect: '' }] }),
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { type: 'Loadbalancer', ports: [{ port: 80 }] } },
      workflowTemplate('t', { container: { image: 'busybox', imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'file' } }),
    ]);
    expect(findings.map(f => f.split(':')[0])).toEqual([
      'error Deployment/web spec.template.spec.containers[0].ports[0].protocol',
      'error Deployment/web spec.template.spec.restartPolicy',
      'error Deployment/web spec.template.spec.tolerations[0].operator',
      'error Service/web spec.type',
      'error WorkflowTemplate/t spec.templates[0].container.terminationMessagePolicy',
    ]);
    expect(findings[1]).toContain('Use one of these values.');
    expect(findings[4]).toContain('Kubernetes rejects the pod Argo creates from it ("Unsupported value"), so the step fails. Write "File"');
  });

  test('a field named "type" elsewhere is not mistaken for an enum', () => {
    expect(check('K8S-ENUM', [
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'Opaque' },
      { apiVersion: 'argoproj.io/v1alpha1', kind: 'Sensor', metadata: { name: 's' }, spec: { dependencies: [{ name: 'd', filters: { data: [{ path: 'a', type: 'string' }] } }] } },
    ])).toEqual([]);
  });
});

describe('K8S-ENV-OVERLAP', () => {
  const user = (envFrom: object[], namespace?: string): Manifest => ({
    ...workflowTemplate('t', { container: { image: 'busybox', envFrom } }), metadata: { name: 't', ...(namespace ? { namespace } : {}) },
  });

  test('two ConfigMaps of one container setting a variable to different values: a warning at the later source', () => {
    const findings = check('K8S-ENV-OVERLAP', [
      user([{ configMapRef: { name: 'common' } }, { configMapRef: { name: 'a' } }]),
      configMap('common', { LOG_LEVEL: 'info', COUNTRY: 'KR' }), configMap('a', { LOG_LEVEL: 'debug', COUNTRY: 'KR' }),
    ]);
    expect(findings).toEqual([
      'warning WorkflowTemplate/t spec.templates[0].container.envFrom[1]: ConfigMaps "common" and "a" both set LOG_LEVEL ("info" and "debug"): '
      + 'Kubernetes silently keeps the later one, "a". If that is not intended, rename the variable, give one source a prefix, or attach only the ConfigMap this container needs.',
    ]);
  });

  test('prefixes, equal values, ConfigMaps outside the set or in another namespace do not overlap', () => {
    const maps = [configMap('common', { LOG_LEVEL: 'info' }), configMap('a', { LOG_LEVEL: 'debug' })];
    expect(check('K8S-ENV-OVERLAP', [user([{ configMapRef: { name: 'common' } }, { configMapRef: { name: 'a' }, prefix: 'A_' }]), ...maps])).toEqual([]);
    expect(check('K8S-ENV-OVERLAP', [user([{ configMapRef: { name: 'common' } }, { configMapRef: { name: 'missing' } }]), ...maps])).toEqual([]);
    expect(check('K8S-ENV-OVERLAP', [user([{ configMapRef: { name: 'common' } }, { configMapRef: { name: 'a' } }], 'x'),
      configMap('common', { LOG_LEVEL: 'info' }, 'x'), configMap('a', { LOG_LEVEL: 'debug' }, 'y')])).toEqual([]);
  });
});

describe('K8S-REF', () => {
  const template = (container: object, spec: object = {}) => workflowTemplate('t', { container: { image: 'busybox', ...container } }, spec);

  test('a missing object is a warning (assumed to exist), an error with strictRefs', () => {
    const manifests = [template({ envFrom: [{ configMapRef: { name: 'settings' } }, { secretRef: { name: 'creds', optional: true } }] })];
    expect(check('K8S-REF', manifests)).toEqual([
      'warning WorkflowTemplate/t spec.templates[0].container.envFrom[0].configMapRef.name: ConfigMap "settings" is not among the linted manifests; assumed to exist in the cluster. '
      + 'If it does not, the container cannot start: Kubernetes keeps the pod in CreateContainerConfigError. Set optional: true if it may be absent.',
    ]);
    expect(check('K8S-REF', manifests, true)[0]).toMatch(/^error .*it must be defined in the same set \(--strict-refs\)/);
  });

  test('objects in the set resolve, across namespaces only when one side has none', () => {
    const user = { ...template({ envFrom: [{ configMapRef: { name: 'settings' } }] }) };
    expect(check('K8S-REF', [user, configMap('settings', { a: '1' })])).toEqual([]);
    const namespaced = { ...user, metadata: { name: 't', namespace: 'team-a' } };
    expect(check('K8S-REF', [namespaced, configMap('settings', { a: '1' }, 'team-b')])).toHaveLength(1);
  });

  test('a key missing from a ConfigMap or Secret in the set is an error naming the keys it has', () => {
    const findings = check('K8S-REF', [
      template({ env: [{ name: 'SIZE', valueFrom: { configMapKeyRef: { name: 'settings', key: 'size' } } }] }),
      configMap('settings', { SIZE: 'tall', DRINK: 'americano' }),
    ]);
    expect(findings).toEqual([
      'error WorkflowTemplate/t spec.templates[0].container.env[0].valueFrom.configMapKeyRef.name: ConfigMap "settings" has no key "size" (its keys: "SIZE", "DRINK"): '
      + 'the WorkflowTemplate is accepted, but when a step runs its container cannot start (Kubernetes keeps the pod in CreateContainerConfigError), so the step fails. Add the key to the ConfigMap or correct the key name.',
    ]);
  });

  test('service accounts, volumes, imagePullSecrets, artifact credentials, artifactRepositoryRef and RoleBindings', () => {
    const findings = check('K8S-REF', [
      {
        apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { generateName: 'w-' },
        spec: {
          entrypoint: 'main', serviceAccountName: 'runner', imagePullSecrets: [{ name: 'registry' }], artifactRepositoryRef: { configMap: 'repos', key: 'default' },
          volumeClaimTemplates: [{ metadata: { name: 'work' } }],
          volumes: [{ name: 'cfg', configMap: { name: 'cfg' } }, { name: 'work', persistentVolumeClaim: { claimName: 'work' } }, { name: 'old', persistentVolumeClaim: { claimName: 'old-data' } }],
          templates: [{ name: 'main', serviceAccountName: 'default', container: { image: 'busybox' },
            outputs: { artifacts: [{ name: 'a', path: '/a', s3: { key: 'k', accessKeySecret: { name: 's3', key: 'ak' }, secretKeySecret: { name: 's3', key: 'sk' } } }] } }],
        },
      },
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'rb' }, roleRef: { kind: 'Role', name: 'submitter' },
        subjects: [{ kind: 'ServiceAccount', name: 'runner' }] },
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'view' }, roleRef: { kind: 'ClusterRole', name: 'view' }, subjects: [] },
    ]);
    expect(findings.map(f => f.split(':')[0].replace(/^warning /, ''))).toEqual([
      'Workflow/w-* spec.artifactRepositoryRef.configMap',
      'Workflow/w-* spec.imagePullSecrets[0].name',
      'Workflow/w-* spec.serviceAccountName',
      'Workflow/w-* spec.templates[0].outputs.artifacts[0].s3.accessKeySecret.name',
      'Workflow/w-* spec.templates[0].outputs.artifacts[0].s3.secretKeySecret.name',
      'Workflow/w-* spec.volumes[0].configMap.name',
      'Workflow/w-* spec.volumes[2].persistentVolumeClaim.claimName',
      'RoleBinding/rb roleRef.name',
      'RoleBinding/rb subjects[0].name',
    ]);
  });

  test('each reference says what really happens when its object is missing', () => {
    const missing = (manifest: Manifest) => check('K8S-REF', [manifest]).map(f => f.replace(/^warning [^:]+: [^;]+; assumed to exist in the cluster\. /, ''));
    const semaphore = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { generateName: 'w-' },
      spec: { entrypoint: 'main', synchronization: { semaphores: [{ configMapKeyRef: { name: 'limits', key: 'build' } }] }, templates: [{ name: 'main', container: { image: 'busybox' } }] } };
    expect(missing(semaphore)).toEqual([expect.stringMatching(/^If it does not, Argo fails the workflow .*"Failed to acquire the synchronization lock"/)]);
    const volume = workflowTemplate('v', { container: { image: 'busybox' } }, { volumes: [{ name: 'cfg', configMap: { name: 'cfg' } }] });
    expect(missing(volume)).toEqual([expect.stringMatching(/^If it does not, the pod stays in ContainerCreating \(the volume cannot be mounted\)/)]);
    const sensor = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Sensor', metadata: { name: 's' }, spec: { triggers: [{ template: { name: 't', http: { url: 'https://x',
      secureHeaders: [{ name: 'Authorization', valueFrom: { secretKeyRef: { name: 'api', key: 'token' } } }] } } }] } };
    expect(missing(sensor)).toEqual([expect.stringMatching(/^If it does not, the Sensor's pod stays in ContainerCreating \(Argo Events mounts every Secret the spec references into it\)/)]);
    const parameter = workflowTemplate('p', { inputs: { parameters: [{ name: 'size', valueFrom: { configMapKeyRef: { name: 'settings', key: 'size' } } }] }, container: { image: 'busybox' } });
    expect(missing(parameter)).toEqual([expect.stringMatching(/^If it does not, Argo fails the step .*when it reads the parameter; set valueFrom.default/)]);
    const withDefault = workflowTemplate('p', { inputs: { parameters: [{ name: 'size', valueFrom: { configMapKeyRef: { name: 'settings', key: 'size' }, default: 'tall' } }] }, container: { image: 'busybox' } });
    expect(missing(withDefault)).toEqual([expect.stringMatching(/^If it does not, Argo silently uses valueFrom.default instead\./)]);
  });

  test('a parameter ConfigMap needs the label workflows.argoproj.io/configmap-type: Parameter, or Argo cannot see it', () => {
    const user = workflowTemplate('p', { inputs: { parameters: [{ name: 'size', valueFrom: { configMapKeyRef: { name: 'settings', key: 'size' } } }] }, container: { image: 'busybox' } });
    const labelled = (labels?: { [key: string]: string }): Manifest => ({ ...configMap('settings', { size: 'tall' }), metadata: { name: 'settings', ...(labels ? { labels } : {}) } });
    expect(check('K8S-REF', [user, labelled()])).toEqual([expect.stringMatching(/^error .*ConfigMap "settings" has no label workflows\.argoproj\.io\/configmap-type, so Argo's controller never sees it/)]);
    expect(check('K8S-REF', [user, labelled({ 'workflows.argoproj.io/configmap-type': 'Cache' })])).toEqual([expect.stringMatching(/^error .*labelled workflows\.argoproj\.io\/configmap-type: Cache.*even when valueFrom\.default is set/)]);
    expect(check('K8S-REF', [user, labelled({ 'workflows.argoproj.io/configmap-type': 'Parameter' })])).toEqual([]);
  });

  test('Argo Events secret selectors (by type, not only by name) and Sensor configmap sources', () => {
    const findings = check('K8S-REF', [
      { apiVersion: 'argoproj.io/v1alpha1', kind: 'EventSource', metadata: { name: 'gh' }, spec: { github: { repo: { apiToken: { name: 'github', key: 'token' }, webhookSecret: { name: 'github', key: 'secret' } } } } },
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'github' }, stringData: { token: 'x' } },
    ]);
    expect(findings).toEqual([expect.stringMatching(/^error EventSource\/gh spec\.github\.repo\.webhookSecret\.name: Secret "github" has no key "secret" \(its keys: "token"\)/)]);
  });
});
