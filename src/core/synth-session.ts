import { ApiObject } from 'cdk8s';
import { IConstruct, IValidation } from 'constructs';
import { AppHelmOutput, helmOutputOf } from '../helm/helm-output';
import { lint, SCHEMA_RULE_ID } from '../lint/engine';
import { Finding, LintOptions, Manifest } from '../lint/types';
import { CRD_RULE_ID } from '../schema/validator';
import { CachedApiObject } from './cached-api-object';
import { argoPluginReportsWarnings } from './plugin-detection';
import { markChanged, revision } from './revision';
import { sameJson } from './same-json';

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
  /**
   * Rules whose warnings inside this scope fail the synth, each with what to tell the user: what
   * the construct promises (e.g. that its pods meet Pod Security "restricted"), which a linter
   * reading YAML can only warn about.
   * @default - none
   */
  readonly promises?: { readonly [ruleId: string]: string };
  /**
   * Field paths inside the scope that render objects checked as constructs of their own (a
   * sensor's resourceScope Workflow inlined in a trigger): their constructs report the findings
   * there, with their own paths, so the findings the manifest's lint makes there are left out.
   * @default - none
   */
  readonly checkedElsewhere?: readonly string[];
}

/**
 * How an object is linted when something fills it in before Argo or Kubernetes sees it (a
 * workflow a Sensor's trigger submits with arguments set from the event).
 */
export interface LintView {
  /**
   * The manifest as it will be created, from the rendered one (which stays as it is), and the
   * field paths whose values exist only then: findings at or below them are left out.
   */
  readonly filled: (rendered: Manifest) => { readonly manifest: Manifest; readonly setLater: readonly string[] };
}

/**
 * What one construct adds to synth-time validation, in one object (a large app registers tens of
 * thousands: every template and every step or task): its checks in order, and where among them
 * the rule findings of its lint scopes go. cdk8s asks it as one of the construct's validations.
 */
class Registration implements IValidation {
  /** The construct's checks: one function, or a list when it has several (few have). */
  private checks?: (() => string[]) | (() => string[])[];
  /** How many checks came before its first lint scope: its rule findings are listed there (undefined: no lint scope). */
  private lintAt?: number;

  constructor(private readonly session: SynthSession, private readonly construct: IConstruct) {}

  public addLint(): void {
    this.lintAt ??= this.checkCount();
  }

  public addCheck(run: () => string[]): void {
    if (this.checks === undefined) this.checks = run;
    else if (typeof this.checks === 'function') this.checks = [this.checks, run];
    else this.checks.push(run);
  }

  /** The messages of each check, in order. */
  public runChecks(): string[][] {
    const checks = this.checks;
    if (checks === undefined) return [];
    return typeof checks === 'function' ? [checks()] : checks.map(run => run());
  }

  /** The construct's messages: the checks' (`checked`, from runChecks) with the rule findings `rules` where its lint scope came. */
  public messages(checked: readonly string[][], rules: readonly string[] | undefined): string[] | undefined {
    const lintAt = this.lintAt ?? checked.length;
    let list: string[] | undefined;
    for (let i = 0; i <= checked.length; i++) {
      if (i === lintAt && rules?.length) (list ??= []).push(...rules);
      if (i < checked.length && checked[i].length) (list ??= []).push(...checked[i]);
    }
    return list;
  }

  public validate(): string[] {
    return this.session.answer(this.construct);
  }

  private checkCount(): number {
    const checks = this.checks;
    return checks === undefined ? 0 : typeof checks === 'function' ? 1 : checks.length;
  }
}

/** The result of linting and checking the app once, and what it was computed from. */
interface Pass {
  readonly revision: number;
  /** `findAll()` of the root: a construct added anywhere makes the pass stale. */
  readonly constructs: readonly IConstruct[];
  /** Objects rendered through their cache: each says whether it changed. */
  readonly cached: readonly CachedApiObject[];
  /** Objects this library does not render (a cdk8s-plus ConfigMap, a user's L1): compared in full. */
  readonly foreign: readonly { readonly apiObject: ApiObject; readonly json: unknown }[];
  /** Validation messages by construct. */
  readonly messages: ReadonlyMap<IConstruct, string[]>;
  /** Constructs of the tree with a validation of this session: how many answers one cdk8s round asks for. */
  readonly validated: number;
}

/**
 * Lint options of synth-time validation unless the app sets its own (`Lint.configure`): every
 * rule, the strict schema check and the full CRDs' constraints, as `cdk8s-argo lint` runs them.
 */
