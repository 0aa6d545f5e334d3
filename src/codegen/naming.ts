import { TypeGenerator } from 'json2jsii';

export const K8S_PREFIX = 'io.k8s.';
export const WORKFLOWS_PREFIX = 'io.argoproj.workflow.v1alpha1.';
export const EVENTS_PREFIX = 'io.argoproj.events.v1alpha1.';

/** Names exported by cdk8s, cdk8s-plus-27 and constructs: generated names must not reuse them. */
export function reservedNames(): Set<string> {
  const names = new Set<string>();
  for (const lib of ['cdk8s', 'cdk8s-plus-27', 'constructs']) {
    for (const name of Object.keys(require(lib))) names.add(name);
  }
  return names;
}

/**
 * The naming rules for generated types (README, "Generated imports"):
 * - Kubernetes types (`io.k8s.*`) are `K8s<Name>` (`K8sContainer`), in the shared kubernetes module;
 * - Argo Workflows types keep their Go name (`Template`, `RetryStrategy`), acronyms normalized
 *   the way cdk8s does (`DAGTask` -> `DagTask`);
 * - Argo Events types keep their Go name, or take `Events` in front when Workflows already
 *   uses it (`EventsTemplate`, `EventsS3Artifact`);
 * - any name cdk8s, cdk8s-plus-27 or constructs exports takes `Argo` in front (`ArgoService`);
 * - kind classes are `Argo<Kind>` with props `Argo<Kind>Props` (`ArgoWorkflowTemplate`).
 */
export class TypeNames {
  private readonly names = new Map<string, string>();
  private readonly owners = new Map<string, string>();

  constructor(
    private readonly reserved: Set<string>,
    k8sDefinitions: Iterable<string>,
    workflowDefinitions: Iterable<string>,
    eventDefinitions: Iterable<string>,
  ) {
    const workflowNames = new Set<string>();
    for (const def of k8sDefinitions) this.assign(def, 'K8s' + basename(def));
    for (const def of workflowDefinitions) workflowNames.add(this.assign(def, basename(def)));
    for (const def of eventDefinitions) {
      const name = normalize(basename(def));
      this.assign(def, workflowNames.has(name) ? 'Events' + name : name);
    }
  }

  /** The TypeScript name of a schema definition. */
  public of(definition: string): string {
    const name = this.names.get(definition);
    if (!name) throw new Error(`no type name assigned to schema definition ${definition}`);
    return name;
  }

  /** Reserves a name that is not a schema definition (kind classes, props). */
  public claim(name: string, owner: string): string {
    if (this.reserved.has(name)) throw new Error(`${owner}: name ${name} is exported by cdk8s, cdk8s-plus-27 or constructs`);
    const previous = this.owners.get(name);
    if (previous && previous !== owner) throw new Error(`name clash: ${name} is used by ${previous} and ${owner}`);
    this.owners.set(name, owner);
    return name;
  }

  private assign(definition: string, wanted: string): string {
    let name = normalize(wanted);
    if (this.reserved.has(name)) name = 'Argo' + name;
    this.names.set(definition, this.claim(name, definition));
    return name;
  }
}

function basename(definition: string): string {
  return definition.substring(definition.lastIndexOf('.') + 1);
}

function normalize(name: string): string {
  return TypeGenerator.normalizeTypeName(name);
}
