import { childPath } from '../../path';
import { Rule, RuleContext } from '../../types';
import { containersOf, envOf } from '../../util/containers';
import { podConsequence } from '../../util/kinds';
import { hasTemplateExpression } from '../../util/names';
import { isSubstituted, withVariablesReplaced } from '../../util/substitution';
import { isJsonObject } from '../../util/walk';

/** IsEnvVarName (k8s.io/apimachinery validation), what Kubernetes before 1.32 accepts. */
const STRICT_ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
/** IsRelaxedEnvVarName (RelaxedEnvironmentVariableValidation, on by default since 1.32): printable ASCII but "=". */
const RELAXED_ENV_NAME = /^[\x20-\x3c\x3e-\x7e]+$/;

/**
 * K8S-ENV-NAME: environment variable names (`env[].name`) and `envFrom[].prefix` as Kubernetes
 * validates them: never empty, no "=", printable ASCII only (an error on every version); a name
 * outside `[-._a-zA-Z][-._a-zA-Z0-9]*` is refused by clusters before 1.32 (a warning).
 */
export const K8S_ENV_NAME: Rule = {
  id: 'K8S-ENV-NAME',
  description: 'Environment variable names and envFrom prefixes are names Kubernetes accepts',
  check(ctx) {
    for (const at of containersOf(ctx.manifest)) {
      for (const { env, path } of envOf(at)) {
        if (typeof env.name === 'string') checkName(ctx, childPath(path, 'name'), env.name, 'environment variable name');
      }
      const envFrom = Array.isArray(at.container.envFrom) ? at.container.envFrom : [];
      envFrom.forEach((source: unknown, i: number) => {
        if (!isJsonObject(source) || typeof source.prefix !== 'string' || source.prefix === '') return;
        checkName(ctx, childPath(at.path, 'envFrom', i, 'prefix'), source.prefix, 'envFrom prefix');
      });
    }
  },
};

function checkName(ctx: RuleContext, path: string, written: string, what: string): void {
  const name = hasTemplateExpression(written) && isSubstituted(ctx.manifest, path) ? withVariablesReplaced(written) : written;
  const shown = JSON.stringify(written);
  const rejected = podConsequence(ctx.manifest, 'Kubernetes rejects the pod');
  if (name === '') {
    ctx.report(path, `the ${what} is empty: ${rejected} ("Required value"). Name the variable, e.g. "LOG_LEVEL".`);
  } else if (!RELAXED_ENV_NAME.test(name)) {
    const why = name.includes('=') ? 'holds "="' : 'holds a character that is not printable ASCII';
    ctx.report(path, `the ${what} ${shown} ${why}: ${rejected} (a name is printable ASCII without "="). Use letters, digits and "_", e.g. "${suggest(name)}".`);
  } else if (!STRICT_ENV_NAME.test(name) || name === '.' || name.startsWith('..')) {
    ctx.report(path, `the ${what} ${shown} is not of the form [-._a-zA-Z][-._a-zA-Z0-9]*: clusters before Kubernetes 1.32 reject the pod, and a shell cannot read `
      + `such a variable. Use letters, digits and "_", e.g. "${suggest(name)}".`, 'warning');
  }
}

function suggest(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '').toUpperCase();
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned || 'NAME';
}
