import * as l1 from '../../imports/argo-workflows';
import { markChanged } from '../core/revision';
import { ArgoText, renderText } from './argo-variable';
import { ComputeResources, renderResources, resourceProblems } from './container-resources';
import { EnvVarValue, IEnvSource, renderEnv, renderEnvFrom } from './env';
import { ContainerSecurityProps, renderContainerSecurity, securityProblems } from './security-context';
import { Template, TemplateBody } from './template';
import { LeafTemplateProps } from './template-props';
import { ITemplateHost } from './template-host';
import { renderMounts, TemplateVolumeMount, WorkflowVolume } from './volumes';
import { checkLevel, PodSecurity, recordPodSecurity, securedContainer } from '../core/pod-security';

/** When the kubelet pulls a container's image (values of cdk8s-plus `ImagePullPolicy` are accepted too). */
export enum PullPolicy {
  /** On every container start. */
  ALWAYS = 'Always',
  /** Only when the node does not have the image. */
  IF_NOT_PRESENT = 'IfNotPresent',
  /** Never: the image must be on the node. */
  NEVER = 'Never',
}

/** The container of a container or script template (or of a containerSet node). */
export interface ContainerSpecProps {
  /**
   * Image. May be omitted when the workflow's templateDefaults set one (rule W10).
   * @default - the workflow's templateDefaults image
   */
  readonly image?: ArgoText;
  /**
   * Entrypoint; typed variables render `{{...}}`.
   * @default - the image's entrypoint
   */
  readonly command?: ArgoText[];
  /**
   * Arguments; typed variables render `{{...}}`, e.g. `[message]` for an input parameter.
   * @default - the image's cmd
   */
  readonly args?: ArgoText[];
  /**
   * Environment variables, in order. Add more with `addEnv()`.
   * @default - none
   */
  readonly env?: { [name: string]: EnvVarValue };
  /**
   * ConfigMaps/Secrets whose keys all become environment variables. Add more with `addEnvFrom()`.
   * @default - none
   */
  readonly envFrom?: IEnvSource[];
  /**
   * Working directory.
   * @default - the image's
   */
  readonly workingDir?: string;
  /**
   * Image pull policy.
   * @default - Kubernetes' default for the tag (Always for `:latest` or no tag, else IfNotPresent)
   */
  readonly imagePullPolicy?: `${PullPolicy}`;
  /**
   * CPU, memory and ephemeral storage requests and limits.
   * @default - none
   */
  readonly resources?: ComputeResources;
  /**
   * Container security context (user, read-only root filesystem, capabilities, seccomp...).
   * @default - none: the pod's security context and Kubernetes' defaults apply
   */
  readonly containerSecurityContext?: ContainerSecurityProps;
  /**
   * Volumes mounted into the container, by object. Add more with `addVolumeMount()`.
   * @default - none
   */
  readonly volumeMounts?: TemplateVolumeMount[];
}

/**
 * Mutable container settings shared by container and script templates, so that constructs built
 * on top (env groups, artifact steps) can attach env, envFrom and mounts after creation.
 */
export class ContainerSpec {
  private readonly env: { [name: string]: EnvVarValue };
  private readonly envFrom: IEnvSource[];
  private readonly mounts: TemplateVolumeMount[];

  constructor(private readonly props: ContainerSpecProps) {
    this.env = { ...(props.env ?? {}) };
    this.envFrom = [...(props.envFrom ?? [])];
    this.mounts = [...(props.volumeMounts ?? [])];
  }

  /** Sets an environment variable. */
  public addEnv(name: string, value: EnvVarValue): void {
    markChanged();
    this.env[name] = value;
  }

  /** Adds an `envFrom` source. */
  public addEnvFrom(source: IEnvSource): void {
    markChanged();
    if (!this.envFrom.includes(source)) this.envFrom.push(source);
  }

  /** The `envFrom` sources, in order. */
  public get envFromSources(): readonly IEnvSource[] {
    return this.envFrom;
  }

