import { ApiObject } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { lint } from '../lint/engine';
import { Finding, LintOptions, Manifest } from '../lint/types';

/** What part of the synthesized output a construct answers for. */
export interface ValidationScope {
  /** The API object whose manifest holds the construct's output. */
  readonly apiObject: ApiObject;
  /**
   * Field path inside that manifest the construct owns, e.g. `spec.templates[2]` for a
   * template; findings at or below it are reported on this construct.
   * @default '' (the whole manifest)
   */
  readonly fieldPath?: string;
}

interface Registration {
  readonly construct: IConstruct;
  readonly scope: () => ValidationScope;
}

interface Pass {
  readonly messages: Map<IConstruct, string[]>;
  /** Results of the constructs' own checks in this pass (shared by App.synth's per-chart repeats). */
  readonly checks: Map<IConstruct, string[]>;
  /** Registrations already answered from this pass: asking again means a new validation pass. */
  readonly consumed: Set<Registration>;
  /** The objects this pass converted to JSON, and their JSON: a new pass over identical output reuses the findings. */
  readonly output: PassOutput;
}

interface PassOutput {
  readonly apiObjects: readonly ApiObject[];
  readonly manifests: readonly Manifest[];
  /** Whether the manifests were already offered to the output serialization (see `handOver`). */
  handedOver: boolean;
}

const registrations = new WeakMap<IConstruct, Registration[]>();
/** Construct-level checks (what the rule engine cannot see in the manifests), by construct. */
const ownChecks = new WeakMap<IConstruct, (() => string[])[]>();
/** Constructs that already carry the validation (one per construct, however many scopes). */
const validated = new WeakSet<IConstruct>();
const passes = new WeakMap<IConstruct, Pass>();

/**
 * Lint options constructs use at synth time: semantic rules only. The strict schema check
 * needs the schema files and runs in the linter, the cdk8s plugin and the tests.
 */
const SYNTH_LINT_OPTIONS: LintOptions = { schema: false };

/**
 * Registers synth-time validation for an Argo construct. The rule engine runs once per
 * validation pass over every API object of the app (so references across objects resolve),
 * and each finding is reported on the construct that owns the deepest matching field path,
 * so the error names the construct a user wrote. Warnings go to stderr; errors fail synth.
 * `check` adds the construct's own checks (what the manifests cannot show, e.g. which object a
 * reference points at); its errors follow the rule engine's, and within one `App.synth()` it runs
 * once, not again for every chart cdk8s serializes.
 */
export function addArgoValidation(construct: Construct, scope: () => ValidationScope, check?: () => string[]): void {
  if (check) ownChecks.set(construct, [...(ownChecks.get(construct) ?? []), check]);
  const root = construct.node.root;
  const list = registrations.get(root) ?? [];
  const registration: Registration = { construct, scope };
  list.push(registration);
  registrations.set(root, list);
  if (!validated.has(construct)) {
    validated.add(construct);
    construct.node.addValidation({ validate: () => messagesFor(registration) });
  }
}

function messagesFor(registration: Registration): string[] {
  const root = registration.construct.node.root;
  let pass = passes.get(root);
  if (!pass || pass.consumed.has(registration)) {
    pass = runPass(root, pass);
    passes.set(root, pass);
  }
  pass.consumed.add(registration);
  const messages = pass.messages.get(registration.construct) ?? [];
  const checks = ownChecks.get(registration.construct);
  if (!checks) return messages;
  let own = pass.checks.get(registration.construct);
  if (!own) {
    own = checks.flatMap(check => check());
    pass.checks.set(registration.construct, own);
  }
  return own.length ? [...messages, ...own] : messages;
}

/**
 * cdk8s validates the whole app once per synth and again for every chart it serializes, so the
 * same output is validated several times in a row: lint (and print warnings) only when it changed.
 */
function runPass(root: IConstruct, previous: Pass | undefined): Pass {
  if (previous && serializingChartOfAppSynth()) {
    handOver(previous.output);
    return { ...previous, consumed: new Set() };
  }
  const apiObjects = root.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject);
  const manifests: Manifest[] = apiObjects.map(o => o.toJson());
  const output: PassOutput = { apiObjects, manifests, handedOver: false };
  if (previous && sameJson(previous.output.manifests, manifests)) return { ...previous, consumed: new Set(), checks: new Map(), output };
  const findings = lint(manifests, SYNTH_LINT_OPTIONS);
  const messages = new Map<IConstruct, string[]>();
  if (!findings.length) return { messages, consumed: new Set(), checks: new Map(), output };
  const regs = registrations.get(root) ?? [];
  const byApiObject = new Map<ApiObject, { construct: IConstruct; scope: ValidationScope }[]>();
  for (const r of regs) {
    const scope = r.scope();
    const list = byApiObject.get(scope.apiObject) ?? [];
    list.push({ construct: r.construct, scope });
    byApiObject.set(scope.apiObject, list);
  }
  for (const finding of findings) {
    const apiObject = apiObjects[finding.manifestIndex];
    const owner = ownerOf(byApiObject.get(apiObject) ?? [], finding.path);
    const text = `${finding.object}: ${finding.path || '(object)'}: ${finding.message} [${finding.ruleId}]`;
    if (finding.severity === 'warning') {
      process.stderr.write(`Warning: [${(owner ?? apiObject).node.path}] ${text}\n`);
      continue;
    }
    const target = owner ?? regs[0]?.construct;
    if (!target) continue;
    const line = owner ? text : `${apiObject.node.path}: ${text}`;
    const list = messages.get(target) ?? [];
    list.push(line);
    messages.set(target, list);
  }
  return { messages, consumed: new Set(), checks: new Map(), output };
}

/** Deep equality of two JSON values, key order included (as comparing their serializations would). */
function sameJson(a: unknown, b: unknown): boolean {
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

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
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
function handOver(output: PassOutput): void {
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
function serializingChartOfAppSynth(): boolean {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 40;
  const frames = (new Error().stack ?? '').split('\n');
  Error.stackTraceLimit = limit;
  const i = frames.findIndex(f => /\b_synthChart \(/.test(f));
  return i > 0 && /\bChart\.toJson \(/.test(frames[i + 1] ?? '') && /\bApp\.synth(Yaml)? \(/.test(frames[i + 2] ?? '');
}

function ownerOf(regs: { construct: IConstruct; scope: ValidationScope }[], path: string): IConstruct | undefined {
  let best: IConstruct | undefined;
  let bestLength = -1;
  for (const { construct, scope } of regs) {
    const prefix = scope.fieldPath ?? '';
    if (!isUnder(path, prefix) || prefix.length <= bestLength) continue;
    best = construct;
    bestLength = prefix.length;
  }
  return best;
}

/** True when `path` is `prefix` or a field/index below it. */
export function isUnder(path: string, prefix: string): boolean {
  if (!prefix) return true;
  if (!path.startsWith(prefix)) return false;
  const next = path.charAt(prefix.length);
  return next === '' || next === '.' || next === '[';
}

/** Findings of the whole app, as the constructs' validation sees them (for tests and tools). */
export function lintConstructTree(root: IConstruct, options: LintOptions = SYNTH_LINT_OPTIONS): Finding[] {
  const apiObjects = root.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject);
  return lint(apiObjects.map(o => o.toJson()), options);
}
