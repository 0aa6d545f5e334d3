import { Visited } from './util/walk';

/** A Kubernetes manifest as plain data (parsed YAML or a synthesized ApiObject's JSON). */
export interface Manifest {
  /** API group and version, e.g. `argoproj.io/v1alpha1`. */
  readonly apiVersion?: string;
  /** Kind, e.g. `WorkflowTemplate`. */
  readonly kind?: string;
  /** Object metadata; the fields the rules read are typed, the rest kept as they are. */
  readonly metadata?: {
    /** Object name. */
    readonly name?: string;
    /** Name prefix the API server completes when `name` is absent. */
    readonly generateName?: string;
    /** Namespace; absent for cluster-scoped kinds or an object applied to the current namespace. */
    readonly namespace?: string;
    /** Labels. */
    readonly labels?: { readonly [key: string]: string };
    /** Annotations (`cdk8s-argo.io/disable` holds suppressions). */
    readonly annotations?: { readonly [key: string]: string };
    readonly [key: string]: any;
  };
  readonly [key: string]: any;
}

/** How bad a finding is: an error fails the lint run (and the synth); a warning is reported only. */
export type Severity = 'error' | 'warning';

/** One problem found in one manifest. */
export interface Finding {
  /** Stable rule id: W1-W40 and E1-E15 (Argo's rules), K8S-* (Kubernetes basics), SCHEMA, SUPPRESSION. */
  readonly ruleId: string;
  /** Error or warning. */
  readonly severity: Severity;
  /** Index of the manifest in the list given to `lint()`. */
  readonly manifestIndex: number;
  /** `Kind/name` of the manifest (name falls back to generateName, then `<unnamed>`). */
  readonly object: string;
  /** Field path inside the manifest, e.g. `spec.templates[1].steps[0][0].template`. */
  readonly path: string;
  /** What is wrong, what Argo or Kubernetes would do with it, and how to fix it. */
  readonly message: string;
}

/** Options of `lint()` and `lintDetailed()` (and of the CLI, the plugin and the synth-time check). */
export interface LintOptions {
  /**
   * Report a reference to an object that is not in the linted set (a WorkflowTemplate, an
   * EventSource, a ConfigMap...) as an error instead of a warning.
   * @default false
   */
  readonly strictRefs?: boolean;
  /**
   * Run the strict schema check (rule SCHEMA) against the Argo schemas built into the package
   * (or the ones in $ARGO_SCHEMA_DIR, when set).
   * @default true
   */
  readonly schema?: boolean;
  /**
   * Argo Workflows version whose schema checks Workflows kinds.
   * @default 'v4.1.2'
   */
  readonly workflowsVersion?: 'v4.1.2' | 'v3.7.18';
  /**
   * With the schema check, also check the constraints of Argo's full CRDs (rule CRD: the CEL
   * rules, minimums, patterns and list limits the API server enforces on apply; Argo Workflows
   * v4.1.2 only). Turn it off for a cluster that runs Argo's minimal CRDs.
   * @default true
   */
  readonly crd?: boolean;
  /**
   * Only run these rule ids (all rules when undefined).
   * @default - all rules
   */
  readonly only?: readonly string[];
  /**
   * Findings to silence, each with its reason (besides the `cdk8s-argo.io/disable` annotation,
   * which lint() reads from the manifests itself). A suppression that silences nothing is
   * reported (rule SUPPRESSION, a warning), as is one without a reason or with an unknown rule
   * id (an error).
   * @default - none
   */
  readonly suppressions?: readonly Suppression[];
}

