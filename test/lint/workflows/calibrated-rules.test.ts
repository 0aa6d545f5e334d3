import { referenceParts, couldBeEqual, templateTags } from '../../../src/lint/util/template-variables';
import { container, cronWorkflow, errors, run, workflow, workflowTemplate } from './helpers';

const paths = (findings: { path: string; message: string }[]) => findings.map(f => `${f.path}: ${f.message}`);

describe('nested references, as Argo substitutes them (inner tag first)', () => {
  test('templateTags splits {{a-{{b}}.c}} into the outer reference (inner kept) and the inner one', () => {
    expect(templateTags('{{steps.run-{{inputs.parameters.date}}.status}} != Succeeded').map(t => [t.name, t.raw, t.nested ?? false])).toEqual([
      ['steps.run-{{inputs.parameters.date}}.status', '{{steps.run-{{inputs.parameters.date}}.status}}', true],
      ['inputs.parameters.date', '{{inputs.parameters.date}}', false],
    ]);
    expect(referenceParts('steps.run-{{inputs.parameters.date}}.status')).toEqual(['steps', 'run-{{inputs.parameters.date}}', 'status']);
    expect(couldBeEqual('run-{{inputs.parameters.day}}', 'run-{{inputs.parameters.date}}')).toBe(true);
    expect(couldBeEqual('run-{{inputs.parameters.day}}', 'run-2024')).toBe(true);
    expect(couldBeEqual('check-{{inputs.parameters.day}}', 'run-{{inputs.parameters.date}}')).toBe(false);
  });

  const dayLoop = (when: string, inputs = ['date']) => workflowTemplate('days', {
    templates: [
      { name: 'day', inputs: { parameters: inputs.map(name => ({ name })) }, steps: [
        [{ name: 'run-{{inputs.parameters.date}}', template: 'work' }],
        [{ name: 'check', template: 'work', when }],
      ] },
      container('work'),
    ],
  });

  test('a step named with a variable is found by the same nested reference', () => {
    expect(errors('W31', dayLoop('{{steps.run-{{inputs.parameters.date}}.status}} != Succeeded'))).toEqual([]);
  });

  test('the inner reference is checked on its own; an outer name no step could have is reported', () => {
    expect(paths(errors('W31', dayLoop('{{steps.run-{{inputs.parameters.day}}.status}} != Succeeded'))))
      .toEqual([expect.stringMatching(/^spec\.templates\[0\]\.steps\[1\]\[0\]\.when: \{\{inputs\.parameters\.day\}\} names no input parameter/)]);
    expect(paths(errors('W31', dayLoop('{{steps.check-{{inputs.parameters.date}}.status}} != Succeeded'))))
      .toEqual([expect.stringMatching(/\{\{steps\.check-\{\{inputs\.parameters\.date\}\}\.status\}\} names no step "check-\{\{inputs\.parameters\.date\}\}"/)]);
  });

  test('{{inputs.parameters}}, the JSON list of inputs, resolves in a template without inputs', () => {
    expect(errors('W31', workflow({ entrypoint: 'main', templates: [container('main', { container: { args: ['{{inputs.parameters}}'] } })] }))).toEqual([]);
  });
});

describe('W4 output names are checked after substitution', () => {
  test('an output named with an input variable is valid once substituted; the literal part is still checked', () => {
    const t = (name: string) => workflowTemplate('t', { templates: [{ name: 'main', inputs: { parameters: [{ name: 'kind' }] }, container: { image: 'alpine:3.20' },
      outputs: { parameters: [{ name, valueFrom: { path: '/tmp/out' } }] } }] });
    expect(errors('W4', t('result-{{inputs.parameters.kind}}'))).toEqual([]);
    expect(paths(errors('W4', t('result.{{inputs.parameters.kind}}')))).toEqual([expect.stringMatching(/outputs\.parameters\[0\]\.name: output parameter name "result\.\{\{inputs\.parameters\.kind\}\}" may only contain/)]);
  });
});

