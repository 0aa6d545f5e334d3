import { markChanged } from '../core/revision';
import { ArgoDuration, renderDuration } from './duration';
import { ContainerSpec, ContainerSpecProps } from './container-template';
import { Template, TemplateBody } from './template';
import { LeafTemplateProps } from './template-props';
import { ITemplateHost } from './template-host';
import { renderMounts, TemplateVolumeMount, WorkflowVolume } from './volumes';
import { checkLevel, PodSecurity, recordPodSecurity } from '../core/pod-security';

/** Options of one container of a container set. */
export interface ContainerSetNodeOptions extends ContainerSpecProps {
  /**
   * Containers that must finish before this one starts.
   * @default - starts immediately
   */
  readonly dependencies?: ContainerSetNode[];
}

/** One container of a container set; depend on it by object. */
export class ContainerSetNode {
  /** The container spec (env, envFrom, mounts can be added later). */
  public readonly container: ContainerSpec;

  /** @internal */
  constructor(public readonly name: string, public readonly options: ContainerSetNodeOptions, /** @internal */ public readonly _set: ContainerSetTemplate) {
    this.container = new ContainerSpec(options, name);
  }
}

/** Props of a container set template. */
export interface ContainerSetTemplateProps extends LeafTemplateProps {
  /**
   * Volumes mounted into every container.
   * @default - none
   */
  readonly volumeMounts?: TemplateVolumeMount[];
  /**
   * Retry a failed container of the set inside the pod (`containerSet.retryStrategy`), before the
   * template's own `retryStrategy` retries the whole pod.
   * @default - no retries inside the pod
   */
  readonly containerRetries?: ContainerSetRetries;
  /**
   * Pod Security level of the pod (see `PodSecurity`): by default it meets "restricted" and a
   * setting that breaks it fails the synth; BASELINE or PRIVILEGED to allow what those allow.
   * @default - the workflow's podSecurity (PodSecurity.RESTRICTED)
   */
  readonly podSecurity?: PodSecurity;
}

/** Retries of the containers of a container set, inside their pod. */
export interface ContainerSetRetries {
  /** How many times a failed container is run again (a number or a variable). */
  readonly retries: number | string;
  /**
   * Wait between two attempts, e.g. `Duration.seconds(10)` or `"10s"`.
   * @default - no wait
   */
  readonly duration?: ArgoDuration;
}

/**
 * A template running several containers in one pod (`containerSet`), ordered by dependencies
 * (rule W17: at least one container, a `main` container when the template has outputs).
 */
export class ContainerSetTemplate extends Template {
  private readonly nodes: ContainerSetNode[] = [];

  constructor(scope: ITemplateHost, id: string, private readonly props: ContainerSetTemplateProps = {}) {
    super(scope, id, props);
    checkLevel(this, props.podSecurity);
    recordPodSecurity(this, this.podSecurityLevel(), { namespace: () => this.spec.apiObject.metadata.namespace, where: () => `${this.spec.objectLabel}: ${this.fieldPath}` });
  }

  protected podSecurityLevel(): PodSecurity {
    return this.props.podSecurity ?? this.spec.podSecurity;
  }

  /** Adds a container (name `^[a-zA-Z0-9][-a-zA-Z0-9]*$`; not `wait`/`supervisor`, rule W18). */
  public addContainer(name: string, options: ContainerSetNodeOptions): ContainerSetNode {
    markChanged();
    const node = new ContainerSetNode(name, options, this);
    this.nodes.push(node);
    return node;
  }

  /** The containers, in order. */
  public get containers(): readonly ContainerSetNode[] {
    return this.nodes;
  }

  /** @internal */
  public _mountedVolumes(): WorkflowVolume[] {
    return [...(this.props.volumeMounts ?? []).map(m => m.volume), ...this.nodes.flatMap(n => n.container.volumes)];
  }

  protected usedValues(): unknown[] {
    return this.nodes.flatMap(n => n.container.values);
  }

  protected check(): string[] {
    const errors = super.check();
    this.nodes.forEach((n, i) => {
      for (const p of n.container._problems()) errors.push(this.error(p.message, `.containerSet.containers[${i}]${p.subPath}`));
      for (const d of n.options.dependencies ?? []) {
        if (d._set !== this) errors.push(this.error(`container "${n.name}" depends on container "${d.name}" of another container set: Argo only orders containers of the same set. Depend on a container of this template.`, `.containerSet.containers[${i}].dependencies`));
      }
    });
    return errors;
  }

  protected applyPartOverrides(template: { readonly [field: string]: unknown }): void {
    const set = template.containerSet;
    const containers = typeof set === 'object' && set !== null ? (set as { readonly containers?: unknown }).containers : undefined;
    this.nodes.forEach((n, i) => n.container._applyOverrides(Array.isArray(containers) ? containers[i] : undefined));
  }

  protected renderBody(): TemplateBody {
    const mounts = this.props.volumeMounts;
    return {
      containerSet: {
        containers: this.nodes.map(n => ({
          ...n.container.render(this.podSecurityLevel()),
          name: n.name,
          dependencies: n.options.dependencies?.map(d => d.name),
        })),
        volumeMounts: mounts?.length ? renderMounts(mounts) : undefined,
        retryStrategy: this.props.containerRetries ? { retries: this.props.containerRetries.retries, duration: renderDuration(this.props.containerRetries.duration) } : undefined,
      },
    };
  }
}
