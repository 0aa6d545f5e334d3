import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { AppHelmOutput, helmOutputOf } from '../helm/helm-output';
import { lint } from '../lint/engine';
import { Finding, LintOptions, Manifest } from '../lint/types';
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
}

/** What a construct adds to its validation: the rule findings in its scope, or a check of its own. */
type Contribution =
  | { readonly kind: 'lint'; readonly scope: () => ValidationScope }
  | { readonly kind: 'check'; readonly run: () => string[] };

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
 * Lint options constructs use at synth time: semantic rules only. The strict schema check
 * runs in the linter, the cdk8s plugin and the tests.
 */
export const SYNTH_LINT_OPTIONS: LintOptions = { schema: false };

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
    const root = construct.node.root;
    let session = sessions.get(root);
    if (!session) {
      session = new SynthSession(root);
      sessions.set(root, session);
    }
    return session;
  }

  private readonly contributions = new Map<IConstruct, Contribution[]>();
  /** Lint contributions in registration order: findings are attributed through their scopes. */
  private readonly scopes: { readonly construct: IConstruct; readonly scope: () => ValidationScope }[] = [];
  private readonly preparations: (() => void)[] = [];
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
    this.contribute(construct, { kind: 'lint', scope });
  }

  /** Adds a check of the construct itself (what the manifests cannot show), run once per pass. */
  public addCheck(construct: IConstruct, run: () => string[]): void {
    this.contribute(construct, { kind: 'check', run });
  }

  /** Runs `prepare` at the start of every pass, before the objects are rendered (e.g. to annotate objects added since). */
  public beforePass(prepare: () => void): void {
    this.preparations.push(prepare);
  }

  /** The parts of manifests `construct` answers for (none when it registered no lint). */
  public scopesOf(construct: IConstruct): ValidationScope[] {
    return this.scopes.filter(s => s.construct === construct).map(s => s.scope());
  }

  private contribute(construct: IConstruct, contribution: Contribution): void {
    // A check or scope added to a construct already validated makes the last pass incomplete.
    markChanged();
    const list = this.contributions.get(construct);
    if (list) {
      list.push(contribution);
      return;
    }
    this.contributions.set(construct, [contribution]);
    construct.node.addValidation({ validate: () => this.answer(construct) });
  }

  private openRound(): string[] {
    // Output for Helm that cannot be escaped stops the synth before anything renders.
    if (this.helm?.problems.length) return [...this.helm.problems];
    const pass = this.current();
    this.round = { answered: 0, expected: pass.validated };
    return [];
  }

  private answer(construct: IConstruct): string[] {
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
    // Written for Helm, the manifests are escaped: lint them as Helm will render them.
    const helm = this.helm?.render(manifests);
    const ruleMessages = this.ruleMessages(apiObjects, helm?.manifests ?? manifests, helm?.findings);
    const messages = new Map<IConstruct, string[]>();
    let validated = 0;
    for (const construct of constructs) {
      const contributions = this.contributions.get(construct);
      if (!contributions) continue;
      validated++;
      let list: string[] | undefined;
      let linted = false;
      for (const c of contributions) {
        let found: string[] | undefined;
        if (c.kind === 'check') found = c.run();
        else if (!linted) {
          linted = true;
          found = ruleMessages.get(construct);
        }
        if (found?.length) (list ??= []).push(...found);
      }
      if (list) messages.set(construct, list);
    }
    const cached = apiObjects.filter(CachedApiObject.isCached);
    const foreign = apiObjects.flatMap((apiObject, i) => (CachedApiObject.isCached(apiObject) ? [] : [{ apiObject, json: manifests[i] }]));
    return { revision: at, constructs, cached, foreign, messages, validated };
  }

  /** Lints the manifests once: errors by the construct owning the deepest matching field path, warnings printed. */
  private ruleMessages(apiObjects: readonly ApiObject[], manifests: readonly Manifest[], extra: readonly Finding[] = []): Map<IConstruct, string[]> {
    const messages = new Map<IConstruct, string[]>();
    const findings = [...extra, ...lint(manifests, SYNTH_LINT_OPTIONS)];
    if (!findings.length) return messages;
    const byApiObject = new Map<ApiObject, { construct: IConstruct; scope: ValidationScope }[]>();
    for (const r of this.scopes) {
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
      const target = owner ?? this.scopes[0]?.construct;
      if (!target) continue;
      const list = messages.get(target) ?? [];
      list.push(owner ? text : `${apiObject.node.path}: ${text}`);
      messages.set(target, list);
    }
    return messages;
  }
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

function ownerOf(regs: readonly { construct: IConstruct; scope: ValidationScope }[], path: string): IConstruct | undefined {
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
