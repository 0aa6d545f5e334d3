import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { K8sSecretKeySelector } from '../../imports/kubernetes';
import { IObjectRef, SecretKeyRef } from './object-refs';

/**
 * The ApiObject that defines a referenced object in the app: the reference itself, or the
 * default child of a construct (a cdk8s-plus resource, a construct of this library); undefined
 * for an object that lives only in the cluster. @internal
 */
export function definingApiObject(ref: object): ApiObject | undefined {
  if (ApiObject.isApiObject(ref)) return ref;
  if (!Construct.isConstruct(ref)) return undefined;
  const child = ref.node.defaultChild;
  return child && ApiObject.isApiObject(child) ? child : undefined;
}

/** The namespace of a referenced object, when the reference or the app's definition of it says. @internal */
export function namespaceOf(ref: IObjectRef): string | undefined {
  return ref.namespace ?? definingApiObject(ref)?.metadata.namespace;
}

/**
 * Returns `ref` once it is known not to name another kind of object (a ConfigMap passed where a
 * Secret is expected): structural references cannot tell them apart by type.
 * @param where the API the reference was passed to, for the message
 * @internal
 */
export function expectKind<T extends IObjectRef | undefined>(ref: T, kind: string, where: string): T {
  if (ref === undefined || ref.kind === undefined || ref.kind === kind) return ref;
  throw new Error(`${where}: expects a ${kind}, but ${ref.kind} "${ref.name}" was passed: Kubernetes would look for a ${kind} named "${ref.name}" `
    + `and not find it. Pass the ${kind} itself, or ${kind}Ref.fromName("${ref.name}") for one that lives only in the cluster.`);
}

/** `expectKind` for the Secret of a Secret key reference. @internal */
export function expectSecretKey<T extends SecretKeyRef | undefined>(ref: T, where: string): T {
  if (ref !== undefined) expectKind(ref.secret, 'Secret', where);
  return ref;
}

/** A Secret key as manifests reference it: name and key only, never the value. @internal */
export function secretKeySelector(ref: SecretKeyRef): K8sSecretKeySelector {
  return { name: ref.secret.name, key: ref.key };
}
