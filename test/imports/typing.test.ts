import { join } from 'path';
import * as ts from 'typescript';


/** Type-checks a snippet placed in test/imports/ (so relative imports resolve) and returns its errors. */
function typeErrors(files: { [name: string]: string }): { [name: string]: string[] } {
  const options: ts.CompilerOptions = {
    strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10, skipLibCheck: true, types: [], esModuleInterop: true,
  };
  const virtual = new Map(Object.entries(files).map(([name, text]) => [join(__dirname, name), text]));
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = f => virtual.has(f) || fileExists.call(host, f);
  host.readFile = f => virtual.get(f) ?? readFile.call(host, f);
  host.getSourceFile = (f, lang, ...rest) => (virtual.has(f)
    ? ts.createSourceFile(f, virtual.get(f)!, lang)
    : getSourceFile.call(host, f, lang, ...rest));
  const program = ts.createProgram([...virtual.keys()], options, host);
  const out: { [name: string]: string[] } = {};
  for (const [file] of virtual) {
    const name = file.substring(__dirname.length + 1);
    out[name] = ts.getPreEmitDiagnostics(program, program.getSourceFile(file))
      .map(d => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }
  return out;
}

const header = `
import { Chart, Testing } from 'cdk8s';
import { ArgoEventSource, ArgoSensor } from '../../imports/argo-events';
import { ArgoWorkflowTemplate } from '../../imports/argo-workflows';
const chart: Chart = Testing.chart();
`;

describe('generated types catch wiring mistakes at compile time', () => {
  const errors = typeErrors({
    'snippet-ok.ts': header + `
      new ArgoWorkflowTemplate(chart, 'wt', { spec: { templates: [{ name: 'main', retryStrategy: { limit: 3 }, container: { image: 'busybox' } }] } });
      new ArgoWorkflowTemplate(chart, 'wt2', { spec: { templates: [{ name: 'main', retryStrategy: { limit: '3' } }] } });
      new ArgoEventSource(chart, 'es', { spec: { webhook: { vendor: { endpoint: '/omega', port: '12000', method: 'POST' } } } });
      new ArgoSensor(chart, 's', { spec: {
        dependencies: [{ name: 'd', eventSourceName: 'webhook', eventName: 'vendor' }],
        triggers: [{ template: { name: 't', argoWorkflow: { operation: 'submit', source: { resource: {} } } } }],
      } });
    `,
    'snippet-port-number.ts': header + `
      new ArgoEventSource(chart, 'es', { spec: { webhook: { vendor: { endpoint: '/omega', port: 12000, method: 'POST' } } } });
    `,
    'snippet-endpoint-typo.ts': header + `
      new ArgoEventSource(chart, 'es', { spec: { webhook: { vendor: { endpiont: '/omega', port: '12000', method: 'POST' } } } });
    `,
    'snippet-operation-typo.ts': header + `
      new ArgoSensor(chart, 's', { spec: {
        dependencies: [{ name: 'd', eventSourceName: 'webhook', eventName: 'vendor' }],
        triggers: [{ template: { name: 't', argoWorkflow: { opperation: 'submit' } } }],
      } });
    `,
    'snippet-optional-fields.ts': header + `
      // Argo accepts these without the fields its schema lists as required (Q6): a script without source,
      // images from spec.templateDefaults, a Quantity as any number.
      new ArgoWorkflowTemplate(chart, 'wt', { spec: {
        templateDefaults: { container: { image: 'busybox:1.36' }, script: { image: 'python:3.12' } },
        templates: [
          { name: 'a', container: { command: ['true'], resources: { requests: { cpu: 0.5 } } } },
          { name: 'b', script: { command: ['python'] } },
        ],
      } });
    `,
    'snippet-gauge-without-realtime.ts': header + `
      new ArgoWorkflowTemplate(chart, 'wt', { spec: { templates: [{ name: 'a', container: { image: 'busybox' },
        metrics: { prometheus: [{ name: 'm', help: 'h', gauge: { value: '1' } }] } }] } });
    `,
    'snippet-template-without-spec.ts': header + `
      new ArgoWorkflowTemplate(chart, 'wt', {});
    `,
    'snippet-removed-schedule.ts': header + `
      import { ArgoCronWorkflow } from '../../imports/argo-workflows';
      new ArgoCronWorkflow(chart, 'c', { spec: { schedule: '0 9 * * *', workflowSpec: {} } });
    `,
  });

  test('a correct program compiles; IntOrString fields take numbers and strings', () => {
    expect(errors['snippet-ok.ts']).toEqual([]);
  });

  test('a number for a webhook port (a string in Argo Events) does not compile', () => {
    expect(errors['snippet-port-number.ts'].join('\n')).toMatch(/Type 'number' is not assignable to type 'string'/);
  });

  test('a misspelled endpoint does not compile', () => {
    expect(errors['snippet-endpoint-typo.ts'].join('\n')).toMatch(/'endpiont' does not exist/);
  });

  test('spec.triggers[].template.argoWorkflow is typed down to operation', () => {
    expect(errors['snippet-operation-typo.ts'].join('\n')).toMatch(/'opperation' does not exist/);
  });

  test('fields Argo does not require are optional: script source, images templateDefaults supplies; a Quantity takes any number', () => {
    expect(errors['snippet-optional-fields.ts']).toEqual([]);
  });

  test('fields v4.1.2\'s full CRDs require stay required although validate.go does not ask for them: gauge.realtime, a WorkflowTemplate\'s spec', () => {
    expect(errors['snippet-gauge-without-realtime.ts'].join('\n')).toMatch(/Property 'realtime' is missing/);
    expect(errors['snippet-template-without-spec.ts'].join('\n')).toMatch(/Property 'spec' is missing/);
  });

  test('the CronWorkflow schedule field removed in v4 is not in the types', () => {
    expect(errors['snippet-removed-schedule.ts'].join('\n')).toMatch(/'schedule' does not exist/);
  });
});
