export { simulateEvents, SimulationInputError } from './simulate';
export { formatSimulation, formatEventResult } from './format';
export { CannotSimulate } from './cannot-simulate';
export type {
  SimulatedEvent, SimulationResult, SimulationOptions, EventResult, SensorEventResult, DependencyResult, FiredTrigger,
  FilterOutcome, FilterCheck, FilterGroup, ArgoEvent, EventContext, NotSimulated,
} from './types';
