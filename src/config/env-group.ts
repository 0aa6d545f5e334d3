import { createHash } from 'crypto';
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { K8sEnvFromSource } from '../../imports/kubernetes';
import { KubeConfigMap } from '../core/kube-objects';
import { ISecretRef } from '../core/object-refs';
import { namespaceOf } from '../core/ref-inspection';
import { addConstructCheck } from '../core/validation';
import { DNS1123_SUBDOMAIN_FORMAT, nameProblem } from '../lint/util/names';
import { IEnvSource } from '../workflows';
import { constructId } from '../core/construct-id';

/** Names usable as environment variables in any shell: letters, digits and `_`, not starting with a digit. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A value of an environment group; numbers and booleans become strings. */
export type EnvGroupValue = string | number | boolean;

/** Options of `ConfigMapEnv.addGroup()`. */
export interface EnvGroupOptions {
  /**
   * Name of the ConfigMap.
   * @default - the ConfigMapEnv's namePrefix followed by the group name
   */
  readonly configMapName?: string;
  /**
   * Make the ConfigMap immutable and append a hash of its content to its name, so a change
   * creates a new ConfigMap and the templates that use it pick it up on their next run.
   * @default - the ConfigMapEnv's `immutable` (false)
   */
  readonly immutable?: boolean;
  /**
   * Prefix added by Kubernetes to every variable name of the group (`envFrom[].prefix`).
   * @default - none
   */
  readonly prefix?: string;
}

/** Options of `ConfigMapEnv.addSecretGroup()`. */
export interface SecretEnvGroupOptions {
  /**
   * Prefix added by Kubernetes to every variable name of the group (`envFrom[].prefix`).
   * @default - none
   */
  readonly prefix?: string;
  /**
   * Start containers even when the Secret does not exist.
   * @default false
   */
  readonly optional?: boolean;
}

/** @internal What backs a group. */
export type EnvGroupBacking =
  | { readonly kind: 'configMap'; readonly values: { readonly [key: string]: EnvGroupValue }; readonly options: EnvGroupOptions; readonly immutable: boolean; readonly name: string; readonly namespace?: string }
  | { readonly kind: 'secret'; readonly secret: ISecretRef; readonly options: SecretEnvGroupOptions };

/**
 * A named group of environment variables (e.g. `common`, or one per workflow), backed by a
 * ConfigMap created here or by an existing Secret. Attach it to a container or script template
 * (`envFrom: [group]` or `template.addEnvFrom(group)`): it adds one `envFrom` entry, so a template
 * gets exactly the groups it asks for.
 */
export class EnvGroup extends Construct implements IEnvSource {
  /** The group name. */
  public readonly groupName: string;
  /** The ConfigMap holding the values (undefined for a Secret-backed group). */
  public readonly configMap?: ApiObject;
  /** The Secret holding the values (undefined for a ConfigMap-backed group). */
  public readonly secret?: ISecretRef;
  /** The variable values as strings, keyed by name (empty for a Secret-backed group: its values are not known here). */
  public readonly data: { readonly [name: string]: string };

  /** @internal */
  constructor(scope: Construct, id: string, private readonly backing: EnvGroupBacking) {
    super(scope, constructId(scope, id, 'a group name'));
    this.groupName = id;
    if (backing.kind === 'configMap') {
      this.data = Object.fromEntries(Object.entries(backing.values).map(([k, v]) => [k, String(v)]));
      const name = backing.immutable ? `${backing.name}-${contentHash(this.data)}` : backing.name;
      this.configMap = new KubeConfigMap(this, 'ConfigMap', {
        metadata: { name, namespace: backing.namespace },
        data: Object.keys(this.data).length ? sortedCopy(this.data) : undefined,
        // `immutable: false` too, as cdk8s-plus rendered it, so that manifests do not change for apps upgrading.
        immutable: backing.immutable,
      });
    } else {
      this.data = {};
      this.secret = backing.secret;
    }
    addConstructCheck(this, () => this.validateGroup());
  }

  /** Name of the ConfigMap or Secret. */
  public get resourceName(): string {
    return this.configMap?.name ?? this.secret!.name;
  }

  /** `ConfigMap` or `Secret`. */
  public get resourceKind(): 'ConfigMap' | 'Secret' {
    return this.configMap ? 'ConfigMap' : 'Secret';
  }

  /** Namespace of the backing object, when the app knows it. */
  public get namespace(): string | undefined {
    return namespaceOf(this.configMap ?? this.secret!);
  }

  /** The `envFrom` entry: `configMapRef` or `secretRef`. */
  public toEnvFromSource(): K8sEnvFromSource {
    if (this.backing.kind === 'configMap') {
      return { configMapRef: { name: this.configMap!.name }, prefix: this.backing.options.prefix };
    }
    const o = this.backing.options;
    return { secretRef: { name: this.backing.secret.name, optional: o.optional }, prefix: o.prefix };
  }

  private validateGroup(): string[] {
    const errors: string[] = [];
    const where = `${this.resourceKind}/${this.resourceName}`;
    const prefix = this.backing.options.prefix ?? '';
    if (prefix && !ENV_NAME.test(prefix)) {
      errors.push(`${where}: envFrom prefix "${prefix}" of group "${this.groupName}" does not start a valid environment variable name: `
        + 'Kubernetes would skip every variable of the group. Use letters, digits and "_", not starting with a digit.');
    }
    if (this.backing.kind !== 'configMap') return errors;
    const problem = nameProblem(this.resourceName, DNS1123_SUBDOMAIN_FORMAT);
    if (problem) {
      errors.push(`${where}: metadata.name: the ConfigMap name of group "${this.groupName}" ${problem}: Kubernetes rejects the ConfigMap. `
        + 'Choose a lowercase group name or set configMapName.');
    }
    for (const key of Object.keys(this.data)) {
      if (ENV_NAME.test(key)) continue;
      errors.push(`${where}: data.${key}: "${key}" in group "${this.groupName}" is not a valid environment variable name: `
        + 'Kubernetes skips it when it loads the group with envFrom, so the container starts without it (only an event says so). '
        + `Use letters, digits and "_", not starting with a digit (e.g. "${suggestEnvName(key)}").`);
    }
    return errors;
  }
}

/** First 10 hex digits of a SHA-256 over the sorted entries: stable across synths. */
function contentHash(data: { readonly [key: string]: string }): string {
  return createHash('sha256').update(JSON.stringify(Object.entries(sortedCopy(data)))).digest('hex').slice(0, 10);
}

function sortedCopy(data: { readonly [key: string]: string }): { [key: string]: string } {
  return Object.fromEntries(Object.keys(data).sort().map(k => [k, data[k]]));
}

function suggestEnvName(key: string): string {
  const cleaned = key.replace(/[^A-Za-z0-9_]+/g, '_').toUpperCase();
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned || 'NAME';
}
