import { Duration } from 'cdk8s';
import {
  K8sContainerPort, K8sLifecycle, K8sLifecycleHandler, K8sProbe,
} from '../../imports/kubernetes';

/** A port: its number, or the name of a container port. */
export type PortReference = number | string;

/** When a probe starts and how often it runs. Durations are whole seconds. */
export interface ProbeTiming {
  /**
   * Wait before the first probe.
   * @default - Kubernetes' default: 0 seconds
   */
  readonly initialDelay?: Duration;
  /**
   * How often to probe.
   * @default - Kubernetes' default: 10 seconds
   */
  readonly period?: Duration;
  /**
   * How long one probe may take.
   * @default - Kubernetes' default: 1 second
   */
  readonly timeout?: Duration;
  /**
   * Consecutive failures after which the probe has failed.
   * @default - Kubernetes' default: 3
   */
  readonly failureThreshold?: number;
  /**
   * Consecutive successes after a failure for the probe to succeed again (1 for liveness and startup probes).
   * @default - Kubernetes' default: 1
   */
  readonly successThreshold?: number;
  /**
   * Grace period of the container killed after a failed liveness or startup probe.
   * @default - the pod's terminationGracePeriodSeconds
   */
  readonly terminationGracePeriod?: Duration;
}

/** Options of an HTTP GET probe or handler. */
export interface HttpGetOptions {
  /** Port to call: a number or a container port name. */
  readonly port: PortReference;
  /**
   * Host to call.
   * @default - the pod IP
   */
  readonly host?: string;
  /**
   * `HTTP` or `HTTPS`.
   * @default 'HTTP'
   */
  readonly scheme?: 'HTTP' | 'HTTPS';
  /**
   * Request headers.
   * @default - none
   */
  readonly headers?: { [name: string]: string };
}

/** Options of a TCP probe or handler. */
export interface TcpSocketOptions {
  /**
   * Host to connect to.
   * @default - the pod IP
   */
  readonly host?: string;
}

function seconds(d: Duration | undefined, what: string): number | undefined {
  if (d === undefined) return undefined;
  const s = d.toMilliseconds() / 1000;
  if (!Number.isInteger(s) || s < 0) throw new Error(`${what} must be a whole, non-negative number of seconds (Kubernetes counts probe times in seconds), got ${s}s`);
  return s;
}

function timing(t: ProbeTiming = {}): Omit<K8sProbe, 'exec' | 'httpGet' | 'tcpSocket' | 'grpc'> {
  return {
    initialDelaySeconds: seconds(t.initialDelay, 'initialDelay'),
    periodSeconds: seconds(t.period, 'period'),
    timeoutSeconds: seconds(t.timeout, 'timeout'),
    failureThreshold: t.failureThreshold,
    successThreshold: t.successThreshold,
    terminationGracePeriodSeconds: seconds(t.terminationGracePeriod, 'terminationGracePeriod'),
  };
}

function httpGet(path: string, o: HttpGetOptions) {
  const headers = Object.entries(o.headers ?? {}).map(([name, value]) => ({ name, value }));
  return { path, port: o.port, host: o.host, scheme: o.scheme, httpHeaders: headers.length ? headers : undefined };
}

/**
 * A readiness, liveness or startup probe of a container. A daemoned template is "ready" (the
 * workflow moves on) when its readiness probe succeeds.
 */
export class ContainerProbe {
  /** Succeeds when `GET path` answers 200-399. */
  public static httpGet(path: string, options: HttpGetOptions & ProbeTiming): ContainerProbe {
    return new ContainerProbe({ httpGet: httpGet(path, options), ...timing(options) });
  }

  /** Succeeds when a TCP connection to `port` opens. */
  public static tcpSocket(port: PortReference, options: TcpSocketOptions & ProbeTiming = {}): ContainerProbe {
    return new ContainerProbe({ tcpSocket: { port, host: options.host }, ...timing(options) });
  }

