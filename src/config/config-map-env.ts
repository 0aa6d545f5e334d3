import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { EnvGroup, EnvGroupOptions, EnvGroupValue, SecretEnvGroupOptions } from './env-group';
import { appManifests, warn } from './support';

/** Props of a `ConfigMapEnv`. */
export interface ConfigMapEnvProps {
  /**
   * Prefix of every ConfigMap name, e.g. `starbucks-` gives `starbucks-common`.
   * @default - none: the group name
   */
  readonly namePrefix?: string;
  /**
   * Namespace of the ConfigMaps; it must be the namespace the workflows run in.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
  /**
   * Make every ConfigMap immutable, with a content hash in its name (see `EnvGroupOptions.immutable`).
   * @default false
   */
  readonly immutable?: boolean;
}

/**
 * Environment groups for workflow containers, declared from plain key/value objects: each group
 * becomes one ConfigMap (or points at an existing Secret) and reaches exactly the templates that
 * attach it, as an `envFrom` entry.
 *
 * ```ts
 * const env = new ConfigMapEnv(this, 'env');
 * const common = env.addGroup('common', { COUNTRY: 'South Korea' });
 * const a = env.addGroup('a-workflow', { SIZE: 'tall', DRINK: 'americano' });
 * wt.addContainerTemplate('start', { image: 'a-workflow:1.4.2', envFrom: [common, a] });
 * ```
 */
export class ConfigMapEnv extends Construct {
  private readonly groupList: EnvGroup[] = [];

  constructor(scope: Construct, id: string, private readonly props: ConfigMapEnvProps = {}) {
    super(scope, id);
    this.node.addValidation({ validate: () => this.validateUses() });
  }

  /** The groups, in the order they were added. */
  public get groups(): readonly EnvGroup[] {
    return this.groupList;
  }

  /**
   * Adds a group backed by a new ConfigMap holding `values` (numbers and booleans become strings).
   * @param name group name, also the ConfigMap name (after namePrefix)
   */
  public addGroup(name: string, values: { readonly [key: string]: EnvGroupValue }, options: EnvGroupOptions = {}): EnvGroup {
    this.checkNew(name);
    const group = new EnvGroup(this, name, {
      kind: 'configMap',
      values,
      options,
      immutable: options.immutable ?? this.props.immutable ?? false,
      name: options.configMapName ?? `${this.props.namePrefix ?? ''}${name}`,
      namespace: this.props.namespace,
    });
    this.groupList.push(group);
    return group;
  }

  /**
   * Adds a group backed by an existing Secret (`envFrom[].secretRef`): every key of the Secret
   * becomes a variable. The values stay in the Secret and never appear in a manifest.
   */
  public addSecretGroup(name: string, secret: kplus.ISecret, options: SecretEnvGroupOptions = {}): EnvGroup {
    this.checkNew(name);
    const group = new EnvGroup(this, name, { kind: 'secret', secret, options });
    this.groupList.push(group);
    return group;
  }

  /** The group with that name; throws when there is none. */
  public group(name: string): EnvGroup {
    const g = this.groupList.find(x => x.groupName === name);
    if (!g) throw new Error(`${this.node.path}: no environment group "${name}" (groups: ${this.groupList.map(x => x.groupName).join(', ') || 'none'}). Add it with addGroup().`);
    return g;
  }

  private checkNew(name: string): void {
    if (this.groupList.some(g => g.groupName === name)) {
      throw new Error(`${this.node.path}: an environment group named "${name}" already exists: each group becomes one ConfigMap. Add the values to that group or choose another name.`);
    }
  }

  /**
   * Checks every container of the app that attaches groups of this ConfigMapEnv: the namespace
   * matches (errors), and no variable is set by two attached groups to different values (warnings).
   */
  private validateUses(): string[] {
    const errors: string[] = [];
    const byRef = new Map<string, EnvGroup>();
    for (const g of this.groupList) byRef.set(`${g.resourceKind}/${g.resourceName}`, g);
    for (const { manifest } of appManifests(this)) {
      const label = `${manifest.kind}/${manifest.metadata?.name ?? manifest.metadata?.generateName ?? ''}`;
      forEachEnvFrom(manifest, '', (path, envFrom) => {
        const attached: EnvGroup[] = [];
        envFrom.forEach((source: any) => {
          const ref = source?.configMapRef ? `ConfigMap/${source.configMapRef.name}` : source?.secretRef ? `Secret/${source.secretRef.name}` : undefined;
          const group = ref ? byRef.get(ref) : undefined;
          if (!group) return;
          attached.push(group);
          const ns = manifest.metadata?.namespace;
          if (group.namespace && ns && group.namespace !== ns) {
            errors.push(`${label}: ${path}.envFrom: attaches group "${group.groupName}" (${ref} in namespace "${group.namespace}") but runs in namespace "${ns}": `
              + 'Kubernetes looks the ConfigMap or Secret up in the pod\'s namespace, so the container would not start. Put both in the same namespace.');
          }
        });
        warnOverlaps(this, label, path, attached);
      });
    }
    return errors;
  }
}

function warnOverlaps(scope: Construct, label: string, path: string, groups: EnvGroup[]): void {
  const seen = new Map<string, { group: EnvGroup; value: string }>();
  for (const group of groups) {
    for (const [key, value] of Object.entries(group.data)) {
      const before = seen.get(key);
      if (before && before.value !== value) {
        warn(scope, `${label}: ${path}.envFrom: groups "${before.group.groupName}" and "${group.groupName}" both set ${key} ("${before.value}" and "${value}"): `
          + `Kubernetes keeps the value of the later one, "${group.groupName}". If that is not intended, rename the variable or set a prefix on one group.`);
      }
      seen.set(key, { group, value });
    }
  }
}

/** Calls `fn` for every object of the manifest holding an `envFrom` list (containers of any kind). */
function forEachEnvFrom(value: any, path: string, fn: (path: string, envFrom: any[]) => void): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => forEachEnvFrom(v, `${path}[${i}]`, fn));
    return;
  }
  if (!value || typeof value !== 'object') return;
  if (Array.isArray(value.envFrom)) fn(path, value.envFrom);
  for (const [k, v] of Object.entries(value)) {
    if (v && typeof v === 'object') forEachEnvFrom(v, path ? `${path}.${k}` : k, fn);
  }
}
