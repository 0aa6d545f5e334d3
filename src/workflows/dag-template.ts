import * as l1 from '../../imports/argo-workflows';
import { markChanged } from '../core/revision';
import { ArgoExpression, ArgoText, collectVariables, renderText } from './argo-variable';
import { Dependency, Depends, TaskResult } from './depends';
import { checkShapes, Invocation, InvocationOptions } from './invocation';
import { IDagTask } from './invocation-ref';
import { NodeVariable } from './node-variable';
import { Template, TemplateBody } from './template';
import { TemplateProps } from './template-props';
import { ITemplateHost } from './template-host';
import { ITemplate } from './template-ref';
import { checkInteger } from '../core/number-check';

/** How a DAG task is called and what it waits for. */
export interface DagTaskOptions extends InvocationOptions {
  /**
   * Tasks (or a `Depends` expression over task results) this task waits for. Without it, the tasks
   * whose outputs this task reads become its dependencies.
   * @default - the tasks whose outputs it reads; none if it reads none
   */
  readonly depends?: Dependency | Dependency[];
}

/** A DAG task: one call of a template, run when its `depends` expression is satisfied. */
export class DagTask extends Invocation implements IDagTask {
  /** `task`. */
  public readonly kindLabel = 'task';
  /** The options it was created with. */
  public readonly taskOptions: DagTaskOptions;

  /** @internal */
  constructor(private readonly dag: DagTemplate, name: string, template: ITemplate, options: DagTaskOptions = {}) {
    super(dag, name, template, options);
    this.taskOptions = options;
  }

  /** `spec.templates[i].dag.tasks[k]`. */
  public get fieldPath(): string {
    return `${this.dag.fieldPath}.dag.tasks[${this.dag.tasks.indexOf(this)}]`;
  }

  /** `name.Succeeded`. */
  public get succeeded(): Depends { return Depends.result(this, TaskResult.SUCCEEDED); }
  /** `name.Failed`. */
  public get failed(): Depends { return Depends.result(this, TaskResult.FAILED); }
  /** `name.Errored`. */
  public get errored(): Depends { return Depends.result(this, TaskResult.ERRORED); }
  /** `name.Skipped`. */
  public get skipped(): Depends { return Depends.result(this, TaskResult.SKIPPED); }
  /** `name.Omitted`. */
  public get omitted(): Depends { return Depends.result(this, TaskResult.OMITTED); }
  /** `name.Daemoned`. */
  public get daemoned(): Depends { return Depends.result(this, TaskResult.DAEMONED); }
  /** `name.AnySucceeded` (looped tasks only, rule W27). */
  public get anySucceeded(): Depends { return Depends.result(this, TaskResult.ANY_SUCCEEDED); }
  /** `name.AllFailed` (looped tasks only, rule W27). */
  public get allFailed(): Depends { return Depends.result(this, TaskResult.ALL_FAILED); }

  /** The explicit `depends` expression, if any. */
  public get explicitDepends(): Depends | undefined {
    const d = this.taskOptions.depends;
    if (d === undefined) return undefined;
    return Array.isArray(d) ? Depends.and(...d) : Depends.and(d);
  }

  /**
   * The tasks of this DAG whose outputs this task reads through variable objects (`a.result`,
   * `a.output(p)`, or `ArgoVariable.of('tasks.a...')`), hooks left out. Text does not count: a
   * variable interpolated into a string (`${a.result}-x`) is text; give `depends` then.
   */
  public get readTasks(): DagTask[] {
    const out: DagTask[] = [];
    for (const v of collectVariables(this._callValues)) {
      const task = v instanceof NodeVariable ? this.dag.tasks.find(t => t === v.invocation)
        : !(v instanceof ArgoExpression) && v.segments[0] === 'tasks' ? this.dag.tasks.find(t => t.name === v.segments[1]) : undefined;
      if (task && task !== this && !out.includes(task)) out.push(task);
    }
    return out;
  }

  /** The `depends` that is emitted: explicit, or built from the tasks it reads. */
  public get effectiveDepends(): Depends | undefined {
    const explicit = this.explicitDepends;
    if (explicit) return explicit;
    const read = this.readTasks;
    return read.length ? Depends.and(...read) : undefined;
  }

  /** @internal */
  public _render(): l1.DagTask {
    return { ...this._renderCall(), depends: this.effectiveDepends?.render() } as l1.DagTask;
  }

