import { warn } from '../config/support';
import { IServiceAccountRef } from '../core/object-refs';
import {
  ArtifactArchive, ArtifactArgument, ContainerTemplate, ContainerTemplateProps, InputArtifact, Invocation, ITemplateHost, OutputArtifact,
} from '../workflows';
import { perRunVariables, S3Location } from './s3-location';

/** Options of `S3ArtifactStep.store()`. */
export interface S3StoreOptions {
  /** Artifact name (`^[-a-zA-Z0-9_]+$`), e.g. `vector`. */
  readonly name: string;
  /**
   * The S3 object to write. Share the same value with the consumer, or pass the stored artifact
   * itself to `load()`.
   * @default - the workflow's artifact repository, under a key Argo generates per run: pass it to
   * steps of the same workflow with `from` (`loaded.from(step)`)
   */
  readonly location?: S3Location;
  /**
   * How the path is packed before upload: `ArtifactArchive.tar()` (gzipped tarball) or
   * `ArtifactArchive.none()` (the file as is; a directory is uploaded file by file).
   * @default - a gzipped tarball (Argo's default)
   */
  readonly archive?: ArtifactArchive;
  /**
   * Do not fail the step when the path does not exist.
   * @default false
   */
  readonly optional?: boolean;
}

/** Options of `S3ArtifactStep.load()`. */
export interface S3LoadOptions {
  /**
   * Input artifact name.
   * @default - the stored artifact's name, or `input` for a bare location
   */
  readonly name?: string;
  /**
   * The location this consumer expects. Only checked: it must equal the producer's (a copy
   * written by hand that drifted is a synth error); the location always comes from the producer.
   * @default - the producer's
   */
  readonly location?: S3Location;
  /**
   * Do not fail the step when the object does not exist.
   * @default false
   */
  readonly optional?: boolean;
}

/** An artifact a step stores: pass it to `load()` of the consumer. */
export class StoredS3Artifact {
  /** @internal */
  constructor(
    /** The step storing it. */
    public readonly step: S3ArtifactStep,
    /** The output artifact declared on the step's template. */
    public readonly output: OutputArtifact,
    /** Where it is stored; undefined for the workflow's artifact repository. */
    public readonly location: S3Location | undefined) {}

  /** The artifact name. */
  public get name(): string {
    return this.output.name;
  }
}

/** An artifact a step loads. */
export class LoadedS3Artifact {
  /** @internal */
  constructor(
    /** The step loading it. */
    public readonly step: S3ArtifactStep,
    /** The input artifact declared on the step's template. */
    public readonly input: InputArtifact,
    /** What it loads: a stored artifact of a producer step, or a location. */
    public readonly source: StoredS3Artifact | S3Location) {}

  /** The artifact name. */
  public get name(): string {
    return this.input.name;
  }

  /**
   * The argument passing the producer's output to this input with `from`, for a step or task
   * running this template after `producer` in the same workflow:
   * `steps.addStep('b', load, { arguments: [loaded.from(createStep)] })`.
   */
  public from(producer: Invocation): ArtifactArgument {
    const source = this.source;
    if (!(source instanceof StoredS3Artifact)) {
      throw new Error(`${this.step.node.path}: artifact "${this.name}" loads a fixed location (${source.uri}), not the output of a step: there is nothing to pass with from. Call load() with the producer's StoredS3Artifact.`);
    }
    if (producer.template !== source.step) {
      throw new Error(`${this.step.node.path}: artifact "${this.name}" comes from template "${source.step.name}", but ${producer.kindLabel} "${producer.name}" runs template "${producer.template.name}": Argo would find no such output. Pass the ${producer.kindLabel} that runs "${source.step.name}".`);
    }
    return this.input.from(producer.outputArtifact(source.output));
  }
}

/** Props of an `S3ArtifactStep`. */
export interface S3ArtifactStepProps extends ContainerTemplateProps {}

