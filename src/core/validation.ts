import { ApiObject } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { lint } from '../lint/engine';
import { Finding, LintOptions } from '../lint/types';
import { sessionJson, SynthSession, ValidationScope } from './synth-session';

export { isUnder } from './synth-session';
export type { ValidationScope } from './synth-session';

/**
 * Registers synth-time validation for an Argo construct. The rule engine runs once per
 * validation pass over every API object of the app (so references across objects resolve),
 * and each finding is reported on the construct that owns the deepest matching field path,
 * so the error names the construct a user wrote. Warnings go to stderr; errors fail synth.
 * `check` adds the construct's own checks (what the manifests cannot show, e.g. which object a
 * reference points at); its errors follow the rule engine's. A pass runs once per `app.synth()`
 * and again only after something changed (see SynthSession).
 */
export function addArgoValidation(construct: Construct, scope: () => ValidationScope, check?: () => string[]): void {
  const session = SynthSession.of(construct);
  session.addLint(construct, scope);
  if (check) session.addCheck(construct, check);
}

/**
 * Registers a check of a construct that owns no part of a manifest (e.g. one that only creates
 * others): its messages are the construct's validation errors, computed once per validation pass.
 * @internal
 */
export function addConstructCheck(construct: IConstruct, check: () => string[]): void {
  SynthSession.of(construct).addCheck(construct, check);
}

/** Findings of the whole app, with the options of its synth-time validation unless given others (for tests and tools). */
export function lintConstructTree(root: IConstruct, options?: LintOptions): Finding[] {
  return lint(root.node.findAll().filter(ApiObject.isApiObject).map(sessionJson), options ?? SynthSession.of(root).lintOptions);
}
