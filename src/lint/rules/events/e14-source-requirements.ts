import { fieldPath } from '../../path';
import { Rule } from '../../types';
import { GIT_SOURCE_CHECKS } from './e14-git-sources';
import { MESSAGING_SOURCE_CHECKS } from './e14-messaging-sources';
import { STORAGE_SOURCE_CHECKS } from './e14-storage-sources';
import { entriesOf, isObject } from './support/json';
import { SourceCheck, SourceChecker } from './support/source-check';

/** The check of each source kind, by the key its events sit under in an EventSource spec. */
const CHECKS: { readonly [kind: string]: SourceCheck } = { ...MESSAGING_SOURCE_CHECKS, ...GIT_SOURCE_CHECKS, ...STORAGE_SOURCE_CHECKS };

/**
 * E14: each event of an EventSource carries what the controller requires of its kind (the
 * validate.go of each source under pkg/eventsources/sources, as `argo-events lint` runs them):
 * required fields (SNS topicArn, NATS url and subject, GitHub repositories or organizations...),
 * the TLS, SASL and basic-auth settings, parseable durations and schedules, watch paths.
 * Webhook contexts are E13's.
 */
export const E14_SOURCE_REQUIREMENTS: Rule = {
  id: 'E14',
  description: 'Each event source kind has the fields the controller requires (url, topic, credentials, schedule...), and valid TLS/SASL/basic-auth settings',
  kinds: ['EventSource'],
  check(ctx) {
    const spec = ctx.manifest.spec;
    if (!isObject(spec)) return;
    for (const kind of Object.keys(spec)) {
      const check = Object.prototype.hasOwnProperty.call(CHECKS, kind) ? CHECKS[kind] : undefined;
      if (!check) continue;
      for (const [name, source] of entriesOf(spec[kind])) {
        if (isObject(source)) check(new SourceChecker(ctx, source, fieldPath('spec', kind, name), kind));
      }
    }
  },
};
