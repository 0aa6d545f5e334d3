import { lint } from '../lint/engine';
import { Finding, LintOptions, Manifest } from '../lint/types';
import { kindFamily } from '../lint/util/kinds';
import { drawArtifactHandOffs } from './artifacts';
import { GraphBuilder } from './builder';
import { drawBusEdge, drawEventBus, drawEventSource, drawSensor, drawSensorFlow, DrawnSensor } from './events';
import { ArgoGraphManifestSource, attachFindings, locateSources } from './findings';
import { focusGraph } from './focus';
import { ArgoGraph } from './model';
import { drawResourceUses } from './resources';
import { drawTriggerTargets } from './triggers';
import { drawWorkflowEdges, drawWorkflowNodes, DrawnWorkflow, WorkflowRegistry } from './workflows';
import { drawWorkflowEventBinding, drawWorkflowEventBindingEdge } from './workflow-event-binding';

/** Options of `buildArgoGraph()`. */
export interface ArgoGraphOptions {
  /**
   * Lint findings to show on the nodes they concern (from `lint()` over the same manifests, in
   * the same order). When absent the graph lints the manifests itself with `lint`.
   * @default - lint(manifests, lint)
   */
  readonly findings?: readonly Finding[];
  /**
   * Options of the lint run made when `findings` is absent.
   * @default { schema: false } (semantic rules only: no schema files needed)
   */
  readonly lint?: LintOptions;
  /**
   * Where each manifest came from (parallel to `manifests`; the loader's `LoadedManifest`s fit),
   * so that nodes and findings carry file and line.
   * @default - no file or line
   */
  readonly sources?: readonly ArgoGraphManifestSource[];
  /**
   * Draw only these nodes and what they reach (`a-workflow`, `Sensor/vendor-a`, `a-workflow/main`).
   * @default - the whole graph
   */
  readonly focus?: readonly string[];
  /**
   * Draw the steps and tasks of steps and DAG templates as nodes of their own, with the order
   * between them.
   * @default false
   */
  readonly expand?: boolean;
}

/** `buildArgoGraph()`, documented where src/graph/index.ts exports it (loading this module on first call). */
export function buildArgoGraph(manifests: readonly Manifest[], options: ArgoGraphOptions = {}): ArgoGraph {
  const builder = new GraphBuilder(manifests);
  const registry: WorkflowRegistry = new Map();
  const expand = options.expand ?? false;
  const workflows: DrawnWorkflow[] = [];
  const sensors: DrawnSensor[] = [];
  const withBus: { index: number; direction: 'publishes' | 'delivers' }[] = [];
  const bindings: number[] = [];

  manifests.forEach((manifest, index) => {
    if (!manifest || typeof manifest !== 'object') return;
    const family = kindFamily(manifest);
    if (family === 'workflows' && manifest.kind === 'WorkflowEventBinding') {
      drawWorkflowEventBinding(builder, index);
      bindings.push(index);
    } else if (family === 'workflows') {
      const drawn = drawWorkflowNodes(builder, registry, index, manifest);
      if (drawn) workflows.push(drawn);
    } else if (family === 'events' && manifest.kind === 'EventBus') {
      drawEventBus(builder, index);
    } else if (family === 'events' && manifest.kind === 'EventSource') {
      drawEventSource(builder, index);
      withBus.push({ index, direction: 'publishes' });
    } else if (family === 'events' && manifest.kind === 'Sensor') {
      sensors.push(drawSensor(builder, index));
      withBus.push({ index, direction: 'delivers' });
    }
  });

  for (const drawn of workflows) drawWorkflowEdges(builder, registry, drawn, expand);
  for (const { index, direction } of withBus) drawBusEdge(builder, index, direction);
  for (const sensor of sensors) {
    drawSensorFlow(builder, sensor);
    drawTriggerTargets(builder, registry, sensor, expand);
  }
  for (const index of bindings) drawWorkflowEventBindingEdge(builder, registry, index);
  drawArtifactHandOffs(builder, [...registry.values()]);
  markExitPaths(builder);
  // Drawn objects first; a ServiceAccount drawn because something uses it may use Secrets in turn.
  const used = new Set<number>();
  for (let more = true; more;) {
    more = false;
    manifests.forEach((_, index) => {
      if (used.has(index) || !builder.objectNode(index)) return;
      used.add(index);
      drawResourceUses(builder, index);
      more = true;
    });
  }

  locateSources(builder, options.sources);
  const findings = options.findings ?? lint(manifests, { schema: false, ...options.lint });
  const otherFindings = attachFindings(builder, findings, options.sources);
  const graph: ArgoGraph = { nodes: builder.orderedNodes(), edges: builder.orderedEdges(), otherFindings };
  return options.focus?.length ? focusGraph(graph, options.focus) : graph;
}

/** Templates an exit handler calls (directly or not) run on exit too: they get the role `on exit`. */
function markExitPaths(builder: GraphBuilder): void {
  const calls = new Map<string, string[]>();
  for (const e of builder.allEdges()) {
    if (e.kind !== 'calls') continue;
    const list = calls.get(e.from);
    if (list) list.push(e.to);
    else calls.set(e.from, [e.to]);
  }
  const queue = builder.allNodes().filter(n => n.roles.includes('exit handler')).map(n => n.id);
  const seen = new Set(queue);
  while (queue.length) {
    for (const next of calls.get(queue.shift()!) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      const node = builder.node(next)!;
      if (!node.roles.includes('exit handler') && !node.roles.includes('on exit')) node.roles.push('on exit');
      queue.push(next);
    }
  }
}
