/**
 * Conditions render in the dialect of the field that holds them, and each field accepts only the
 * variables Argo binds there: refused by the types (every `@ts-expect-error` is checked by the
 * type check of `npm test`), and at synth, with the construct path, for callers past the types.
 */
import {
  argoExpr, ArgoVariable, Condition, CronWorkflow, CronWorkflowVariables, HttpVariables, InputParameter, NodePhase, TemplateVariables, Workflow, WorkflowPhase,
  WorkflowVariables,
} from '../../src/workflows';
import { newChart, synth, synthError } from './helpers';

function fixture() {
  const { app, chart } = newChart();
  const wf = new Workflow(chart, 'wf', { generateName: 'wf-' });
  const safe = new InputParameter('safe', { default: 'true' });
  return { app, chart, wf, safe };
}

describe('retryStrategy.expression', () => {
  test('lastRetry and retries are names of the expression; inputs are substituted as text first, as Argo does', () => {
    const { app, wf, safe } = fixture();
    const t = TemplateVariables;
    wf.addContainerTemplate('retried', {
      image: 'busybox:1.36', inputs: [safe],
      retryStrategy: {
        limit: 3,
        expression: Condition.and(t.lastRetryExitCode.gt(1), t.lastRetryDuration.lt(120), t.retries.lt(2.5), t.lastRetryStatus.ne(NodePhase.ERROR),
          Condition.or(safe.eq(true), safe.eq('yes'), t.lastRetryMessage.matches('pod deleted'))),
      },
    });
    expect(synth(app)[0].spec.templates[0].retryStrategy.expression).toBe(
      'asInt(lastRetry.exitCode) > 1 && asFloat(lastRetry.duration) < 120 && asFloat(retries) < 2.5 && lastRetry.status != "Error" && '
      + '({{inputs.parameters.safe}} == true || "{{inputs.parameters.safe}}" == "yes" || lastRetry.message matches "pod deleted")');
  });

  test('outputs of steps cannot be read: refused by the types, and at synth for a variable written by hand', () => {
    const { wf } = fixture();
    const steps = wf.addStepsTemplate('main');
    const a = steps.addStep('a', wf.addContainerTemplate('a', { image: 'busybox:1.36' }));
    // @ts-expect-error a step's output is not bound while Argo evaluates a retry expression
    wf.addContainerTemplate('b', { image: 'busybox:1.36', retryStrategy: { expression: a.result.eq('x') } });

    const forced = fixture();
    forced.wf.addContainerTemplate('c', {
      image: 'busybox:1.36', retryStrategy: { expression: Condition.or(TemplateVariables.lastRetryExitCode.eq(2), ArgoVariable.of(`steps.${'a'}.outputs.result` as string).eq('x')) },
    });
    expect(synthError(forced.app)).toMatch(/\[test\/wf\/c\] Workflow\/wf-\*: spec\.templates\[0\]\.retryStrategy\.expression: retryStrategy\.expression reads \{\{steps\.a\.outputs\.result\}\} \(outputs of steps and tasks, and loop items\), which Argo does not bind there, so the expression fails at run time\. It can read retries and lastRetry\.\*, workflow variables \(workflow\.\*\), the template's inputs\./);
  });

  test('ArgoVariable.of() infers the scope of a literal path', () => {
    const { wf } = fixture();
    wf.addContainerTemplate('ok', { image: 'busybox:1.36', retryStrategy: { expression: ArgoVariable.of('lastRetry.status').eq('Failed') } });
    // @ts-expect-error steps.* is not in scope of a retry expression, and the literal path says so
    wf.addContainerTemplate('no', { image: 'busybox:1.36', retryStrategy: { expression: ArgoVariable.of('steps.a.outputs.result').eq('x') } });
    expect(ArgoVariable.of('lastRetry.status').scopes).toEqual(['retry']);
    expect(ArgoVariable.of('tasks.name').scopes).toEqual(['inputs']);
    expect(ArgoVariable.of('mystery.x').scopes).toEqual([]);
  });
});

describe('when', () => {
  test('govaluate over substituted text; an expr part, contains() or asExpressionTemplate() make it {{= }} in expr-lang', () => {
    const { app, wf, safe } = fixture();
    const main = wf.addStepsTemplate('main', { inputs: [safe] });
    const echo = wf.addContainerTemplate('echo', { image: 'busybox:1.36' });
    const a = main.addStep('a', echo);
    main.addParallelSteps(
      ['govaluate', echo, { when: Condition.and(a.result.eq('heads'), safe.eq(true), a.status.ne(NodePhase.FAILED)) }],
      ['template', echo, { when: safe.eq(true).asExpressionTemplate() }],
      ['contains', echo, { when: a.result.contains('hea') }],
      ['expression', echo, { when: argoExpr`jsonpath(${WorkflowVariables.parametersJson}, '$[0].value')`.eq('true') }],
      ['numbers', echo, { when: a.result.gt(3).asExpressionTemplate() }]);
    const steps = synth(app)[0].spec.templates[0].steps[1];
    expect(steps.map((s: any) => s.when)).toEqual([
      '{{steps.a.outputs.result}} == heads && {{inputs.parameters.safe}} == true && {{steps.a.status}} != Failed',
      '{{=inputs.parameters.safe == "true"}}',
      '{{=steps.a.outputs.result contains "hea"}}',
      '{{=jsonpath(workflow.parameters.json, \'$[0].value\') == "true"}}',
      '{{=asInt(steps.a.outputs.result) > 3}}',
    ]);
  });

  test('retry, cron and HTTP variables are not bound in a when', () => {
    const { wf } = fixture();
    const main = wf.addStepsTemplate('main');
    const echo = wf.addContainerTemplate('echo', { image: 'busybox:1.36' });
    // @ts-expect-error lastRetry.* is bound only while a retry expression is evaluated
    main.addStep('a', echo, { when: TemplateVariables.lastRetryExitCode.eq(1) });
    // @ts-expect-error response.* belongs to an HTTP template's successCondition
    main.addStep('b', echo, { when: HttpVariables.statusCode.eq(200) });
    // @ts-expect-error cronworkflow.* belongs to a CronWorkflow's when and stopStrategy
    main.addStep('c', echo, { when: CronWorkflowVariables.failed.gt(1) });
    expect(main.steps).toHaveLength(3);
  });

  test('a constant condition renders true or false in every dialect, alone or combined', () => {
    const { app, wf, safe } = fixture();
    const main = wf.addStepsTemplate('main', { inputs: [safe] });
    const echo = wf.addContainerTemplate('echo', { image: 'busybox:1.36' });
    main.addParallelSteps(['off', echo, { when: Condition.of(false) }], ['both', echo, { when: Condition.and(Condition.of(true), safe.eq(true)).not() }]);
    expect(synth(app)[0].spec.templates[0].steps[0].map((s: any) => s.when)).toEqual(['false', '!(true && {{inputs.parameters.safe}} == true)']);
    expect(Condition.of(false)._render('retry')).toBe('false');
    expect(Condition.of(true).or(TemplateVariables.retries.lt(2))._render('retry')).toBe('true || asInt(retries) < 2');
    expect(Condition.of(true).asExpressionTemplate().renderWhen()).toBe('{{=true}}');
    // @ts-expect-error a constant is a boolean
    expect(() => Condition.of('false')).toThrow(/Condition\.of\(\) takes true or false \(got "false"\)/);
  });

  test('a raw govaluate part and an expr-lang part cannot be mixed', () => {
    expect(() => Condition.and(Condition.raw('{{x}} == y'), Condition.expr('z'))._render('when')).toThrow(/cannot mix Condition\.raw/);
  });
});

describe('CronWorkflow, HTTP and hooks', () => {
  test('a CronWorkflow when and stopStrategy read cronworkflow.* as names (ints compared as ints)', () => {
    const { app, chart } = newChart();
    const cron = new CronWorkflow(chart, 'cron', {
      metadata: { name: 'c' }, schedules: ['0 9 * * *'],
      when: Condition.or(CronWorkflowVariables.succeeded.lt(3), CronWorkflowVariables.label('team').eq('a')),
      stopWhen: CronWorkflowVariables.failed.ge(3),
    });
    cron.addContainerTemplate('t', { image: 'busybox:1.36' });
    const spec = synth(app)[0].spec;
    expect(spec.when).toBe('{{=cronworkflow.succeeded < 3 || cronworkflow.labels.team == "a"}}');
    expect(spec.stopStrategy).toEqual({ expression: 'cronworkflow.failed >= 3' });
  });

  test('a workflow variable in a CronWorkflow expression is refused by the types and at synth', () => {
    const { app, chart } = newChart();
    // @ts-expect-error no workflow exists yet when a CronWorkflow evaluates its when
    new CronWorkflow(chart, 'a', { metadata: { name: 'a' }, schedules: ['0 9 * * *'], when: WorkflowVariables.status.eq(WorkflowPhase.FAILED) }).addContainerTemplate('t', { image: 'busybox:1.36' });
    expect(synthError(app)).toMatch(/\[test\/a\] CronWorkflow\/a: spec\.when: a CronWorkflow when\/stopStrategy expression reads \{\{workflow\.status\}\} \(workflow variables \(workflow\.\*\)\), which Argo does not bind there/);
  });

  test('an HTTP successCondition reads response.* as names and substitutes inputs; headers by name', () => {
    const { app, wf } = fixture();
    const code = new InputParameter('code', { default: '200' });
    wf.addHttpTemplate('http', {
      url: 'https://example.com', inputs: [code],
      successCondition: Condition.and(HttpVariables.statusCode.eq(code), HttpVariables.body.contains('ok'), HttpVariables.header('Server').eq('nginx')),
    });
    expect(synth(app)[0].spec.templates[0].http.successCondition)
      .toBe('response.statusCode == {{inputs.parameters.code}} && response.body contains "ok" && response.headers["Server"][0] == "nginx"');
  });

  test('a hook reads the node it is attached to, by name', () => {
    const { app, wf } = fixture();
    const main = wf.addStepsTemplate('main');
    const echo = wf.addContainerTemplate('echo', { image: 'busybox:1.36' });
    const s = main.addStep('step-1', echo);
    s.addHook('running', echo, { expression: s.status.eq(NodePhase.RUNNING) });
    // @ts-expect-error a hook expression is evaluated by the controller, where lastRetry.* is not bound
    s.addHook('retry', echo, { expression: TemplateVariables.lastRetryStatus.eq('Failed') });
    expect(synthError(app)).toMatch(/spec\.templates\[0\]\.steps\[0\]\[0\]\.hooks\.retry\.expression: hook "retry": a lifecycle hook expression reads \{\{lastRetry\.status\}\}/);
  });
});

describe('expressions', () => {
  test('an argoExpr operand is parenthesized unless it is one name or call', () => {
    const n = new InputParameter('n');
    expect(argoExpr`asInt(${n})`.expr).toBe('asInt(inputs.parameters.n)');
    expect(argoExpr`tasks["a-b"].outputs.result`.expr).toBe('tasks["a-b"].outputs.result');
    expect(argoExpr`asInt(${n}) + 1`.expr).toBe('(asInt(inputs.parameters.n) + 1)');
    expect(argoExpr`f(a) + g(b)`.expr).toBe('(f(a) + g(b))');
    expect(argoExpr`f(")")`.expr).toBe('f(")")');
  });

  test('the scopes of an expression are those of its variables', () => {
    const a = new InputParameter('a');
    expect(argoExpr`${a} + ${TemplateVariables.lastRetryExitCode}`.scopes).toEqual(['inputs', 'retry']);
    expect(Condition.and(a.eq(1), WorkflowVariables.name.eq('x')).scopes).toEqual(['inputs', 'global']);
  });
});