  /** Mounts a volume. */
  public addVolumeMount(mount: TemplateVolumeMount): void {
    markChanged();
    this.mounts.push(mount);
  }

  /** The mounted volumes. */
  public get volumes(): WorkflowVolume[] {
    return this.mounts.map(m => m.volume);
  }

  /** Values that may hold typed variables. */
  public get values(): unknown[] {
    return [this.props.image, this.props.command, this.props.args, this.env];
  }

  /** What Kubernetes would refuse in the resources and security context, with paths below the container. @internal */
  public _problems(): { subPath: string; message: string }[] {
    return [...resourceProblems(this.props.resources), ...securityProblems(this.props.containerSecurityContext)];
  }

  /**
   * The L1 container (image may be empty when templateDefaults supply one), its security context
   * secured to `podSecurity` when given (see `PodSecurity`).
   */
  public render(podSecurity?: PodSecurity): l1.ContainerNode {
    const p = this.props;
    return {
      name: '',
      image: renderText(p.image),
      command: p.command?.map(String),
      args: p.args?.map(String),
      env: Object.keys(this.env).length ? renderEnv(this.env) : undefined,
      envFrom: this.envFrom.length ? renderEnvFrom(this.envFrom) : undefined,
      workingDir: p.workingDir,
      imagePullPolicy: p.imagePullPolicy,
      resources: renderResources(p.resources),
      securityContext: podSecurity === undefined ? renderContainerSecurity(p.containerSecurityContext)
        : securedContainer(podSecurity, renderContainerSecurity(p.containerSecurityContext)),
      volumeMounts: this.mounts.length ? renderMounts(this.mounts) : undefined,
    };
  }
}

/** Settings of the pod of a container or script template. */
export interface PodTemplateProps extends LeafTemplateProps, ContainerSpecProps {
  /**
   * Keep the pod running after the step "completes" (a service for later steps, e.g. a database).
   * Later steps reach it through the step's `ip`.
   * @default false
   */
  readonly daemon?: boolean;
  /**
   * Pod Security level of the pod (see `PodSecurity`): by default it meets "restricted" and a
   * setting that breaks it fails the synth; BASELINE or PRIVILEGED to allow what those allow.
   * @default - the workflow's podSecurity (PodSecurity.RESTRICTED)
   */
  readonly podSecurity?: PodSecurity;
}

/** Props of a container template. */
export interface ContainerTemplateProps extends PodTemplateProps {}

/** Base of container and script templates: a pod running one main container. */
export abstract class PodTemplate extends Template {
  /** The main container's settings (env, envFrom, mounts can be added later). */
  public readonly container: ContainerSpec;
  private readonly sidecars: { name: string; spec: ContainerSpec }[] = [];
  private readonly initContainers: { name: string; spec: ContainerSpec }[] = [];

  constructor(scope: ITemplateHost, id: string, private readonly podProps: PodTemplateProps) {
    super(scope, id, podProps);
    this.container = new ContainerSpec(podProps);
    checkLevel(this, podProps.podSecurity);
    recordPodSecurity(this, this.podSecurityLevel(), { namespace: () => this.spec.apiObject.metadata.namespace, where: () => `${this.spec.objectLabel}: ${this.fieldPath}` });
  }

  protected podSecurityLevel(): PodSecurity {
    return this.podProps.podSecurity ?? this.spec.podSecurity;
  }

  /**
   * Adds a sidecar container, running next to the main container for the pod's lifetime
   * (name `^[a-zA-Z0-9][-a-zA-Z0-9]*$`, not `main`/`wait`, rule W18).
   */
  public addSidecar(name: string, props: ContainerSpecProps): ContainerSpec {
    markChanged();
    const spec = new ContainerSpec(props);
    this.sidecars.push({ name, spec });
    return spec;
  }

