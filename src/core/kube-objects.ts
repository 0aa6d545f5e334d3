import { ApiObjectMetadata, JsonPatch } from 'cdk8s';
import { Construct } from 'constructs';
import { K8sLocalObjectReference, K8sServicePort } from '../../imports/kubernetes';
import { CachedApiObject } from './cached-api-object';

// L1 objects of the core Kubernetes kinds the constructs create. The generated imports hold only
// the Kubernetes types Argo's schemas reference (no ServiceSpec, no RBAC), so these props are
// typed here, with the manifest's own field names (none needs a json2jsii mapping). Like the
// generated kinds, they keep their render while nothing changes (CachedApiObject).

/** Metadata of every object below. @internal */
export interface KubeObjectProps {
  readonly metadata?: ApiObjectMetadata;
}

/** @internal */
export interface KubeServiceAccountProps extends KubeObjectProps {
  readonly automountServiceAccountToken?: boolean;
  readonly imagePullSecrets?: K8sLocalObjectReference[];
}

/** @internal */
export interface KubeConfigMapProps extends KubeObjectProps {
  readonly data?: { readonly [key: string]: string };
  readonly immutable?: boolean;
}

/** One rule of a Role or ClusterRole. @internal */
export interface KubePolicyRule {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
}

/** @internal */
export interface KubeRoleProps extends KubeObjectProps {
  readonly rules: readonly KubePolicyRule[];
}

/** A ServiceAccount subject of a binding; without a namespace it is the binding's. @internal */
export interface KubeServiceAccountSubject {
  readonly apiGroup: '';
  readonly kind: 'ServiceAccount';
  readonly name: string;
  readonly namespace?: string;
}

/** @internal */
export interface KubeRoleBindingProps extends KubeObjectProps {
  readonly roleRef: { readonly apiGroup: typeof RBAC_GROUP; readonly kind: 'Role' | 'ClusterRole'; readonly name: string };
  readonly subjects: readonly KubeServiceAccountSubject[];
}

/** @internal */
export interface KubeServiceProps extends KubeObjectProps {
  readonly spec: {
    readonly type: string;
    readonly selector: { readonly [label: string]: string };
    readonly ports: readonly K8sServicePort[];
    readonly externalIPs?: readonly string[];
  };
}

/** An HTTP path of an Ingress rule, routed to a port of a Service. @internal */
export interface KubeIngressPath {
  readonly path: string;
  readonly pathType: 'Exact' | 'Prefix' | 'ImplementationSpecific';
  readonly backend: { readonly service: { readonly name: string; readonly port: { readonly number: number } } };
}

/** @internal */
export interface KubeIngressProps extends KubeObjectProps {
  readonly spec: {
    readonly ingressClassName?: string;
    readonly rules?: readonly { readonly host?: string; readonly http: { readonly paths: readonly KubeIngressPath[] } }[];
    readonly tls?: readonly { readonly hosts?: readonly string[]; readonly secretName: string }[];
  };
}

/** API group of Roles, ClusterRoles and their bindings. @internal */
export const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** A `v1` ServiceAccount. @internal */
export class KubeServiceAccount extends CachedApiObject {
  constructor(scope: Construct, id: string, props: KubeServiceAccountProps) {
    super(scope, id, { apiVersion: 'v1', kind: 'ServiceAccount', ...props });
  }
}

/** A `v1` ConfigMap. @internal */
export class KubeConfigMap extends CachedApiObject {
  constructor(scope: Construct, id: string, props: KubeConfigMapProps) {
    super(scope, id, { apiVersion: 'v1', kind: 'ConfigMap', ...props });
  }
}

/** A Role (`cluster: false`) or ClusterRole. @internal */
export class KubeRole extends CachedApiObject {
  constructor(scope: Construct, id: string, props: KubeRoleProps & { readonly cluster?: boolean }) {
    const { cluster, ...rest } = props;
    super(scope, id, { apiVersion: `${RBAC_GROUP}/v1`, kind: cluster ? 'ClusterRole' : 'Role', ...rest });
  }
}

/** A RoleBinding (`cluster: false`) or ClusterRoleBinding. @internal */
export class KubeRoleBinding extends CachedApiObject {
  constructor(scope: Construct, id: string, props: KubeRoleBindingProps & { readonly cluster?: boolean }) {
    const { cluster, ...rest } = props;
    super(scope, id, { apiVersion: `${RBAC_GROUP}/v1`, kind: cluster ? 'ClusterRoleBinding' : 'RoleBinding', ...rest });
  }
}

/** A `v1` Service. @internal */
export class KubeService extends CachedApiObject {
  constructor(scope: Construct, id: string, props: KubeServiceProps) {
    super(scope, id, { apiVersion: 'v1', kind: 'Service', ...props });
  }
}

/** A `networking.k8s.io/v1` Ingress. @internal */
export class KubeIngress extends CachedApiObject {
  constructor(scope: Construct, id: string, props: KubeIngressProps) {
    super(scope, id, { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', ...props });
  }
}

/** A `v1` Namespace (cluster-scoped: a chart's namespace is not stamped on it). @internal */
export class KubeNamespace extends CachedApiObject {
  constructor(scope: Construct, id: string, props: KubeObjectProps = {}) {
    super(scope, id, { apiVersion: 'v1', kind: 'Namespace', ...props });
    if (this.metadata.namespace !== undefined) this.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
  }
}
