/** Runs a list of rebuilt upstream examples: one test per example. */
import { testUpstream as test } from '../../support/upstream';
import { rebuild, UpstreamExample } from './compare';

export function runExamples(examples: readonly UpstreamExample[]): void {
  for (const example of examples) {
    test(`${example.file}${example.documents ? ` #${example.documents.join(',')}` : ''}: ${example.title}`, () => {
      const { ours, upstream } = rebuild(example);
      expect(ours).toEqual(upstream);
    });
  }
}
