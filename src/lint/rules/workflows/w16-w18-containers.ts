import { childPath } from '../../path';
import { asArray, describeTemplate, isObject, workflowRule } from './model';
import { findCycle } from './graph';

/** W16: every init container of a template has a name. */
export const W16_INIT_CONTAINER_NAMES = workflowRule('W16',
  'initContainers need names',
  (model, ctx) => {
    for (const t of model.templates) {
      asArray(t.template.initContainers).forEach((c, i) => {
        if (typeof c?.name === 'string' && c.name !== '') return;
        ctx.report(childPath(t.path, 'initContainers', i, 'name'), `an init container of ${describeTemplate(t)} has no name: `
          + 'Argo rejects the workflow ("initContainers must all have container name"). Name it.');
      });
    }
  });

/**
 * W17: a containerSet has at least one container, its dependencies name containers of the set
 * without cycles, and a container named `main` when the template has input artifacts or outputs.
 */
export const W17_CONTAINER_SET = workflowRule('W17',
  'containerSet: at least one container, known acyclic dependencies, a "main" container when there are artifacts/outputs',
  (model, ctx) => {
    for (const t of model.templates) {
      const set = t.template.containerSet;
      if (!isObject(set)) continue;
      const path = childPath(t.path, 'containerSet');
      const what = describeTemplate(t);
      const containers = asArray(set.containers).filter(isObject);
      if (!containers.length) {
        ctx.report(childPath(path, 'containers'), `the containerSet of ${what} has no containers: Argo rejects the workflow. Add at least one container.`);
        continue;
      }
      const names = new Set(containers.map(c => c.name).filter((n): n is string => typeof n === 'string'));
      const graph = new Map<string, string[]>();
      asArray(set.containers).forEach((c, i) => {
        if (!isObject(c)) return;
        const deps = asArray(c.dependencies).filter((d): d is string => typeof d === 'string');
        if (typeof c.name === 'string') graph.set(c.name, deps);
        deps.forEach((dep, j) => {
          if (names.has(dep)) return;
          ctx.report(childPath(path, 'containers', i, 'dependencies', j), `container "${c.name}" depends on "${dep}", which is not a container of this set: `
            + `Argo rejects the workflow. Use one of: ${[...names].join(', ')}.`);
        });
      });
      const cycle = findCycle(graph);
      if (cycle) {
        ctx.report(childPath(path, 'containers'), `the containers of ${what} depend on each other in a cycle (${cycle.join(' -> ')}): `
          + 'Argo rejects the workflow because no container could start. Remove one of these dependencies.');
      }
      const io = t.template.inputs?.artifacts?.length || t.template.outputs?.parameters?.length || t.template.outputs?.artifacts?.length;
      if (io && !names.has('main')) {
        ctx.report(childPath(path, 'containers'), `${what} has input artifacts or outputs but no container named "main": `
          + 'Argo rejects the workflow because artifacts and outputs are read from the main container. Name the container that produces them "main".');
      }
    }
  });

const RESERVED = ['wait', 'supervisor'];

function reservedReason(name: unknown): string | undefined {
  if (typeof name !== 'string') return undefined;
  if (RESERVED.includes(name)) return `"${name}" is the name of a container Argo adds to every pod`;
  if (name.startsWith('artifact-plugin-')) return `names starting with "artifact-plugin-" are kept for Argo's artifact plugin sidecars`;
  return undefined;
}

/** W18: containers must not take the names Argo uses for its own containers (wait, supervisor, artifact-plugin-*). */
export const W18_RESERVED_CONTAINER_NAMES = workflowRule('W18',
  'reserved container names: wait, supervisor, artifact-plugin-*',
  (model, ctx) => {
    for (const t of model.templates) {
      const named: [string, unknown][] = [];
      for (const field of ['container', 'script'] as const) {
        if (isObject(t.template[field])) named.push([childPath(t.path, field, 'name'), t.template[field].name]);
      }
      for (const field of ['sidecars', 'initContainers'] as const) {
        asArray(t.template[field]).forEach((c, i) => named.push([childPath(t.path, field, i, 'name'), c?.name]));
      }
      asArray(t.template.containerSet?.containers).forEach((c, i) => named.push([childPath(t.path, 'containerSet', 'containers', i, 'name'), c?.name]));
      for (const [path, name] of named) {
        const reason = reservedReason(name);
        if (reason) {
          ctx.report(path, `container name "${name}" in ${describeTemplate(t)} is reserved: ${reason}, so the pod would have two containers `
            + 'of that name and Argo fails the node. Rename the container.');
        }
      }
    }
  });
