import { ArgoGraphEdgeKind, ArgoGraphNodeKind } from '../model';

/** Colour of each node kind (header band, border), shared by every format. */
export const NODE_COLORS: Readonly<Record<ArgoGraphNodeKind, string>> = {
  EventSource: '#0b6fa4',
  Event: '#0b6fa4',
  EventBus: '#5f6b7a',
  Sensor: '#7b3fa0',
  Dependency: '#7b3fa0',
  Trigger: '#7b3fa0',
  Workflow: '#2e7d32',
  WorkflowTemplate: '#00796b',
  ClusterWorkflowTemplate: '#00695c',
  CronWorkflow: '#c25e00',
  WorkflowEventBinding: '#c25e00',
  Template: '#00796b',
  Step: '#00796b',
  Task: '#00796b',
  ConfigMap: '#6d5a4b',
  Secret: '#9a6b00',
  ServiceAccount: '#3949ab',
  PersistentVolumeClaim: '#6d5a4b',
  Artifact: '#558b2f',
  Resource: '#455a64',
  External: '#455a64',
};

export const MISSING_COLOR = '#d32f2f';
export const ERROR_COLOR = '#d32f2f';
export const WARNING_COLOR = '#b26a00';

/** How each kind of edge is drawn, and what the legend calls it. */
export interface EdgeStyle {
  readonly color: string;
  readonly width: number;
  /** SVG stroke-dasharray, when dashed or dotted (dashed red is kept for missing references). */
  readonly dash?: string;
  readonly legend: string;
  /** What the edge does, in a few words (details panel, tooltips). */
  readonly verb: string;
}

export const EDGE_STYLES: Readonly<Record<ArgoGraphEdgeKind, EdgeStyle>> = {
  'event-bus': { color: '#8a96a3', width: 1.2, dash: '1 3', legend: 'event bus', verb: 'event bus' },
  event: { color: '#0b6fa4', width: 2, legend: 'event -> dependency', verb: 'event' },
  condition: { color: '#7b3fa0', width: 1.5, legend: 'dependency -> trigger', verb: 'fires' },
  trigger: { color: '#7b3fa0', width: 2.2, legend: 'trigger submits / creates / calls', verb: 'trigger' },
  runs: { color: '#2e7d32', width: 2, legend: 'runs a WorkflowTemplate', verb: 'runs' },
  entrypoint: { color: '#00796b', width: 1.5, legend: 'entrypoint', verb: 'entrypoint' },
  exit: { color: '#c2185b', width: 1.8, legend: 'exit handler', verb: 'exit handler' },
  hook: { color: '#c2185b', width: 1.5, dash: '6 2 1 2', legend: 'lifecycle hook', verb: 'hook' },
  calls: { color: '#37474f', width: 1.6, legend: 'calls a template', verb: 'calls' },
  contains: { color: '#00796b', width: 1.2, legend: 'first steps / root tasks', verb: 'contains' },
  then: { color: '#00796b', width: 1.4, legend: 'then / depends', verb: 'then' },
  uses: { color: '#a7b1bb', width: 1.1, legend: 'uses (ConfigMap, Secret, ServiceAccount...)', verb: 'uses' },
  stores: { color: '#558b2f', width: 2, legend: 'stores artifact', verb: 'stores' },
  loads: { color: '#558b2f', width: 2, legend: 'loads artifact', verb: 'loads' },
};

/** Legend order: the flow first, then the workflow internals, then resources. */
export const EDGE_KIND_ORDER: readonly ArgoGraphEdgeKind[] = [
  'event', 'event-bus', 'condition', 'trigger', 'runs', 'entrypoint', 'calls', 'exit', 'hook', 'contains', 'then', 'stores', 'loads', 'uses',
];

/** Short kind labels drawn above node names. */
export function kindLabel(kind: ArgoGraphNodeKind): string {
  switch (kind) {
    case 'ClusterWorkflowTemplate': return 'ClusterWorkflowTemplate';
    case 'PersistentVolumeClaim': return 'PVC';
    case 'External': return 'external';
    default: return kind;
  }
}
