import { App, Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';

/** The resource scopes by the root of their tree, to tell their objects from the app's. */
const SCOPES = new WeakMap<IConstruct, TriggerResourceScope>();

/** W20's finding about an argument without a value, with the parameter's name. */
const NO_VALUE = /: spec\.arguments\.parameters\[\d+\]: argument parameter "([^"]+)" of the workflow has neither value nor valueFrom: .*\[W20\]$/;

/**
 * Where the objects a sensor's triggers create are defined: a chart of its own, outside the
 * app's tree, so that cdk8s never writes them to the output (a Workflow applied with the app
 * would run at once), while they are still typed constructs (`new Workflow(scope, ...)`, a
 * cdk8s-plus Job...) with their own synth-time checks, which the sensor runs and reports. @internal
 */
export class TriggerResourceScope {
  /** True when `construct` is defined in a resource scope (of any sensor). */
  public static contains(construct: IConstruct): boolean {
    return SCOPES.has(construct.node.root);
  }

  /**
   * Records that a trigger sets these parameters of a workflow of a resource scope from the
   * event: the workflow needs no value of its own for them (Argo gets the trigger's).
   */
  public static assignParameters(workflow: IConstruct, names: readonly string[]): void {
    const scope = SCOPES.get(workflow.node.root);
    if (!scope) return;
    const set = scope.assigned.get(workflow.node.path) ?? new Set<string>();
    names.forEach(n => set.add(n));
    scope.assigned.set(workflow.node.path, set);
  }

  /** The chart to create the objects in. */
  public readonly chart: Chart;
  private readonly app: App;
  /** Parameters the triggers set, by workflow path. */
  private readonly assigned = new Map<string, Set<string>>();

  constructor(chartId: string) {
    this.app = new App();
    SCOPES.set(this.app, this);
    this.chart = new Chart(this.app, chartId);
  }

  /**
   * The synth-time validation of the objects defined in the scope, as cdk8s runs it for an app
   * (every construct's validations, the library's rules included), each error with the path of
   * the construct it is about. An argument without a value that a trigger sets is not an error.
   */
  public validate(): string[] {
    const errors: string[] = [];
    for (const c of this.app.node.findAll()) {
      for (const e of c.node.validate()) {
        const unset = NO_VALUE.exec(e);
        if (unset && this.assigned.get(c.node.path)?.has(unset[1])) continue;
        errors.push(`[${c.node.path}] ${e}`);
      }
    }
    return errors;
  }
}

/** The construct in the scope, checked: a clear error for one of the app's tree. @internal */
export function expectInResourceScope(object: Construct, where: string): void {
  if (TriggerResourceScope.contains(object)) return;
  throw new Error(`${where}: ${object.node.path} is defined in the app, so cdk8s would also apply it with the other manifests (a Workflow would run at once, `
    + 'a Pod start) besides the trigger creating it. Define it in the sensor\'s resourceScope instead: new Workflow(sensor.resourceScope, ...), '
    + 'or pass its manifest with TriggerResource.of(...).');
}
