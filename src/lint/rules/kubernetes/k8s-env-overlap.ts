import { childPath } from '../../path';
import { Manifest, Rule } from '../../types';
import { containersOf } from '../../util/containers';
import { isJsonObject } from '../../util/walk';

/**
 * K8S-ENV-OVERLAP (warning): two ConfigMaps of one container's `envFrom`, both in the linted set,
 * set one variable to different values. Kubernetes keeps the later one silently; usually one of
 * the groups was not meant to reach this container, or the variable needs a prefix.
 */
export const K8S_ENV_OVERLAP: Rule = {
  id: 'K8S-ENV-OVERLAP',
  description: 'ConfigMaps attached to one container with envFrom do not set one variable to different values',
  check(ctx) {
    const namespace = ctx.manifest.metadata?.namespace;
    for (const at of containersOf(ctx.manifest)) {
      const envFrom = Array.isArray(at.container.envFrom) ? at.container.envFrom : [];
      const seen = new Map<string, { configMap: string; value: string }>();
      envFrom.forEach((source: unknown, i: number) => {
        if (!isJsonObject(source) || !isJsonObject(source.configMapRef)) return;
        const name = String(source.configMapRef.name ?? '');
        const configMap = ctx.index.find('ConfigMap', name, namespace);
        if (!configMap) return;
        const prefix = typeof source.prefix === 'string' ? source.prefix : '';
        for (const [key, value] of Object.entries(dataOf(configMap))) {
          const variable = prefix + key;
          const before = seen.get(variable);
          if (before && before.value !== value) {
            ctx.report(childPath(at.path, 'envFrom', i), `ConfigMaps "${before.configMap}" and "${name}" both set ${variable} `
              + `("${before.value}" and "${value}"): Kubernetes silently keeps the later one, "${name}". If that is not intended, `
              + 'rename the variable, give one source a prefix, or attach only the ConfigMap this container needs.', 'warning');
          }
          seen.set(variable, { configMap: name, value });
        }
      });
    }
  },
};

function dataOf(configMap: Manifest): { [key: string]: string } {
  return isJsonObject(configMap.data) ? configMap.data as { [key: string]: string } : {};
}
