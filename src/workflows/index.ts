// Public API of the Argo Workflows constructs. Render/check helpers marked @internal stay unexported.
export * from './workflow-template-ref';
export * from './expressions';
export * from './variables';
export * from './parameters';
export { ArtifactArchive, ArtifactLocation, InputArtifact, OutputArtifact } from './artifacts';
export type {
  ArtifactArgument, AzureLocationOptions, GcsLocationOptions, GitLocationOptions, InputArtifactOptions, OutputArtifactOptions, S3LocationOptions,
} from './artifacts';
export { EnvSource, EnvVarSource } from './env';
export type { EnvKeyOptions, EnvSourceOptions, EnvVarValue, IEnvSource, IEnvVarSource } from './env';
export { StorageMedium, VolumeAccessMode, WorkflowVolume } from './volumes';
export type { ClaimTemplateOptions, EmptyDirOptions, KeyVolumeOptions, TemplateVolumeMount } from './volumes';
export type { ComputeResources, CpuQuantity, MemoryQuantity, ResourceRange } from './container-resources';
export { AppArmor, Seccomp } from './security-context';
export type { ContainerSecurityProps, PodSecurityProps } from './security-context';
export { PodGcStrategy, RetryPolicy, WorkflowMutex, WorkflowSemaphore } from './policies';
export type {
  ArgoDuration, MetadataProps, PodGcProps, RetryBackoff, RetryStrategyProps, SynchronizationProps, TtlStrategyProps,
} from './policies';
export * from './template';
export * from './container-template';
export * from './resource-template';
export * from './suspend-template';
export * from './http-template';
export * from './container-set-template';
export type { CallArguments } from './call';
export { EXIT_HOOK, LifecycleHook } from './hooks';
export type { LifecycleHookOptions } from './hooks';
export * from './loop';
export { Invocation, NodeVariable } from './invocation';
export type { ContinueOnProps, InvocationOptions } from './invocation';
export * from './steps-template';
export * from './depends';
export * from './dag-template';
export * from './workflow-spec';
export * from './imported-workflow-template';
export * from './workflow-template-base';
export * from './workflow-template';
export * from './cluster-workflow-template';
export * from './workflow';
export * from './cron-workflow';
export * from './workflow-service-account';
