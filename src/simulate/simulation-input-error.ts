/** Bad input: the event names no EventSource or event of the set. */
export class SimulationInputError extends Error {}
