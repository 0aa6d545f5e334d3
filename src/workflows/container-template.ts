import * as l1 from '../../imports/argo-workflows';
import { K8sContainerResizePolicy, K8sContainerRestartRule } from '../../imports/kubernetes';
import { markChanged } from '../core/revision';
import { setDefined } from '../core/without-undefined';
import { ArgoText, renderText } from './argo-variable';
import { ComputeResources, renderResources, resourceProblems } from './container-resources';
import { ContainerLifecycleProps, ContainerPortProps, ContainerProbe, renderLifecycle, renderPorts } from './container-probe';
import { EnvVarValue, IEnvSource, renderEnv, renderEnvFrom } from './env';
import { OverridePath, Overrides } from './overrides';
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
  readonly workingDir?: ArgoText;
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
  /**
   * Raw block devices of volumes, by object.
   * @default - none
   */
  readonly volumeDevices?: TemplateVolumeDevice[];
  /**
   * Ports the container listens on.
   * @default - none
   */
  readonly ports?: ContainerPortProps[];
  /**
   * When the container is ready; a daemoned template lets the workflow continue once it is.
   * @default - ready once started
   */
  readonly readinessProbe?: ContainerProbe;
  /**
   * When the container is restarted as unhealthy.
   * @default - never
   */
  readonly livenessProbe?: ContainerProbe;
  /**
   * When the container has started (the other probes wait for it).
   * @default - started at once
   */
  readonly startupProbe?: ContainerProbe;
  /**
   * Actions after start and before stop.
   * @default - none
   */
  readonly lifecycle?: ContainerLifecycleProps;
  /**
   * Keep stdin open.
   * @default false
   */
  readonly stdin?: boolean;
  /**
   * Close stdin after the first client detaches.
   * @default false
   */
  readonly stdinOnce?: boolean;
  /**
   * Allocate a TTY.
   * @default false
   */
  readonly tty?: boolean;
  /**
   * File the container writes its termination message to.
   * @default '/dev/termination-log'
   */
  readonly terminationMessagePath?: string;
  /**
   * `File`, or `FallbackToLogsOnError` to use the last log lines when the file is empty.
   * @default 'File'
   */
  readonly terminationMessagePolicy?: 'File' | 'FallbackToLogsOnError';
  /**
   * How resources may be resized in place.
   * @default - Kubernetes' default
   */
  readonly resizePolicy?: K8sContainerResizePolicy[];
  /**
   * `Always` makes an init container a native sidecar (started before, kept running beside the main container).
   * @default - the pod's restart policy
   */
  readonly restartPolicy?: 'Always';
  /**
   * Restart rules by exit code.
   * @default - none
   */
  readonly restartPolicyRules?: K8sContainerRestartRule[];
}

/** A raw block device of a volume, mapped into a container. */
export interface TemplateVolumeDevice {
  /** The volume (by object). */
  readonly volume: WorkflowVolume;
  /** Where the device appears in the container. */
  readonly devicePath: string;
}

/** A sidecar or init container: a container of the pod next to the main one. */
export interface UserContainerProps extends ContainerSpecProps {
  /**
   * Mount the main container's volumes (and input artifacts) at the same paths.
   * @default false
   */
  readonly mirrorVolumeMounts?: boolean;
}

/**
 * Mutable container settings shared by container and script templates, so that constructs built
 * on top (env groups, artifact steps) can attach env, envFrom and mounts after creation.
 */
export class ContainerSpec {
  private readonly env: { [name: string]: EnvVarValue };
  private readonly envFrom: IEnvSource[];
  private readonly mounts: TemplateVolumeMount[];
  private readonly overrides: Overrides;

  /** @param name the container's name, for messages (`main` for the main container) */
  constructor(private readonly props: ContainerSpecProps, name = 'main') {
    this.env = { ...(props.env ?? {}) };
    this.envFrom = [...(props.envFrom ?? [])];
    this.mounts = [...(props.volumeMounts ?? [])];
    this.overrides = new Overrides(() => `container "${name}"`);
  }

  /**
   * Escape hatch: sets a field of this container in the manifest, with Kubernetes' field names,
   * e.g. `addOverride('resources.limits.nvidia\.com/gpu', 1)` is written
   * `addOverride(['resources', 'limits', 'nvidia.com/gpu'], 1)`; `undefined` removes a field.
   * Applied where the container is when the manifest renders; the schema check sees the result.
   */
  public addOverride(path: OverridePath, value: unknown): void {
    this.overrides.add(path, value);
  }

