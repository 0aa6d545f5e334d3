import { ApiObject, Lazy } from 'cdk8s';
import { IConstruct } from 'constructs';
import { SCHEMA_RULE_ID } from '../lint/engine';
import { ALL_RULES } from '../lint/rules';
import { DISABLE_ANNOTATION } from '../lint/suppression';
import { CRD_RULE_ID } from '../schema/violation';
import { markChanged } from './revision';
import { SynthSession, ValidationScope } from './synth-session';

/** How synth-time validation lints the app (`Lint.configure`). */
export interface SynthValidationOptions {
  /**
   * Run the strict schema check (rule SCHEMA) on every object.
   * @default true
   */
  readonly schema?: boolean;
  /**
   * Check the constraints of Argo Workflows v4.1.2's full CRDs too (rule CRD: what the API server
   * refuses on apply when the full CRDs are installed). Turn it off for a cluster with Argo's
   * minimal CRDs.
   * @default true
   */
  readonly crd?: boolean;
  /**
   * Argo Workflows version whose schema checks the Workflows kinds.
   * @default 'v4.1.2'
   */
  readonly workflowsVersion?: 'v4.1.2' | 'v3.7.18';
  /**
   * Report a reference to an object outside the app (a WorkflowTemplate, a ConfigMap...) as an
   * error instead of a warning.
   * @default false
   */
  readonly strictRefs?: boolean;
}

interface Entry {
  readonly ruleId: string;
  readonly reason: string;
}

const entries = new WeakMap<IConstruct, Entry[]>();
/** Constructs with suppressions, per app root. */
const suppressed = new WeakMap<IConstruct, Set<IConstruct>>();
/** ApiObjects that carry the lazy annotation already. */
const annotated = new WeakSet<ApiObject>();

/**
 * Silencing lint findings from the construct tree. A suppression becomes the object's
 * `cdk8s-argo.io/disable` annotation, so the synth-time validation, the cdk8s plugin and
 * `cdk8s-argo lint dist/` all honour it, and whoever reads the manifest sees the reason.
 */
export class Lint {
  /**
   * Sets how the app that `scope` belongs to is validated at synth time. By default every rule,
   * the strict schema check and the full CRDs' constraints run, as `cdk8s-argo lint` runs them;
   * e.g. `Lint.configure(app, { crd: false })` for a cluster running Argo's minimal CRDs.
   */
  public static configure(scope: IConstruct, options: SynthValidationOptions): void {
    const version = options.workflowsVersion;
    if (version !== undefined && version !== 'v4.1.2' && version !== 'v3.7.18') {
      throw new Error(`Lint.configure(${scope.node.path || '<app>'}): workflowsVersion must be 'v4.1.2' or 'v3.7.18', got ${JSON.stringify(version)}`);
    }
    SynthSession.of(scope).configure(options);
  }

  /**
   * Silences rule `ruleId` on what `construct` renders, for `reason`: on an Argo construct, the
   * part of the manifest it owns (a template: its `spec.templates[i]`); on any other construct
   * (a chart, an L1 object), every object below it. A suppression that silences nothing is
   * reported at synth (rule SUPPRESSION, a warning).
   * @param ruleId a rule id such as `W31`, `K8S-REF` or `SCHEMA`
   * @param reason why the finding does not apply (required)
   */
  public static suppress(construct: IConstruct, ruleId: string, reason: string): void {
    const known = new Set([...ALL_RULES.map(r => r.id), SCHEMA_RULE_ID, CRD_RULE_ID]);
    if (!known.has(ruleId)) {
      throw new Error(`Lint.suppress(${construct.node.path}): unknown rule id "${ruleId}"; rule ids are listed in docs/lint.md (W1-W44, E1-E15, K8S-*, ARGO-*, SCHEMA, CRD)`);
    }
    const why = reason.replace(/\s+/g, ' ').trim();
    if (!why) throw new Error(`Lint.suppress(${construct.node.path}, '${ruleId}'): a reason is required: say why the finding does not apply`);
    // The annotation's (lazy) text changes: renders kept before are stale.
    markChanged();
    entries.set(construct, [...entries.get(construct) ?? [], { ruleId, reason: why }]);
    const root = construct.node.root;
    let set = suppressed.get(root);
    if (!set) {
      set = new Set();
      suppressed.set(root, set);
      // Objects added below a suppressed construct later get the annotation before the app is rendered for validation.
      SynthSession.of(root).beforePass(() => prepareSuppressions(root));
    }
    set.add(construct);
    prepareSuppressions(root);
  }
}

/** The parts of manifests an Argo construct owns (none for other constructs). */
function scopesOf(construct: IConstruct): ValidationScope[] {
  return SynthSession.of(construct).scopesOf(construct);
}

/**
 * Gives every ApiObject a suppression may apply to its (lazy) annotation. Runs before the app
 * is rendered for validation, and again whenever a suppression is added.
 */
function prepareSuppressions(root: IConstruct): void {
  for (const construct of suppressed.get(root) ?? []) {
    const scoped = scopesOf(construct);
    const targets = scoped.length ? scoped.map(s => s.apiObject) : construct.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject);
    for (const apiObject of targets) annotate(apiObject, root);
  }
}

function annotate(apiObject: ApiObject, root: IConstruct): void {
  if (annotated.has(apiObject)) return;
  annotated.add(apiObject);
  // A directive written by hand in the object's metadata is kept, before the construct ones.
  const written: unknown = apiObject.metadata.toJson().annotations?.[DISABLE_ANNOTATION];
  const own = typeof written === 'string' ? written : undefined;
  apiObject.metadata.addAnnotation(DISABLE_ANNOTATION, Lazy.any({
    produce: () => {
      const lines = own ? [own] : [];
      for (const construct of suppressed.get(root) ?? []) {
        const scoped = scopesOf(construct);
        const paths = scoped.length
          ? scoped.filter(s => s.apiObject === apiObject).map(s => s.fieldPath ?? '')
          : apiObject.node.scopes.includes(construct) ? [''] : [];
        for (const path of [...new Set(paths)]) {
          for (const e of entries.get(construct) ?? []) lines.push(`${e.ruleId}${path ? `@${path}` : ''} -- ${e.reason}`);
        }
      }
      return lines.length ? [...new Set(lines)].join('\n') : undefined;
    },
  }));
}
