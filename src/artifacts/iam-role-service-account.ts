import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';

/** The annotation the EKS pod identity webhook reads (IAM roles for service accounts, IRSA). */
export const IRSA_ROLE_ANNOTATION = 'eks.amazonaws.com/role-arn';

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@\/-]{1,512}$/;

/** Props of an `IamRoleServiceAccount`. */
export interface IamRoleServiceAccountProps extends kplus.ServiceAccountProps {
  /** ARN of the IAM role pods of this account assume, e.g. `arn:aws:iam::123456789012:role/artifacts`. */
  readonly roleArn: string;
  /**
   * Also create the Role and RoleBinding Argo's executor needs in pods running as this account
   * (create/patch `workflowtaskresults`, Argo Workflows 3.4+).
   * @default true
   */
  readonly executorRbac?: boolean;
}

/**
 * A ServiceAccount annotated for IAM roles for service accounts (`eks.amazonaws.com/role-arn`):
 * pods running as it get AWS credentials for that role, so S3 artifacts need no access key.
 * The token is mounted (Argo's executor talks to the Kubernetes API).
 */
export class IamRoleServiceAccount extends kplus.ServiceAccount {
  /** The IAM role ARN. */
  public readonly roleArn: string;

  constructor(scope: Construct, id: string, props: IamRoleServiceAccountProps) {
    super(scope, id, { automountToken: true, ...props });
    this.roleArn = props.roleArn;
    this.metadata.addAnnotation(IRSA_ROLE_ANNOTATION, props.roleArn);
    if (props.executorRbac ?? true) {
      const role = new kplus.Role(this, 'ExecutorRole', { metadata: { namespace: props.metadata?.namespace } });
      role.allow(['create', 'patch'], { apiGroup: 'argoproj.io', resourceType: 'workflowtaskresults' });
      role.bind(this);
    }
    this.node.addValidation({
      validate: () => ROLE_ARN.test(props.roleArn) ? [] : [
        `ServiceAccount/${this.name}: metadata.annotations.${IRSA_ROLE_ANNOTATION}: "${props.roleArn}" is not an IAM role ARN: `
        + 'the EKS webhook injects no credentials, so S3 calls fail with AccessDenied. Use arn:aws:iam::<12-digit account>:role/<name>.',
      ],
    });
  }
}
