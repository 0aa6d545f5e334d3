import * as l1 from '../../imports/argo-workflows';
import { IServiceAccountRef } from '../core/object-refs';
import { expectKind } from '../core/ref-inspection';
import { ArgoExpression, ArgoText, ArgoVariable, renderText } from './argo-variable';
import { ArtifactArchive, ArtifactLocation } from './artifact-location';
import { MetadataProps } from './metadata-props';

/** When Argo deletes an output artifact from its storage (`artifactGC.strategy`). */
export enum ArtifactGcStrategy {
  /** When the workflow completes. */
  ON_WORKFLOW_COMPLETION = 'OnWorkflowCompletion',
  /** When the workflow is deleted. */
  ON_WORKFLOW_DELETION = 'OnWorkflowDeletion',
  /** Never (overrides a workflow-level strategy). */
  NEVER = 'Never',
}

/** Garbage collection of output artifacts (`artifactGC`), per artifact or for the whole workflow. */
export interface ArtifactGcProps {
  /**
   * When the artifacts are deleted.
   * @default - never, or the workflow's strategy
   */
  readonly strategy?: ArtifactGcStrategy;
  /**
   * ServiceAccount of the pods that delete the artifacts (they need access to the storage).
   * @default - the workflow's
   */
  readonly serviceAccount?: IServiceAccountRef;
  /**
   * Labels and annotations of those pods.
   * @default - none
   */
  readonly podMetadata?: MetadataProps;
}

/** @internal */
export function renderArtifactGc(gc: ArtifactGcProps | undefined, where: string): l1.ArtifactGc | undefined {
  if (!gc) return undefined;
  expectKind(gc.serviceAccount, 'ServiceAccount', `${where}: artifactGc.serviceAccount`);
  return {
    strategy: gc.strategy,
    serviceAccountName: gc.serviceAccount?.name,
    podMetadata: gc.podMetadata && { labels: gc.podMetadata.labels, annotations: gc.podMetadata.annotations },
  };
}

/** Options of an input artifact. */
export interface InputArtifactOptions {
  /**
   * Where the artifact is placed in the container (container and script templates; no `..`).
   * @default - none (required on container and script templates, rule W22)
   */
  readonly path?: string;
  /**
   * Where to load it from when the caller passes nothing.
   * @default - the caller passes it as an argument
   */
  readonly location?: ArtifactLocation;
  /**
   * Do not fail when the artifact is missing.
   * @default false
   */
  readonly optional?: boolean;
  /**
   * File mode of the placed files, e.g. `0o755`.
   * @default - as stored
   */
  readonly mode?: number;
  /**
   * Apply `mode` to every file of a directory artifact.
   * @default false
   */
  readonly recurseMode?: boolean;
  /**
   * Load only this path inside the location (a file of a stored directory).
   * @default - the whole artifact
   */
  readonly subPath?: ArgoText;
}

/** Options of an artifact argument (`artifact.from(source, options)`). */
export interface ArtifactArgumentOptions {
  /**
   * Pass only this path inside the source (a file of a directory artifact).
   * @default - the whole artifact
   */
  readonly subPath?: ArgoText;
  /**
   * File mode of the placed files, e.g. `0o755`.
   * @default - the input's
   */
  readonly mode?: number;
  /**
   * Apply `mode` to every file of a directory artifact.
   * @default false
   */
  readonly recurseMode?: boolean;
  /**
   * Do not fail when the source is missing (e.g. its step was skipped).
   * @default false
   */
  readonly optional?: boolean;
}

/**
 * Where an artifact argument comes from: the output artifact of a step or task
 * (`step.outputArtifact(a)`), an input artifact of the calling template, a workflow output
 * (`output.global`), or a location.
 */
export type ArtifactSource = ArgoVariable | ArtifactLocation;

/**
 * A value passed to an input artifact of a called template (`arguments.artifacts[]`): made by
 * `input.from(source)`, so it always names an input the template declares.
 */
export class ArtifactArgument {
  /** @internal */
  constructor(
    /** The input artifact receiving the value. */
    public readonly artifact: InputArtifact,
    /** Where the value comes from. */
    public readonly source: ArtifactSource,
    /** Options. */
    public readonly options: ArtifactArgumentOptions = {}) {}

  /** @internal */
  public _render(): l1.Artifact {
    const o = this.options;
    const s = this.source;
    const from = s instanceof ArtifactLocation ? s._location : { from: s.toString() };
    return { name: this.artifact.name, ...from, subPath: renderText(o.subPath), mode: o.mode, recurseMode: o.recurseMode, optional: o.optional };
  }

  /** @internal Values that may hold typed variables. */
  public get _values(): unknown[] {
    return [this.source instanceof ArtifactLocation ? undefined : this.source, this.options.subPath];
  }
}

/**
 * An input artifact of a template (`inputs.artifacts[]`). As a variable it renders
 * `{{inputs.artifacts.<name>}}` (pass it on to a step); `pathVariable` renders its path. Callers
 * pass a value with `input.from(source)`.
 */
