import { Size, SizeRoundingBehavior } from 'cdk8s';
import { K8sResourceRequirements } from '../../imports/kubernetes';

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
}

/**
 * A Size as a quantity: whole mebibytes (`512Mi`), else kibibytes (`1536Ki`, `307.2Ki`); an amount
 * JavaScript prints with an exponent (`1e-7Ki` is no quantity: Kubernetes refuses it) in whole
 * bytes, rounded up. NaN and Infinity are rendered as they are (`NaNKi`): resourceProblems() reports them.
 * @internal
 */
export function sizeQuantity(size: Size): string {
  const mi = size.toMebibytes({ rounding: SizeRoundingBehavior.NONE });
  if (Number.isInteger(mi) && !String(mi).includes('e')) return `${mi}Mi`;
  const ki = size.toKibibytes({ rounding: SizeRoundingBehavior.NONE });
  if (!Number.isFinite(ki) || !String(ki).includes('e')) return `${ki}Ki`;
  return BigInt(Math.ceil(ki * 1024)).toString();
}

/** A cdk8s Size, also one of another copy of cdk8s than this library's. */
function isSize(value: unknown): value is Size {
  return value instanceof Size || typeof (value as Size | undefined)?.toMebibytes === 'function';
}

function quantity(value: CpuQuantity | MemoryQuantity): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (isSize(value)) return sizeQuantity(value);
  return value.amount;
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
  };
}

/** Kubernetes' quantity syntax (`<signed number><suffix>`), and the factor of each suffix. */
const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))([eE][+-]?\d+|[KMGTPE]i|[mkMGTPE])?$/;
const FACTOR: { readonly [suffix: string]: number } = {
  'm': 1e-3, '': 1, 'k': 1e3, 'M': 1e6, 'G': 1e9, 'T': 1e12, 'P': 1e15, 'E': 1e18,
  'Ki': 2 ** 10, 'Mi': 2 ** 20, 'Gi': 2 ** 30, 'Ti': 2 ** 40, 'Pi': 2 ** 50, 'Ei': 2 ** 60,
};

/** The value of a quantity in base units (cores, bytes), or undefined when it is not one. */
function parseQuantity(text: string): number | undefined {
  const m = QUANTITY.exec(text);
  if (!m) return undefined;
  const suffix = m[2] ?? '';
  const factor = /^[eE]/.test(suffix) ? 10 ** Number(suffix.slice(1)) : FACTOR[suffix];
  return Number(m[1]) * factor;
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

function sizeBytes(size: Size): number {
  return size.toKibibytes({ rounding: SizeRoundingBehavior.NONE }) * 1024;
}
