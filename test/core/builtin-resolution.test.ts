import { ApiObject, App, Chart, IResolver, JsonPatch, Lazy, ResolutionContext, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import * as fc from 'fast-check';
import { CachedApiObject } from '../../src/core/cached-api-object';
import { VectorPipelineChart } from '../../src/example/vector-pipeline-chart';

/** A CachedApiObject with free-form props: it renders through the one-pass resolution when the app allows it. */
class FreeForm extends CachedApiObject {
  constructor(scope: Construct, id: string, props: { [key: string]: unknown }) {
    super(scope, id, { apiVersion: 'example.com/v1', kind: 'Thing', ...props });
  }
}

/** A number-or-string union as cdk8s's import generates them (cdk8s resolves it to `{ value }`, which the generated code reads). */
class Port {
  public static fromNumber(value: number): Port { return new Port(value); }
  public static fromString(value: string): Port { return new Port(value); }
  private constructor(public readonly value: number | string) {}
}

/** What cdk8s itself renders for the object (its ApiObject.toJson, which CachedApiObject overrides). */
function cdk8sJson(apiObject: ApiObject): unknown {
  return ApiObject.prototype.toJson.call(apiObject);
}

/** The rendering, or the error message it throws. */
function outcome(render: () => unknown): string {
  try {
    return `json ${JSON.stringify(render())}`;
  } catch (e) {
    return `error ${(e as Error).message}`;
  }
}

/** JSON text keeps key order: equal text means the same fields in the same order. */
function expectSameAsCdk8s(apiObject: ApiObject): void {
  expect(outcome(() => apiObject.toJson())).toEqual(outcome(() => cdk8sJson(apiObject)));
}

describe('rendering with cdk8s\'s built-in resolvers in one pass', () => {
  test('every object of the example app renders as cdk8s renders it, key order included', () => {
    const app = Testing.app();
    new VectorPipelineChart(app, 'vector-pipeline');
    const objects = app.node.findAll().filter(ApiObject.isApiObject);
    const cached = objects.filter(o => CachedApiObject.isCached(o));
    expect(cached.length).toBeGreaterThan(15);
    for (const o of cached) {
      // The generated kind classes map cdk8s's rendering to the schema's field names.
      expect(JSON.stringify(o.toJson())).toEqual(JSON.stringify(renderedByCdk8s(o)));
    }
  });

  test('lazy values (a lazy producing a lazy too), implicit tokens and number-or-string unions are resolved as cdk8s resolves them', () => {
    const chart = Testing.chart();
    const o = new FreeForm(chart, 'thing', {
      spec: {
        b: Lazy.any({ produce: () => ({ z: 1, a: Lazy.any({ produce: () => [3, null, undefined, { y: undefined, x: 'x' }] }) }) }),
        a: { resolve: () => ({ token: true, nested: Lazy.any({ produce: () => 'deep' }) }) },
        port: Port.fromNumber(8080),
        name: Port.fromString('http'),
        empty: {},
        list: [],
        nothing: null,
        gone: undefined,
        flag: false,
        zero: 0,
        text: '',
      },
    });
    expectSameAsCdk8s(o);
    expect(o.toJson().spec).toEqual({
      a: { nested: 'deep', token: true },
      b: { a: [3, undefined, undefined, { x: 'x' }], z: 1 },
      empty: {}, flag: false, list: [], name: { value: 'http' }, port: { value: 8080 }, text: '', zero: 0,
    });
    expect(Object.keys(o.toJson().spec)).toEqual(['a', 'b', 'empty', 'flag', 'list', 'name', 'port', 'text', 'zero']);
  });

  test('JSON patches apply to the rendering, as cdk8s applies them', () => {
    const chart = Testing.chart();
    const o = new FreeForm(chart, 'thing', { spec: { keep: 1, drop: 2, list: ['a'] } });
    o.addJsonPatch(JsonPatch.remove('/spec/drop'), JsonPatch.add('/spec/list/-', 'b'), JsonPatch.replace('/metadata/name', 'renamed'));
    expectSameAsCdk8s(o);
    expect(o.toJson()).toMatchObject({ metadata: { name: 'renamed' }, spec: { keep: 1, list: ['a', 'b'] } });
    expect(o.toJson().spec.drop).toBeUndefined();
  });

  test('a failure is reported in cdk8s\'s words: a class instance, an object without a prototype, a failing test patch', () => {
    class Opaque { public readonly x = 1; }
    const chart = Testing.chart();
    const instance = new FreeForm(chart, 'instance', { spec: { value: new Opaque() } });
    const bare = new FreeForm(chart, 'bare', { spec: { value: Object.create(null) } });
    const patched = new FreeForm(chart, 'patched', { spec: {} });
    patched.addJsonPatch(JsonPatch.test('/spec/missing', 1));
    for (const [o, id] of [[instance, 'instance'], [bare, 'bare'], [patched, 'patched']] as const) {
      expectSameAsCdk8s(o);
      expect(() => o.toJson()).toThrow(`Failed serializing construct at path 'test/${id}'`);
    }
    expect(() => instance.toJson()).toThrow(/can't render non-simple object of type 'Opaque'/);
  });

  test('an app with resolvers of its own renders through cdk8s, which applies them', () => {
    class Upper implements IResolver {
      public resolve(context: ResolutionContext): void {
        if (typeof context.value === 'string' && context.value.startsWith('upper:')) context.replaceValue(context.value.slice(6).toUpperCase());
      }
    }
    const app = new App({ resolvers: [new Upper()] });
    const chart = new Chart(app, 'chart');
    const o = new FreeForm(chart, 'thing', { spec: { shout: 'upper:hello', lazy: Lazy.any({ produce: () => 'upper:lazy' }) } });
    const byCdk8s = jest.spyOn(ApiObject.prototype, 'toJson');
    try {
      expect(o.toJson().spec).toEqual({ lazy: 'LAZY', shout: 'HELLO' });
      expect(byCdk8s).toHaveBeenCalledTimes(1);
    } finally {
      byCdk8s.mockRestore();
    }
    expectSameAsCdk8s(o);
  });

  test('with the built-in resolvers only, cdk8s\'s own rendering is not called', () => {
    const chart = Testing.chart();
    const o = new FreeForm(chart, 'thing', { spec: { a: Lazy.any({ produce: () => 1 }) } });
    o.addJsonPatch(JsonPatch.add('/spec/b', 2));
    const byCdk8s = jest.spyOn(ApiObject.prototype, 'toJson');
    try {
      expect(o.toJson().spec).toEqual({ a: 1, b: 2 });
      expect(byCdk8s).not.toHaveBeenCalled();
    } finally {
      byCdk8s.mockRestore();
    }
  });

  test('CDK8S_DISABLE_SORT keeps the keys in their own order', () => {
    const chart = Testing.chart();
    const o = new FreeForm(chart, 'thing', { spec: { b: 1, a: { d: 1, c: 2 } } });
    const before = process.env.CDK8S_DISABLE_SORT;
    process.env.CDK8S_DISABLE_SORT = '1';
    try {
      expectSameAsCdk8s(o);
      expect(Object.keys(o.toJson().spec)).toEqual(['b', 'a']);
    } finally {
      if (before === undefined) delete process.env.CDK8S_DISABLE_SORT;
      else process.env.CDK8S_DISABLE_SORT = before;
    }
  });

  test('random values, some of them lazy, render as cdk8s renders them', () => {
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const tree = fc.letrec(tie => ({
      value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object'), tie('lazy')),
      array: fc.array(tie('value'), { maxLength: 4 }),
      object: fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('apiVersion', 'kind', 'metadata', 'resolve', 'value', '__proto__')), tie('value'), { maxKeys: 5 }),
      lazy: tie('value').map(v => Lazy.any({ produce: () => v })),
    })).value;
    fc.assert(fc.property(tree, value => {
      const chart = Testing.chart();
      const o = new FreeForm(chart, 'thing', { spec: value, extra: value });
      expect(outcome(() => o.toJson())).toEqual(outcome(() => cdk8sJson(o)));
    }), { numRuns: 300 });
  });
});

/** cdk8s's rendering mapped as the generated kind class maps its own. */
function renderedByCdk8s(o: ApiObject): unknown {
  const render = Object.getPrototypeOf(o).render as (this: unknown) => unknown;
  // The kind class's render() calls CachedApiObject.render() (super.render()): let it see cdk8s's rendering.
  const base = CachedApiObject.prototype as unknown as { render: () => unknown };
  const original = base.render;
  base.render = function (this: ApiObject) { return cdk8sJson(this); };
  try {
    return render.call(o);
  } finally {
    base.render = original;
  }
}
