import { IConstruct } from 'constructs';
import { ISecretRef } from '../core/object-refs';

/** Secret keys Kubernetes accepts: `[-._a-zA-Z0-9]+`. */
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;

/**
 * Why `secret` cannot hold `key` at all (not a valid Secret key), or undefined. Whether a Secret
 * defined in the app has the key is rule K8S-REF's to say, at the field that reads it.
 * @param what how the message names the use, e.g. `the Slack webhook URL`
 * @internal
 */
export function secretKeyProblem(secret: ISecretRef, key: string, what: string): string | undefined {
  if (SECRET_KEY.test(key)) return undefined;
  return `${what} is read from key "${key}" of Secret "${secret.name}", which is not a valid Secret key (letters, digits, "-", "_" and "."): `
    + 'Kubernetes cannot hold such a key, so the pod would never start. Use the key the Secret really holds, e.g. "url".';
}

/** Writes a synth warning the way the rule engine does (warnings do not fail synth). @internal */
export function warn(construct: IConstruct, message: string): void {
  process.stderr.write(`Warning: [${construct.node.path}] ${message}\n`);
}
