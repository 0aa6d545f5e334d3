import { ApiObject, Lazy } from 'cdk8s';
import { IConstruct } from 'constructs';
import { SCHEMA_RULE_ID } from '../lint/engine';
import { ALL_RULES } from '../lint/rules';
import { DISABLE_ANNOTATION } from '../lint/suppression';

/** The part of a manifest a construct owns (see ValidationScope in validation.ts). */
export interface SuppressionScope {
  readonly apiObject: ApiObject;
  readonly fieldPath?: string;
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
let scopesOf: (construct: IConstruct) => readonly SuppressionScope[] = () => [];

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
    entries.set(construct, [...entries.get(construct) ?? [], { ruleId, reason: why }]);
    const root = construct.node.root;
    const set = suppressed.get(root) ?? new Set();
    set.add(construct);
    suppressed.set(root, set);
    if (entries.get(construct)!.length === 1) {
      // Objects added below the construct later get the annotation when the app validates (before it renders).
      construct.node.addValidation({ validate: () => { prepareSuppressions(root); return []; } });
    }
    prepareSuppressions(root);
  }
}

/** Lets validation.ts tell which manifest part an Argo construct owns (without an import cycle). */
export function setSuppressionScopes(lookup: (construct: IConstruct) => readonly SuppressionScope[]): void {
  scopesOf = lookup;
}

/**
 * Gives every ApiObject a suppression may apply to its (lazy) annotation. Runs before the app
 * is rendered for validation, and again whenever a suppression is added.
 */
export function prepareSuppressions(root: IConstruct): void {
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
