import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import * as l1 from '../../imports/argo-workflows';
import { KubeConfigMap } from '../core/kube-objects';
import { secretKeySelector } from '../core/ref-inspection';
import { markChanged } from '../core/revision';
import { addConstructCheck } from '../core/validation';
import { yaml } from '../lint/util/yaml';
import { ArgoText, ArtifactRepositoryRefProps } from '../workflows';
import { renderText } from '../workflows/argo-variable';
import { S3Credentials } from './s3-credentials';
import { artifactKeyProblem, S3Location } from './s3-location';
import { constructId } from '../core/construct-id';

/** The annotation naming the repository Argo uses when a workflow's ref gives no key. */
export const DEFAULT_REPOSITORY_ANNOTATION = 'workflows.argoproj.io/default-artifact-repository';

/** Props of an `ArtifactRepositories` ConfigMap. */
export interface ArtifactRepositoriesProps {
  /**
   * ConfigMap name. `artifact-repositories` is the one Argo reads when a workflow sets no ref.
   * @default 'artifact-repositories'
   */
  readonly name?: string;
  /**
   * Namespace; it must be the namespace the workflows run in.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
}

/** An S3 repository of an `ArtifactRepositories` ConfigMap. */
export interface S3RepositoryProps {
  /** Bucket name. */
  readonly bucket: string;
  /** How Argo authenticates. */
  readonly credentials: S3Credentials;
  /**
   * Endpoint host (and port), without scheme.
   * @default 's3.amazonaws.com'
   */
  readonly endpoint?: string;
  /**
   * Region.
   * @default - the SDK's default
   */
  readonly region?: string;
  /**
   * Plain HTTP.
   * @default false
   */
  readonly insecure?: boolean;
  /**
   * Key of each artifact Argo stores without one, from run-time variables, e.g.
   * `` `${WorkflowVariables.name}/${TemplateVariables.podName}` ``. No literal dates.
   * @default - Argo's default: `{{workflow.name}}/{{pod.name}}`
   */
  readonly keyFormat?: ArgoText;
  /**
   * Also archive the logs of every pod here.
   * @default false
   */
  readonly archiveLogs?: boolean;
  /**
   * Make this the repository used when a workflow's `artifactRepositoryRef` names no key.
   * @default - true for the first repository added
   */
  readonly default?: boolean;
}

/** One repository of the ConfigMap: give `ref` to a workflow's `artifactRepositoryRef`. */
export class S3ArtifactRepository {
  /** @internal */
  constructor(
    /** The ConfigMap holding it. */
    public readonly configMap: ApiObject,
    /** Its key in the ConfigMap. */
    public readonly key: string,
    /** Its settings. */
    public readonly props: S3RepositoryProps) {}

  /** For `artifactRepositoryRef` of a Workflow, WorkflowTemplate or CronWorkflow. */
  public get ref(): ArtifactRepositoryRefProps {
    return { configMap: this.configMap, key: this.key };
  }

  /** An object of this repository's bucket, with its connection settings and credentials. */
  public location(key: ArgoText): S3Location {
    const p = this.props;
    return S3Location.of({ bucket: p.bucket, key, credentials: p.credentials, endpoint: p.endpoint, region: p.region, insecure: p.insecure });
  }
}

/**
 * The `artifact-repositories` ConfigMap: named artifact repositories workflows select with
 * `artifactRepositoryRef`, the Argo-recommended alternative to repeating bucket settings in every
 * artifact. Artifacts stored without a location go to the selected repository, under `keyFormat`.
 */
export class ArtifactRepositories extends Construct {
  /** The ConfigMap. */
  public readonly configMap: ApiObject;
  private readonly repositories: S3ArtifactRepository[] = [];
  /** One key per repository: its settings as YAML, with Argo's field names. */
  private readonly data: { [key: string]: string } = {};

  constructor(scope: Construct, id: string, props: ArtifactRepositoriesProps = {}) {
    super(scope, constructId(scope, id));
    this.configMap = new KubeConfigMap(this, 'ConfigMap', {
      metadata: { name: props.name ?? 'artifact-repositories', namespace: props.namespace },
      data: Lazy.any({ produce: () => (this.repositories.length ? this.data : undefined) }),
      // Rendered as cdk8s-plus did, so that manifests do not change for apps upgrading.
      immutable: false,
    });
    addConstructCheck(this, () => this.validateRepositories());
  }

  /** Adds an S3 repository under `key`. */
  public addS3(key: string, props: S3RepositoryProps): S3ArtifactRepository {
    if (this.repositories.some(r => r.key === key)) throw new Error(`${this.node.path}: an artifact repository "${key}" already exists in ConfigMap "${this.configMap.name}". Choose another key.`);
    markChanged();
    const repo = new S3ArtifactRepository(this.configMap, key, props);
    this.repositories.push(repo);
    this.data[key] = yaml().stringify(toJsonRepository(props));
    const first = this.repositories.length === 1;
    if (props.default ?? first) this.configMap.metadata.addAnnotation(DEFAULT_REPOSITORY_ANNOTATION, key);
    return repo;
  }

  private validateRepositories(): string[] {
    const errors: string[] = [];
    const where = `ConfigMap/${this.configMap.name}`;
    const defaults = this.repositories.filter((r, i) => r.props.default ?? i === 0);
    if (defaults.length > 1) {
      errors.push(`${where}: metadata.annotations.${DEFAULT_REPOSITORY_ANNOTATION}: repositories ${defaults.map(r => `"${r.key}"`).join(' and ')} are both marked default: `
        + 'the annotation holds one key, so only the last one counts. Set default: true on one repository only.');
    }
    for (const r of this.repositories) {
      if (!/^[-._a-zA-Z0-9]+$/.test(r.key)) {
        errors.push(`${where}: data.${r.key}: "${r.key}" is not a valid ConfigMap key (letters, digits, "-", "_", "."): Kubernetes rejects the ConfigMap. Choose another key.`);
      }
      for (const p of r.location('x')._problems()) {
        if (p.field !== 'key') errors.push(`${where}: data.${r.key}.s3.${p.field}: ${p.message}`);
      }
      if (r.props.keyFormat !== undefined) {
        const problem = artifactKeyProblem(renderText(r.props.keyFormat));
        if (problem) errors.push(`${where}: data.${r.key}.s3.keyFormat: ${problem}`);
      }
    }
    return errors;
  }
}

/** The repository as Argo reads it from the ConfigMap (Go JSON field names, through the L1 mapping). */
function toJsonRepository(p: S3RepositoryProps): Record<string, any> {
  const creds = p.credentials;
  const repo: l1.ArtifactRepository = {
    archiveLogs: p.archiveLogs,
    s3: {
      bucket: p.bucket,
      endpoint: p.endpoint ?? 's3.amazonaws.com',
      region: p.region,
      insecure: p.insecure ? true : undefined,
      keyFormat: p.keyFormat === undefined ? undefined : renderText(p.keyFormat),
      useSdkCreds: creds.serviceAccount ? true : undefined,
      accessKeySecret: creds.accessKeyId && secretKeySelector(creds.accessKeyId),
      secretKeySecret: creds.secretAccessKey && secretKeySelector(creds.secretAccessKey),
    },
  };
  return l1.toJson_ArtifactRepository(repo)!;
}