  /** Only what rule W24 cannot see by names: a dependency object of another DAG named like a task of this one. */
  protected check(): string[] {
    const errors = super.check();
    for (const t of this.explicitDepends?.tasks ?? []) {
      if (t.parentTemplate !== this.dag && this.dag.tasks.some(x => x.name === t.name)) {
        errors.push(this.error(`task "${this.name}" depends on task "${t.name}" of another DAG (${t.parentTemplate.node.path}); this DAG has its own "${t.name}", so Argo would wait for that one instead. Depend on a task object of this DAG.`, '.depends'));
      }
    }
    return errors;
  }
}

/** Props of a DAG template. */
export interface DagTemplateProps extends TemplateProps {
  /**
   * Run only these tasks (and their dependencies): task objects, or text such as a workflow parameter.
   * @default - every task
   */
  readonly target?: DagTask[] | ArgoText;
  /**
   * Stop scheduling new tasks as soon as one fails.
   * @default true
   */
  readonly failFast?: boolean;
  /**
   * Maximum number of pods running at once within this template.
   * @default - unlimited
   */
  readonly parallelism?: number;
}

/**
 * A template running a DAG (`dag`): tasks that depend on task objects, with `depends` expressions
 * from task results. A task reading another task's output (`a.result`, `a.output(p)`) depends on
 * it automatically unless `depends` is given, in which case it must be an ancestor (rule W28).
 */
export class DagTemplate extends Template {
  private readonly taskList: DagTask[] = [];

  constructor(scope: ITemplateHost, id: string, private readonly props: DagTemplateProps = {}) {
    super(scope, id, props);
    checkInteger(this, 'parallelism', props.parallelism);
  }

  /** The tasks, in order. */
  public get tasks(): readonly DagTask[] {
    return this.taskList;
  }

  /**
   * Adds a task.
   * @param name task name, unique in the DAG, not starting with a digit (rules W3, W26)
   */
  public addTask(name: string, template: ITemplate, options?: DagTaskOptions): DagTask {
    if (this.node.tryFindChild(name)) {
      throw new Error(`${this.node.path}: a task named "${name}" already exists in DAG template "${this.name}": Argo requires unique task names (rule W24). Choose another name.`);
    }
    checkShapes(`${this.node.path}/${name}`, template, options ?? {});
    const deps = options?.depends === undefined ? [] : Array.isArray(options.depends) ? options.depends : [options.depends];
    for (const d of deps) {
      if (!(d instanceof DagTask) && !(d instanceof Depends)) {
        throw new Error(`${this.node.path}/${name}: depends takes task objects or Depends expressions (got ${JSON.stringify(d)}): pass the object addTask() returned, e.g. depends: a or Depends.or(a.succeeded, b).`);
      }
    }
    markChanged();
    const task = new DagTask(this, name, template, options);
    this.taskList.push(task);
    return task;
  }

  protected usedValues(): unknown[] {
    const target = this.props.target;
    return [...this.taskList.flatMap(t => [t._callValues, t._hookValues]), Array.isArray(target) ? undefined : target];
  }

  protected canRead(v: NodeVariable): boolean {
    return v.invocation.kindLabel === 'task' && v.invocation.parentTemplate === this;
  }

  protected ownsNodeNamed(name: string): boolean {
    return this.taskList.some(t => t.name === name);
  }

  /** Only what rule W29 cannot see by names: a target object of another DAG named like a task of this one. */
  protected check(): string[] {
    const errors = super.check();
    const target = this.props.target;
    if (Array.isArray(target)) {
      for (const t of target) {
        if (t.parentTemplate !== this && this.ownsNodeNamed(t.name)) {
          errors.push(this.error(`target is task "${t.name}" of another DAG (${t.parentTemplate.node.path}); this DAG has its own "${t.name}", so Argo would run that one. Target task objects of this DAG.`, '.dag.target'));
        }
      }
    }
    return errors;
  }

  protected applyPartOverrides(template: { readonly [field: string]: unknown }): void {
    const dag = template.dag;
    const tasks = typeof dag === 'object' && dag !== null ? (dag as { readonly tasks?: unknown }).tasks : undefined;
    this.taskList.forEach((t, i) => t._applyOverrides(Array.isArray(tasks) ? tasks[i] : undefined));
  }

  protected renderBody(): TemplateBody {
    const target = this.props.target;
    return {
      dag: {
        tasks: this.taskList.map(t => t._render()),
        target: Array.isArray(target) ? target.map(t => t.name).join(' ') : renderText(target),
        failFast: this.props.failFast,
      },
      parallelism: this.props.parallelism,
    };
  }
}
