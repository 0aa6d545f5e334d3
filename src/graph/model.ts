import { Severity } from '../lint/types';

/** What a node of the graph stands for. */
export type ArgoGraphNodeKind =
  | 'EventSource' | 'Event' | 'EventBus'
  | 'Sensor' | 'Dependency' | 'Trigger'
  | 'Workflow' | 'WorkflowTemplate' | 'ClusterWorkflowTemplate' | 'CronWorkflow' | 'WorkflowEventBinding'
  | 'Template' | 'Step' | 'Task'
  | 'ConfigMap' | 'Secret' | 'ServiceAccount' | 'PersistentVolumeClaim'
  /** An artifact location one template stores and another loads (an S3 bucket and key...). */
  | 'Artifact'
  /** A Kubernetes object a trigger creates, updates, patches or deletes. */
  | 'Resource'
  /** Something outside the cluster a trigger calls: an HTTP URL, a Kafka topic, a Lambda function... */
  | 'External';

/**
 * What an edge means. Edges point the way events and control flow (event source -> sensor ->
 * workflow -> called template), and from a user to what it uses (template -> ConfigMap).
 */
export type ArgoGraphEdgeKind =
  /** EventSource -> EventBus it publishes to, EventBus -> Sensor listening on it. */
  | 'event-bus'
  /** Event -> the Sensor dependency waiting for it. */
  | 'event'
  /** Dependency -> a trigger whose conditions name it (every dependency when it has none). */
  | 'condition'
  /** Trigger -> what it submits, creates or calls (label: the operation). */
  | 'trigger'
  /** Workflow, CronWorkflow, WorkflowEventBinding or trigger-made Workflow -> the WorkflowTemplate it runs (workflowTemplateRef). */
  | 'runs'
  /** Workflow/template -> its entrypoint template. */
  | 'entrypoint'
  /** Workflow/step/task -> its exit handler template (onExit, hooks.exit). */
  | 'exit'
  /** Workflow/step/task -> a lifecycle hook's template (label: the hook name). */
  | 'hook'
  /** Template (or step, task) -> the template a step, task or hook runs (label `templateRef` across objects). */
  | 'calls'
  /** Expanded steps or DAG template -> its first steps or root tasks. */
  | 'contains'
  /** Step -> step of the next group, task -> task depending on it (label: the condition). */
  | 'then'
  /** Anything -> ConfigMap, Secret, ServiceAccount or PersistentVolumeClaim it reads (label: the field). */
  | 'uses'
  /** Template -> artifact location it writes. */
  | 'stores'
  /** Artifact location -> template reading it. */
  | 'loads';

/** Where a node or edge comes from: a manifest of the input and a field path in it. */
export interface ArgoGraphSourceRef {
  /** Index of the manifest in the list given to `buildArgoGraph`. */
  readonly manifestIndex: number;
  /** Field path in that manifest (`''`: the whole object), as lint findings print it. */
  readonly path: string;
  /** File the manifest was read from, when the caller said (`sources`). */
  readonly file?: string;
  /** 1-based line of the field in that file, when the caller could tell. */
  readonly line?: number;
}

/** A lint finding shown on the node (or edge) it concerns. */
export interface ArgoGraphFinding {
  /** Rule id, as lint findings carry it (`E2`, `K8S-REF`...). */
  readonly ruleId: string;
  /** Error or warning. */
  readonly severity: Severity;
  /** `Kind/name` of the manifest the finding is about. */
  readonly object: string;
  /** Field path in that manifest. */
  readonly path: string;
  /** What is wrong, what Argo or Kubernetes would do, how to fix it. */
  readonly message: string;
  /** Index of the manifest in the list given to `buildArgoGraph`. */
  readonly manifestIndex: number;
  /** File the manifest was read from, when the caller said (`sources`). */
  readonly file?: string;
  /** 1-based line of the field in that file, when known. */
  readonly line?: number;
}

/** An object of the input (a WorkflowTemplate, a Sensor...), a part of one (a template, a trigger) or a reference. */
export interface ArgoGraphNode {
  /** Stable id: `Kind:namespace/name` for objects, `<parent id>#kind:name` for their parts. */
  readonly id: string;
  /** What the node stands for. */
  readonly kind: ArgoGraphNodeKind;
  /** Object or part name (`a-workflow`, template `main`, event `omega`). */
  readonly name: string;
  /** Namespace of the object, when the manifest sets one. */
  readonly namespace?: string;
  /** The object this node is part of (a template's WorkflowTemplate, an event's EventSource...). */
  readonly parent?: string;
  /** Short lines drawn under the name: schedule, endpoint, filters, image... */
  readonly details: readonly string[];
  /** Every fact known about the node, for tools and the HTML panel. */
  readonly properties: readonly (readonly [string, string])[];
  /** `entrypoint`, `exit handler`, `hook <name>`: what the node is to its workflow. */
  readonly roles: readonly string[];
  /** Referenced, but not among the manifests (drawn dashed red). */
  readonly missing: boolean;
  /** The manifest and field the node is drawn from (none for a missing reference). */
  readonly source?: ArgoGraphSourceRef;
  /** Lint findings about this node's part of its manifest. */
  readonly findings: readonly ArgoGraphFinding[];
}

/** A relation between two nodes: an event delivered, a template called, a ConfigMap used... */
export interface ArgoGraphEdge {
  /** Stable id: `from->to:kind`, with `~n` appended for repeats. */
  readonly id: string;
  /** Id of the node the edge starts at. */
  readonly from: string;
  /** Id of the node the edge points to. */
  readonly to: string;
  /** What the edge means. */
  readonly kind: ArgoGraphEdgeKind;
  /** Text drawn on the edge: the operation, hook name, condition or field. */
  readonly label?: string;
  /** The reference resolves to nothing in the set (drawn dashed red). */
  readonly missing: boolean;
  /** Why it is missing: the lint finding's message when a rule reported it. */
  readonly message?: string;
  /** The field holding the reference. */
  readonly source?: ArgoGraphSourceRef;
  /** Lint findings at the field holding the reference. */
  readonly findings: readonly ArgoGraphFinding[];
}

/** The system a set of manifests describes, as nodes and edges. */
export interface ArgoGraph {
  /** Nodes, objects in manifest order, each followed by its parts. */
  readonly nodes: readonly ArgoGraphNode[];
  /** Edges, in the order they were found. */
  readonly edges: readonly ArgoGraphEdge[];
  /** Findings about objects the graph does not draw (a Role, a Namespace...). */
  readonly otherFindings: readonly ArgoGraphFinding[];
  /** Node ids `focus` selected, when it was given. */
  readonly focus?: readonly string[];
}

/** Node kinds that stand for a whole object of the input (the others are parts or references). */
export const OBJECT_NODE_KINDS: ReadonlySet<ArgoGraphNodeKind> = new Set<ArgoGraphNodeKind>([
  'EventSource', 'EventBus', 'Sensor', 'Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate', 'CronWorkflow',
  'WorkflowEventBinding', 'ConfigMap', 'Secret', 'ServiceAccount', 'PersistentVolumeClaim',
]);