/**
 * A container template that stores paths of its container as S3 artifacts (`store()`) and loads
 * S3 artifacts into paths before it starts (`load()`). The consumer takes the producer's
 * `StoredS3Artifact`, so both ends use one location. With IAM-role credentials the template runs
 * as that ServiceAccount, so Argo's executor uploads and downloads with the role.
 *
 * ```ts
 * const create = new S3ArtifactStep(a, 'create-vector', { image: 'a-workflow:1.4.2', command: ['python', '-m', 'app.create_vector'] });
 * const vector = create.store('/data', { name: 'vector', location });
 * new S3ArtifactStep(b, 'load-vector', { image: 'b-workflow:2.0.1' }).load('/data', vector);
 * ```
 */
export class S3ArtifactStep extends ContainerTemplate {
  private readonly stored: StoredS3Artifact[] = [];
  private readonly loaded: { artifact: LoadedS3Artifact; expected?: S3Location }[] = [];

  constructor(scope: ITemplateHost, id: string, private readonly stepProps: S3ArtifactStepProps = {}) {
    super(scope, id, stepProps);
  }

  /** Artifacts this step stores. */
  public get stores(): readonly StoredS3Artifact[] {
    return this.stored;
  }

  /** Artifacts this step loads. */
  public get loads(): readonly LoadedS3Artifact[] {
    return this.loaded.map(l => l.artifact);
  }

  /** Stores `path` (a file or directory of the container) as an S3 artifact when the container exits. */
  public store(path: string, options: S3StoreOptions): StoredS3Artifact {
    const output = this.addOutputArtifact(options.name, {
      path,
      location: options.location?._artifactLocation(),
      archive: options.archive,
      optional: options.optional,
    });
    const stored = new StoredS3Artifact(this, output, options.location);
    this.stored.push(stored);
    this.runAsArtifactAccount(options.location);
    return stored;
  }

  /**
   * Loads an artifact into `path` before the container starts: the output of a producer step
   * (its location is used, so both ends agree) or a fixed location written by something else.
   * A producer's artifact kept in the artifact repository (no location) must be passed by the
   * calling step: `loaded.from(producerStep)`.
   */
  public load(path: string, source: StoredS3Artifact | S3Location, options: S3LoadOptions = {}): LoadedS3Artifact {
    const location = source instanceof StoredS3Artifact ? source.location : source;
    const name = options.name ?? (source instanceof StoredS3Artifact ? source.name : 'input');
    const input = this.addInputArtifact(name, { path, location: location?._artifactLocation(), optional: options.optional });
    const artifact = new LoadedS3Artifact(this, input, source);
    this.loaded.push({ artifact, expected: options.location });
    this.runAsArtifactAccount(location);
    return artifact;
  }

  /** The ServiceAccount of the IAM role the artifacts use, if any. */
  public get artifactServiceAccount(): IServiceAccountRef | undefined {
    return this.locations().map(l => l.location.credentials.serviceAccount).find(sa => sa !== undefined);
  }

  /** With IAM-role credentials the pod runs as their ServiceAccount (unless the props named one), so the executor gets the role. */
  private runAsArtifactAccount(location: S3Location | undefined): void {
    const sa = location?.credentials.serviceAccount;
    if (sa) this.setDefaultServiceAccount(sa);
  }

  protected check(): string[] {
    const errors = super.check();
    for (const { location, field } of this.locations()) {
      for (const p of location._problems()) errors.push(this.error(p.message, `${field}.s3.${p.field}`));
    }
    errors.push(...this.checkServiceAccount());
    this.loaded.forEach(({ artifact, expected }) => errors.push(...this.checkLoad(artifact, expected)));
    for (const s of this.stored) errors.push(...this.checkPath(s.output.options.path ?? '', this.field(s.output)));
    for (const { artifact } of this.loaded) errors.push(...this.checkPath(artifact.input.options.path ?? '', this.field(artifact.input)));
    return errors;
  }