export const SYNTH_LINT_OPTIONS: LintOptions = Object.freeze({ schema: true, crd: true });

/** What synth-time validation may be configured with (`Lint.configure`). */
export type SynthLintOptions = Pick<LintOptions, 'schema' | 'crd' | 'workflowsVersion' | 'strictRefs'>;

const sessions = new WeakMap<IConstruct, SynthSession>();
const NO_MESSAGES: string[] = [];

/**
 * Synth-time validation of one app (one construct tree). cdk8s validates the whole app at the
 * start of `app.synth()` and again for every chart it serializes (`chart.toJson()`); its first
 * call of a round is the root's own validation, which opens the round. A round reuses the last
 * pass when nothing changed since (same constructs, same library revision, every cached object
 * current, every foreign object rendering the same JSON); otherwise it makes a new pass: renders
 * every object (cached ones keep that render for the serialization), lints them once, runs the
 * construct checks once and prints the warnings once. Each construct's validation then answers
 * from the pass. A validation called outside a round (`construct.node.validate()`) first checks
 * that the pass is current.
 */
export class SynthSession {
  /** The session of the app `construct` belongs to. */
  public static of(construct: IConstruct): SynthSession {
    // node.root would build the list of every scope above the construct.
    let root = construct;
    while (root.node.scope) root = root.node.scope;
    let session = sessions.get(root);
    if (!session) {
      session = new SynthSession(root);
      sessions.set(root, session);
    }
    return session;
  }

  private readonly contributions = new Map<IConstruct, Registration>();
  /** Lint contributions in registration order: findings are attributed through their scopes. */
  private readonly scopes: { readonly construct: IConstruct; readonly scope: () => ValidationScope }[] = [];
  private readonly preparations: (() => void)[] = [];
  /** Constructs that own no contribution but are told the findings on their objects (an ApiObject no construct claims). */
  private readonly fallbacks = new Set<IConstruct>();
  private readonly views = new Map<ApiObject, LintView>();
  private options: LintOptions = SYNTH_LINT_OPTIONS;
  private pass?: Pass;
  private round?: { answered: number; readonly expected: number };
  /** Set when the app writes for Helm: the output is escaped, and linted as Helm renders it. */
  private readonly helm?: AppHelmOutput;

  private constructor(private readonly root: IConstruct) {
    root.node.addValidation({ validate: () => this.openRound() });
    const helm = helmOutputOf(root);
    if (helm) {
      this.helm = helm;
      this.beforePass(() => helm.prepare());
    }
  }

  /** Reports rule findings inside `scope` on `construct`. */
  public addLint(construct: IConstruct, scope: () => ValidationScope): void {
    this.scopes.push({ construct, scope });
    this.registrationOf(construct).addLint();
  }

  /** Adds a check of the construct itself (what the manifests cannot show), run once per pass. */
  public addCheck(construct: IConstruct, run: () => string[]): void {
    this.registrationOf(construct).addCheck(run);
  }

  /** Runs `prepare` at the start of every pass, before the objects are rendered (e.g. to annotate objects added since). */
  public beforePass(prepare: () => void): void {
    this.preparations.push(prepare);
  }

  /** Lints `apiObject` as `view` fills it in (its output is not changed). */
  public lintAs(apiObject: ApiObject, view: LintView): void {
    markChanged();
    this.views.set(apiObject, view);
  }

  /** Sets the lint options of the app's synth-time validation (see `Lint.configure`). */
  public configure(options: SynthLintOptions): void {
    markChanged();
    this.options = Object.freeze({ ...SYNTH_LINT_OPTIONS, ...withoutUndefinedFields(options) });
  }

  /** The lint options synth-time validation uses. */
  public get lintOptions(): LintOptions {
    return this.options;
  }

  /** The parts of manifests `construct` answers for (none when it registered no lint). */
  public scopesOf(construct: IConstruct): ValidationScope[] {
    return this.scopes.filter(s => s.construct === construct).map(s => s.scope());
  }

  private registrationOf(construct: IConstruct): Registration {
    // A check or scope added to a construct already validated makes the last pass incomplete.
    markChanged();
    let registration = this.contributions.get(construct);
    if (!registration) {
      this.contributions.set(construct, registration = new Registration(this, construct));
      construct.node.addValidation(registration);
    }
    return registration;
  }

  private openRound(): string[] {
    // Output for Helm that cannot be escaped stops the synth before anything renders.
    if (this.helm?.problems.length) return [...this.helm.problems];
    const pass = this.current();
    this.round = { answered: 0, expected: pass.validated };
    return [];
  }

