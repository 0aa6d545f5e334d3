import { ApiObject, App, Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { markChanged } from '../core/revision';
import { SynthSession } from '../core/synth-session';
import { Manifest } from '../lint/types';

/** The resource scopes by the root of their tree, to tell their objects from the app's. */
const SCOPES = new WeakMap<IConstruct, TriggerResourceScope>();

/** What the lint sees where a trigger writes the event's value (findings there are left out). */
const FROM_EVENT = 'from-event';
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
   * Records that a trigger sets these argument parameters of a workflow of a resource scope
   * from the event: the workflow is linted as the trigger submits it, with those values written
   * (it needs no value of its own for them; what the event brings is not judged).
   */
  public static assignParameters(workflow: IConstruct, names: readonly string[]): void {
    const scope = SCOPES.get(workflow.node.root);
    if (!scope) return;
    let assigned = scope.assigned.get(workflow);
    if (!assigned) {
      const set = new Set<string>();
      scope.assigned.set(workflow, assigned = set);
      const apiObject = ApiObject.isApiObject(workflow) ? workflow : workflow.node.findAll().find(ApiObject.isApiObject);
      if (apiObject) SynthSession.of(scope.app).lintAs(apiObject, { filled: manifest => filledByTrigger(manifest, set) });
    }
    for (const name of names) assigned.add(name);
    markChanged();
  }

  /** The chart to create the objects in. */
  public readonly chart: Chart;
  private readonly app: App;
  /** Argument parameters the triggers set, by workflow. */
  private readonly assigned = new Map<IConstruct, Set<string>>();

  constructor(chartId: string) {
    this.app = new App();
    SCOPES.set(this.app, this);
    this.chart = new Chart(this.app, chartId);
  }

  /**
   * The synth-time validation of the objects defined in the scope, as cdk8s runs it for an app
   * (every construct's validations, the library's rules included), each error with the path of
   * the construct it is about.
   */
  public validate(): string[] {
    return this.app.node.findAll().flatMap(c => c.node.validate().map(e => `[${c.node.path}] ${e}`));
  }
}

/** The workflow as the trigger submits it: the event's value written into each argument parameter it sets. */
function filledByTrigger(manifest: Manifest, names: ReadonlySet<string>): { manifest: Manifest; setLater: string[] } {
  const parameters = manifest.spec?.arguments?.parameters;
  if (!Array.isArray(parameters)) return { manifest, setLater: [] };
  const setLater: string[] = [];
  const filled = parameters.map((p: unknown, i: number) => {
    if (p === null || typeof p !== 'object' || !names.has((p as { name?: unknown }).name as string)) return p;
    setLater.push(`spec.arguments.parameters[${i}].value`);
    return { ...p, value: FROM_EVENT };
  });
  return { manifest: { ...manifest, spec: { ...manifest.spec, arguments: { ...manifest.spec.arguments, parameters: filled } } }, setLater };
}

/** The construct in the scope, checked: a clear error for one of the app's tree. @internal */
export function expectInResourceScope(object: Construct, where: string): void {
  if (TriggerResourceScope.contains(object)) return;
  throw new Error(`${where}: ${object.node.path} is defined in the app, so cdk8s would also apply it with the other manifests (a Workflow would run at once, `
    + 'a Pod start) besides the trigger creating it. Define it in the sensor\'s resourceScope instead: new Workflow(sensor.resourceScope, ...), '
    + 'or pass its manifest with TriggerResource.of(...).');
}
