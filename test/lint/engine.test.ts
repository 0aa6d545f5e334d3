import { lint } from '../../src/lint';
import { Rule } from '../../src/lint/types';

describe('lint() engine', () => {
  test('an empty set needs no schema (nothing is loaded)', () => {
    const saved = process.env.ARGO_SCHEMA_DIR;
    process.env.ARGO_SCHEMA_DIR = '/nonexistent/schema/dir';
    try {
      expect(lint([])).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.ARGO_SCHEMA_DIR;
      else process.env.ARGO_SCHEMA_DIR = saved;
    }
  });

  test('kinds of other API groups are not checked (a warning); unknown Argo or Kubernetes kinds are errors', () => {
    const findings = lint([
      { apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { name: 'c' }, spec: {} },
      { apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflows', metadata: { name: 'w' } },
      { apiVersion: 'apps/v1beta1', kind: 'Deployment', metadata: { name: 'd' } },
    ], { only: ['SCHEMA'] });
    expect(findings.map(f => `${f.severity} ${f.object} ${f.path}`)).toEqual([
      'warning Certificate/c kind',
      'error Workflows/w kind',
      'error Deployment/d kind',
    ]);
    expect(findings[0].message).toBe('cert-manager.io/v1 Certificate is not an Argo or core Kubernetes kind: its fields are not checked against a schema');
  });

  test('rules share one walk: each sees every value it did not prune, findings carry its id, a throwing visitor fails alone', () => {
    const manifest = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'm' }, data: { a: 'x', b: 'y' } };
    const seen: { [rule: string]: string[] } = { ALL: [], PRUNE: [], BOOM: [] };
    const rule = (id: string, visit: (path: string) => boolean | void, after?: () => void): Rule => ({
      id, description: 'test', check: ctx => ctx.onWalk(at => {
        seen[id].push(at.path);
        return visit(at.path);
      }, after && (() => {
        after();
        ctx.report('data', `${id} after the walk saw ${seen[id].length} values`);
      })),
    });
    const findings = lint([manifest], { schema: false }, [
      rule('ALL', () => true, () => undefined),
      rule('PRUNE', path => path !== 'metadata' && path !== 'data', () => undefined),
      rule('BOOM', path => {
        if (path === 'metadata.name') throw new Error('bad value');
      }, () => undefined),
    ]);
    expect(seen.ALL).toEqual(['', 'apiVersion', 'kind', 'metadata', 'metadata.name', 'data', 'data.a', 'data.b']);
    expect(seen.PRUNE).toEqual(['', 'apiVersion', 'kind', 'metadata', 'data']);
    expect(seen.BOOM).toEqual(['', 'apiVersion', 'kind', 'metadata', 'metadata.name']);
    expect(findings.map(f => `${f.ruleId} ${f.path}: ${f.message}`)).toEqual([
      'BOOM : rule BOOM could not check this object: bad value',
      'ALL data: ALL after the walk saw 8 values',
      'PRUNE data: PRUNE after the walk saw 5 values',
    ]);
  });

  test('missing references: a warning by default, an error with strictRefs; a crashing rule becomes a finding', () => {
    const rule: Rule = {
      id: 'TEST-REF',
      description: 'test',
      check: ctx => {
        ctx.reportMissingReference('spec.ref', 'ConfigMap', 'x', 'Hint.');
        if (ctx.manifest.metadata?.name === 'boom') throw new Error('bad input');
      },
    };
    const manifests = [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'boom' } }];
    expect(lint(manifests, { schema: false }, [rule]).map(f => `${f.severity} ${f.path}: ${f.message}`)).toEqual([
      'error : rule TEST-REF could not check this object: bad input',
      'warning spec.ref: ConfigMap "x" is not among the linted manifests; assumed to exist in the cluster. Hint.',
    ]);
    expect(lint(manifests, { schema: false, strictRefs: true }, [rule])[1]).toMatchObject({
      severity: 'error', message: 'ConfigMap "x" is not among the linted manifests; it must be defined in the same set (--strict-refs). Hint.',
    });
  });
});

describe('lint() engine on hostile manifests', () => {
  test('references resolve by own kind and name: names like Object.prototype members are names, nothing more', () => {
    const seen: string[] = [];
    const rule: Rule = { id: 'TEST-FIND', description: 'test', check: ctx => {
      for (const name of ['constructor', 'toString', '__proto__', 'missing']) seen.push(`${name}:${ctx.index.find('ConfigMap', name)?.metadata?.name ?? 'none'}`);
    } };
    const manifests = [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'toString' } }];
    lint(manifests, { schema: false }, [rule]);
    expect(seen).toEqual(['constructor:none', 'toString:toString', '__proto__:none', 'missing:none']);
  });

  test('describeObject never runs code of the manifest and shows non-string names as JSON', () => {
    const hostile = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: { toString: 1 } } } as never;
    expect(lint([hostile], { schema: false }, [{ id: 'T', description: 't', check: ctx => ctx.report('', 'x') }])[0].object).toBe('ConfigMap/{"toString":1}');
  });

  test('a schema check or a shared walk that throws (a cyclic object) becomes a finding of that object; the others are still checked', () => {
    const cyclic: { [key: string]: unknown } = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } };
    cyclic.data = { self: cyclic };
    const findings = lint([cyclic as never, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Bad_Name' } }], { only: ['SCHEMA', 'K8S-NAME'] });
    expect(findings.map(f => `${f.manifestIndex} ${f.ruleId}`)).toEqual(expect.arrayContaining(['1 K8S-NAME']));
    expect(findings.filter(f => f.manifestIndex === 0).map(f => f.message)).toEqual(expect.arrayContaining([expect.stringMatching(/could not check this object: Maximum call stack size exceeded/)]));
  });
});
