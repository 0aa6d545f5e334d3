import { container, cronWorkflow, errors, run, workflow } from './helpers';

const workflowSpec = { entrypoint: 'main', templates: [container('main')] };
const cron = (spec: any) => cronWorkflow('nightly', { schedules: ['0 2 * * *'], workflowSpec, ...spec });

describe('W33 schedules', () => {
  test('no schedules, or only the removed singular schedule, is rejected', () => {
    const [none] = errors('W33', cron({ schedules: [] }));
    expect(none.path).toBe('spec.schedules');
    expect(none.message).toMatch(/no schedule.*Add spec.schedules/);
    const [singular] = errors('W33', cronWorkflow('nightly', { schedule: '0 2 * * *', workflowSpec }));
    expect(singular.path).toBe('spec.schedule');
    expect(singular.message).toMatch(/v4 removed the singular spec.schedule.*schedules: \["0 2 \* \* \*"\]/);
    expect(errors('W33', cron({}))).toEqual([]);
  });
});

describe('W34 cron syntax', () => {
  test('a 6-field schedule and an out-of-range value are reported per entry', () => {
    const found = errors('W34', cron({ schedules: ['0 0 2 * * *', '@daily', '0 0 * * 7', 'CRON_TZ=Europe/Paris 30 6 * * mon-fri'] }));
    expect(found.map(f => f.path)).toEqual(['spec.schedules[0]', 'spec.schedules[2]']);
    expect(found[0].message).toMatch(/"0 0 2 \* \* \*" is malformed \(expected exactly 5 fields.*no seconds field\)\): Argo rejects the CronWorkflow/);
    expect(found[1].message).toMatch(/day of week field "7": 7 is above the maximum 6/);
  });
});

describe('W35 timezone', () => {
  test('an unknown or wrongly cased zone is rejected; IANA names pass', () => {
    expect(errors('W35', cron({ timezone: 'Europe/Pariss' }))[0].message).toMatch(/"Europe\/Pariss" is not an IANA time zone/);
    expect(errors('W35', cron({ timezone: 'america/new_york' }))).toHaveLength(1);
    expect(errors('W35', cron({ timezone: 'America/New_York' }))).toEqual([]);
    expect(errors('W35', cron({ timezone: '' }))).toEqual([]);
  });
});

describe('W36 concurrency', () => {
  test('unknown concurrencyPolicy and negative startingDeadlineSeconds', () => {
    const found = errors('W36', cron({ concurrencyPolicy: 'forbid', startingDeadlineSeconds: -1 }));
    expect(found.map(f => f.path)).toEqual(['spec.concurrencyPolicy', 'spec.startingDeadlineSeconds']);
    expect(found[0].message).toMatch(/"forbid" is not valid.*Allow, Forbid, Replace \(case-sensitive\)/);
    expect(errors('W36', cron({ concurrencyPolicy: 'Forbid', startingDeadlineSeconds: 0 }))).toEqual([]);
  });
});

describe('W37 retry policy', () => {
  test('an unknown retryPolicy on a template or the workflow', () => {
    const found = errors('W37', workflow({ entrypoint: 'main', retryStrategy: { retryPolicy: 'Sometimes' },
      templates: [container('main', { retryStrategy: { limit: 3, retryPolicy: 'OnTransientError' } }), container('b', { retryStrategy: { retryPolicy: 'always' } })] }));
    expect(found.map(f => f.path)).toEqual(['spec.retryStrategy.retryPolicy', 'spec.templates[1].retryStrategy.retryPolicy']);
    expect(found[1].message).toMatch(/"always" of template "b" is not valid.*Always, OnFailure, OnError, OnTransientError/);
  });
});

describe('W38 podGC', () => {
  test('an unknown strategy is rejected, known ones pass', () => {
    expect(errors('W38', workflow({ ...workflowSpec, podGC: { strategy: 'OnWorkflowEnd' } }))[0].path).toBe('spec.podGC.strategy');
    expect(errors('W38', cron({ workflowSpec: { ...workflowSpec, podGC: { strategy: 'Always' } } }))[0].path).toBe('spec.workflowSpec.podGC.strategy');
    expect(errors('W38', workflow({ ...workflowSpec, podGC: { strategy: 'OnPodSuccess' } }))).toEqual([]);
  });
});

describe('W39 hook expressions', () => {
  test('a non-exit hook without expression on the workflow and on a step', () => {
    const found = errors('W39', workflow({ entrypoint: 'main', hooks: { exit: { template: 'x' }, running: { template: 'x' } }, templates: [
      { name: 'main', steps: [[{ name: 's', template: 'x', hooks: { started: { template: 'x' }, ok: { template: 'x', expression: "steps.s.status == 'Running'" } } }]] },
      container('x')] }));
    expect(found.map(f => f.path)).toEqual(['spec.hooks.running', 'spec.templates[0].steps[0][0].hooks.started']);
    expect(found[1].message).toMatch(/hook "started" of step "s" has no expression.*"steps\['s'\].status == 'Running'"/);
  });
});

describe('W40 metrics', () => {
  test('invalid names and label keys, missing help and value', () => {
    const found = errors('W40', workflow({ entrypoint: 'main', templates: [container('main', { metrics: { prometheus: [
      { name: 'run-time', help: 'seconds', gauge: { value: '{{duration}}', realtime: false } },
      { name: 'runs', help: '', labels: [{ key: 'bad key', value: 'x' }], counter: {} },
      { name: 'cost', help: 'cost', gauge: { value: '{{resourcesDuration.cpu}}', realtime: true } },
      { name: 'ok_total', help: 'fine', labels: [{ key: 'status', value: '{{status}}' }], counter: { value: '1' } },
    ] } })] }));
    expect(found.map(f => f.path)).toEqual([
      'spec.templates[0].metrics.prometheus[0].name', 'spec.templates[0].metrics.prometheus[1].counter.value',
      'spec.templates[0].metrics.prometheus[1].help', 'spec.templates[0].metrics.prometheus[1].labels[0].key', 'spec.templates[0].metrics.prometheus[2].gauge.value']);
    expect(found[1].message).toMatch(/counter without a value/);
  });

  test('a metric without a kind is only a warning', () => {
    const found = run('W40', workflow({ ...workflowSpec, metrics: { prometheus: [{ name: 'x', help: 'y' }] } }));
    expect(found.map(f => [f.severity, f.path])).toEqual([['warning', 'spec.metrics.prometheus[0]']]);
  });
});