describe('W32 labels and annotations', () => {
  const reader = (labelRef: string) => ({ name: 'main', container: { image: 'alpine:3.20', args: [labelRef] } });

  test('a Workflow\'s own labels, its workflowMetadata and the JSON forms resolve; a key set nowhere is a warning (workflowDefaults may set it)', () => {
    const wf = workflow({ entrypoint: 'main', workflowMetadata: { labelsFrom: { team: { expression: 'workflow.parameters.t' } } },
      templates: [reader('{{workflow.labels.app}} {{workflow.labels.team}} {{workflow.labels.json}} {{workflow.annotations}} {{workflow.labels.env}}')] },
    { generateName: 'w-', labels: { app: 'a' } });
    expect(errors('W32', wf)).toEqual([]);
    expect(paths(run('W32', wf))).toEqual([expect.stringMatching(/\{\{workflow\.labels\.env\}\} reads label "env", which this workflow does not set \(labels: app, team\): .*unless the controller's workflowDefaults set it/)]);
  });

  test('a CronWorkflow gives its workflows the cron-workflow label and the labels of spec.workflowMetadata, not its own', () => {
    const cron = cronWorkflow('nightly', { schedules: ['0 0 * * *'], workflowMetadata: { labels: { app: 'a' } },
      workflowSpec: { entrypoint: 'main', templates: [reader('{{workflow.labels.workflows.argoproj.io/cron-workflow}} {{workflow.labels.app}} {{workflow.labels.owner}}')] } });
    const own = { ...cron, metadata: { name: 'nightly', labels: { owner: 'me' } } };
    expect(paths(errors('W32', own))).toEqual([expect.stringMatching(/reads label "owner", which is a label of the CronWorkflow itself \(metadata\.labels\), which Argo does not copy/)]);
  });

  test('templates of another WorkflowTemplate are checked with the running workflow\'s parameters and labels, reported at the reference', () => {
    const library = { ...workflowTemplate('library', { workflowMetadata: { labels: { tier: 'batch' } },
      templates: [reader('{{workflow.parameters.size}} {{workflow.labels.tier}} {{workflow.labels.app}}')] }), metadata: { name: 'library', labels: { app: 'lib' } } };
    const viaRef = workflow({ entrypoint: 'main', templates: [{ name: 'main', steps: [[{ name: 'go', templateRef: { name: 'library', template: 'main' } }]] }] });
    expect(paths(errors('W32', [viaRef, library]))).toEqual([
      expect.stringMatching(/^spec\.templates\[0\]\.steps\[0\]\[0\]\.templateRef: template "main" of WorkflowTemplate "library" runs in this workflow.*\{\{workflow\.labels\.app\}\} reads label "app", which is a label of WorkflowTemplate "library" itself/),
      expect.stringMatching(/^spec\.templates\[0\]\.steps\[0\]\[0\]\.templateRef: .*\{\{workflow\.labels\.tier\}\} reads label "tier", which is set by the spec\.workflowMetadata of WorkflowTemplate "library", which applies only to workflows run through its workflowTemplateRef/),
      expect.stringMatching(/^spec\.templates\[0\]\.steps\[0\]\[0\]\.templateRef: .*\{\{workflow\.parameters\.size\}\} names no workflow parameter/),
    ]);
    const whole = workflow({ workflowTemplateRef: { name: 'library' }, arguments: { parameters: [{ name: 'size', value: 'l' }] } }, { generateName: 'w-', labels: { app: 'a' } });
    expect(errors('W32', [whole, library])).toEqual([]);
  });

  test('what the foreign template reads is found in templates inlined in it, in tags written with spaces and inside nested tags; expressions are left to run time', () => {
    const library = workflowTemplate('library', {
      templates: [{ name: 'main', steps: [[{ name: 'go', inline: { container: { image: 'busybox:1.36',
        args: ['{{ workflow.parameters.spaced }}', '{{steps.x-{{workflow.parameters.nested}}.status}}', '{{=workflow.parameters.expr}}'] } } }]] }],
    });
    const viaRef = workflow({ entrypoint: 'main', templates: [{ name: 'main', steps: [[{ name: 'go', templateRef: { name: 'library', template: 'main' } }]] }] });
    const found = paths(errors('W32', [viaRef, library]));
    expect(found).toEqual([
      expect.stringMatching(/^spec\.templates\[0\]\.steps\[0\]\[0\]\.templateRef: template "main" of WorkflowTemplate "library" runs in this workflow.*\{\{workflow\.parameters\.nested\}\} names no workflow parameter/),
      expect.stringMatching(/^spec\.templates\[0\]\.steps\[0\]\[0\]\.templateRef: .*\{\{workflow\.parameters\.spaced\}\} names no workflow parameter/),
    ]);
    const declared = workflow({ entrypoint: 'main', arguments: { parameters: [{ name: 'spaced', value: 'a' }, { name: 'nested', value: 'b' }] },
      templates: [{ name: 'main', steps: [[{ name: 'go', templateRef: { name: 'library', template: 'main' } }]] }] });
    expect(errors('W32', [declared, library])).toEqual([]);
  });
});

describe('W40 numeric gauge values', () => {
  test('value: 1 is the string "1" to Argo\'s YAML reader', () => {
    const wf = workflow({ entrypoint: 'main', templates: [container('main', { metrics: { prometheus: [{ name: 'runs', help: 'runs', gauge: { value: 1, realtime: false } }] } })] });
    expect(errors('W40', wf)).toEqual([]);
  });
});

describe('W41-W44', () => {
  const plugin = (spec: any, metadata: any = { name: 'hello' }) => workflow({ entrypoint: 'main', executorPlugins: [{ metadata, spec }], templates: [container('main')] });
  const sidecar = (container: any) => ({ sidecar: { container: { name: 'hello', image: 'python:3.12-alpine', ...container } } });
  const complete = { ports: [{ containerPort: 4355 }], resources: { requests: { cpu: '100m' }, limits: { cpu: '200m' } }, securityContext: { runAsNonRoot: true } };

  test('W41 executor plugins need a name, a port, resource requests and limits, and a securityContext', () => {
    expect(errors('W41', plugin(sidecar(complete)))).toEqual([]);
    expect(paths(errors('W41', plugin(sidecar(complete), {})))).toEqual([expect.stringMatching(/^spec\.executorPlugins\[0\]\.metadata\.name: .*"spec\.executorPlugins: executor plugin metadata name is mandatory"/)]);
    expect(paths(errors('W41', plugin(sidecar({ ...complete, ports: [] }))))).toEqual([expect.stringMatching(/container\.ports: .*at least one port is mandatory/)]);
    expect(paths(errors('W41', plugin(sidecar({ ...complete, resources: { requests: { cpu: '1' } } }))))).toEqual([expect.stringMatching(/resources\.limits: .*resources limits are mandatory/)]);
    expect(paths(errors('W41', plugin(sidecar({ ...complete, securityContext: undefined }))))).toEqual([expect.stringMatching(/securityContext: .*security context is mandatory/)]);
  });

  test('W42 pod-level resources and resource claims', () => {
    const wf = (spec: any, template: any) => workflow({ entrypoint: 'main', ...spec, templates: [{ name: 'main', ...template }, container('work')] });
    expect(errors('W42', wf({ podResources: { requests: { cpu: '1', memory: '1Gi', 'hugepages-2Mi': '1Gi' } } }, { container: { image: 'a:1' }, resourceClaims: [{ name: 'gpu' }] }))).toEqual([]);
    expect(paths(errors('W42', wf({}, { podResources: { claims: [{ name: 'gpu' }] }, container: { image: 'a:1' } })))).toEqual([expect.stringMatching(/podResources\.claims: .*"claims is not supported for pod-level resources"/)]);
    expect(paths(errors('W42', wf({}, { podResources: { limits: { cpu: '1' } }, http: { url: 'https://x' } })))).toEqual([expect.stringMatching(/podResources: template "main" is an HTTP template, .*"podResources is not supported for HTTP templates"/)]);
    expect(paths(errors('W42', wf({}, { resourceClaims: [{ name: 'gpu' }], suspend: {} })))).toEqual([expect.stringMatching(/resourceClaims: .*"resourceClaims is not supported for Suspend templates, which do not create a pod"/)]);
  });

  test('W43 a plugin template holds exactly one key', () => {
    const t = (plugin: any) => workflowTemplate('t', { templates: [{ name: 'main', plugin }] });
    expect(errors('W43', t({ slack: { text: 'hi' } }))).toEqual([]);
    expect(paths(errors('W43', t({})))).toEqual([expect.stringMatching(/plugin: the plugin of template "main" has 0 keys: .*"expected exactly one key, got 0"/)]);
  });

  test('W44 git needs repo; HDFS addresses, an absolute path and credentials; archiveLocation is checked too', () => {
    const t = (artifact: any, archiveLocation?: any) => workflowTemplate('t', { templates: [container('main', { inputs: { artifacts: [{ name: 'a', path: '/a', ...artifact }] }, ...(archiveLocation ? { archiveLocation } : {}) })] });
    expect(errors('W44', t({ git: { repo: 'https://github.com/argoproj/argo-workflows.git' } }))).toEqual([]);
    expect(paths(errors('W44', t({ git: {} })))).toEqual([expect.stringMatching(/inputs\.artifacts\[0\]\.git\.repo: .*"git\.repo is required"/)]);
    expect(paths(errors('W44', t({ hdfs: { addresses: ['nn:8020'], path: '/data' } })))).toEqual([expect.stringMatching(/inputs\.artifacts\[0\]\.hdfs: .*either hdfs\.hdfsUser, hdfs\.krbCCacheSecret or hdfs\.krbKeytabSecret is required/)]);
    expect(paths(errors('W44', t({ raw: { data: 'x' } }, { hdfs: { addresses: ['nn:8020'], path: '/logs', krbKeytabSecret: { name: 'k', key: 'k' } } }))))
      .toEqual([expect.stringMatching(/archiveLocation\.hdfs\.krbKeytabSecret: .*are required with hdfs\.krbKeytabSecret/)]);
  });
});
