import type { DagTask } from './dag-template';

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
export type Dependency = DagTask | Depends;

type Node =
  | { readonly kind: 'task'; readonly task: DagTask; readonly result?: TaskResult }
  | { readonly kind: 'and' | 'or'; readonly children: readonly Depends[] }
  | { readonly kind: 'not'; readonly child: Depends };

/**
 * A DAG `depends` expression built from task objects: `Depends.and(b, Depends.or(c.succeeded, c.failed))`
 * renders `b && (c.Succeeded || c.Failed)`.
 */
export class Depends {
  /** The task completed (`name`). */
  public static on(task: DagTask): Depends {
    return new Depends({ kind: 'task', task });
  }

  /** The task ended with `result` (`name.Result`). */
  public static result(task: DagTask, result: TaskResult): Depends {
    return new Depends({ kind: 'task', task, result });
  }

  /** All of them (`&&`). */
  public static and(...deps: Dependency[]): Depends {
    return Depends.group('and', deps);
  }

  /** Any of them (`||`). */
  public static or(...deps: Dependency[]): Depends {
    return Depends.group('or', deps);
  }

  /** Negation (`!`). */
  public static not(dep: Dependency): Depends {
    return new Depends({ kind: 'not', child: Depends.of(dep) });
  }

  /** A task or expression as an expression. */
  public static of(dep: Dependency): Depends {
    if (dep instanceof Depends) return dep;
    if (typeof dep !== 'object' || dep === null || typeof (dep as DagTask).name !== 'string') {
      throw new Error(`a dependency must be a task object or a Depends expression (got ${JSON.stringify(dep)}): use the object addTask() returned and its results (a.failed, a.succeeded...).`);
    }
    return Depends.on(dep);
  }

  private static group(kind: 'and' | 'or', deps: Dependency[]): Depends {
    if (!deps.length) throw new Error(`Depends.${kind}() needs at least one dependency`);
    if (deps.length === 1) return Depends.of(deps[0]);
    return new Depends({ kind, children: deps.map(Depends.of) });
  }

  private constructor(private readonly n: Node) {}

  /** Every task named in the expression. */
  public get tasks(): DagTask[] {
    const n = this.n;
    if (n.kind === 'task') return [n.task];
    if (n.kind === 'not') return n.child.tasks;
    return n.children.flatMap(c => c.tasks);
  }

  /** The `depends` text. */
  public render(): string {
    return this.text(undefined);
  }

  /** @internal result tests used, per task (for rule-like checks). */
  public get _results(): { task: DagTask; result?: TaskResult }[] {
    const n = this.n;
    if (n.kind === 'task') return [{ task: n.task, result: n.result }];
    if (n.kind === 'not') return n.child._results;
    return n.children.flatMap(c => c._results);
  }

  private text(parent: 'and' | 'or' | 'not' | undefined): string {
    const n = this.n;
    switch (n.kind) {
      case 'task': return n.result ? `${n.task.name}.${n.result}` : n.task.name;
      case 'not': return `!${n.child.text('not')}`;
      default: {
        const body = n.children.map(c => c.text(n.kind)).join(n.kind === 'and' ? ' && ' : ' || ');
        return parent && parent !== n.kind ? `(${body})` : body;
      }
    }
  }
}
