import { TriggerParameter } from '../../imports/argo-events';
import { EventField } from './event-field';
import { FieldResolver } from './trigger-binding';

/** What to do with the value already at a parameter's destination. */
export enum ParameterOperation {
  /** Replace it (Argo's default). */
  OVERWRITE = 'overwrite',
  /** Append the event value to it. */
  APPEND = 'append',
  /** Prepend the event value to it. */
  PREPEND = 'prepend',
}

/** An event field written into a trigger at a path you give (for generic trigger fields). */
export interface TriggerParameterMapping {
  /** The event field to read. */
  readonly from: EventField;
  /** Path of the value to set (sjson syntax, e.g. `spec.containers.0.args.0`). */
  readonly dest: string;
  /**
   * What to do with the existing value.
   * @default ParameterOperation.OVERWRITE
   */
  readonly operation?: ParameterOperation;
}

/** Renders parameter mappings with resolved sources. @internal */
export function renderMappings(mappings: readonly TriggerParameterMapping[] | undefined, resolve: FieldResolver): TriggerParameter[] | undefined {
  if (!mappings?.length) return undefined;
  return mappings.map(m => ({ src: resolve(m.from), dest: m.dest, operation: m.operation }));
}
