export * from './iam-role-service-account';
export * from './s3-credentials';
export { ArtifactKey, S3Location, S3LocationProps } from './s3-location';
export * from './s3-artifact-step';
export * from './artifact-repositories';