  /** The messages of `construct` in the current pass (its validation, as cdk8s asks it). @internal */
  public answer(construct: IConstruct): string[] {
    if (this.helm?.problems.length) return NO_MESSAGES;
    const round = this.round;
    let pass = this.pass;
    if (pass && round && round.answered < round.expected) round.answered++;
    else pass = this.current();
    // cdk8s copies what a validation returns (Node.validate() flat-maps the validations).
    return pass.messages.get(construct) ?? NO_MESSAGES;
  }

  /** The pass, made anew when anything changed since it was made. */
  private current(): Pass {
    const constructs = this.root.node.findAll();
    const pass = this.pass;
    if (pass && isCurrent(pass, constructs)) return pass;
    // A construct added may change what objects of this library render without calling a mutator.
    if (pass && !sameList(pass.constructs, constructs)) markChanged();
    this.pass = this.newPass(constructs);
    return this.pass;
  }

  private newPass(constructs: readonly IConstruct[]): Pass {
    for (const prepare of this.preparations) prepare();
    const at = revision();
    const apiObjects = constructs.filter(ApiObject.isApiObject);
    const manifests = apiObjects.map(sessionJson);
    // Construct checks first: a field one of them reports is not reported again by the schema check.
    const checked = new Map<Registration, string[][]>();
    const claimed = new Set<string>();
    for (const construct of constructs) {
      const registration = this.contributions.get(construct);
      if (!registration) continue;
      const results = registration.runChecks();
      checked.set(registration, results);
      for (const list of results) {
        for (const m of list) {
          const at = CHECK_PREFIX.exec(m);
          if (at) claimed.add(at[1]);
        }
      }
    }
    // Written for Helm, the manifests are escaped: lint them as Helm will render them.
    const helm = this.helm?.render(manifests);
    const setLater = new Map<number, readonly string[]>();
    const linted = (helm?.manifests ?? manifests).map((m, i) => {
      const view = this.views.get(apiObjects[i]);
      if (!view) return m;
      const filled = view.filled(m);
      setLater.set(i, filled.setLater);
      return filled.manifest;
    });
    const ruleMessages = this.ruleMessages(apiObjects, linted, claimed, helm?.findings, setLater);
    const messages = new Map<IConstruct, string[]>();
    let validated = 0;
    for (const construct of constructs) {
      const registration = this.contributions.get(construct);
      if (!registration) {
        if (!this.fallbacks.has(construct)) continue;
        validated++;
        const own = ruleMessages.get(construct);
        if (own) messages.set(construct, own);
        continue;
      }
      validated++;
      // Findings on an object below a construct that only checks (it claims no part of a manifest) come after its checks.
      const list = registration.messages(checked.get(registration) ?? [], ruleMessages.get(construct));
      if (list) messages.set(construct, list);
    }
    const cached = apiObjects.filter(CachedApiObject.isCached);
    const foreign = apiObjects.flatMap((apiObject, i) => (CachedApiObject.isCached(apiObject) ? [] : [{ apiObject, json: manifests[i] }]));
    return { revision: at, constructs, cached, foreign, messages, validated };
  }

  /**
   * Lints the manifests once: errors by the construct owning the deepest matching field path,
   * warnings printed. An object no construct claims answers for itself (its path names the
   * construct that made it), or through the nearest construct above it that has a validation.
   */
  private ruleMessages(apiObjects: readonly ApiObject[], manifests: readonly Manifest[], claimed: ReadonlySet<string>, extra: readonly Finding[] = [],
    setLater: ReadonlyMap<number, readonly string[]> = new Map()): Map<IConstruct, string[]> {
    const messages = new Map<IConstruct, string[]>();
    const findings = [...extra, ...reportedAtSynth(lint(manifests, this.options), claimed)];
    if (!findings.length) return messages;
    const byApiObject = new Map<ApiObject, { construct: IConstruct; scope: ValidationScope }[]>();
    for (const r of this.scopes) {
      const scope = r.scope();
      const list = byApiObject.get(scope.apiObject) ?? [];
      list.push({ construct: r.construct, scope });
      byApiObject.set(scope.apiObject, list);
    }
    const warnings: string[] = [];
    for (const finding of findings) {
      const apiObject = apiObjects[finding.manifestIndex];
      const scoped = ownerOf(byApiObject.get(apiObject) ?? [], finding.path);
      if (scoped?.scope.checkedElsewhere?.some(p => isUnder(finding.path, p))) continue;
      if (setLater.get(finding.manifestIndex)?.some(p => isUnder(finding.path, p))) continue;
      const owner = scoped?.construct ?? this.nearestValidated(apiObject);
      const promise = finding.severity === 'warning' ? ownProperty(scoped?.scope.promises, finding.ruleId) : undefined;
      const text = `${finding.object}: ${finding.path || '(object)'}: ${finding.message}${promise ? ` (${promise})` : ''} [${finding.ruleId}]`;
      if (finding.severity === 'warning' && !promise) {
        // Under `cdk8s synth` with this package's plugin, the plugin reports the warning (once).
        if (!argoPluginReportsWarnings()) warnings.push(`Warning: [${(owner ?? apiObject).node.path}] ${text}\n`);
        continue;
      }
      const target = owner ?? this.answerFor(apiObject);
      const list = messages.get(target) ?? [];
      list.push(text);
      messages.set(target, list);
    }
    // One write: thousands of warnings written one by one cost a large app a tenth of its synth.
    if (warnings.length) process.stderr.write(warnings.join(''));
    return messages;
  }

