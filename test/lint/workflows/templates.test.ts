import { container, errors, run, workflow } from './helpers';

const wf = (...templates: any[]) => workflow({ entrypoint: templates[0]?.name ?? 'main', templates });

describe('W9 template type', () => {
  test('no type and two types are rejected; one type passes', () => {
    const found = errors('W9', wf({ name: 'main', steps: [[{ name: 'a', template: 'empty' }]] }, { name: 'empty' },
      { name: 'both', container: { image: 'alpine' }, script: { image: 'alpine', source: 'echo' } }));
    expect(found.map(f => f.path)).toEqual(['spec.templates[1]', 'spec.templates[2]']);
    expect(found[0].message).toMatch(/template "empty" has no type.*container, containerSet, steps/);
    expect(found[1].message).toMatch(/sets several types \(container, script\)/);
    expect(errors('W9', wf(container('main'), { name: 's', suspend: {} }, { name: 'd', data: { source: {}, transformation: [] } }))).toEqual([]);
  });
});

describe('W10 image', () => {
  test('a container or script without image is rejected unless templateDefaults supplies one', () => {
    const templates = [{ name: 'main', container: { command: ['echo'] } }, { name: 'py', script: { source: 'print(1)' } }];
    const found = errors('W10', workflow({ entrypoint: 'main', templates }));
    expect(found.map(f => f.path)).toEqual(['spec.templates[0].container.image', 'spec.templates[1].script.image']);
    expect(found[0].message).toMatch(/no container.image.*templateDefaults.container.image/);
    const defaults = errors('W10', workflow({ entrypoint: 'main', templateDefaults: { container: { image: 'alpine' } }, templates }));
    expect(defaults.map(f => f.path)).toEqual(['spec.templates[1].script.image']);
  });
});

describe('W11 parallelism and activeDeadlineSeconds placement', () => {
  test('parallelism on a container and activeDeadlineSeconds on steps/dag are rejected', () => {
    const found = errors('W11', wf(
      { name: 'main', activeDeadlineSeconds: 60, parallelism: 2, steps: [[{ name: 'a', template: 'leaf' }]] },
      container('leaf', { parallelism: 2, activeDeadlineSeconds: 30 }),
    ));
    expect(found.map(f => f.path)).toEqual(['spec.templates[0].activeDeadlineSeconds', 'spec.templates[1].parallelism']);
    expect(found[0].message).toMatch(/steps template.*activeDeadlineSeconds is only valid for leaf templates/);
    expect(found[1].message).toMatch(/container template, which cannot limit parallelism/);
    expect(errors('W11', wf({ name: 'main', parallelism: 2, steps: [[{ name: 'a', template: 'leaf' }]] }, container('leaf', { activeDeadlineSeconds: 30 })))).toEqual([]);
  });
});

describe('W12 activeDeadlineSeconds value', () => {
  test('negative numbers and non-numeric strings are rejected; integers, numeric strings and variables pass', () => {
    const found = errors('W12', wf(container('a', { activeDeadlineSeconds: -5 }), container('b', { activeDeadlineSeconds: '10m' }),
      container('c', { activeDeadlineSeconds: 30 }), container('d', { activeDeadlineSeconds: '30' }),
      container('e', { activeDeadlineSeconds: '{{inputs.parameters.deadline}}' })));
    expect(found.map(f => f.path)).toEqual(['spec.templates[0].activeDeadlineSeconds', 'spec.templates[1].activeDeadlineSeconds']);
    expect(found[1].message).toMatch(/"10m".*whole number of seconds/);
  });
});

describe('W13 timeout and pendingTimeout', () => {
  test('a bare number, a non-duration, and a timeout on a steps or suspend template are rejected', () => {
    const found = errors('W13', wf(
      { name: 'main', timeout: '1h', steps: [[{ name: 'a', template: 'a' }]] },
      container('a', { timeout: '30' }), container('b', { pendingTimeout: 'ten minutes' }),
      { name: 'wait', suspend: {}, timeout: '1m' },
    ));
    expect(found.map(f => f.path)).toEqual([
      'spec.templates[0].timeout', 'spec.templates[1].timeout', 'spec.templates[2].pendingTimeout', 'spec.templates[3].timeout']);
    expect(found[0].message).toMatch(/steps template, which does not support timeout/);
    expect(found[1].message).toMatch(/"30" is a bare number.*e.g. "30s"/);
    expect(found[2].message).toMatch(/not a duration/);
    expect(found[3].message).toMatch(/suspend.duration/);
  });

  test('durations and variables on leaf templates pass', () => {
    expect(errors('W13', wf(container('a', { timeout: '1h30m', pendingTimeout: '5m' }), container('b', { timeout: '{{inputs.parameters.t}}' })))).toEqual([]);
  });
});

