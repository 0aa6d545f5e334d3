import { BooleanExpression } from '../core/boolean-expression';
import { IDagTask } from './invocation-ref';

/** Task results a `depends` expression can test (rule W27). */
export enum TaskResult {
  /** The task succeeded. */
  SUCCEEDED = 'Succeeded',
  /** The task failed. */
  FAILED = 'Failed',
  /** The task errored. */
  ERRORED = 'Errored',
  /** The task was skipped (its `when` was false). */
  SKIPPED = 'Skipped',
  /** The task was omitted (its own `depends` was false). */
  OMITTED = 'Omitted',
  /** The task is daemoned and running. */
  DAEMONED = 'Daemoned',
  /** At least one iteration of a looped task succeeded (looped tasks only). */
  ANY_SUCCEEDED = 'AnySucceeded',
  /** Every iteration of a looped task failed (looped tasks only). */
  ALL_FAILED = 'AllFailed',
}

/** A task (meaning: it completed, `Succeeded || Skipped || Daemoned`) or a `depends` expression. */
export type Dependency = IDagTask | Depends;

/** A task, or a task with the result it must have ended with. */
interface Leaf {
  readonly task: IDagTask;
  readonly result?: TaskResult;
}

/**
 * A DAG `depends` expression built from task objects: `Depends.and(b, Depends.or(c.succeeded, c.failed))`
 * renders `b && (c.Succeeded || c.Failed)`.
 */
export class Depends {
  /** The task completed (`name`). */
  public static on(task: IDagTask): Depends {
    return new Depends(BooleanExpression.leaf<Leaf>({ task }));
  }

  /** The task ended with `result` (`name.Result`). */
  public static result(task: IDagTask, result: TaskResult): Depends {
    return new Depends(BooleanExpression.leaf<Leaf>({ task, result }));
  }

  /** All of them (`&&`). */
  public static and(...deps: Dependency[]): Depends {
    return new Depends(BooleanExpression.join('and', deps.map(expressionOf), 'Depends.and() needs at least one dependency'));
  }

  /** Any of them (`||`). */
  public static or(...deps: Dependency[]): Depends {
    return new Depends(BooleanExpression.join('or', deps.map(expressionOf), 'Depends.or() needs at least one dependency'));
  }

  /** Negation (`!`). */
  public static not(dep: Dependency): Depends {
    return new Depends(expressionOf(dep).not());
  }

  private constructor(
    /** @internal */ public readonly _expression: BooleanExpression<Leaf>,
  ) {}

  /** Every task named in the expression. */
  public get tasks(): IDagTask[] {
    return this._expression.leaves.map(l => l.task);
  }

  /** The `depends` text. */
  public render(): string {
    return this._expression.render(l => (l.result ? `${l.task.name}.${l.result}` : l.task.name));
  }
}

/** A task or expression as an expression; anything else is refused with the fix. */
function expressionOf(dep: Dependency): BooleanExpression<Leaf> {
  if (dep instanceof Depends) return dep._expression;
  if (typeof dep !== 'object' || dep === null || typeof dep.name !== 'string') {
    throw new Error(`a dependency must be a task object or a Depends expression (got ${JSON.stringify(dep)}): use the object addTask() returned and its results (a.failed, a.succeeded...).`);
  }
  return BooleanExpression.leaf<Leaf>({ task: dep });
}