export class InputArtifact extends ArgoVariable<'inputs'> {
  /** The artifact name. */
  public readonly name: string;
  /** The options it was declared with. */
  public readonly options: InputArtifactOptions;

  /** @param name artifact name (`^[-a-zA-Z0-9_]+$`, rule W4) */
  constructor(name: string, options: InputArtifactOptions = {}) {
    super(['inputs', 'artifacts', name]);
    this.name = name;
    this.options = options;
  }

  /** `{{inputs.artifacts.<name>.path}}`. */
  public get pathVariable(): ArgoVariable<'inputs'> {
    return new ArgoVariable<'inputs'>([...this.segments, 'path']);
  }

  /**
   * The argument giving this input its value in a step, task, hook or workflow:
   * `input.from(producer.outputArtifact(out))`, `input.from(ArtifactLocation.http({ url }))` or
   * `input.from(output.global)`.
   */
  public from(source: ArtifactSource, options?: ArtifactArgumentOptions): ArtifactArgument {
    if (!(source instanceof ArgoVariable) && !(source instanceof ArtifactLocation)) {
      throw new Error(`input artifact "${this.name}": from() takes an artifact variable (step.outputArtifact(a), an input artifact, output.global) or an ArtifactLocation (got ${JSON.stringify(source)}).`);
    }
    if (source instanceof ArgoExpression) {
      throw new Error(`input artifact "${this.name}": an argument cannot take an expression (${source}): Argo requires from, a location or a key there ("from, artifact location, or key is required"). `
        + 'Choose the artifact with an expression on an output of the steps or DAG template (OutputArtifact from: argoExpr`...`), and pass that output.');
    }
    return new ArtifactArgument(this, source, options);
  }

  /** @internal */
  public _render(): l1.Artifact {
    const o = this.options;
    return { name: this.name, path: o.path, optional: o.optional, mode: o.mode, recurseMode: o.recurseMode, subPath: renderText(o.subPath), ...(o.location?._location ?? {}) };
  }
}

/** Options of an output artifact. */
export interface OutputArtifactOptions {
  /**
   * File or directory in the container to collect (container and script templates).
   * @default - none
   */
  readonly path?: string;
  /**
   * Where to store it.
   * @default - the workflow's artifact repository
   */
  readonly location?: ArtifactLocation;
  /**
   * Archive format.
   * @default - gzipped tarball
   */
  readonly archive?: ArtifactArchive;
  /**
   * Also export as a workflow output, `{{workflow.outputs.artifacts.<globalName>}}`.
   * @default - not exported
   */
  readonly globalName?: string;
  /**
   * Do not fail when the file is missing.
   * @default false
   */
  readonly optional?: boolean;
  /**
   * Steps and DAG templates: the artifact this output forwards, e.g. `step.outputArtifact(art)`,
   * or an `argoExpr` choosing one at run time (rendered `fromExpression`).
   * @default - none
   */
  readonly from?: ArgoVariable;
  /**
   * When Argo deletes the stored artifact.
   * @default - the workflow's artifactGc, else never
   */
  readonly artifactGc?: ArtifactGcProps;
}

/**
 * An output artifact of a template (`outputs.artifacts[]`). Read it from the step or task that ran
 * the template: `step.outputArtifact(artifact)`.
 */
export class OutputArtifact {
  /** The artifact name. */
  public readonly name: string;
  /** The options it was declared with. */
  public readonly options: OutputArtifactOptions;

  /** @param name artifact name (`^[-a-zA-Z0-9_]+$`, rule W4) */
  constructor(name: string, options: OutputArtifactOptions = {}) {
    this.name = name;
    this.options = options;
  }

  /** `{{workflow.outputs.artifacts.<globalName>}}`. Throws if the artifact has no `globalName`. */
  public get global(): ArgoVariable<'global'> {
    if (!this.options.globalName) throw new Error(`output artifact "${this.name}" has no globalName: set globalName to read it as a workflow output`);
    return new ArgoVariable<'global'>(['workflow', 'outputs', 'artifacts', this.options.globalName]);
  }

  /** `{{outputs.artifacts.<name>.path}}`: the path, inside the template that declares it. */
  public get pathVariable(): ArgoVariable<'inputs'> {
    return new ArgoVariable<'inputs'>(['outputs', 'artifacts', this.name, 'path']);
  }

  /** @internal */
  public _render(): l1.Artifact {
    const o = this.options;
    const from = o.from instanceof ArgoExpression ? { fromExpression: o.from.text } : { from: renderText(o.from) };
    return {
      name: this.name,
      path: o.path,
      ...from,
      globalName: o.globalName,
      optional: o.optional,
      archive: o.archive?._strategy,
      artifactGc: renderArtifactGc(o.artifactGc, `output artifact "${this.name}"`),
      ...(o.location?._location ?? {}),
    };
  }
}
