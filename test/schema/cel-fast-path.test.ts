/**
 * The full CRDs' CEL rules compiled to JavaScript (imports/crd-rules.ts, by src/codegen/cel-to-js.ts)
 * agree with the CEL evaluator: on random manifest values (the fields a rule reads, with values of
 * every JSON type, null included, maps where lists are expected and the reverse), a compiled rule
 * either returns exactly what the evaluator returns for the value converted by toCel, or leaves the
 * value UNDECIDED (the evaluator then decides, an error most often). A compiled rule never decides
 * where the evaluator fails.
 *
 * Deterministic: a fixed seed, overridable with FC_SEED (and FC_RUNS for more runs).
 */
import * as fc from 'fast-check';
import { COMPILED_CRD_RULES } from '../../imports/crd-rules';
import { compileCelRule } from '../../src/codegen/cel-to-js';
import { celEnvironment, evaluateCel, evaluateRule, toCel } from '../../src/schema/cel';
import { UNDECIDED } from '../../src/schema/cel-fast-path';
import { validateManifest } from '../../src/schema/validator';

const SEED = Number(process.env.FC_SEED ?? 2026);
const RUNS = Number(process.env.FC_RUNS ?? 400);

/** The field names a rule reads (`x.name` and `has(x.name)`). */
function fieldsOf(expression: string): string[] {
  return [...new Set([...expression.matchAll(/\.([A-Za-z_][A-Za-z0-9_]*)\b(?!\s*\()/g)].map(m => m[1]))];
}

const scalar = fc.oneof(
  fc.constant(null), fc.boolean(), fc.integer({ min: -3, max: 3 }), fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom('', 'x', '0abc', 'abc', 'resourcesDuration.cpu', '{{workflow.duration}}', '10s', '\u{1F600}'),
);

/** Maps holding some of the rule's fields; lists of them; anything else now and then. */
function valueFor(fields: readonly string[]): fc.Arbitrary<unknown> {
  const { value } = fc.letrec<{ value: unknown; map: unknown }>(tie => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('map'), fc.array(tie('map'), { maxLength: 3 }), fc.array(scalar, { maxLength: 2 })),
    map: fc.dictionary(fc.constantFrom(...fields, 'other'), fc.oneof({ depthSize: 'small' }, scalar, scalar, tie('value')), { maxKeys: fields.length + 1 }),
  }));
  return value;
}

type Outcome = { readonly result: unknown } | { readonly error: string };

function byEvaluator(expression: string, value: unknown): Outcome {
  try {
    return { result: evaluateCel(expression, toCel(value)) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

describe('compiled CRD rules', () => {
  test('every rule of the pinned full CRDs is compiled (none is left to the evaluator)', () => {
    expect(COMPILED_CRD_RULES.size).toBe(10);
  });

  for (const [expression, compiled] of COMPILED_CRD_RULES) {
    test(`agrees with the CEL evaluator: ${expression}`, () => {
      const fields = fieldsOf(expression);
      let decided = 0;
      let falses = 0;
      fc.assert(fc.property(valueFor(fields), value => {
        let result: boolean;
        try {
          result = compiled(value);
        } catch (e) {
          if (e !== UNDECIDED) throw e;
          return;
        }
        decided++;
        if (!result) falses++;
        expect(byEvaluator(expression, value)).toEqual({ result });
      }), { seed: SEED, numRuns: RUNS });
      // The fast path must decide the common cases, or the test proves nothing.
      expect(decided).toBeGreaterThan(RUNS / 10);
      expect(falses).toBeGreaterThan(0);
    });
  }

  test('a value the compiled rule cannot decide goes to the evaluator: its result, or its error', () => {
    const rule = 'self.all(t, !(has(t.timeout) && t.timeout != "" && (has(t.steps) || has(t.dag))))';
    const undecided = (value: unknown) => {
      try {
        COMPILED_CRD_RULES.get(rule)!(value);
      } catch (e) {
        return e === UNDECIDED;
      }
      return false;
    };
    // A number compared with text: the evaluator's answer.
    const numeric = [{ timeout: 5, steps: [] }];
    expect(undecided(numeric)).toBe(true);
    expect(evaluateRule(rule, numeric, () => toCel(numeric))).toBe((byEvaluator(rule, numeric) as { result: unknown }).result);
    // No list at all: the evaluator's error.
    expect(undecided('text')).toBe(true);
    const failed = byEvaluator(rule, 'text');
    expect(failed).toEqual({ error: expect.any(String) });
    expect(() => evaluateRule(rule, 'text', () => toCel('text'))).toThrow((failed as { error: string }).error);
    // Decided by the compiled rule: the conversion for the evaluator is never asked for.
    const convert = jest.fn(() => toCel([{ timeout: '5s' }]));
    expect(evaluateRule(rule, [{ timeout: '5s' }], convert)).toBe(true);
    expect(convert).not.toHaveBeenCalled();
  });

  test('a rule not compiled is evaluated by the CEL library', () => {
    expect(evaluateRule('size(self) <= 2', [1, 2, 3], () => toCel([1, 2, 3]))).toBe(false);
  });

  test('the CRD check reports a broken rule as before, at its path', () => {
    const findings = validateManifest({
      apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowTemplate', metadata: { name: 'w' },
      spec: { templates: [{ name: 'm', suspend: {}, container: { image: 'busybox:1.36' } }] },
    });
    expect(findings.filter(f => f.ruleId === 'CRD').map(f => f.path)).toEqual(['spec.templates']);
  });
});

describe('CEL to JavaScript compiler', () => {
  const env = celEnvironment();

  test('leaves to the evaluator what it does not translate exactly', () => {
    for (const expression of [
      'size(self) <= 2', '"a" in self', 'self.x == 1.5', 'self.x == null', 'self.name.matches("(?i)abc")', 'self.name.matches("\\\\bx")',
      'self.exists_one(t, t.a)', 'int(self.x) > 1', 'self.x.size() > 0', 'other.x == 1',
    ]) {
      expect({ expression, compiled: compileCelRule(expression, env) }).toEqual({ expression, compiled: undefined });
    }
  });

  test('compiles the subset: fields, has(), boolean and int operators, comparisons, comprehensions, string methods', () => {
    const compiled = compileCelRule('self.all(t, has(t.a) ? t.a.startsWith("x") : -1 + 2 < 3) && !self.exists(u, u.b == "y")', env);
    expect(compiled?.code).toBe('self => (all(self, (v_t: unknown) => (has(v_t, "a") ? startsWith(field(v_t, "a"), "x") : compare(add(neg(1), 2), 3) < 0)) '
      + '&& !exists(self, (v_u: unknown) => eq(field(v_u, "b"), "y")))');
    expect([...compiled!.helpers].sort()).toEqual(['add', 'all', 'compare', 'eq', 'exists', 'field', 'has', 'neg', 'startsWith']);
  });
});
