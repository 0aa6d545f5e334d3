import { Rule } from '../../types';
import { ARGO_FIXED_DATE } from './argo-fixed-date';
import { ARGO_HELM_LEFTOVER } from './argo-helm-leftover';
import { ARGO_IMAGE_TAG } from './argo-image-tag';
import { ARGO_MISPLACED_FIELD } from './argo-misplaced-field';
import { ARGO_PLAINTEXT_SECRET } from './argo-plaintext-secret';
import { ARGO_SENSOR_SERVICE_ACCOUNT } from './argo-sensor-service-account';
import { K8S_DUPLICATE } from './k8s-duplicate';
import { K8S_ENUM } from './k8s-enum';
import { K8S_ENV_NAME } from './k8s-env-name';
import { K8S_IMAGE } from './k8s-image';
import { K8S_LABEL } from './k8s-label';
import { K8S_NAME } from './k8s-name';
import { K8S_ENV_OVERLAP } from './k8s-env-overlap';
import { K8S_REF } from './k8s-ref';
import { K8S_OBJECT } from './k8s-object';
import { K8S_POD_BASELINE, K8S_POD_RESTRICTED } from './k8s-pod-security';
import { K8S_PORT } from './k8s-port';
import { K8S_RESOURCES } from './k8s-resources';
import { K8S_SIZE } from './k8s-size';

/** Kubernetes basics (K8S-*) and project best-practice rules (ARGO-*). */
export const KUBERNETES_RULES: readonly Rule[] = [
  K8S_NAME, K8S_IMAGE, K8S_ENUM, K8S_REF, K8S_ENV_OVERLAP, K8S_LABEL,
  ARGO_PLAINTEXT_SECRET, ARGO_FIXED_DATE, ARGO_HELM_LEFTOVER, ARGO_MISPLACED_FIELD,
  ARGO_SENSOR_SERVICE_ACCOUNT, ARGO_IMAGE_TAG,
  K8S_OBJECT, K8S_SIZE, K8S_ENV_NAME, K8S_DUPLICATE, K8S_POD_BASELINE, K8S_POD_RESTRICTED, K8S_RESOURCES,
  K8S_PORT,
];
