import { K8sEnvFromSource, K8sEnvVar, K8sEnvVarSource } from '../../imports/kubernetes';
import { IConfigMapRef, ISecretRef, SecretKeyRef } from '../core/object-refs';
import { expectKind, expectSecretKey, secretKeySelector } from '../core/ref-inspection';
import { ArgoText, ArgoVariable } from './argo-variable';

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
  public static fromConfigMap(configMap: IConfigMapRef, options: EnvSourceOptions = {}): EnvSource {
    expectKind(configMap, 'ConfigMap', 'EnvSource.fromConfigMap()');
    return new EnvSource({ configMapRef: { name: configMap.name, optional: options.optional }, prefix: options.prefix });
  }

  /** Every key of a Secret as an environment variable. */
  public static fromSecret(secret: ISecretRef, options: EnvSourceOptions = {}): EnvSource {
    expectKind(secret, 'Secret', 'EnvSource.fromSecret()');
    return new EnvSource({ secretRef: { name: secret.name, optional: options.optional }, prefix: options.prefix });
  }

  private constructor(private readonly source: K8sEnvFromSource) {}

  /** The `envFrom` entry. */
  public toEnvFromSource(): K8sEnvFromSource {
    return this.source;
  }
}

/**
 * A value Kubernetes reads when the container starts (`valueFrom`). `EnvVarSource` creates them;
 * a cdk8s-plus `EnvValue` of any major (`EnvValue.fromSecretValue(...)`) is one as well.
 */
export interface IEnvVarSource {
  /**
   * A literal value instead (what a cdk8s-plus `EnvValue.fromValue()` holds).
   * @default - none
   */
  readonly value?: string;
  /**
   * Where Kubernetes reads the value.
   * @default - none
   */
  readonly valueFrom?: K8sEnvVarSource;
}

/** Options of an environment variable read from a Secret or ConfigMap key. */
export interface EnvKeyOptions {
  /**
   * Start the container even if the Secret, ConfigMap or key is missing (the variable is then unset).
   * @default - required: the container does not start without it
   */
  readonly optional?: boolean;
}

/** Environment variable values read at run time: Secret and ConfigMap keys, pod fields, container resources. */
export class EnvVarSource implements IEnvVarSource {
  /** A key of a Secret (`secretKeyRef`): the value never appears in a manifest. */
  public static fromSecretKey(ref: SecretKeyRef, options: EnvKeyOptions = {}): EnvVarSource {
    expectSecretKey(ref, 'EnvVarSource.fromSecretKey()');
    return new EnvVarSource({ secretKeyRef: { ...secretKeySelector(ref), optional: options.optional } });
  }

  /** A key of a ConfigMap (`configMapKeyRef`). */
  public static fromConfigMapKey(configMap: IConfigMapRef, key: string, options: EnvKeyOptions = {}): EnvVarSource {
    expectKind(configMap, 'ConfigMap', 'EnvVarSource.fromConfigMapKey()');
    return new EnvVarSource({ configMapKeyRef: { name: configMap.name, key, optional: options.optional } });
  }

  /**
   * A field of the pod (`fieldRef`), e.g. `metadata.name`, `metadata.namespace`,
   * `metadata.labels['app']`, `spec.nodeName`, `spec.serviceAccountName`, `status.podIP`.
   */
  public static fromPodField(fieldPath: string): EnvVarSource {
    return new EnvVarSource({ fieldRef: { fieldPath } });
  }

  /**
   * A request or limit of the container (`resourceFieldRef`), e.g. `limits.memory`, `requests.cpu`.
   * @param divisor unit of the value, e.g. `1Mi` or `1m` (Kubernetes' default: `1`)
   */
  public static fromContainerResource(resource: string, divisor?: string): EnvVarSource {
    return new EnvVarSource({ resourceFieldRef: { resource, divisor } });
  }

  /** Any source the generated L1 type describes. */
  public static fromL1(valueFrom: K8sEnvVarSource): EnvVarSource {
    return new EnvVarSource(valueFrom);
  }

  private constructor(
    /** Where Kubernetes reads the value. */
    public readonly valueFrom: K8sEnvVarSource) {}
}

/**
 * Value of one environment variable: text (possibly an Argo variable such as
 * `WorkflowVariables.status`) or a value read at run time (`EnvVarSource.fromSecretKey(...)`, a
 * cdk8s-plus `EnvValue`).
 */
export type EnvVarValue = ArgoText | IEnvVarSource;

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