  /** Succeeds when `command` exits 0 in the container. */
  public static exec(command: string[], options: ProbeTiming = {}): ContainerProbe {
    return new ContainerProbe({ exec: { command }, ...timing(options) });
  }

  /** Succeeds when the gRPC health check of `port` answers SERVING. */
  public static grpc(port: number, options: { readonly service?: string } & ProbeTiming = {}): ContainerProbe {
    return new ContainerProbe({ grpc: { port, service: options.service }, ...timing(options) });
  }

  /** Any probe the generated L1 type describes. */
  public static fromL1(probe: K8sProbe): ContainerProbe {
    return new ContainerProbe(probe);
  }

  private constructor(/** @internal */ public readonly _probe: K8sProbe) {}
}

/** An action Kubernetes runs when a container starts (`postStart`) or before it stops (`preStop`). */
export class ContainerHandler {
  /** Runs a command in the container. */
  public static exec(command: string[]): ContainerHandler {
    return new ContainerHandler({ exec: { command } });
  }

  /** Calls `GET path`. */
  public static httpGet(path: string, options: HttpGetOptions): ContainerHandler {
    return new ContainerHandler({ httpGet: httpGet(path, options) });
  }

  /** Opens a TCP connection. */
  public static tcpSocket(port: PortReference, options: TcpSocketOptions = {}): ContainerHandler {
    return new ContainerHandler({ tcpSocket: { port, host: options.host } });
  }

  /** Waits (e.g. before stopping, so that load balancers drain). */
  public static sleep(duration: Duration): ContainerHandler {
    return new ContainerHandler({ sleep: { seconds: seconds(duration, 'sleep')! } });
  }

  /** Any handler the generated L1 type describes. */
  public static fromL1(handler: K8sLifecycleHandler): ContainerHandler {
    return new ContainerHandler(handler);
  }

  private constructor(/** @internal */ public readonly _handler: K8sLifecycleHandler) {}
}

/** Actions around a container's start and stop (`lifecycle`). */
export interface ContainerLifecycleProps {
  /**
   * Run right after the container started.
   * @default - none
   */
  readonly postStart?: ContainerHandler;
  /**
   * Run before the container is stopped.
   * @default - none
   */
  readonly preStop?: ContainerHandler;
  /**
   * Signal sent to stop the container, e.g. `SIGTERM`.
   * @default - the image's STOPSIGNAL
   */
  readonly stopSignal?: string;
}

/** @internal */
export function renderLifecycle(l: ContainerLifecycleProps | undefined): K8sLifecycle | undefined {
  if (!l) return undefined;
  return { postStart: l.postStart?._handler, preStop: l.preStop?._handler, stopSignal: l.stopSignal };
}

/** Network protocol of a container port. */
export enum PortProtocol {
  /** TCP. */
  TCP = 'TCP',
  /** UDP. */
  UDP = 'UDP',
  /** SCTP. */
  SCTP = 'SCTP',
}

/** A port the container listens on (a cdk8s-plus `ContainerPort` of any major fits). */
export interface ContainerPortProps {
  /** The port number. */
  readonly number: number;
  /**
   * Name (an IANA service name), for probes and Services to refer to.
   * @default - unnamed
   */
  readonly name?: string;
  /**
   * Protocol.
   * @default PortProtocol.TCP
   */
  readonly protocol?: `${PortProtocol}`;
  /**
   * Port of the node to expose it on.
   * @default - not exposed on the node
   */
  readonly hostPort?: number;
  /**
   * Node IP of `hostPort`.
   * @default - every node IP
   */
  readonly hostIp?: string;
}

/** @internal */
export function renderPorts(ports: readonly ContainerPortProps[] | undefined): K8sContainerPort[] | undefined {
  return ports?.length ? ports.map(p => ({ containerPort: p.number, name: p.name, protocol: p.protocol, hostPort: p.hostPort, hostIp: p.hostIp })) : undefined;
}
