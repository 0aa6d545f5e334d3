import { ApiObject, Lazy } from 'cdk8s';
import { IConstruct } from 'constructs';
import { SCHEMA_RULE_ID } from '../lint/engine';
import { ALL_RULES } from '../lint/rules';
import { DISABLE_ANNOTATION } from '../lint/suppression';
import { markChanged } from './revision';
import { SynthSession, ValidationScope } from './synth-session';

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
   * Silences rule `ruleId` on what `construct` renders, for `reason`: on an Argo construct, the
   * part of the manifest it owns (a template: its `spec.templates[i]`); on any other construct
   * (a chart, an L1 object), every object below it. A suppression that silences nothing is
   * reported at synth (rule SUPPRESSION, a warning).
   * @param ruleId a rule id such as `W31`, `K8S-REF` or `SCHEMA`
   * @param reason why the finding does not apply (required)
   */
  public static suppress(construct: IConstruct, ruleId: string, reason: string): void {
    const known = new Set([...ALL_RULES.map(r => r.id), SCHEMA_RULE_ID]);
    if (!known.has(ruleId)) {
      throw new Error(`Lint.suppress(${construct.node.path}): unknown rule id "${ruleId}"; rule ids are listed in docs/lint.md (W1-W40, E1-E15, K8S-*, ARGO-*, SCHEMA)`);
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
