import { childPath } from '../../../path';
import { RuleContext } from '../../../types';
import { parseGoDuration } from '../../../util/duration';
import { JsonObject, isBlank, isObject } from './json';

export const SOURCE_REJECTED = 'the controller rejects the EventSource';

/** Validation of one event of a source kind, as its `validate.go` in pkg/eventsources/sources does it. */
export type SourceCheck = (check: SourceChecker) => void;

/**
 * What a source check reads and reports: the event's fields and a field path under it. Each
 * requirement takes the message Argo returns, so that the finding quotes it.
 */
export class SourceChecker {
  constructor(
    private readonly ctx: RuleContext,
    /** The event's spec, e.g. `spec.sns.example`. */
    readonly source: JsonObject,
    readonly path: string,
    /** The source kind as the spec spells it (`sns`, `pubSub`...). */
    readonly kind: string,
  ) {}

  /** Reports at a field of the event (or at the event itself when `field` is empty). */
  report(field: string, argoMessage: string, fix: string): void {
    this.ctx.report(this.at(field),
      `${this.kind} event source: ${SOURCE_REJECTED} ("${argoMessage}") and deploys none of its events. ${fix}`);
  }

  /** Reports a message of its own at a field of the event (for problems Argo words differently or only meets at run time). */
  reportMessage(field: string, message: string, severity?: 'error' | 'warning'): void {
    this.ctx.report(this.at(field), message, severity);
  }

  /** True when a string field is absent or empty (Go's zero value). */
  blank(field: string): boolean {
    return isBlank(this.value(field));
  }

  /** True when a pointer, map or list field is absent or null (Go's nil; an empty list is not nil). */
  unset(field: string): boolean {
    const value = this.value(field);
    return value === undefined || value === null;
  }

  /** The field path of a dotted field of the event (`filter.labels.0.key`). */
  at(field: string): string {
    return field ? childPath(this.path, ...field.split('.').map(s => (/^\d+$/.test(s) ? Number(s) : s))) : this.path;
  }

  value(field: string): any {
    let value: any = this.source;
    for (const key of field.split('.')) value = isObject(value) ? value[key] : undefined;
    return value;
  }

  requireText(field: string, argoMessage: string, fix: string): boolean {
    if (!this.blank(field)) return true;
    this.report(field, argoMessage, fix);
    return false;
  }

  requireSet(field: string, argoMessage: string, fix: string): boolean {
    if (!this.unset(field)) return true;
    this.report(field, argoMessage, fix);
    return false;
  }

  /** A Go duration (`time.ParseDuration`), when set. */
  duration(field: string, argoMessage: string): void {
    const value = this.value(field);
    if (isBlank(value)) return;
    const parsed = parseGoDuration(String(value));
    if (!parsed.ok) this.report(field, argoMessage, `${parsed.reason}: write a Go duration such as "30s", "5m" or "1h".`);
  }

  /** v1alpha1.ValidateTLSConfig. */
  tls(field = 'tls'): void {
    const tls = this.value(field);
    if (!isObject(tls) || tls.insecureSkipVerify === true) return;
    const has = (key: string) => tls[key] !== undefined && tls[key] !== null;
    const ca = has('caCertSecret');
    const cert = has('clientCertSecret');
    const key = has('clientKeySecret');
    if (!ca && !cert && !key && tls.enabled !== true) {
      this.report(field, 'invalid tls config, please configure either caCertSecret, or clientCertSecret and clientKeySecret, or both',
        'Reference the CA certificate (caCertSecret) and/or the client certificate and key, set enabled: true to use the system roots, or remove tls.');
    } else if (cert !== key) {
      this.report(field, 'invalid tls config, both clientCertSecret and clientKeySecret need to be configured',
        `Add ${cert ? 'clientKeySecret' : 'clientCertSecret'}: client authentication needs the certificate and its key.`);
    }
  }

  /** v1alpha1.ValidateBasicAuth. */
  basicAuth(field = 'auth'): void {
    const auth = this.value(field);
    if (!isObject(auth)) return;
    for (const [key, message] of [['username', 'username missing'], ['password', 'password missing']] as const) {
      if (auth[key] === undefined || auth[key] === null) this.report(`${field}.${key}`, message, `Reference the Secret key holding the ${key}.`);
    }
  }

  /** v1alpha1.ValidateSASLConfig. */
  sasl(field = 'sasl'): void {
    const sasl = this.value(field);
    if (!isObject(sasl)) return;
    const mechanism = sasl.mechanism;
    if (!isBlank(mechanism) && !SASL_MECHANISMS.includes(mechanism)) {
      this.report(`${field}.mechanism`, 'invalid sasl config. Possible values for SASL Mechanism are `OAUTHBEARER`, `PLAIN`, `SCRAM-SHA-256`, `SCRAM-SHA-512` and `GSSAPI`',
        `Use one of ${SASL_MECHANISMS.join(', ')} (upper-case), or leave it unset for PLAIN.`);
    } else if (sasl.userSecret === undefined || sasl.userSecret === null || sasl.passwordSecret === undefined || sasl.passwordSecret === null) {
      this.report(field, 'invalid sasl config, both userSecret and passwordSecret must be defined', 'Reference the Secret keys of both the user and the password.');
    }
  }

  /** v1alpha1.WatchPathConfig.Validate (file and sftp `watchPathConfig`, hdfs inline). */
  watchPath(prefix: string): void {
    const at = (key: string) => (prefix ? `${prefix}.${key}` : key);
    const directory = this.value(at('directory'));
    const path = this.value(at('path'));
    const pathRegexp = this.value(at('pathRegexp'));
    if (isBlank(directory)) {
      this.report(at('directory'), 'directory is required', 'Set the directory to watch, as an absolute path.');
      return;
    }
    if (!String(directory).startsWith('/')) {
      this.report(at('directory'), 'directory must be an absolute file path', `Write it from the root, e.g. "/${directory}".`);
      return;
    }
    if (isBlank(path) && isBlank(pathRegexp)) {
      this.report(prefix, 'either path or pathRegexp must be specified', 'Set path (a file name relative to the directory) or pathRegexp.');
    } else if (!isBlank(path) && !isBlank(pathRegexp)) {
      this.report(prefix, 'path and pathRegexp cannot be specified together', 'Keep one of them.');
    } else if (!isBlank(path) && String(path).startsWith('/')) {
      this.report(at('path'), 'path must be a relative file path', 'Write it relative to the directory (without a leading "/").');
    }
  }
}

const SASL_MECHANISMS = ['PLAIN', 'OAUTHBEARER', 'SCRAM-SHA-256', 'SCRAM-SHA-512', 'GSSAPI'];
