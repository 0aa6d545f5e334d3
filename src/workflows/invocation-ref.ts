import { IConstruct } from 'constructs';
import { ITemplate } from './template-ref';

/**
 * A step or DAG task as the variables reading its outputs and the `depends` expressions naming
 * it see it (`Step` and `DagTask` implement it).
 */
export interface IInvocation {
  /** Step or task name. */
  readonly name: string;
  /** `step` or `task`. */
  readonly kindLabel: 'step' | 'task';
  /** The steps or DAG template it belongs to. */
  readonly parentTemplate: IConstruct;
  /** The template it runs. */
  readonly template: ITemplate;
}

/** A DAG task, what `depends` expressions are built from. */
export interface IDagTask extends IInvocation {
  /** `task`. */
  readonly kindLabel: 'task';
}
