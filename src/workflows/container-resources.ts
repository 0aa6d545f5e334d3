import { Size } from 'cdk8s';
import { K8sResourceRequirements } from '../../imports/kubernetes';
import { isSize, parseQuantity, sizeBytes, sizeQuantity } from '../core/quantity';

/**
 * An amount of CPU: cores as a number (`0.5`, `2`), a Kubernetes quantity (`'250m'`, `'1'`), or
 * a cdk8s-plus `Cpu` of any major (`Cpu.millis(250)`).
 */
export type CpuQuantity = number | string | { readonly amount: string };

/** An amount of memory or storage: a cdk8s `Size` (`Size.mebibytes(512)`) or a Kubernetes quantity (`'512Mi'`, `'1G'`). */
export type MemoryQuantity = Size | string;

/** What a container requests (reserved for it when scheduling) and may use at most. */
export interface ResourceRange<T> {
  /**
   * Reserved for the container.
   * @default - the limit, when one is set; else nothing reserved
   */
  readonly request?: T;
  /**
   * Most the container may use (beyond it CPU is throttled and memory use gets the container killed).
   * @default - no limit
   */
  readonly limit?: T;
}

/**
 * CPU, memory and ephemeral storage of a container. A cdk8s-plus `ContainerResources` of any
 * major is accepted as is.
 */
export interface ComputeResources {
  /**
   * CPU.
   * @default - none requested, no limit
   */
  readonly cpu?: ResourceRange<CpuQuantity>;
  /**
   * Memory.
   * @default - none requested, no limit
   */
  readonly memory?: ResourceRange<MemoryQuantity>;
  /**
   * Ephemeral storage (the container's writable layer, logs and emptyDir volumes on disk).
   * @default - none requested, no limit
   */
  readonly ephemeralStorage?: ResourceRange<MemoryQuantity>;
  /**
   * Names of the pod's resource claims (`resourceClaims` of the template or workflow) this
   * container uses, e.g. a GPU allocated by dynamic resource allocation.
   * @default - none
   */
  readonly claims?: string[];
}

/** A dynamic resource allocation claim of the pod (`resourceClaims[]`): give one of claim or template. */
export interface PodResourceClaim {
  /** Name containers use in `resources.claims`. */
  readonly name: string;
  /**
   * An existing ResourceClaim.
   * @default - none: give resourceClaimTemplateName
   */
  readonly resourceClaimName?: string;
  /**
   * A ResourceClaimTemplate a claim is made from for each pod.
   * @default - none: give resourceClaimName
   */
  readonly resourceClaimTemplateName?: string;
}

function quantity(value: CpuQuantity | MemoryQuantity): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (isSize(value)) return resourceSize(value);
  return value.amount;
}

/**
 * A Size in resources, rendered without throwing so that `resourceProblems()` reports a bad one
 * at its path: a fraction of a byte in kibibytes (`307.2Ki`), or rounded up to whole bytes where
 * JavaScript would print an exponent (`1e-7Ki` is no quantity); NaN,
 * infinite, negative or huge sizes rendered as kibibytes as they are (`NaNKi`).
 */
function resourceSize(size: Size): string {
  const bytes = sizeBytes(size);
  if (!Number.isFinite(bytes) || bytes < 0 || bytes > Number.MAX_SAFE_INTEGER) return `${bytes / 1024}Ki`;
  if (Number.isInteger(bytes)) return sizeQuantity(size);
  const ki = String(bytes / 1024);
  return ki.includes('e') ? String(Math.ceil(bytes)) : `${ki}Ki`;
}

const FIELDS = [['cpu', 'cpu'], ['memory', 'memory'], ['ephemeralStorage', 'ephemeral-storage']] as const;

/** @internal */
export function renderResources(r: ComputeResources | undefined): K8sResourceRequirements | undefined {
  if (!r) return undefined;
  const requests: { [k: string]: string } = {};
  const limits: { [k: string]: string } = {};
  for (const [field, name] of FIELDS) {
    const range: ResourceRange<CpuQuantity | MemoryQuantity> | undefined = r[field];
    if (range?.request !== undefined) requests[name] = quantity(range.request);
    if (range?.limit !== undefined) limits[name] = quantity(range.limit);
  }
  return {
    requests: Object.keys(requests).length ? requests : undefined,
    limits: Object.keys(limits).length ? limits : undefined,
    claims: r.claims?.length ? r.claims.map(name => ({ name })) : undefined,
  };
}

/**
 * What Kubernetes refuses in `r`: quantities that are not quantities, negative amounts, a request
 * above its limit. Each problem comes with its path below the container (`.resources.limits.cpu`).
 * @internal
 */
export function resourceProblems(r: ComputeResources | undefined): { subPath: string; message: string }[] {
  const out: { subPath: string; message: string }[] = [];
  if (!r) return out;
  for (const [field, name] of FIELDS) {
    const range: ResourceRange<CpuQuantity | MemoryQuantity> | undefined = r?.[field];
    const values: { [end: string]: number | undefined } = {};
    for (const end of ['request', 'limit'] as const) {
      const value = range?.[end];
      if (value === undefined) continue;
      const subPath = `.resources.${end}s.${name}`;
      if (isSize(value)) {
        const bytes = sizeBytes(value);
        if (!Number.isFinite(bytes)) {
          out.push({ subPath, message: `${field} ${end} is a Size of ${bytes} bytes, rendered "${quantity(value)}": Kubernetes cannot parse it, so the pod is never created. Compute a finite size (a NaN usually comes from parsing a missing setting).` });
        } else if (bytes < 0) {
          out.push({ subPath, message: `${field} ${end} ${quantity(value)} is negative: Kubernetes rejects the pod. Give an amount of 0 or more.` });
        }
        continue;
      }
      const text = quantity(value);
      const parsed = parseQuantity(text);
      if (parsed === undefined || !Number.isFinite(parsed)) {
        out.push({ subPath, message: `${field} ${end} "${text}" is not a Kubernetes quantity: Argo and Kubernetes cannot parse the container's resources, so the pod is never created. `
          + `Write a number with an optional unit, e.g. ${field === 'cpu' ? '"250m", "0.5" or "2"' : '"512Mi", "1Gi" or "500M"'}.` });
      } else if (parsed < 0) {
        out.push({ subPath, message: `${field} ${end} "${text}" is negative: Kubernetes rejects the pod. Give an amount of 0 or more.` });
      } else {
        values[end] = parsed;
      }
    }
    const requested = values.request ?? (isSize(range?.request) ? sizeBytes(range!.request as Size) : undefined);
    const limited = values.limit ?? (isSize(range?.limit) ? sizeBytes(range!.limit as Size) : undefined);
    if (requested !== undefined && limited !== undefined && requested > limited) {
      out.push({ subPath: `.resources.requests.${name}`, message: `${field} request ${quantity(range!.request!)} is above its limit ${quantity(range!.limit!)}: `
        + 'Kubernetes rejects the pod (a request must be less than or equal to the limit). Lower the request or raise the limit.' });
    }
  }
  return out;
}
