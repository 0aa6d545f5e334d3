import { SCHEMA_RULE_ID } from '../lint/engine';
import { ALL_RULES } from '../lint/rules';
import { SUPPRESSION_RULE_ID } from '../lint/suppression';

/** Rule id of input that cannot be read (in formats that report it with the findings). */
export const INPUT_RULE_ID = 'INPUT';

/** A rule id and what it enforces. */
export interface RuleInfo {
  readonly id: string;
  readonly description: string;
}

/** Every id a finding can carry: the semantic rules, the schema check, suppressions, input. */
export function ruleCatalog(): readonly RuleInfo[] {
  return [
    { id: SCHEMA_RULE_ID, description: 'Fields match Argo\'s and Kubernetes\' JSON schemas, every object closed: unknown, misspelled and removed fields are errors' },
    ...ALL_RULES.map(r => ({ id: r.id, description: r.description })),
    { id: SUPPRESSION_RULE_ID, description: 'Suppressions name known rules, give a reason and silence a finding' },
    { id: INPUT_RULE_ID, description: 'Files can be read as Kubernetes manifests: UTF-8 YAML or JSON, no syntax error or duplicate key, within the nesting and alias limits' },
  ];
}
