import * as l1 from '../../imports/argo-workflows';
import { ArgoText, ArgoVariable, renderText } from './argo-variable';
import { checkInteger } from '../core/number-check';

/** A value of a `withItems` list: a scalar or a map of scalars (read with `Loop.itemField`). */
export type LoopItem = string | number | boolean | { [key: string]: string | number | boolean };

/** Options of a numeric sequence loop (`withSequence`); give count or end, not both (rule W30). */
export interface SequenceOptions {
  /**
   * Number of items (from `start`).
   * @default - none: give end
   */
  readonly count?: number | ArgoText;
  /**
   * First number.
   * @default 0
   */
  readonly start?: number | ArgoText;
  /**
   * Last number (inclusive; may be below start to count down).
   * @default - none: give count
   */
  readonly end?: number | ArgoText;
  /**
   * printf format of each item, e.g. `testuser%02X`.
   * @default - the decimal number
   */
  readonly format?: string;
}

/**
 * Runs a step or task once per item, in parallel. Inside the called arguments, `Loop.item` is the
 * current item (`{{item}}`) and `Loop.itemField('x')` a field of a map item (`{{item.x}}`).
 */
export class Loop {
  /** `{{item}}`: the current item. */
  public static readonly item: ArgoVariable<'node'> = new ArgoVariable<'node'>(['item']);

  /** `{{item.<field>}}`: a field of the current map item. */
  public static itemField(field: string): ArgoVariable<'node'> {
    return new ArgoVariable<'node'>(['item', field]);
  }

  /** A literal list (`withItems`). */
  public static items(items: LoopItem[]): Loop {
    return new Loop({ withItems: items });
  }

  /** A JSON list produced at run time (`withParam`), e.g. `generate.result` of a previous step. */
  public static fromParameter(list: ArgoText): Loop {
    return new Loop({ withParam: renderText(list) }, list instanceof ArgoVariable ? [list] : []);
  }

  /** Numbers (`withSequence`). */
  public static sequence(options: SequenceOptions): Loop {
    for (const field of ['count', 'start', 'end'] as const) {
      if (typeof options[field] === 'number') checkInteger('Loop.sequence():', field, options[field]);
    }
    const s = (v: number | ArgoText | undefined) => (v === undefined ? undefined : String(v));
    return new Loop({ withSequence: { count: s(options.count), start: s(options.start), end: s(options.end), format: options.format } });
  }

  private constructor(
    /** @internal */ public readonly _fields: Pick<l1.WorkflowStep, 'withItems' | 'withParam' | 'withSequence'>,
    /** @internal */ public readonly _variables: ArgoVariable[] = []) {}
}
