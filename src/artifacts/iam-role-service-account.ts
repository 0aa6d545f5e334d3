import { Construct } from 'constructs';
import { addConstructCheck } from '../core/validation';
import { WorkflowServiceAccount, WorkflowServiceAccountProps } from '../workflows/workflow-service-account';

/** The annotation the EKS pod identity webhook reads (IAM roles for service accounts, IRSA). */
export const IRSA_ROLE_ANNOTATION = 'eks.amazonaws.com/role-arn';

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@\/-]{1,512}$/;

/** Props of an `IamRoleServiceAccount`. */
export interface IamRoleServiceAccountProps extends WorkflowServiceAccountProps {
  /** ARN of the IAM role pods of this account assume, e.g. `arn:aws:iam::123456789012:role/artifacts`. */
  readonly roleArn: string;
}

/**
 * A workflow ServiceAccount annotated for IAM roles for service accounts
 * (`eks.amazonaws.com/role-arn`): pods running as it get AWS credentials for that role, so S3
 * artifacts need no access key. Like every `WorkflowServiceAccount` it mounts its token and holds
 * the executor's permission unless `executorRbac: false`.
 */
export class IamRoleServiceAccount extends WorkflowServiceAccount {
  /** The IAM role ARN. */
  public readonly roleArn: string;

  constructor(scope: Construct, id: string, props: IamRoleServiceAccountProps) {
    super(scope, id, props);
    this.roleArn = props.roleArn;
    this.metadata.addAnnotation(IRSA_ROLE_ANNOTATION, props.roleArn);
    addConstructCheck(this, () => (ROLE_ARN.test(props.roleArn) ? [] : [
      `ServiceAccount/${this.name}: metadata.annotations.${IRSA_ROLE_ANNOTATION}: "${props.roleArn}" is not an IAM role ARN: `
      + 'the EKS webhook injects no credentials, so S3 calls fail with AccessDenied. Use arn:aws:iam::<12-digit account>:role/<name>.',
    ]));
  }
}
