// Replays the cases of argo-events' own unit tests (pkg/sensors/dependencies/filter*_test.go and
// pkg/sensors/triggers/params_test.go at v1.9.11) against the simulator: each fixture case is one
// call the upstream test makes, with the outcome the upstream code returned (see
// test/fixtures/argo-events-tests/README.md for how they were derived).
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { filterContext, filterData, filterEvent, filterExpr, filterGroups, filterScript, filterTime } from '../../src/simulate/filters';
import { applyTransform } from '../../src/simulate/transform';
import { applyParams, constructPayload, renderEventDataAsJSON, resolveParamValue, valueByKey } from '../../src/simulate/parameters';
import { ArgoEvent } from '../../src/simulate/types';

const dir = join(__dirname, '..', 'fixtures', 'argo-events-tests');

interface Case {
  readonly test: string;
  readonly function: string;
  readonly args: any;
  readonly result: any;
  readonly error: string | null;
}

function event(json: any): ArgoEvent | undefined {
  if (!json) return undefined;
  return { context: json.context ?? undefined, data: json.data ?? undefined };
}

function events(map: any): { [name: string]: ArgoEvent } {
  return Object.fromEntries(Object.entries(map ?? {}).map(([k, v]) => [k, event(v)!]));
}

/** Runs one case through the simulator's function; returns the outcome in the fixture's shape. */
function run(c: Case): { result: any; error: boolean } {
  const a = c.args;
  const outcome = (o: { pass: boolean; error?: string }) => ({ result: o.pass, error: o.error !== undefined });
  const attempt = (f: () => any) => {
    try {
      return { result: f(), error: false };
    } catch (e) {
      return { result: null, error: true, message: (e as Error).message };
    }
  };
  switch (c.function) {
    case 'filterData': return outcome(filterData(a.data ?? undefined, a.dataLogicalOperator, event(a.event)));
    case 'filterExpr': return outcome(filterExpr(a.exprs ?? undefined, a.exprLogicalOperator, event(a.event)));
    case 'filterContext': return { result: filterContext(a.context ?? undefined, a.actual ?? undefined), error: false };
    case 'filterTime': return outcome(filterTime(a.time ?? undefined, a.eventTime));
    case 'filterScript': return outcome(filterScript(a.script, event(a.event)));
    case 'filterEvent': {
      const o = filterGroups(event(a.event), a.filters ?? undefined, a.filtersLogicalOperator);
      return { result: o.pass, error: o.error !== undefined };
    }
    case 'Filter': {
      const o = filterEvent(event(a.event), a.filters ?? undefined, a.filtersLogicalOperator);
      return { result: o.pass, error: o.error !== undefined };
    }
    case 'ResolveParamValue': return attempt(() => {
      const r = resolveParamValue(a.src, events(a.events));
      return { value: r.value ?? null, type: r.type };
    });
    case 'ApplyParams': return attempt(() => JSON.stringify(applyParams(JSON.parse(a.jsonObj), a.parameters, events(a.events)).object));
    case 'ConstructPayload': return attempt(() => constructPayload(events(a.events), a.parameters) ?? '');
    case 'renderEventDataAsJSON': return attempt(() => renderEventDataAsJSON(event(a.event)));
    case 'getValueByKey': return attempt(() => valueByKey(a.json, a.key));
    default: throw new Error(`no simulator function for ${c.function}`);
  }
}

/** The upstream outcome in the same shape (JSON results compared as parsed JSON). */
function expected(c: Case): { result: any; error: boolean } {
  if (c.error !== null) return { result: c.function.startsWith('filter') || c.function === 'Filter' ? c.result : null, error: true };
  if (c.function === 'ApplyParams') return { result: JSON.stringify(JSON.parse(c.result)), error: false };
  if (c.function === 'ResolveParamValue') return { result: { value: c.result.value, type: c.result.type }, error: false };
  return { result: c.result, error: false };
}

function normalize(c: Case, o: { result: any; error: boolean }): { result: any; error: boolean } {
  // ConstructPayload results are JSON documents: compare them parsed (sjson keeps the input's spacing).
  if (c.function === 'ConstructPayload' && typeof o.result === 'string' && o.result.startsWith('{')) return { ...o, result: JSON.parse(o.result) };
  return o;
}

const fixtures = readdirSync(dir).filter(f => f.endsWith('.json')).sort();

test('the fixtures cover every upstream filter and parameter test file', () => {
  expect(fixtures).toEqual(['filter.json', 'filter_ctx.json', 'filter_data.json', 'filter_event.json', 'filter_expr.json', 'filter_generated.json', 'filter_script.json',
    'filter_time.json', 'params.json', 'params_generated.json', 'params_resource_template.json', 'transform.json']);
});