  private checkServiceAccount(): string[] {
    const errors: string[] = [];
    const accounts = new Map<string, string>();
    for (const { location, field } of this.locations()) {
      const sa = location.credentials.serviceAccount;
      if (sa && !accounts.has(sa.name)) accounts.set(sa.name, field);
    }
    const names = [...accounts.keys()];
    if (names.length > 1) {
      errors.push(this.error(`uses S3 credentials of ${names.length} ServiceAccounts (${names.join(', ')}): a pod runs as one ServiceAccount, so the other artifacts would fail with AccessDenied. `
        + 'Use one IAM role with access to every bucket, or split the work into several steps.', '.serviceAccountName'));
    }
    const own = this.stepProps.serviceAccount?.name;
    if (own && names.length && !names.includes(own)) {
      errors.push(this.error(`runs as ServiceAccount "${own}", but its S3 artifacts use ${names.map(n => `the IAM role of ServiceAccount "${n}"`).join(', ')}: `
        + 'Argo\'s executor would up- and download with the pod\'s identity and fail with AccessDenied. Drop the serviceAccount prop (the step then runs as the artifacts\' ServiceAccount) or use credentials of that account.', '.serviceAccountName'));
    }
    return errors;
  }

  private checkLoad(artifact: LoadedS3Artifact, expected: S3Location | undefined): string[] {
    const source = artifact.source;
    const field = this.field(artifact.input);
    if (!(source instanceof StoredS3Artifact)) return [];
    const errors: string[] = [];
    const producer = `template "${source.step.name}" of ${source.step.spec.objectLabel}`;
    if (expected && !source.location) {
      errors.push(this.error(`loads artifact "${source.name}" of ${producer}, which keeps it in the artifact repository under a key Argo generates per run, `
        + `yet expects ${expected.uri}: nothing is stored there. Drop the location option and pass the artifact with from, or store it at that location.`, field));
    } else if (expected && source.location && !expected.equals(source.location)) {
      errors.push(this.error(`loads artifact "${source.name}" of ${producer} but expects another location (${expected.differences(source.location).join('; ')}): `
        + `Argo would download ${expected.uri}, which the producer never writes (the step fails, or reads stale data). `
        + 'Drop the location option: the consumer uses the producer\'s location.', field));
    }
    if (source.location && source.step.spec !== this.spec) {
      const vars = perRunVariables(source.location.key);
      if (vars.length) {
        warn(this, `${this.spec.objectLabel}: ${this.fieldPath}${field}.s3.key: the key "${source.location.key}" uses ${vars.join(', ')}, which differ from one run to the next, `
          + `and the producer is in ${source.step.spec.objectLabel}: if the two run as separate workflows, the consumer computes another key and finds nothing. `
          + 'Key the object by values both runs share (ArtifactKey.creationDate(), a workflow parameter), or run both in one workflow.');
      }
    }
    return errors;
  }

  private checkPath(path: string, field: string): string[] {
    if (path.startsWith('/')) return [];
    return [this.error(`path "${path}" is not absolute: Argo resolves artifact paths in the container's file system and fails the step. Use an absolute path such as "/data".`, `${field}.path`)];
  }

  /** Every location this step uses, with its field path below the template. */
  private locations(): { location: S3Location; field: string }[] {
    const out: { location: S3Location; field: string }[] = [];
    for (const s of this.stored) if (s.location) out.push({ location: s.location, field: this.field(s.output) });
    for (const { artifact } of this.loaded) {
      const location = artifact.source instanceof StoredS3Artifact ? artifact.source.location : artifact.source;
      if (location) out.push({ location, field: this.field(artifact.input) });
    }
    return out;
  }

  private field(artifact: InputArtifact | OutputArtifact): string {
    return artifact instanceof InputArtifact
      ? `.inputs.artifacts[${this.inputArtifacts.indexOf(artifact)}]`
      : `.outputs.artifacts[${this.outputArtifacts.indexOf(artifact)}]`;
  }
}
