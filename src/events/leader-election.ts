import { EventBus, IEventBus } from './event-bus';
import { EventsPodProps } from './pod-template';
import { SensorPermission } from './trigger-binding';

/**
 * What client-go's Lease elector calls (resourcelock.LeaseLock), on the Lease Argo Events names
 * `eventsource-<name>` or `sensor-<name>` in the pod's namespace (pkg/shared/leaderelection).
 */
export const LEASE_PERMISSION: SensorPermission = { apiGroup: 'coordination.k8s.io', resource: 'leases', verbs: ['get', 'create', 'update'] };

/** True for an EventBus construct of this app that is a Kafka bus. */
export function isKafkaBus(bus: IEventBus | undefined): boolean {
  return bus instanceof EventBus && bus.isKafka;
}

/**
 * True when the pod's environment sets `LEADER_ELECTION=k8s` (Argo Events' switch to the Lease
 * elector on any bus), through `env` or the container of `template`.
 */
export function electsWithLease(props: EventsPodProps): boolean {
  const fromTemplate = props.template?.container?.env?.find(e => e.name === 'LEADER_ELECTION')?.value;
  return (props.env?.LEADER_ELECTION ?? fromTemplate ?? '').toLowerCase() === 'k8s';
}
