import { ApiObject } from 'cdk8s';
import { Manifest } from '../lint/types';
import { isPlainObject } from '../lint/util/walk';

// How synth-time validation avoids repeating work within one `App.synth()` (see validation.ts).

/** What one validation pass rendered: the objects and their JSON. */
export interface PassOutput {
  readonly apiObjects: readonly ApiObject[];
  readonly manifests: readonly Manifest[];
  /** Whether the manifests were already offered to the output serialization (see `handOver`). */
  handedOver: boolean;
}

/** Deep equality of two JSON values, key order included (as comparing their serializations would). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], other[i])) return false;
    return true;
  }
  // A Date, a class instance...: not plain JSON, so not comparable key by key; lint again.
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  const otherKeys = Object.keys(b);
  if (keys.length !== otherKeys.length) return false;
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== otherKeys[i] || !sameJson((a as any)[keys[i]], (b as any)[keys[i]])) return false;
  }
  return true;
}

const handedOverToJson = new WeakSet<Function>();

/**
 * Inside `App.synth()`, the JSON this validation pass made of every object is exactly what the
 * serialization that follows would compute again (no user code runs in between), and computing
 * it is a sixth of synth time at 1,000 WorkflowTemplates. So each object answers its next
 * `toJson()` with that JSON, once; the prototype's method is back right after, and a microtask
 * removes whatever a synth that threw half-way left unused. Objects with their own `toJson`
 * (a test spy, a user's override) are left alone.
 */
export function handOver(output: PassOutput): void {
  if (output.handedOver) return;
  output.handedOver = true;
  const installed: ApiObject[] = [];
  output.apiObjects.forEach((apiObject, i) => {
    if (Object.prototype.hasOwnProperty.call(apiObject, 'toJson')) return;
    const manifest = output.manifests[i];
    const once = () => {
      delete (apiObject as { toJson?: unknown }).toJson;
      return manifest;
    };
    handedOverToJson.add(once);
    Object.defineProperty(apiObject, 'toJson', { value: once, configurable: true, writable: true });
    installed.push(apiObject);
  });
  queueMicrotask(() => {
    for (const apiObject of installed) {
      const own = Object.getOwnPropertyDescriptor(apiObject, 'toJson');
      if (own && handedOverToJson.has(own.value)) delete (apiObject as { toJson?: unknown }).toJson;
    }
  });
}

/**
 * True while `App.synth()`/`synthYaml()` serializes a chart: cdk8s re-validates the whole app
 * there, right after validating it at the start of the same call, with no user code in between,
 * so the previous pass still holds and converting every object to JSON again to compare can be
 * skipped (it was a fifth of synth time at 1,000 WorkflowTemplates). Any other caller (a direct
 * `chart.toJson()`, `Testing.synth`, an unknown cdk8s version) gets a full comparison.
 */
export function serializingChartOfAppSynth(): boolean {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 40;
  const frames = (new Error().stack ?? '').split('\n');
  Error.stackTraceLimit = limit;
  const i = frames.findIndex(f => /\b_synthChart \(/.test(f));
  return i > 0 && /\bChart\.toJson \(/.test(frames[i + 1] ?? '') && /\bApp\.synth(Yaml)? \(/.test(frames[i + 2] ?? '');
}
