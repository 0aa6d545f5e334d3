export * from './iam-role-service-account';
export * from './s3-credentials';
export * from './s3-location';
export * from './s3-artifact-step';
export * from './artifact-repositories';