/** Findings silenced on purpose: which rules, why, and where. */
export interface Suppression {
  /**
   * Rule ids, then ` -- ` and the reason: `W31, K8S-REF -- the sensor passes this parameter`.
   * In the annotation a rule id may name a field path: `W31@spec.templates[2] -- reason`.
   */
  readonly directive: string;
  /** Where it was written, for messages: `--disable`, `the comment at line 12`. */
  readonly origin: string;
  /** Index of the manifest it applies to; every manifest when undefined. */
  readonly manifestIndex?: number;
  /**
   * Field path it covers, with everything below it; the whole manifest when undefined or ''.
   * null: it covers no field (a comment with nothing after it), so it can only be reported.
   */
  readonly path?: string | null;
}

/** A finding that a suppression silenced. */
export interface SuppressedFinding {
  /** The finding, as it would have been reported. */
  readonly finding: Finding;
  /** The suppression that silenced it. */
  readonly suppression: Suppression;
  /** The reason given with the suppression. */
  readonly reason: string;
}

/** Everything one lint run produced (see `lintDetailed`). */
export interface LintResult {
  /** What to report, sorted by manifest and path: unsuppressed findings and SUPPRESSION findings. */
  readonly findings: Finding[];
  /** Findings silenced by a suppression, with it. */
  readonly suppressed: SuppressedFinding[];
  /**
   * Suppressions that silenced nothing although their rules ran; those of a manifest are also
   * SUPPRESSION findings, those of every manifest (`manifestIndex` undefined) only listed here.
   */
  readonly unused: Suppression[];
}

/** What a rule sees while it checks one manifest. */
export interface RuleContext {
  /** The manifest under check. */
  readonly manifest: Manifest;
  /** Every manifest of the linted set, for cross-object checks. */
  readonly index: ManifestIndex;
  /** The options of this lint run. */
  readonly options: LintOptions;
  /**
   * Reports a finding at a field path of the manifest under check. `restates` names the rule
   * whose finding at the same path this one passes on (a nested object's): it is left out when
   * that rule reported the path on this manifest itself.
   */
  report(path: string, message: string, severity?: Severity, restates?: string): void;
  /**
   * Reports a reference to an object missing from the linted set: a warning ("assumed to
   * exist in the cluster"), or an error with `strictRefs`.
   */
  reportMissingReference(path: string, kind: string, name: string, hint?: string): void;
  /**
   * Asks to visit every value of the manifest (see `walkTogether` in util/walk; return `false` to
   * skip a value's children, for this rule only). The engine walks each manifest once for all
   * rules, after every rule's `check` returned: `visit` runs then, and `after` once the walk is
   * done (for work that needs what the visit collected).
   */
  onWalk(visit: (at: Visited) => boolean | void, after?: () => void): void;
  /**
   * Lints another object as if it were one of the set (every rule and the schema check, the
   * set's index for its references), without reporting anything: what a Sensor's trigger would
   * create. The caller decides what to report, and where.
   */
  lintNested(manifest: Manifest): readonly NestedFinding[];
}

/** A finding of `RuleContext.lintNested`: paths are inside the nested object. */
export interface NestedFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly path: string;
  readonly message: string;
}

/** A check written once and shared by the linter, the CLI, the cdk8s plugin and the constructs. */
export interface Rule {
  /** Stable id, e.g. `W7`, `E2`, `K8S-NAME`. */
  readonly id: string;
  /** One line: what the rule enforces. */
  readonly description: string;
  /** Kinds the rule applies to; every kind when undefined. */
  readonly kinds?: readonly string[];
  /** Checks one manifest, reporting through `ctx` (called once per manifest of a listed kind). */
  check(ctx: RuleContext): void;
}

/** Lookup of the linted manifests by kind, namespace and name. */
export interface ManifestIndex {
  /** Every manifest of the linted set, in input order. */
  readonly all: readonly Manifest[];
  /** Manifests of a kind (any namespace). */
  ofKind(kind: string): readonly Manifest[];
  /**
   * The manifest of that kind and name in the namespace (cluster-scoped kinds: namespace
   * ignored). A manifest without namespace matches any namespace: it lands wherever it is applied.
   */
  find(kind: string, name: string, namespace?: string): Manifest | undefined;
}
