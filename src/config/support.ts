import * as kplus from 'cdk8s-plus-27';
import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';

/** Secret keys Kubernetes accepts: `[-._a-zA-Z0-9]+`. */
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;

/**
 * Why `secret` cannot provide `key`, or undefined when it can (or when nobody can tell: a Secret
 * that lives only in the cluster, or one whose data Kubernetes fills in).
 * @param what how the message names the use, e.g. `the Slack webhook URL`
 * @internal
 */
export function secretKeyProblem(secret: kplus.ISecret, key: string, what: string): string | undefined {
  if (!SECRET_KEY.test(key)) {
    return `${what} is read from key "${key}" of Secret "${secret.name}", which is not a valid Secret key (letters, digits, "-", "_" and "."): `
      + 'Kubernetes cannot hold such a key, so the pod would never start. Use the key the Secret really holds, e.g. "url".';
  }
  if (!(secret instanceof kplus.Secret) || secret instanceof kplus.ServiceAccountTokenSecret) return undefined;
  const json = ApiObject.of(secret).toJson();
  const keys = Object.keys({ ...(json.data ?? {}), ...(json.stringData ?? {}) });
  if (keys.includes(key)) return undefined;
  return `${what} is read from key "${key}" of Secret "${secret.name}", but that Secret (defined in this app) has no such key `
    + `(${keys.length ? `its keys: ${keys.join(', ')}` : 'it has no keys'}): the pod would stay in CreateContainerConfigError. `
    + `Read one of its keys, or create the Secret outside the app (kubectl create secret generic ${secret.name} --from-literal=${key}=...) `
    + 'and reference it by name.';
}

/** The namespace of a cdk8s-plus resource defined in the app, if it sets one. @internal */
export function resourceNamespace(resource: IConstruct): string | undefined {
  return resource instanceof kplus.Resource ? resource.metadata.namespace : undefined;
}

/** Writes a synth warning the way the rule engine does (warnings do not fail synth). @internal */
export function warn(construct: IConstruct, message: string): void {
  process.stderr.write(`Warning: [${construct.node.path}] ${message}\n`);
}
