import { childPath } from '../../path';
import { Rule, RuleContext } from '../../types';
import { containersOf, envOf } from '../../util/containers';
import { credentialIn, looksLikeSecretVariable } from '../../util/secrets';
import { isJsonObject } from '../../util/walk';

const FIX = 'Anyone who can read the manifest (the Git repository, `kubectl get -o yaml`, the Argo UI) can use it. '
  + 'Keep it in a Secret and reference it from there (in a container: env[].valueFrom.secretKeyRef), and rotate the exposed value.';

/**
 * ARGO-PLAINTEXT-SECRET: credentials written in plain text. Error for values that are
 * recognizably credentials (webhook URLs, tokens, keys, URLs with a password) anywhere except
 * in a Secret; warning for environment variables (and ConfigMap keys, which envFrom turns into
 * variables) whose name says secret and whose value is a literal.
 */
export const ARGO_PLAINTEXT_SECRET: Rule = {
  id: 'ARGO-PLAINTEXT-SECRET',
  description: 'No credentials (webhook URLs, tokens, keys, passwords) in plain text outside Secrets',
  check(ctx) {
    if (ctx.manifest.kind === 'Secret') return;
    const reported = new Set<string>();
    ctx.onWalk(at => {
      const { value } = at;
      if (typeof value !== 'string') return true;
      const what = credentialIn(value);
      if (what) {
        const path = at.path;
        reported.add(path);
        ctx.report(path, `the value is ${what} in plain text. ${FIX}`);
      }
      return true;
    }, () => {
      for (const at of containersOf(ctx.manifest)) {
        for (const { env, path } of envOf(at)) {
          const valuePath = childPath(path, 'value');
          if (reported.has(valuePath) || typeof env.name !== 'string' || typeof env.value !== 'string') continue;
          if (looksLikeSecretVariable(env.name, env.value)) {
            ctx.report(valuePath, `environment variable ${env.name} looks like a secret but is given as a literal value. ${FIX}`, 'warning');
          }
        }
      }
      if (ctx.manifest.kind === 'ConfigMap') checkConfigMapData(ctx, reported);
    });
  },
};

/** Keys a container can load as variables (envFrom): what looks like a secret there is one in plain text, as in env. */
const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checkConfigMapData(ctx: RuleContext, reported: ReadonlySet<string>): void {
  const data = ctx.manifest.data;
  if (!isJsonObject(data)) return;
  for (const [key, value] of Object.entries(data)) {
    const path = childPath('data', key);
    if (reported.has(path) || typeof value !== 'string' || !ENV_KEY.test(key) || !looksLikeSecretVariable(key, value)) continue;
    ctx.report(path, `${key} looks like a secret but is a ConfigMap value: every container that loads the ConfigMap (envFrom) gets it as a literal, and anyone who can read `
      + 'the ConfigMap (the Git repository, `kubectl get configmap -o yaml`) can use it. Move the key into a Secret the containers load with envFrom[].secretRef, and rotate the exposed value.', 'warning');
  }
}
