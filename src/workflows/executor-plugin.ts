import * as l1 from '../../imports/argo-workflows';
import { ArgoText } from './argo-variable';
import { ComputeResources } from './container-resources';
import { ContainerPortProps } from './container-probe';
import { ContainerSpec, ContainerSpecProps } from './container-template';

/** Props of an executor plugin added to one workflow. */
export interface ExecutorPluginProps extends ContainerSpecProps {
  /** Image of the plugin's sidecar. */
  readonly image: ArgoText;
  /** The port(s) the plugin serves on: Argo requires at least one (rule W41). */
  readonly ports: ContainerPortProps[];
  /** Resource requests and limits of the sidecar: Argo requires both (rule W41), e.g. `{ cpu: { request: 0.1, limit: 0.5 }, memory: { ... } }`. */
  readonly resources: ComputeResources;
  /**
   * Mount the service account token into the sidecar (a plugin calling the Kubernetes API needs it).
   * @default false
   */
  readonly automountServiceAccountToken?: boolean;
}

/** An executor plugin of a workflow (`spec.executorPlugins[]`): the sidecar that runs its plugin templates. */
export class ExecutorPlugin {
  /** The sidecar container (env, envFrom, mounts and overrides can be added later). */
  public readonly container: ContainerSpec;

  /** @internal */
  constructor(
    /** The plugin's name (the sidecar's name too). */
    public readonly name: string,
    private readonly props: ExecutorPluginProps) {
    this.container = new ContainerSpec(props, name);
  }

  /** @internal */
  public _render(): l1.ExecutorPlugin {
    const { name: _n, ...rest } = this.container.render();
    const container = { ...rest, name: this.name };
    this.container._applyOverrides(container);
    return {
      metadata: { name: this.name },
      spec: { sidecar: { container, automountServiceAccountToken: this.props.automountServiceAccountToken } },
    };
  }

  /** @internal What Kubernetes would refuse in the container, with paths below it. */
  public _problems(): { subPath: string; message: string }[] {
    return this.container._problems();
  }
}