  /** @internal */
  public _applyOverrides(container: unknown): void {
    this.overrides.apply(container);
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

  /** The mounted volumes (and those mapped as block devices). */
  public get volumes(): WorkflowVolume[] {
    return [...this.mounts.map(m => m.volume), ...(this.props.volumeDevices ?? []).map(d => d.volume)];
  }

  /** Values that may hold typed variables. */
  public get values(): unknown[] {
    return [this.props.image, this.props.command, this.props.args, this.env, this.props.workingDir];
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
    const devices = p.volumeDevices?.map(d => ({ name: d.volume.name, devicePath: d.devicePath }));
    // Field by field, only those that are set (see setDefined).
    const c: { [field: string]: unknown } = { name: '' };
    setDefined(c, 'image', renderText(p.image));
    setDefined(c, 'command', p.command?.map(String));
    setDefined(c, 'args', p.args?.map(String));
    setDefined(c, 'env', Object.keys(this.env).length ? renderEnv(this.env) : undefined);
    setDefined(c, 'envFrom', this.envFrom.length ? renderEnvFrom(this.envFrom) : undefined);
    setDefined(c, 'workingDir', renderText(p.workingDir));
    setDefined(c, 'imagePullPolicy', p.imagePullPolicy);
    setDefined(c, 'resources', renderResources(p.resources));
    setDefined(c, 'securityContext', podSecurity === undefined ? renderContainerSecurity(p.containerSecurityContext)
      : securedContainer(podSecurity, renderContainerSecurity(p.containerSecurityContext)));
    setDefined(c, 'volumeMounts', this.mounts.length ? renderMounts(this.mounts) : undefined);
    setDefined(c, 'volumeDevices', devices?.length ? devices : undefined);
    setDefined(c, 'ports', renderPorts(p.ports));
    setDefined(c, 'readinessProbe', p.readinessProbe?._probe);
    setDefined(c, 'livenessProbe', p.livenessProbe?._probe);
    setDefined(c, 'startupProbe', p.startupProbe?._probe);
    setDefined(c, 'lifecycle', renderLifecycle(p.lifecycle));
    setDefined(c, 'stdin', p.stdin);
    setDefined(c, 'stdinOnce', p.stdinOnce);
    setDefined(c, 'tty', p.tty);
    setDefined(c, 'terminationMessagePath', p.terminationMessagePath);
    setDefined(c, 'terminationMessagePolicy', p.terminationMessagePolicy);
    setDefined(c, 'resizePolicy', p.resizePolicy);
    setDefined(c, 'restartPolicy', p.restartPolicy);
    setDefined(c, 'restartPolicyRules', p.restartPolicyRules);
    return c as unknown as l1.ContainerNode;
  }
}

/** A sidecar or init container with its name. */
interface NamedContainer {
  readonly name: string;
  readonly spec: ContainerSpec;
  readonly props: UserContainerProps;
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
  private readonly sidecars: NamedContainer[] = [];
  private readonly initContainers: NamedContainer[] = [];

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
  public addSidecar(name: string, props: UserContainerProps): ContainerSpec {
    markChanged();
    const spec = new ContainerSpec(props, name);
    this.sidecars.push({ name, spec, props });
    return spec;
  }

  /** Adds an init container, run to completion before the main container (rule W16: named). */
  public addInitContainer(name: string, props: UserContainerProps): ContainerSpec {
    markChanged();
    const spec = new ContainerSpec(props, name);
    this.initContainers.push({ name, spec, props });
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
    const named = (list: NamedContainer[]) => (list.length
      ? list.map((c): l1.UserContainer => ({ ...c.spec.render(this.podSecurityLevel()), name: c.name, mirrorVolumeMounts: c.props.mirrorVolumeMounts })) : undefined);
    return { daemon: this.podProps.daemon, sidecars: named(this.sidecars), initContainers: named(this.initContainers) };
  }

  /** The containers' overrides, where each container is in the template's manifest. */
  protected applyPartOverrides(template: { readonly [field: string]: unknown }): void {
    this.container._applyOverrides(template[this.containerField()]);
    const each = (field: string, list: NamedContainer[]) => list.forEach((c, i) => {
      const rendered = template[field];
      c.spec._applyOverrides(Array.isArray(rendered) ? rendered[i] : undefined);
    });
    each('sidecars', this.sidecars);
    each('initContainers', this.initContainers);
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
