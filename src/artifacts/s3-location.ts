import { ArgoText, ArtifactLocation, WorkflowVariables } from '../workflows';
import { renderText } from '../workflows/argo-variable';
import { S3Credentials } from './s3-credentials';
import { findLiteralDate } from '../lint/util/dates';

/** Props of `S3Location.of()`. */
export interface S3LocationProps {
  /** Bucket name, e.g. `starbucks`. */
  readonly bucket: string;
  /**
   * Object key. Run-time values come from typed variables, e.g.
   * `` `americano/tall/${ArtifactKey.creationDate()}.tar.gz` ``; a literal date is a synth error.
   */
  readonly key: ArgoText;
  /** How Argo authenticates: `S3Credentials.fromServiceAccount(sa)` or `S3Credentials.fromAccessKeys(secret)`. */
  readonly credentials: S3Credentials;
  /**
   * Endpoint host (and port), without scheme.
   * @default 's3.amazonaws.com'
   */
  readonly endpoint?: string;
  /**
   * Region, e.g. `ap-northeast-2`.
   * @default - the SDK's default region resolution
   */
  readonly region?: string;
  /**
   * Talk plain HTTP to the endpoint (e.g. an in-cluster MinIO).
   * @default false
   */
  readonly insecure?: boolean;
}

/** Helpers for artifact keys built from run-time values. */
export class ArtifactKey {
  /**
   * The run's creation date, `{{workflow.creationTimestamp.Y}}-{{workflow.creationTimestamp.m}}-{{workflow.creationTimestamp.d}}`,
   * computed by Argo when each run is created (in the controller's time zone, UTC in a default install).
   * @param separator between year, month and day
   */
  public static creationDate(separator = '-'): string {
    const t = WorkflowVariables.creationTimestamp;
    return [t.year, t.month, t.day].map(String).join(separator);
  }

  /** Joins key segments with `/`, e.g. `ArtifactKey.join('americano', 'tall', `${ArtifactKey.creationDate()}.tar.gz`)`. */
  public static join(...segments: ArgoText[]): string {
    return segments.map(s => renderText(s).replace(/^\/+|\/+$/g, '')).filter(s => s.length > 0).join('/');
  }

  private constructor() {}
}

/**
 * An S3 object (endpoint, region, bucket, key, credentials) as one value, shared by the step that
 * stores an artifact there and the step that loads it, so both ends name the same object.
 */
export class S3Location {
  /** A location from its parts. */
  public static of(props: S3LocationProps): S3Location {
    return new S3Location(props);
  }

  /** The bucket. */
  public readonly bucket: string;
  /** The key as Argo receives it (typed variables rendered as `{{...}}`). */
  public readonly key: string;
  /** The endpoint. */
  public readonly endpoint: string;
  /** The region, if set. */
  public readonly region?: string;
  /** Plain HTTP. */
  public readonly insecure: boolean;
  /** The credentials. */
  public readonly credentials: S3Credentials;

  private constructor(props: S3LocationProps) {
    this.bucket = props.bucket;
    this.key = renderText(props.key);
    this.endpoint = props.endpoint ?? 's3.amazonaws.com';
    this.region = props.region;
    this.insecure = props.insecure ?? false;
    this.credentials = props.credentials;
  }

  /** The same bucket, endpoint and credentials with another key. */
  public withKey(key: ArgoText): S3Location {
    return new S3Location({ bucket: this.bucket, key, credentials: this.credentials, endpoint: this.endpoint, region: this.region, insecure: this.insecure });
  }

  /** `s3://bucket/key`, for messages. */
  public get uri(): string {
    return `s3://${this.bucket}/${this.key}`;
  }

  /** True when both name the same object with the same connection settings and credentials. */
  public equals(other: S3Location): boolean {
    return this.bucket === other.bucket && this.key === other.key && this.endpoint === other.endpoint
      && this.region === other.region && this.insecure === other.insecure && this.credentials.equals(other.credentials);
  }

