import { ApiObject } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { lint } from '../lint/engine';
import { Finding, LintOptions, Manifest } from '../lint/types';
import { prepareSuppressions, setSuppressionScopes } from './lint-suppression';
import { argoPluginReportsWarnings } from './plugin-detection';
import { handOver, PassOutput, sameJson, serializingChartOfAppSynth } from './synth-reuse';

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


const registrations = new WeakMap<IConstruct, Registration[]>();
/** Construct-level checks (what the rule engine cannot see in the manifests), by construct. */
const ownChecks = new WeakMap<IConstruct, (() => string[])[]>();
/** Constructs that already carry the validation (one per construct, however many scopes). */
const validated = new WeakSet<IConstruct>();
const passes = new WeakMap<IConstruct, Pass>();

setSuppressionScopes(construct => (registrations.get(construct.node.root) ?? []).filter(r => r.construct === construct).map(r => r.scope()));

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
  prepareSuppressions(root);
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
      // Under `cdk8s synth` with this package's plugin, the plugin reports the warning (once).
      if (!argoPluginReportsWarnings()) process.stderr.write(`Warning: [${(owner ?? apiObject).node.path}] ${text}\n`);
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
