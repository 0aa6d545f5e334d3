import { Construct } from 'constructs';
import { ISecretRef } from '../core/object-refs';
import { expectKind } from '../core/ref-inspection';
import { addConstructCheck } from '../core/validation';
import { EnvGroup, EnvGroupOptions, EnvGroupValue, SecretEnvGroupOptions } from './env-group';
import { PodTemplate } from '../workflows/container-template';
import { constructId } from '../core/construct-id';

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
    super(scope, constructId(scope, id));
    addConstructCheck(this, () => this.validateUses());
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
  public addSecretGroup(name: string, secret: ISecretRef, options: SecretEnvGroupOptions = {}): EnvGroup {
    expectKind(secret, 'Secret', `${this.node.path}: addSecretGroup("${name}")`);
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
   * Every container template of the app that attaches a group of this ConfigMapEnv runs in the
   * group's namespace (objects are compared, not names: two namespaces may hold equal names).
   * Conflicting values between attached groups are the linter's K8S-ENV-OVERLAP warning.
   */
  private validateUses(): string[] {
    const errors: string[] = [];
    for (const t of this.node.root.node.findAll()) {
      if (!(t instanceof PodTemplate)) continue;
      const ns = t.spec.apiObject.metadata.namespace;
      for (const source of t.container.envFromSources) {
        const group = this.groupList.find(g => g === source);
        if (!group || !group.namespace || !ns || group.namespace === ns) continue;
        errors.push(`${t.spec.objectLabel}: ${t.fieldPath}.container.envFrom: attaches group "${group.groupName}" `
          + `(${group.resourceKind}/${group.resourceName} in namespace "${group.namespace}") but runs in namespace "${ns}": `
          + 'Kubernetes looks the ConfigMap or Secret up in the pod\'s namespace, so the container would not start. Put both in the same namespace.');
      }
    }
    return errors;
  }
}
