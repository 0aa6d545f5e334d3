import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { FileEventSource as FileConfig, HdfsEventSource as HdfsConfig, SftpEventSource as SftpConfig, WatchPathConfig } from '../../imports/argo-events';
import { IConfigMapRef, SecretKeyRef } from '../core/object-refs';
import { expectKind } from '../core/ref-inspection';
import { EventField } from './event-field';
import { EventSourceBaseProps } from './event-source-base';
import { SingleKindEventSource } from './single-kind-event-source';
import { ISourceEventHost, SourceEvent, SourceEventOptions } from './source-event';
import { secretSelector } from './source-options';
import { goDuration } from './util';

/** File system operations (fsnotify's). */
export enum FileOperation {
  /** A file is created. */
  CREATE = 'CREATE',
  /** A file is written. */
  WRITE = 'WRITE',
  /** A file is removed. */
  REMOVE = 'REMOVE',
  /** A file is renamed. */
  RENAME = 'RENAME',
  /** A file's mode changes. */
  CHMOD = 'CHMOD',
}

/** A file name in a watched directory. */
export interface WatchedFile {
  /** The directory, ending in `/` (e.g. `/data/`). */
  readonly directory: string;
  /** The file name in it. */
  readonly path: string;
}

/** The file names of a watched directory that match a regular expression. */
export interface WatchedFiles {
  /** The directory, ending in `/` (e.g. `/data/`). */
  readonly directory: string;
  /** A regular expression (RE2) over file names in the directory. */
  readonly pathRegexp: string;
}

/** What to watch: a directory, and one file name in it or a regular expression over them (Argo requires one of the two). */
export type WatchPath = WatchedFile | WatchedFiles;

function watchPath(w: WatchPath): WatchPathConfig {
  return 'path' in w ? { directory: w.directory, path: w.path } : { directory: w.directory, pathRegexp: w.pathRegexp };
}

/** A file event: `name` and `op` of the file system notification. */
abstract class FileSystemEvent<K extends 'file' | 'sftp' | 'hdfs'> extends SourceEvent<K> {
  /** Path of the file. */
  public fileName(): EventField {
    return EventField.field(this, 'name');
  }

  /** The operation (`CREATE`, `WRITE`...). */
  public operation(): EventField {
    return EventField.field(this, 'op');
  }
}

/** Options of a file event (a directory of the EventSource pod: mount it with `volumeMounts`). */
export interface FileEventOptions extends SourceEventOptions {
  /** The operation to publish. */
  readonly eventType: FileOperation;
  /** What to watch. */
  readonly watchPath: WatchPath;
  /**
   * Poll the directory instead of using inotify (for file systems without notifications).
   * @default false
   */
  readonly polling?: boolean;
}

/** An event of a file EventSource. */
export class FileEvent extends FileSystemEvent<'file'> {
  /** @internal use `FileEventSource.addEvent()`. */
  constructor(host: ISourceEventHost, eventName: string, private readonly options: FileEventOptions) {
    super(host, 'file', eventName);
  }

  /** @internal */
  public _render(): FileConfig {
    const o = this.options;
    return { eventType: o.eventType, watchPathConfig: watchPath(o.watchPath), polling: o.polling, ...this.renderCommon(o) };
  }
}

/** Properties of a `FileEventSource`. */
export interface FileEventSourceProps extends EventSourceBaseProps {}

/** An EventSource watching a directory of its pod (mounted through `volumeMounts`). */
export class FileEventSource extends SingleKindEventSource<FileEvent> {
  constructor(scope: Construct, id: string, props: FileEventSourceProps = {}) {
    super(scope, id, props);
  }

  /** Adds an event (an operation on watched files) and returns its handle. */
  public addEvent(eventName: string, options: FileEventOptions): FileEvent {
    return new FileEvent(this, eventName, options);
  }
}

/** Options of an SFTP event. */
export interface SftpEventOptions extends SourceEventOptions {
  /** Secret key holding the server address (`host:port`). */
  readonly address: SecretKeyRef;
  /** Secret key holding the user name. */
  readonly username: SecretKeyRef;
  /**
   * Secret key holding the password (or give `sshKey`).
   * @default - none
   */
  readonly password?: SecretKeyRef;
  /**
   * Secret key holding the SSH private key (or give `password`).
   * @default - none
   */
  readonly sshKey?: SecretKeyRef;
  /** The operation to publish. */
  readonly eventType: FileOperation;
  /** What to watch on the server. */
  readonly watchPath: WatchPath;
  /**
   * How often to list the directory.
   * @default - Argo Events' default (10s)
   */
  readonly pollInterval?: Duration;
}

/** An event of an SFTP EventSource. */
export class SftpEvent extends FileSystemEvent<'sftp'> {
  /** @internal use `SftpEventSource.addEvent()`. */
  constructor(host: ISourceEventHost, eventName: string, private readonly options: SftpEventOptions) {
    super(host, 'sftp', eventName);
  }

