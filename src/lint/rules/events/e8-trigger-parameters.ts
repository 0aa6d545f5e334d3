import { childPath } from '../../path';
import { Rule, RuleContext } from '../../types';
import { parseConditions } from './support/conditions';
import { isBlank, isObject, listOf, quoteList } from './support/json';
import { TriggerAt, conditionsOf, dependenciesOf, describeTrigger, triggersOf } from './support/sensor-model';
import { didYouMean } from './support/suggest';
import { ParameterAt, parametersOf } from './support/trigger-parameters';

const OPERATIONS = ['', 'append', 'overwrite', 'prepend'];

/**
 * E8: trigger parameters have a src whose dependencyName is a dependency of the Sensor (Argo
 * only checks it is non-empty; an unknown one is silently skipped at run time), a dest
 * (optional in HTTP payloads) and an operation among append|overwrite|prepend.
 */
export const E8_TRIGGER_PARAMETERS: Rule = {
  id: 'E8',
  description: 'Trigger parameters read an existing dependency, have a dest and a valid operation',
  kinds: ['Sensor'],
  check(ctx) {
    const dependencies = dependenciesOf(ctx.manifest).map(d => d.dependency.name).filter((n): n is string => typeof n === 'string' && n !== '');
    const known = new Set(dependencies);
    for (const at of triggersOf(ctx.manifest)) {
      const waitedFor = dependenciesInConditions(at, dependencies);
      const rewritten = rewrittenTemplatePaths(at);
      for (const parameter of parametersOf(at)) {
        const dependencySetAtRunTime = isRewritten(`${parameter.templatePath}.src.dependencyName`, rewritten);
        checkParameter(ctx, parameter, at, dependencySetAtRunTime ? undefined : known, waitedFor);
      }
    }
  },
};

/**
 * @param known dependency names, or undefined when the parameter's dependencyName is itself
 * rewritten by a template-level parameter before the trigger runs
 */
function checkParameter(ctx: RuleContext, at: ParameterAt, trigger: TriggerAt, known: ReadonlySet<string> | undefined, waitedFor: ReadonlySet<string> | undefined): void {
  const parameter = at.parameter;
  if (!isObject(parameter)) return;
  const src = parameter.src;
  if (at.validated) {
    if (!isObject(src)) {
      ctx.report(childPath(at.path, 'src'), 'parameter has no src: the controller rejects the Sensor ("parameter source can\'t be empty"). Set src.dependencyName and the data or context key to read.');
    } else if (isBlank(src.dependencyName)) {
      ctx.report(childPath(at.path, 'src', 'dependencyName'), 'parameter src has no dependencyName: the controller rejects the Sensor ("parameter dependency name can\'t be empty"). Name the dependency whose event is read.');
    }
    if (isBlank(parameter.dest) && !at.destOptional) {
      ctx.report(childPath(at.path, 'dest'), 'parameter has no dest: the controller rejects the Sensor ("parameter destination can\'t be empty"). Set the path the value is written to, e.g. spec.arguments.parameters.0.value.');
    }
    if (!isBlank(parameter.operation) && !OPERATIONS.includes(parameter.operation)) {
      ctx.report(childPath(at.path, 'operation'), `parameter operation "${parameter.operation}" is not supported: the controller rejects the Sensor. Use append, overwrite or prepend (default overwrite).`);
    }
  }
  const dependency = isObject(src) ? src.dependencyName : undefined;
  if (typeof dependency !== 'string' || dependency === '' || !known) return;
  const fallback = isObject(src) && typeof src.value === 'string' ? `always takes its default value "${src.value}"` : 'is silently skipped';
  if (!known.has(dependency)) {
    ctx.report(childPath(at.path, 'src', 'dependencyName'), `parameter reads dependency "${dependency}", which this Sensor does not define (dependencies: ${quoteList(known)}): `
      + `Argo accepts it, but no event ever carries that name, so the parameter ${fallback}. Use a dependency name.${didYouMean(dependency, known)}`);
  } else if (waitedFor && !waitedFor.has(dependency)) {
    ctx.report(childPath(at.path, 'src', 'dependencyName'), `parameter reads dependency "${dependency}", but the conditions of ${describeTrigger(trigger)} never include it: `
      + `its event is never part of a firing, so the parameter ${fallback}. Read a dependency of the conditions or add "${dependency}" to them.`, 'warning');
  }
}

/** Dependency names a trigger's conditions can wait for; undefined when it waits for all of them. */
function dependenciesInConditions(at: TriggerAt, dependencies: readonly string[]): Set<string> | undefined {
  // A dlqTrigger fires on the events of its parent trigger.
  const conditions = at.dlqOf !== undefined ? at.conditions : conditionsOf(at.trigger);
  if (conditions === undefined) return undefined;
  const parsed = parseConditions(conditions);
  if (parsed.problem) return undefined;
  const byKey = new Map<string, string>();
  for (const name of dependencies) byKey.set(name.replace(/-/g, '_'), name);
  const names = new Set<string>();
  for (const { key } of parsed.names) {
    const name = byKey.get(key);
    if (name !== undefined) names.add(name);
  }
  return names;
}

/** dests of the trigger's own `parameters`: they rewrite the template before it runs. */
function rewrittenTemplatePaths(at: TriggerAt): string[] {
  return listOf(at.trigger.parameters).map(p => (isObject(p) ? p.dest : undefined)).filter((d): d is string => typeof d === 'string' && d !== '');
}

function isRewritten(templatePath: string, rewritten: readonly string[]): boolean {
  return rewritten.some(dest => templatePath === dest || templatePath.startsWith(`${dest}.`));
}
