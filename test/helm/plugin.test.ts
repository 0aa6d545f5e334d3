/**
 * The validation plugin under `cdk8s synth --format helm`: the manifests are a chart's templates,
 * escaped for Helm, and are linted as Helm renders them (positions those of the templates);
 * what Helm would refuse is an input error; CDK8S_ARGO_HELM=false reads them as they are.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { ArgoLintValidation, CdkValidationContext } from '../../src/cli/plugin';
import { helmEscape } from '../../src/helm/helm-escape';
import { removeChart, tempChart } from './helpers';

class RecordingContext implements CdkValidationContext {
  public readonly violations: any[] = [];
  public status?: string;
  public readonly logger = { log: () => undefined };
  public readonly report = {
    addViolation: (v: any) => { this.violations.push(v); },
    submit: (status: 'success' | 'failure') => { this.status = status; },
  };
  constructor(public readonly manifests: readonly string[]) {}
}

const TEMPLATE = `apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata:
  name: greet
spec:
  entrypoint: main
  templates:
    - name: main
      inputs:
        parameters:
          - name: who
      container:
        image: busybox:1.36
        args: ["hello {{inputs.parameters.who}}", "{{inputs.parameters.nobody}}"]
`;

async function validate(files: readonly string[]): Promise<RecordingContext> {
  const context = new RecordingContext(files);
  await new ArgoLintValidation({ schema: false }).validate(context);
  return context;
}

/** The rules reported, without the pod-settings warnings the bare TEMPLATE draws (no securityContext, no resources). */
const ruleNames = (context: RecordingContext) => context.violations.map(v => v.ruleName).filter(r => !/^K8S-(POD-RESTRICTED|RESOURCES) \(warning\)$/.test(r));

describe('the plugin on a chart cdk8s wrote', () => {
  const saved = process.env.CDK8S_ARGO_HELM;
  let chart: string;
  beforeEach(() => {
    delete process.env.CDK8S_ARGO_HELM;
    chart = tempChart({ 'templates/app.k8s.yaml': helmEscape(TEMPLATE) });
  });
  afterEach(() => {
    removeChart(chart);
    if (saved === undefined) delete process.env.CDK8S_ARGO_HELM;
    else process.env.CDK8S_ARGO_HELM = saved;
  });

  test('lints the escaped templates as Helm renders them: the defect of the plain output, at the template\'s line, nothing about Helm', async () => {
    const context = await validate([join(chart, 'templates', 'app.k8s.yaml')]);
    expect(ruleNames(context)).toEqual(['W31 (error)']);
    expect(context.violations[0].recommendation).toContain('{{inputs.parameters.nobody}}');
    expect(context.violations[0].violatingResources[0].locations[0]).toMatch(/\(line 14, column \d+\)$/);
    expect(context.status).toBe('failure');
  });

  test('an unescaped Argo expression in a template is what Helm refuses: an input error at its line', async () => {
    writeFileSync(join(chart, 'templates', 'app.k8s.yaml'), TEMPLATE);
    const context = await validate([join(chart, 'templates', 'app.k8s.yaml')]);
    const inputs = context.violations.filter(v => v.ruleName === 'INPUT (error)');
    const refused = (name: string) => `"{{inputs.parameters.${name}}}" is an Argo expression, which Helm reads as its own template action: `
      + `Helm refuses the chart (function "inputs" not defined). Write it escaped: {{\`{{inputs.parameters.${name}}}\`}}.`;
    expect(inputs.map(v => [v.violatingResources[0].locations[0], v.recommendation])).toEqual([['line 14', refused('who')], ['line 14', refused('nobody')]]);
  });

  test('CDK8S_ARGO_HELM=false: the files are read as they are (the app did not escape them)', async () => {
    process.env.CDK8S_ARGO_HELM = 'false';
    writeFileSync(join(chart, 'templates', 'app.k8s.yaml'), TEMPLATE);
    const plain = await validate([join(chart, 'templates', 'app.k8s.yaml')]);
    expect(ruleNames(plain)).toEqual(['W31 (error)']);
    writeFileSync(join(chart, 'templates', 'app.k8s.yaml'), helmEscape(TEMPLATE));
    const escaped = await validate([join(chart, 'templates', 'app.k8s.yaml')]);
    expect(escaped.violations.map(v => v.ruleName)).toContain('ARGO-HELM-LEFTOVER (error)');
  });
});