  /** @internal */
  public _render(): SftpConfig {
    const o = this.options;
    const at = this.node.path;
    return {
      address: secretSelector(o.address, `${at}: address`),
      username: secretSelector(o.username, `${at}: username`),
      password: secretSelector(o.password, `${at}: password`),
      sshKeySecret: secretSelector(o.sshKey, `${at}: sshKey`),
      eventType: o.eventType,
      watchPathConfig: watchPath(o.watchPath),
      pollIntervalDuration: o.pollInterval && goDuration(o.pollInterval),
      ...this.renderCommon(o),
    };
  }
}

/** Properties of an `SftpEventSource`. */
export interface SftpEventSourceProps extends EventSourceBaseProps {}

/** An EventSource polling a directory of an SFTP server. */
export class SftpEventSource extends SingleKindEventSource<SftpEvent> {
  constructor(scope: Construct, id: string, props: SftpEventSourceProps = {}) {
    super(scope, id, props);
  }

  /** Adds an event (an operation on watched files) and returns its handle. */
  public addEvent(eventName: string, options: SftpEventOptions): SftpEvent {
    return new SftpEvent(this, eventName, options);
  }
}

/** Kerberos credentials of an HDFS event source: a credential cache or a keytab. */
export interface HdfsKerberos {
  /** Service principal name of the namenode, e.g. `hdfs/_HOST`. */
  readonly servicePrincipalName: string;
  /** ConfigMap key holding krb5.conf. */
  readonly config: {
    /** The ConfigMap holding krb5.conf. */
    readonly configMap: IConfigMapRef;
    /** Its key. */
    readonly key: string;
  };
  /**
   * Secret key holding a credential cache (or give `keytab`).
   * @default - none
   */
  readonly credentialCache?: SecretKeyRef;
  /**
   * Keytab login (or give `credentialCache`).
   * @default - none
   */
  readonly keytab?: {
    /** Secret key holding the keytab. */
    readonly secret: SecretKeyRef;
    /** Kerberos user name. */
    readonly username: string;
    /** Kerberos realm. */
    readonly realm: string;
  };
}

/** Options of an HDFS event. */
export interface HdfsEventOptions extends SourceEventOptions {
  /** Operations to publish (at least one). */
  readonly operations: FileOperation[];
  /** What to watch. */
  readonly watchPath: WatchPath;
  /** Namenode addresses (`host:port`). */
  readonly addresses: string[];
  /**
   * HDFS user (or give `kerberos`).
   * @default - none
   */
  readonly hdfsUser?: string;
  /**
   * Kerberos credentials (or give `hdfsUser`).
   * @default - none
   */
  readonly kerberos?: HdfsKerberos;
  /**
   * How often to check the directory.
   * @default - Argo Events' default (1m)
   */
  readonly checkInterval?: Duration;
}

/** An event of an HDFS EventSource. */
export class HdfsEvent extends FileSystemEvent<'hdfs'> {
  /** @internal use `HdfsEventSource.addEvent()`. */
  constructor(host: ISourceEventHost, eventName: string, private readonly options: HdfsEventOptions) {
    super(host, 'hdfs', eventName);
    expectKind(options.kerberos?.config.configMap, 'ConfigMap', `${this.node.path}: kerberos.config`);
  }

  /** @internal */
  public _render(): HdfsConfig {
    const o = this.options;
    const k = o.kerberos;
    const at = this.node.path;
    return {
      type: o.operations.join('|'),
      ...watchPath(o.watchPath),
      addresses: o.addresses,
      hdfsUser: o.hdfsUser,
      krbServicePrincipalName: k?.servicePrincipalName,
      krbConfigConfigMap: k && { name: k.config.configMap.name, key: k.config.key },
      krbCCacheSecret: secretSelector(k?.credentialCache, `${at}: kerberos.credentialCache`),
      krbKeytabSecret: secretSelector(k?.keytab?.secret, `${at}: kerberos.keytab.secret`),
      krbUsername: k?.keytab?.username,
      krbRealm: k?.keytab?.realm,
      checkInterval: o.checkInterval && goDuration(o.checkInterval),
      ...this.renderCommon(o),
    };
  }
}

/** Properties of an `HdfsEventSource`. */
export interface HdfsEventSourceProps extends EventSourceBaseProps {}

/** An EventSource watching a directory of HDFS. */
export class HdfsEventSource extends SingleKindEventSource<HdfsEvent> {
  constructor(scope: Construct, id: string, props: HdfsEventSourceProps = {}) {
    super(scope, id, props);
  }

  /** Adds an event (operations on watched files) and returns its handle. */
  public addEvent(eventName: string, options: HdfsEventOptions): HdfsEvent {
    return new HdfsEvent(this, eventName, options);
  }
}
