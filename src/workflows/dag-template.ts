import { Construct } from 'constructs';
import * as l1 from '../../imports/argo-workflows';
import { Dependency, Depends, TaskResult } from './depends';
import { ArgoText, ArgoVariable, renderText } from './expressions';
import { checkShapes, Invocation, InvocationOptions } from './invocation';
import { ITemplate, Template, TemplateProps } from './template';

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
export class DagTask extends Invocation {
  /** @internal */
  public readonly _invocationKind = 'tasks' as const;
  /** The options it was created with. */
  public readonly taskOptions: DagTaskOptions;

  /** @internal */
  constructor(scope: DagTemplate, name: string, template: ITemplate, options: DagTaskOptions = {}) {
    super(scope, name, template, options);
    this.taskOptions = options;
  }

  /** `spec.templates[i].dag.tasks[k]`. */
  public get fieldPath(): string {
    const t = this.parentTemplate as DagTemplate;
    return `${t.fieldPath}.dag.tasks[${t.tasks.indexOf(this)}]`;
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
    return Array.isArray(d) ? Depends.and(...d) : Depends.of(d);
  }

  /** The tasks of this DAG whose outputs this task reads (by object, or by name in text). */
  public get readTasks(): DagTask[] {
    const dag = this.parentTemplate as DagTemplate;
    const out = this.readNodes() as DagTask[];
    const text = JSON.stringify(this._renderCall(false));
    for (const name of namesInText(text)) {
      const t = dag.tasks.find(x => x.name === name);
      if (t && t !== this && !out.includes(t)) out.push(t);
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

  /** @internal */
  protected _renderCall(withHooks = true): l1.WorkflowStep {
    const call = super._renderCall();
    return withHooks ? call : { ...call, hooks: undefined };
  }

  /** Only what rule W24 cannot see by names: a dependency object of another DAG named like a task of this one. */
  protected validateInvocation(): string[] {
    const errors = super.validateInvocation();
    const dag = this.parentTemplate as DagTemplate;
    for (const t of this.explicitDepends?.tasks ?? []) {
      if (t.parentTemplate !== dag && dag.tasks.some(x => x.name === t.name)) {
        errors.push(this.error(`task "${this.name}" depends on task "${t.name}" of another DAG (${t.parentTemplate.node.path}); this DAG has its own "${t.name}", so Argo would wait for that one instead. Depend on a task object of this DAG.`, '.depends'));
      }
    }
    return errors;
  }
}

/** Task names referenced in `{{tasks.X...}}` / `{{=tasks["X"]...}}` text. */
function namesInText(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\{\{([^}]*)\}\}/g)) {
    for (const r of m[1].matchAll(/tasks(?:\.([a-zA-Z0-9][-a-zA-Z0-9]*)|\[\\?"([^"\\]+)\\?"\])/g)) {
      const name = r[1] ?? r[2];
      if (name && name !== 'name' && !out.includes(name)) out.push(name);
    }
  }
  return out;
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

  constructor(scope: Construct, id: string, private readonly props: DagTemplateProps = {}) {
    super(scope, id, props);
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
    const task = new DagTask(this, name, template, options);
    this.taskList.push(task);
    return task;
  }

  /** @internal Every task `task` transitively depends on (through the emitted depends). */
  public _ancestors(task: DagTask): Set<DagTask> {
    const seen = new Set<DagTask>();
    const visit = (t: DagTask) => {
      for (const d of t.effectiveDepends?.tasks ?? []) {
        if (!seen.has(d)) {
          seen.add(d);
          visit(d);
        }
      }
    };
    visit(task);
    return seen;
  }

  protected usedValues(): unknown[] {
    const target = this.props.target;
    return [...this.taskList.flatMap(t => [t._callValues, t._hookValues]), Array.isArray(target) ? undefined : target];
  }

  protected canRead(v: ArgoVariable): boolean {
    return v._source instanceof DagTask && v._source.parentTemplate === this;
  }

  protected ownsNodeNamed(name: string): boolean {
    return this.taskList.some(t => t.name === name);
  }

  /** Only what rule W29 cannot see by names: a target object of another DAG named like a task of this one. */
  protected validateObjects(): string[] {
    const errors = super.validateObjects();
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

  protected renderBody(): Partial<l1.Template> {
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
