export { eventPayload, simulate } from './simulate-app';
export type { SimulateEventOptions, SimulateOptions } from './simulate-app';
export { SensorSimulation } from './sensor-simulation';
export type { SensorLike, TriggerLike } from './sensor-simulation';
export { argoMatchers } from './matchers';
export type { SubmitExpectation, MatcherContext, MatcherResult } from './matchers';
