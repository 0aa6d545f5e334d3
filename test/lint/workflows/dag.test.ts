import { container, errors, workflow } from './helpers';

const dag = (tasks: any[], extra: any = {}) => workflow({ entrypoint: 'main', templates: [{ name: 'main', dag: { tasks, ...extra } }, container('echo')] });
const task = (name: string, more: any = {}) => ({ name, template: 'echo', ...more });

describe('W24 DAG dependencies', () => {
  test('unknown dependencies (depends and dependencies), duplicate names and cycles', () => {
    const found = errors('W24', dag([task('a', { depends: 'c' }), task('b', { depends: 'a && ghost.Succeeded' }), task('c', { depends: 'b' }), task('a')]));
    expect(found.map(f => f.path)).toEqual(['spec.templates[0].dag.tasks', 'spec.templates[0].dag.tasks[1].depends', 'spec.templates[0].dag.tasks[3].name']);
    expect(found[0].message).toMatch(/cycle \(a -> c -> b -> a\)/);
    expect(found[1].message).toMatch(/task "b" depends on "ghost", which is not a task of this DAG/);
    expect(found[2].message).toMatch(/task name "a" is already used/);
    const [listed] = errors('W24', dag([task('a'), task('b', { dependencies: ['a', 'z'] })]));
    expect(listed.path).toBe('spec.templates[0].dag.tasks[1].dependencies[1]');
  });

  test('a diamond passes', () => {
    expect(errors('W24', dag([task('A'), task('B', { depends: 'A' }), task('C', { depends: 'A.Succeeded || A.Failed' }), task('D', { depends: 'B && C' })]))).toEqual([]);
  });
});

describe('W25 empty DAG', () => {
  test('a DAG without tasks is rejected', () => {
    const [finding] = errors('W25', dag([]));
    expect(finding.path).toBe('spec.templates[0].dag.tasks');
    expect(finding.message).toMatch(/DAG without tasks/);
    expect(errors('W25', dag([task('a')]))).toEqual([]);
  });
});

describe('W26 dependency style', () => {
  test('mixing depends and dependencies, continueOn with depends, and digit-first names', () => {
    const found = errors('W26', dag([task('1st'), task('b', { depends: '1st', continueOn: { failed: true } }), task('c', { dependencies: ['b'] })]));
    expect(found.map(f => f.path)).toEqual([
      'spec.templates[0].dag.tasks[0].name', 'spec.templates[0].dag.tasks[1].continueOn', 'spec.templates[0].dag.tasks[2].dependencies']);
    expect(found[1].message).toMatch(/depends: "b.Succeeded \|\| b.Failed"/);
    expect(found[2].message).toMatch(/Write it as depends: "b"/);
    expect(errors('W26', dag([task('1st'), task('second', { continueOn: { failed: true } })]))).toEqual([]);
  });
});

describe('W27 depends results', () => {
  test('unknown results and loop-only results on a task without a loop', () => {
    const found = errors('W27', dag([task('a'), task('b', { withItems: [1, 2] }), task('c', { depends: 'a.Succeded || a.AnySucceeded || b.AllFailed || a.Omitted' })]));
    expect(found.map(f => f.message)).toEqual([
      expect.stringMatching(/"a.AnySucceeded" applies to looped tasks, but task "a" has no withItems.*Use Succeeded/),
      expect.stringMatching(/"a.Succeded" is not a task result/),
    ]);
  });
});

describe('W29 DAG target', () => {
  test('target names must be tasks', () => {
    const [finding] = errors('W29', dag([task('a'), task('b')], { target: 'a c' }));
    expect(finding.path).toBe('spec.templates[0].dag.target');
    expect(finding.message).toMatch(/target "c" is not a task.*a, b/);
    expect(errors('W29', dag([task('a'), task('b')], { target: 'a b' }))).toEqual([]);
  });
});

describe('W30 loops', () => {
  test('two loop sources, and withSequence with both or neither of count and end', () => {
    const found = errors('W30', dag([
      task('a', { withItems: [1], withParam: '["x"]' }),
      task('b', { withSequence: { count: '3', end: '5' } }),
      task('c', { withSequence: { start: '1' } }),
      task('d', { withSequence: { start: '1', end: '5' } }),
    ]));
    expect(found.map(f => f.path)).toEqual(['spec.templates[0].dag.tasks[0]', 'spec.templates[0].dag.tasks[1].withSequence', 'spec.templates[0].dag.tasks[2].withSequence']);
    expect(found[0].message).toMatch(/sets withItems and withParam/);
  });

  test('steps are checked too', () => {
    const wf = workflow({ entrypoint: 'main', templates: [{ name: 'main', steps: [[{ name: 's', template: 'echo', withParam: 'x', withSequence: { count: '2' } }]] }, container('echo')] });
    expect(errors('W30', wf).map(f => f.path)).toEqual(['spec.templates[0].steps[0][0]']);
  });
});