  /** The nearest construct above `construct` with a validation of this session (lint or check). */
  private nearestValidated(construct: IConstruct): IConstruct | undefined {
    for (let c = construct.node.scope; c && c !== this.root; c = c.node.scope) {
      if (this.contributions.has(c)) return c;
    }
    return undefined;
  }

  /**
   * Makes `construct` answer the session's validation, so that messages about its object are
   * printed under its own path. cdk8s validates constructs root first, so one added while the
   * root opens a round is still asked in that round.
   */
  private answerFor(construct: IConstruct): IConstruct {
    if (!this.contributions.has(construct) && !this.fallbacks.has(construct)) {
      this.fallbacks.add(construct);
      construct.node.addValidation({ validate: () => this.answer(construct) });
    }
    return construct;
  }
}

/**
 * The findings synth-time validation reports: not the schema check's note that a kind of another
 * project has no schema here (the app did not ask about it), nor a schema or CRD finding on a
 * field a rule or a construct check reports too (their messages say what Argo does with it).
 * `claimed`: `Kind/name: path` of the construct checks' messages.
 */
function reportedAtSynth(findings: readonly Finding[], claimed: ReadonlySet<string>): Finding[] {
  const ruled = new Set<string>();
  for (const f of findings) if (!isSchemaFinding(f)) ruled.add(`${f.manifestIndex} ${f.path}`);
  return findings.filter(f => !isSchemaFinding(f)
    || !(f.severity === 'warning' && f.ruleId === SCHEMA_RULE_ID && f.path === 'kind')
      && !ruled.has(`${f.manifestIndex} ${f.path}`) && !claimed.has(`${f.object}: ${f.path}`));
}

/** `Kind/name: field.path` at the start of a construct check's message (the form rule findings print). */
const CHECK_PREFIX = /^([^\s:]+\/[^\s:]*: [^\s:]+): /;

function isSchemaFinding(f: Finding): boolean {
  return f.ruleId === SCHEMA_RULE_ID || f.ruleId === CRD_RULE_ID;
}

function withoutUndefinedFields<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The JSON of an object as a pass lints it (a cached object keeps it for the serialization that follows). */
export function sessionJson(apiObject: ApiObject): Manifest {
  return CachedApiObject.isCached(apiObject) ? apiObject._sessionJson() : apiObject.toJson();
}

function isCurrent(pass: Pass, constructs: readonly IConstruct[]): boolean {
  if (pass.revision !== revision() || !sameList(pass.constructs, constructs)) return false;
  for (const o of pass.cached) if (!o._unchanged()) return false;
  for (const f of pass.foreign) if (!sameJson(f.apiObject.toJson(), f.json)) return false;
  return true;
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function ownerOf(regs: readonly { construct: IConstruct; scope: ValidationScope }[], path: string): { construct: IConstruct; scope: ValidationScope } | undefined {
  let best: { construct: IConstruct; scope: ValidationScope } | undefined;
  let bestLength = -1;
  for (const r of regs) {
    const prefix = r.scope.fieldPath ?? '';
    if (!isUnder(path, prefix) || prefix.length <= bestLength) continue;
    best = r;
    bestLength = prefix.length;
  }
  return best;
}

function ownProperty(map: { readonly [key: string]: string } | undefined, key: string): string | undefined {
  return map && Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}

/** True when `path` is `prefix` or a field/index below it. */
export function isUnder(path: string, prefix: string): boolean {
  if (!prefix) return true;
  if (!path.startsWith(prefix)) return false;
  const next = path.charAt(prefix.length);
  return next === '' || next === '.' || next === '[';
}
