// The simulator's public entry. Its contracts (types, errors) and the text formatting load with
// it; the simulator itself (event sources, filters, Go templates, Lua...) only on first call: an
// app that imports the package to synthesize never simulates (docs/architecture.md, "Lazy loading").
import type { Manifest } from '../lint/types';
import type { SimulatedEvent, SimulationOptions, SimulationResult } from './types';

export { SimulationInputError } from './simulation-input-error';
export { formatSimulation, formatEventResult } from './format';
export { CannotSimulate } from './cannot-simulate';
export type {
  SimulatedEvent, SimulationResult, SimulationOptions, EventResult, SensorEventResult, DependencyResult, FiredTrigger,
  FilterOutcome, FilterCheck, FilterGroup, ArgoEvent, EventContext, NotSimulated,
} from './types';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first call, see above
const simulator = (): typeof import('./simulate') => require('./simulate');

/**
 * Feeds events, in order, to the sensors of a set of manifests and reports what Argo Events
 * would do: the event each EventSource publishes, how each dependency's transform and filters
 * take it, which triggers fire (conditions over several events included), and what each fired
 * trigger would create or send, linted with the rest of the set. Throws SimulationInputError
 * for an event that names no EventSource or event of the set.
 */
export function simulateEvents(manifests: readonly Manifest[], events: readonly SimulatedEvent[], options: SimulationOptions = {}): SimulationResult {
  return simulator().simulateEvents(manifests, events, options);
}