for (const file of fixtures.filter(f => !['params_resource_template.json', 'transform.json', 'filter_generated.json', 'params_generated.json'].includes(f))) {
  const fixture = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  describe(`${fixture.file} (argo-events v1.9.11)`, () => {
    test.each(fixture.cases.map((c: Case, i: number) => [`${c.test} #${i}`, c]) as [string, Case][])('%s', (_name, c) => {
      expect(normalize(c, run(c))).toEqual(normalize(c, expected(c)));
    });
  });
}

describe('pkg/sensors/triggers/params_test.go: resource and template parameters (argo-events v1.9.11)', () => {
  const fixture = JSON.parse(readFileSync(join(dir, 'params_resource_template.json'), 'utf8'));
  test.each(fixture.cases.map((c: any) => [c.test, c]) as [string, any][])('%s', (_name, c) => {
    const { object } = applyParams(c.resource ?? c.template, c.parameters, events(c.events));
    for (const [path, value] of Object.entries(c.expect)) {
      expect(path.split('.').reduce((o: any, k) => o?.[k], object)).toEqual(value);
    }
  });
});

describe('pkg/sensors/dependencies/transform_test.go (argo-events v1.9.11)', () => {
  const fixture = JSON.parse(readFileSync(join(dir, 'transform.json'), 'utf8'));
  const context = { id: '123', source: '', specversion: '1.0', type: '', datacontenttype: 'application/json', subject: 'hello', time: '2024-01-01T00:00:00Z' };
  test.each(fixture.cases.map((c: any, i: number) => [`${c.test} #${i}`, c]) as [string, any][])('%s', (_name, c) => {
    const outcome = applyTransform({ context, data: c.data }, { jq: c.jq, script: c.script });
    expect(outcome.notSimulated).toBeUndefined();
    if (c.error) {
      expect(outcome.error).toBeDefined();
      return;
    }
    expect(outcome.error).toBeUndefined();
    if (c.result) expect(outcome.event!.data).toBe(c.result);
    if (c.resultField) expect(JSON.parse(outcome.event!.data!)).toMatchObject(c.resultField);
  });
});

describe('pkg/sensors/dependencies/filter.go Filter() on generated filters and events (argo-events v1.9.11)', () => {
  const fixture = JSON.parse(readFileSync(join(dir, 'filter_generated.json'), 'utf8'));
  test('every case has the outcome upstream Filter() returned', () => {
    const differ = fixture.cases.map((c: any, i: number) => {
      const o = filterEvent(c.event, c.filters, c.filtersLogicalOperator);
      return o.pass === c.pass && (o.error !== undefined) === (c.error !== null) ? undefined : { case: i, expected: { pass: c.pass, error: c.error }, got: { pass: o.pass, error: o.error } };
    }).filter(Boolean);
    expect(differ).toEqual([]);
    expect(fixture.cases.length).toBe(400);
    expect(fixture.cases.filter((c: any) => c.pass).length).toBeGreaterThan(20);
    expect(fixture.cases.filter((c: any) => c.error !== null).length).toBeGreaterThan(20);
  });
});

describe('pkg/sensors/triggers/params.go ApplyParams() and ConstructPayload() on generated parameters (argo-events v1.9.11)', () => {
  const fixture = JSON.parse(readFileSync(join(dir, 'params_generated.json'), 'utf8'));
  const json = (s: string) => JSON.stringify(JSON.parse(s));
  test('every case has the outcome the upstream functions returned', () => {
    const differ = fixture.cases.map((c: any, i: number) => {
      let applied: any;
      try {
        applied = { result: JSON.stringify(applyParams(JSON.parse(c.object), c.parameters, c.events).object) };
      } catch (e) {
        applied = { error: (e as Error).message };
      }
      let payload: any;
      try {
        payload = { result: constructPayload(c.events, c.parameters) ?? '' };
      } catch (e) {
        payload = { error: (e as Error).message };
      }
      const okApply = c.applyParams.error !== undefined ? applied.error !== undefined : applied.result === json(c.applyParams.result);
      const okPayload = c.constructPayload.result !== undefined
        ? payload.result !== undefined && (payload.result === '' ? c.constructPayload.result === '' : json(payload.result) === json(c.constructPayload.result))
        : payload.error !== undefined;
      return okApply && okPayload ? undefined : { case: i, expected: c, got: { applied, payload } };
    }).filter(Boolean);
    expect(differ).toEqual([]);
    expect(fixture.cases.length).toBe(300);
  });
});
