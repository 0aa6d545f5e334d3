import { lint } from '../../src/lint';
import { Manifest } from '../../src/lint/types';
import { containersOf } from '../../src/lint/util/containers';
import { podsOf } from '../../src/lint/util/pods';

const workflowTemplate = (): Manifest => ({
  apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowTemplate', metadata: { name: 'wt' },
  spec: {
    entrypoint: 'main',
    templates: [{
      name: 'main', container: { image: 'busybox:1.36', ports: [{ containerPort: 80, hostPort: 8080 }] },
      sidecars: [{ name: 'side', image: 'busybox:1.36' }], volumes: [{ name: 'v', emptyDir: {} }],
    }],
  },
});

describe('pod and container models shared by the rules', () => {
  test('podsOf computes once per manifest object and hands every rule the same frozen models', () => {
    const m = workflowTemplate();
    const pods = podsOf(m);
    expect(podsOf(m)).toBe(pods);
    expect(podsOf(workflowTemplate())).not.toBe(pods);
    expect(pods.map(p => p.containers.map(c => `${c.name} ${c.path}`))).toEqual([['main spec.templates[0].container', 'side spec.templates[0].sidecars[0]']]);
    const [pod] = pods;
    expect(Object.isFrozen(pods) && Object.isFrozen(pod) && Object.isFrozen(pod.containers) && Object.isFrozen(pod.volumes)
      && Object.isFrozen(pod.hostNamespaces) && Object.isFrozen(pod.appArmorAnnotations)).toBe(true);
    expect(pod.containers.every(c => Object.isFrozen(c) && Object.isFrozen(c.hostPorts))).toBe(true);
    expect(() => (pods as PodModelList).push(pod)).toThrow(TypeError);
    // The manifest itself stays the user's: nothing of it is frozen.
    expect(Object.isFrozen(pod.volumes[0].value)).toBe(false);
  });

  test('containersOf computes once per manifest object; the list and its entries are frozen, the containers are the manifest\'s', () => {
    const m = workflowTemplate();
    const found = containersOf(m);
    expect(containersOf(m)).toBe(found);
    expect(found.map(c => `${c.path} ${c.namedByUser}`)).toEqual(['spec.templates[0].container false', 'spec.templates[0].sidecars[0] true']);
    expect(Object.isFrozen(found) && found.every(c => Object.isFrozen(c))).toBe(true);
    expect(found[0].container).toBe((m.spec as { templates: { container: object }[] }).templates[0].container);
    expect(Object.isFrozen(found[0].container)).toBe(false);
  });

  test('the rules reading the shared models report the same findings however many of them run, in any order', () => {
    const rules = ['K8S-POD-BASELINE', 'K8S-POD-RESTRICTED', 'K8S-RESOURCES', 'K8S-NAME', 'K8S-IMAGE'];
    const alone = rules.flatMap(rule => lint([workflowTemplate()], { schema: false, only: [rule] })).map(f => `${f.ruleId} ${f.path}`).sort();
    const together = lint([workflowTemplate()], { schema: false, only: [...rules].reverse() }).map(f => `${f.ruleId} ${f.path}`).sort();
    expect(together).toEqual(alone);
    expect(alone).toContain('K8S-POD-BASELINE spec.templates[0].container.ports[0].hostPort');
    expect(alone).toContain('K8S-RESOURCES spec.templates[0].sidecars[0].resources');
  });
});

type PodModelList = ReturnType<typeof podsOf>[number][];