  /** Adds an init container, run to completion before the main container (rule W16: named). */
  public addInitContainer(name: string, props: ContainerSpecProps): ContainerSpec {
    markChanged();
    const spec = new ContainerSpec(props);
    this.initContainers.push({ name, spec });
    return spec;
  }

  /** Sets an environment variable of the main container. */
  public addEnv(name: string, value: EnvVarValue): void {
    this.container.addEnv(name, value);
  }

  /** Adds an `envFrom` source (ConfigMap, Secret, or any `IEnvSource`) to the main container. */
  public addEnvFrom(source: IEnvSource): void {
    this.container.addEnvFrom(source);
  }

  /** Mounts a volume into the main container (declared on the template if declared nowhere). */
  public addVolumeMount(mount: TemplateVolumeMount): void {
    this.container.addVolumeMount(mount);
  }

  /** @internal */
  public _mountedVolumes(): WorkflowVolume[] {
    const volumes = this.container.volumes;
    for (const c of [...this.sidecars, ...this.initContainers]) volumes.push(...c.spec.volumes);
    return volumes;
  }

  protected usedValues(): unknown[] {
    return [this.container, ...this.sidecars.map(s => s.spec), ...this.initContainers.map(s => s.spec)].flatMap(c => c.values);
  }

  protected check(): string[] {
    const errors = super.check();
    const containers: [string, ContainerSpec][] = [[`.${this.containerField()}`, this.container],
      ...this.sidecars.map((c, i): [string, ContainerSpec] => [`.sidecars[${i}]`, c.spec]),
      ...this.initContainers.map((c, i): [string, ContainerSpec] => [`.initContainers[${i}]`, c.spec])];
    for (const [field, spec] of containers) {
      for (const p of spec._problems()) errors.push(this.error(p.message, `${field}${p.subPath}`));
    }
    return errors;
  }

  /** The field holding the main container: `container`, or `script` for a script template. */
  protected containerField(): string {
    return 'container';
  }

  /** Daemon flag, sidecars and init containers: the fields of a pod template next to its main container. */
  protected renderPod(): TemplateBody {
    const named = (list: { name: string; spec: ContainerSpec }[]) => (list.length
      ? list.map(c => ({ ...c.spec.render(this.podSecurityLevel()), name: c.name }) as l1.UserContainer) : undefined);
    return { daemon: this.podProps.daemon, sidecars: named(this.sidecars), initContainers: named(this.initContainers) };
  }

  /** The main container without the empty name. */
  protected renderContainer(): Omit<l1.ContainerNode, 'name'> {
    const { name: _name, ...rest } = this.container.render(this.podSecurityLevel());
    return rest;
  }
}

/**
 * A template running one container (`container`). Its outputs: declared output parameters and
 * artifacts, plus `result` (stdout) and `exitCode` read from the step or task.
 */
export class ContainerTemplate extends PodTemplate {
  constructor(scope: ITemplateHost, id: string, props: ContainerTemplateProps = {}) {
    super(scope, id, props);
  }

  protected renderBody(): TemplateBody {
    return { ...this.renderPod(), container: this.renderContainer() as l1.Template['container'] };
  }
}

/** Props of a script template. */
export interface ScriptTemplateProps extends PodTemplateProps {
  /** The script, run with `command` (e.g. `['python']`); typed variables render `{{...}}`. */
  readonly source: ArgoText;
}

/** A template running a script in a container (`script`); its stdout is the step's `result`. */
export class ScriptTemplate extends PodTemplate {
  constructor(scope: ITemplateHost, id: string, private readonly props: ScriptTemplateProps) {
    super(scope, id, props);
  }

  protected containerField(): string {
    return 'script';
  }

  protected usedValues(): unknown[] {
    return [...super.usedValues(), this.props.source];
  }

  protected renderBody(): TemplateBody {
    return { ...this.renderPod(), script: { ...this.renderContainer(), source: renderText(this.props.source) } as l1.ScriptTemplate };
  }
}
