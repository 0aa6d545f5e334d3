import * as kplus from 'cdk8s-plus-27';
import { K8sEnvFromSource, K8sEnvVar } from '../../imports/kubernetes';
import { ArgoText, ArgoVariable } from './expressions';

/**
 * A source of many environment variables at once (`envFrom`): a ConfigMap or a Secret. Implement
 * it to attach your own groups (e.g. a construct that owns a ConfigMap of settings).
 */
export interface IEnvSource {
  /** The `envFrom` entry for a container. */
  toEnvFromSource(): K8sEnvFromSource;
}

/** Options of an `envFrom` source. */
export interface EnvSourceOptions {
  /**
   * Prefix added to every variable name.
   * @default - none
   */
  readonly prefix?: string;
  /**
   * Start the container even if the ConfigMap or Secret is missing.
   * @default - required
   */
  readonly optional?: boolean;
}

/** `envFrom` sources for container and script templates. */
export class EnvSource implements IEnvSource {
  /** Every key of a ConfigMap as an environment variable. */
  public static fromConfigMap(configMap: kplus.IConfigMap, options: EnvSourceOptions = {}): EnvSource {
    return new EnvSource({ configMapRef: { name: configMap.name, optional: options.optional }, prefix: options.prefix });
  }

  /** Every key of a Secret as an environment variable. */
  public static fromSecret(secret: kplus.ISecret, options: EnvSourceOptions = {}): EnvSource {
    return new EnvSource({ secretRef: { name: secret.name, optional: options.optional }, prefix: options.prefix });
  }

  private constructor(private readonly source: K8sEnvFromSource) {}

  /** The `envFrom` entry. */
  public toEnvFromSource(): K8sEnvFromSource {
    return this.source;
  }
}

/**
 * Value of one environment variable: text (possibly an Argo variable such as
 * `WorkflowVariables.status`) or a cdk8s-plus `EnvValue` (`EnvValue.fromSecretValue(...)`,
 * `EnvValue.fromConfigMap(...)`, `EnvValue.fromFieldRef(...)`).
 */
export type EnvVarValue = ArgoText | kplus.EnvValue;

/** @internal */
export function renderEnv(env: { readonly [name: string]: EnvVarValue } | undefined): K8sEnvVar[] | undefined {
  if (!env) return undefined;
  return Object.entries(env).map(([name, value]) => {
    if (typeof value === 'string' || value instanceof ArgoVariable) return { name, value: String(value) };
    return { name, value: value.value, valueFrom: value.valueFrom };
  });
}

/** @internal */
export function renderEnvFrom(sources: readonly IEnvSource[] | undefined): K8sEnvFromSource[] | undefined {
  return sources?.map(s => s.toEnvFromSource());
}