describe('W14 resource templates', () => {
  const resource = (name: string, body: any, extra: any = {}) => ({ name, resource: body, ...extra });
  test('bad action, missing or double manifest, invalid YAML and unknown manifestFrom artifact', () => {
    const found = errors('W14', wf(
      resource('a', { action: 'upsert', manifest: 'kind: ConfigMap' }),
      resource('b', { action: 'create' }),
      resource('c', { action: 'apply', manifest: 'kind: X', manifestFrom: { artifact: { name: 'm' } } }),
      resource('d', { action: 'create', manifest: 'metadata:\n  name: [unclosed\n' }),
      resource('e', { action: 'create', manifestFrom: { artifact: { name: 'missing' } } }),
    ));
    expect(found.map(f => f.path)).toEqual([
      'spec.templates[0].resource.action', 'spec.templates[1].resource', 'spec.templates[2].resource',
      'spec.templates[2].resource.manifestFrom.artifact.name', 'spec.templates[3].resource.manifest',
      'spec.templates[4].resource.manifestFrom.artifact.name']);
    expect(found[0].message).toMatch(/action "upsert".*get, create, apply, delete, replace, patch/);
    expect(found[4].message).toMatch(/not valid YAML/);
  });

  test('get/delete need no manifest; {{...}} in a manifest does not break YAML', () => {
    expect(errors('W14', wf(
      resource('a', { action: 'delete', flags: ['pod', 'x'] }),
      resource('b', { action: 'create', manifest: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{workflow.name}}\ndata:\n  n: {{=asInt(inputs.parameters.n)}}\n' }),
      resource('c', { action: 'apply', manifestFrom: { artifact: { name: 'm' } } }, { inputs: { artifacts: [{ name: 'm', path: '/tmp/m' }] } }),
    ))).toEqual([]);
  });
});

describe('W15 mount paths', () => {
  test('an input artifact loaded where a volume is mounted, and a path mounted twice, are rejected', () => {
    const found = errors('W15', wf(container('main', {
      inputs: { artifacts: [{ name: 'src', path: '/work' }] },
      container: { volumeMounts: [{ name: 'work', mountPath: '/work' }, { name: 'cache', mountPath: '/cache' }, { name: 'again', mountPath: '/cache' }] },
    })));
    expect(found.map(f => f.path)).toEqual(['spec.templates[0].container.volumeMounts[2].mountPath', 'spec.templates[0].inputs.artifacts[0].path']);
    expect(found[1].message).toMatch(/loaded at "\/work", where volume mount "work" is already mounted/);
    expect(errors('W15', wf(container('main', {
      inputs: { artifacts: [{ name: 'src', path: '/work/src' }] }, container: { volumeMounts: [{ name: 'work', mountPath: '/work' }] } })))).toEqual([]);
  });
});

describe('W16-W18 containers', () => {
  test('W16: an init container without name', () => {
    const [finding] = errors('W16', wf(container('main', { initContainers: [{ image: 'alpine' }, { name: 'ok', image: 'alpine' }] })));
    expect(finding.path).toBe('spec.templates[0].initContainers[0].name');
    expect(finding.message).toMatch(/initContainers must all have container name/);
    expect(errors('W16', wf(container('main', { initContainers: [{ name: 'prepare', image: 'alpine' }] })))).toEqual([]);
  });

  test('W17: empty set, unknown dependency, cycle and missing main container with outputs', () => {
    const found = errors('W17', wf(
      { name: 'empty', containerSet: { containers: [] } },
      { name: 'graph', containerSet: { containers: [
        { name: 'a', image: 'alpine', dependencies: ['b'] }, { name: 'b', image: 'alpine', dependencies: ['a', 'zz'] }] } },
      { name: 'io', outputs: { parameters: [{ name: 'p', valueFrom: { path: '/p' } }] }, containerSet: { containers: [{ name: 'one', image: 'alpine' }] } },
    ));
    expect(found.map(f => f.path)).toEqual([
      'spec.templates[0].containerSet.containers', 'spec.templates[1].containerSet.containers',
      'spec.templates[1].containerSet.containers[1].dependencies[1]', 'spec.templates[2].containerSet.containers']);
    expect(found[1].message).toMatch(/cycle \(a -> b -> a\)/);
    expect(found[3].message).toMatch(/no container named "main"/);
    expect(errors('W17', wf({ name: 'ok', outputs: { parameters: [{ name: 'p', valueFrom: { path: '/p' } }] },
      containerSet: { containers: [{ name: 'prep', image: 'alpine' }, { name: 'main', image: 'alpine', dependencies: ['prep'] }] } }))).toEqual([]);
  });

  test('W18: wait, supervisor and artifact-plugin-* are reserved', () => {
    const found = errors('W18', wf(container('main', { container: { name: 'wait' }, sidecars: [{ name: 'artifact-plugin-x', image: 'a' }, { name: 'proxy', image: 'a' }] }),
      { name: 'set', containerSet: { containers: [{ name: 'supervisor', image: 'a' }] } }));
    expect(found.map(f => f.path)).toEqual(['spec.templates[0].container.name', 'spec.templates[0].sidecars[0].name', 'spec.templates[1].containerSet.containers[0].name']);
    expect(found[0].message).toMatch(/container name "wait" in template "main" is reserved/);
    expect(run('W18', wf(container('main', { container: { name: 'main' } })))).toEqual([]);
  });
});
