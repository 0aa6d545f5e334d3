import { ApiObject, ApiObjectMetadata } from 'cdk8s';
import { Construct } from 'constructs';
import { ENFORCE_LABEL } from '../lint/rules/kubernetes/k8s-pod-security';
import { constructId } from './construct-id';
import { KubeNamespace } from './kube-objects';
import { checkLevel, DEFAULT_POD_SECURITY, PodSecurity } from './pod-security';
import { addArgoValidation } from './validation';

/** Props of a `SecureNamespace`. */
export interface SecureNamespaceProps {
  /**
   * Metadata of the Namespace (its name, labels, annotations).
   * @default - a name generated from the construct path
   */
  readonly metadata?: ApiObjectMetadata;
  /**
   * The Pod Security level the namespace enforces (label `pod-security.kubernetes.io/enforce`):
   * Kubernetes rejects every pod that breaks it, whoever creates it.
   * @default PodSecurity.RESTRICTED
   */
  readonly podSecurity?: PodSecurity;
}

/**
 * A Namespace that enforces a Pod Security level (`pod-security.kubernetes.io/enforce`,
 * "restricted" by default), the level this library renders its pods at. Workflow pods also hold
 * Argo's own init and wait containers, whose settings come from the workflow controller's
 * executor configuration: see docs/security.md before enforcing "restricted" on a namespace that
 * runs workflows. The linter knows the label: pods of objects in this namespace that break the
 * level are errors (rules K8S-POD-BASELINE, K8S-POD-RESTRICTED).
 */
export class SecureNamespace extends Construct {
  /** `metadata.name` of the Namespace. */
  public readonly name: string;
  /** The enforced level. */
  public readonly podSecurity: PodSecurity;
  /** The Namespace object. */
  public readonly apiObject: ApiObject;

  constructor(scope: Construct, id: string, props: SecureNamespaceProps = {}) {
    super(scope, constructId(scope, id));
    checkLevel(this, props.podSecurity);
    this.podSecurity = props.podSecurity ?? DEFAULT_POD_SECURITY;
    const labels = { ...props.metadata?.labels, [ENFORCE_LABEL]: this.podSecurity };
    this.apiObject = new KubeNamespace(this, 'Resource', { metadata: { ...props.metadata, labels } });
    this.name = this.apiObject.name;
    addArgoValidation(this, () => ({ apiObject: this.apiObject }));
  }
}
