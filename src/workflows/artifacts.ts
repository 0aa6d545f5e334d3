import * as l1 from '../../imports/argo-workflows';
import { ArgoVariable, renderText } from './argo-variable';
import { ArtifactLocation } from './artifact-location';


/** How an output artifact is archived before upload. */
export class ArtifactArchive {
  /** Upload as is (no tarball). */
  public static none(): ArtifactArchive {
    return new ArtifactArchive({ none: {} });
  }

  /** A gzipped tarball (Argo's default). */
  public static tar(compressionLevel?: number): ArtifactArchive {
    return new ArtifactArchive({ tar: compressionLevel === undefined ? {} : { compressionLevel } });
  }

  /** A zip file. */
  public static zip(): ArtifactArchive {
    return new ArtifactArchive({ zip: {} });
  }

  private constructor(/** @internal */ public readonly _strategy: l1.ArchiveStrategy) {}
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
}

/**
 * An input artifact of a template (`inputs.artifacts[]`). As a variable it renders
 * `{{inputs.artifacts.<name>}}` (pass it on to a step); `pathVariable` renders its path.
 */
export class InputArtifact extends ArgoVariable {
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
  public get pathVariable(): ArgoVariable {
    return new ArgoVariable([...this.segments, 'path']);
  }

  /** @internal */
  public _render(): l1.Artifact {
    const o = this.options;
    return { name: this.name, path: o.path, optional: o.optional, mode: o.mode, ...(o.location?._location ?? {}) };
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
   * Steps and DAG templates: the artifact of a step or task this output forwards, e.g.
   * `step.outputArtifact(art)`.
   * @default - none
   */
  readonly from?: ArgoVariable;
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
  public get global(): ArgoVariable {
    if (!this.options.globalName) throw new Error(`output artifact "${this.name}" has no globalName: set globalName to read it as a workflow output`);
    return new ArgoVariable(['workflow', 'outputs', 'artifacts', this.options.globalName]);
  }

  /** @internal */
  public _render(): l1.Artifact {
    const o = this.options;
    return {
      name: this.name,
      path: o.path,
      from: renderText(o.from),
      globalName: o.globalName,
      optional: o.optional,
      archive: o.archive?._strategy,
      ...(o.location?._location ?? {}),
    };
  }
}

/** What a caller passes for an artifact: another node's artifact (a variable) or a location. */
export type ArtifactArgument = ArgoVariable | ArtifactLocation;

/** @internal */
export function renderArtifactArgument(name: string, value: ArtifactArgument): l1.Artifact {
  return value instanceof ArtifactLocation ? { name, ...value._location } : { name, from: value.toString() };
}
