import { childPath } from '../../path';
import { Rule, RuleContext } from '../../types';
import { isJsonObject } from '../../util/walk';

/** Kubernetes' limit on the data of a ConfigMap or a Secret (core.MaxSecretSize). */
export const MAX_DATA_BYTES = 1024 * 1024;
/** etcd's default request limit (--max-request-bytes): larger objects cannot be stored. */
export const MAX_OBJECT_BYTES = 1.5 * 1024 * 1024;
/** Kubernetes' limit on all annotations of an object together (TotalAnnotationSizeLimitB). */
export const MAX_ANNOTATION_BYTES = 256 * 1024;

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * K8S-SIZE: sizes Kubernetes enforces: the data of a ConfigMap or a Secret (1 MiB), all
 * annotations of an object (256 KiB), the object itself (etcd's 1.5 MiB request limit), and, as a
 * warning, objects too large for client-side `kubectl apply` (which copies the object into an
 * annotation).
 */
export const K8S_SIZE: Rule = {
  id: 'K8S-SIZE',
  description: 'ConfigMap and Secret data, annotations and whole objects stay within the sizes Kubernetes and etcd accept',
  check(ctx) {
    const m = ctx.manifest;
    const dataTooLarge = (m.kind === 'ConfigMap' || m.kind === 'Secret') && checkData(ctx);
    const annotationBytes = checkAnnotations(ctx);
    // Most objects are far below both limits: a bound on their JSON size, taken without writing
    // the JSON, shows it; only an object that may be near a limit is serialized and measured.
    const budget = dataTooLarge ? MAX_OBJECT_BYTES : Math.min(MAX_OBJECT_BYTES, MAX_ANNOTATION_BYTES - annotationBytes - LAST_APPLIED.length);
    try {
      if (jsonBytesAtMost(m, budget)) return;
    } catch {
      // A getter that throws: JSON.stringify throws too, below.
    }
    let json: string;
    try {
      json = JSON.stringify(m);
    } catch {
      return;
    }
    const bytes = Buffer.byteLength(json, 'utf8');
    if (bytes > MAX_OBJECT_BYTES) {
      ctx.report('', `the ${m.kind} is ${size(bytes)} as JSON: etcd refuses objects over ${size(MAX_OBJECT_BYTES)} by default ("etcdserver: request is too large"), so the apply fails. Split it (e.g. WorkflowTemplates referenced with templateRef) or move data into artifacts or volumes.`);
    } else if (!dataTooLarge && bytes + annotationBytes + LAST_APPLIED.length > MAX_ANNOTATION_BYTES) {
      ctx.report('', `the ${m.kind} is ${size(bytes)} as JSON: client-side kubectl apply (and Argo CD's default sync) copies it into the ${LAST_APPLIED} annotation, and annotations are limited to ${size(MAX_ANNOTATION_BYTES)}, so that apply fails ("metadata.annotations: Too long"). Apply it with kubectl apply --server-side (Argo CD: ServerSideApply=true) or kubectl create, or split it.`, 'warning');
    }
  },
};

/** Reports data over the limit; returns whether it did. */
function checkData(ctx: RuleContext): boolean {
  const m = ctx.manifest;
  const sections: { readonly field: string; readonly base64: boolean }[] = m.kind === 'ConfigMap'
    ? [{ field: 'data', base64: false }, { field: 'binaryData', base64: true }]
    : [{ field: 'stringData', base64: false }, { field: 'data', base64: true }];
  const counted = new Set<string>();
  let total = 0;
  for (const { field, base64 } of sections) {
    const section = Object.prototype.hasOwnProperty.call(m, field) ? m[field] : undefined;
    if (!isJsonObject(section)) continue;
    for (const [key, value] of Object.entries(section)) {
      // A Secret's stringData entry replaces the data entry of the same key.
      if (typeof value !== 'string' || (m.kind === 'Secret' && counted.has(key))) continue;
      counted.add(key);
      total += base64 ? decodedLength(value) : Buffer.byteLength(value, 'utf8');
    }
  }
  if (total <= MAX_DATA_BYTES) return false;
  const at = ['data', 'binaryData', 'stringData'].find(f => isJsonObject(m[f])) ?? '';
  ctx.report(at, `the ${m.kind} holds ${size(total)} of data: Kubernetes rejects ${m.kind}s over ${size(MAX_DATA_BYTES)} ("must have at most ${MAX_DATA_BYTES} bytes"). `
    + (m.kind === 'ConfigMap' ? 'Split it into several ConfigMaps, or keep large files in an artifact or a volume.' : 'Split it into several Secrets, or keep large files in a secret store mounted as a volume.'));
  return true;
}

/** Reports annotations over the limit; returns their size. */
function checkAnnotations(ctx: RuleContext): number {
  const metadata = ctx.manifest.metadata;
  const annotations = isJsonObject(metadata) ? metadata.annotations : undefined;
  if (!isJsonObject(annotations)) return 0;
  let total = 0;
  for (const [key, value] of Object.entries(annotations)) {
    total += Buffer.byteLength(key, 'utf8') + (typeof value === 'string' ? Buffer.byteLength(value, 'utf8') : 0);
  }
  if (total > MAX_ANNOTATION_BYTES) {
    ctx.report(childPath('metadata', 'annotations'), `the annotations take ${size(total)}: Kubernetes rejects objects whose annotations exceed ${size(MAX_ANNOTATION_BYTES)} ("metadata.annotations: Too long: must have at most ${MAX_ANNOTATION_BYTES} bytes"). Keep large data in a ConfigMap or an artifact.`);
  }
  return total;
}

/** Deeper than this, the bound gives up (and a cyclic object, which JSON.stringify refuses, ends there). */
const MAX_BOUND_DEPTH = 512;
/** At least the longest JSON of a number: 25 characters (`-0.0000012345678901234567`). */
const MAX_NUMBER_BYTES = 32;
/** The most UTF-8 bytes JSON.stringify writes for one UTF-16 code unit of a string: `\u001f`, or a lone surrogate's `\ud800`. */
const MAX_BYTES_PER_CODE_UNIT = 6;

/**
 * True when `value`'s JSON (UTF-8) is certainly at most `budget` bytes: an upper bound on its size,
 * from the lengths of its strings and the count of its values, stays within it. False means
 * only "not shown": the exact size must be measured. Anything JSON.stringify treats specially
 * (toJSON, a BigInt, an object that is not a plain object or array) or too deep for the bound
 * is left to the exact measure.
 */
function jsonBytesAtMost(value: unknown, budget: number): boolean {
  return budget >= 0 && boundJson(value, budget, 0) <= budget;
}

/** An upper bound on the JSON bytes of `value`, or any number over `budget` once the bound passes it. */
function boundJson(value: unknown, budget: number, depth: number): number {
  switch (typeof value) {
    case 'string': return value.length * MAX_BYTES_PER_CODE_UNIT + 2;
    case 'number': return MAX_NUMBER_BYTES;
    case 'boolean': return 5;
    case 'object': break;
    case 'bigint': return Infinity;
    // undefined, a function or a symbol: left out of an object, `null` in an array.
    default: return 4;
  }
  if (value === null) return 4;
  if (depth >= MAX_BOUND_DEPTH || typeof (value as { toJSON?: unknown }).toJSON === 'function') return Infinity;
  const prototype = Object.getPrototypeOf(value);
  // A boxed number or string, a Map...: JSON.stringify does not write their own keys.
  if (!Array.isArray(value) && prototype !== Object.prototype && prototype !== null) return Infinity;
  // Brackets, plus per entry a comma and, in an object, the quoted key and its colon.
  let total = 2;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length && total <= budget; i++) total += 1 + boundJson(value[i], budget - total, depth + 1);
  } else {
    const object = value as { readonly [key: string]: unknown };
    for (const key of Object.keys(object)) {
      total += key.length * MAX_BYTES_PER_CODE_UNIT + 4 + boundJson(object[key], budget - total, depth + 1);
      if (total > budget) break;
    }
  }
  return total;
}

/** Bytes a base64 string decodes to. */
function decodedLength(text: string): number {
  const trimmed = text.replace(/\s+/g, '');
  const padding = trimmed.endsWith('==') ? 2 : trimmed.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((trimmed.length * 3) / 4) - padding);
}

function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 2)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(bytes % 1024 === 0 ? 0 : 1)} KiB`;
  return `${bytes} bytes`;
}