  /** How this location differs from another, e.g. `key "a" vs "b"`; empty when equal. */
  public differences(other: S3Location): string[] {
    const out: string[] = [];
    for (const f of ['endpoint', 'region', 'bucket', 'key', 'insecure'] as const) {
      if (this[f] !== other[f]) out.push(`${f} ${JSON.stringify(this[f])} vs ${JSON.stringify(other[f])}`);
    }
    if (!this.credentials.equals(other.credentials)) out.push(`credentials (${this.credentials.description} vs ${other.credentials.description})`);
    return out;
  }

  /** Problems Argo or S3 would hit with this location (messages name the field, without a path). @internal */
  public _problems(): { field: string; message: string }[] {
    const out: { field: string; message: string }[] = [];
    if (!BUCKET.test(this.bucket) || this.bucket.includes('..')) {
      out.push({ field: 'bucket', message: `"${this.bucket}" is not a valid S3 bucket name (3-63 lowercase letters, digits, "." and "-", starting and ending with a letter or digit): S3 rejects every request. Use the bucket's real name.` });
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(this.endpoint)) {
      out.push({ field: 'endpoint', message: `"${this.endpoint}" includes a scheme: Argo expects a host[:port] and fails to connect. Write "${this.endpoint.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')}" and set insecure: true for plain HTTP.` });
    }
    const keyProblem = artifactKeyProblem(this.key);
    if (keyProblem) out.push({ field: 'key', message: keyProblem });
    out.push(...this.credentials._problems().map(message => ({ field: 'credentials', message })));
    return out;
  }

  /** @internal The Workflows artifact location. */
  public _artifactLocation(): ArtifactLocation {
    return ArtifactLocation.s3({
      key: this.key,
      bucket: this.bucket,
      endpoint: this.endpoint,
      region: this.region,
      insecure: this.insecure ? true : undefined,
      ...this.credentials._fields,
    });
  }
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const TAG = /\{\{([\s\S]*?)\}\}/g;
const ARGO_TAG = /^(=[\s\S]+|[A-Za-z_][\w.-]*(\[[^\]]+\][\w.-]*)*)$/;

/**
 * Why a key or key format cannot be right, or undefined: a literal calendar date (frozen when the
 * manifest was written or rendered) or a template tag Argo cannot resolve (a Helm leftover).
 * @internal
 */
export function artifactKeyProblem(key: string): string | undefined {
  if (!key.trim()) return 'is empty: Argo cannot store or load an object without a key. Give the artifact a key.';
  for (const m of key.matchAll(TAG)) {
    const tag = m[1];
    if (!ARGO_TAG.test(tag)) {
      return `"${key}" contains {{${tag}}}, which is not an Argo variable (Helm or Go template syntax left in the key?): Argo cannot resolve it and fails the step. `
        + `Build the key from typed variables, e.g. \`americano/tall/\${ArtifactKey.creationDate()}.tar.gz\`.`;
    }
  }
  const date = findLiteralDate(key.replace(TAG, ' '));
  if (date) {
    return `"${key}" contains the literal date ${date}: it was fixed when the manifest was written or rendered, not when the workflow runs, `
      + 'so every run would read and overwrite the same object. Compute it at run time: ArtifactKey.creationDate() renders '
      + `${ArtifactKey.creationDate()} (or use another typed variable such as WorkflowVariables.scheduledTime).`;
  }
  return undefined;
}

/** Run-specific parts of the run's creation time (stable within a day: Y, y, m, d, b, B, j, a, A, e, U, W). */
const DAY_PARTS = new Set(['Y', 'y', 'm', 'd', 'b', 'B', 'j', 'a', 'A', 'e', 'U', 'W', 'Z', 'z']);

/**
 * Variables of a key that differ from one workflow run to the next (name, uid, time of day...):
 * a consumer in another run computes another key. @internal
 */
export function perRunVariables(key: string): string[] {
  const out: string[] = [];
  for (const m of key.matchAll(TAG)) {
    const tag = m[1].trim();
    const ts = /^workflow\.creationTimestamp(?:\.(.+))?$/.exec(tag);
    if (ts ? !DAY_PARTS.has(ts[1] ?? '') : /^(workflow\.(name|uid|duration|scheduledTime)|pod\.name|node\.name|retries|steps\.|tasks\.)/.test(tag)) {
      out.push(`{{${tag}}}`);
    }
  }
  return out;
}
