import * as l1 from '../../imports/argo-workflows';
import { markChanged } from '../core/revision';
import { checkShapes, Invocation, InvocationOptions } from './invocation';
import { NodeVariable } from './node-variable';
import { Template, TemplateBody } from './template';
import { TemplateProps } from './template-props';
import { ITemplateHost } from './template-host';
import { ITemplate } from './template-ref';
import { checkInteger } from '../core/number-check';

/** Props of a steps template. */
export interface StepsTemplateProps extends TemplateProps {
  /**
   * Maximum number of pods running at once within this template.
   * @default - unlimited
   */
  readonly parallelism?: number;
  /**
   * Stop scheduling new steps as soon as one fails.
   * @default true
   */
  readonly failFast?: boolean;
}

/** A step: one call of a template within a group of parallel steps. */
export class Step extends Invocation {
  /** `step`. */
  public readonly kindLabel = 'step';

  /** @internal */
  constructor(scope: StepsTemplate, public readonly group: StepGroup, name: string, template: ITemplate, options?: InvocationOptions) {
    super(scope, name, template, options);
  }

  /** `spec.templates[i].steps[g][j]`. */
  public get fieldPath(): string {
    const t = this.parentTemplate as StepsTemplate;
    return `${t.fieldPath}.steps[${t.groups.indexOf(this.group)}][${this.group.steps.indexOf(this)}]`;
  }

  /** @internal */
  public _render(): l1.WorkflowStep {
    return this._renderCall();
  }
}

/** A group of steps that run in parallel; groups run one after another. */
export class StepGroup {
  private readonly list: Step[] = [];

  /** @internal */
  constructor(private readonly template: StepsTemplate) {}

  /** The steps of this group, in order. */
  public get steps(): readonly Step[] {
    return this.list;
  }

  /**
   * Adds a step running in parallel with the others of this group.
   * @param name step name, unique within the template (rule W3)
   */
  public addStep(name: string, template: ITemplate, options?: InvocationOptions): Step {
    const step = this.template._newStep(this, name, template, options);
    this.list.push(step);
    return step;
  }
}

/**
 * A template running steps (`steps`): sequential groups of parallel steps. `addStep()` appends a
 * step in a new group (after everything before); `addGroup()` returns a group to fill with
 * parallel steps. A step reads outputs of earlier groups by object: `gen.result`, `gen.output(p)`.
 */
export class StepsTemplate extends Template {
  private readonly groupList: StepGroup[] = [];

  constructor(scope: ITemplateHost, id: string, private readonly props: StepsTemplateProps = {}) {
    super(scope, id, props);
    checkInteger(this, 'parallelism', props.parallelism);
  }

  /** The groups, in order. */
  public get groups(): readonly StepGroup[] {
    return this.groupList;
  }

  /** Every step, group by group. */
  public get steps(): Step[] {
    return this.groupList.flatMap(g => [...g.steps]);
  }

  /** Adds an empty group; its steps run in parallel, after the previous groups. */
  public addGroup(): StepGroup {
    markChanged();
    const g = new StepGroup(this);
    this.groupList.push(g);
    return g;
  }

  /** Adds a step in a new group of its own: it runs after every step added before. */
  public addStep(name: string, template: ITemplate, options?: InvocationOptions): Step {
    return this.addGroup().addStep(name, template, options);
  }

  /** Adds one group with several parallel steps, given as `[name, template, options?]` tuples. */
  public addParallelSteps(...steps: [string, ITemplate, InvocationOptions?][]): Step[] {
    const g = this.addGroup();
    return steps.map(([name, template, options]) => g.addStep(name, template, options));
  }

  /** @internal */
  public _newStep(group: StepGroup, name: string, template: ITemplate, options?: InvocationOptions): Step {
    if (this.node.tryFindChild(name)) {
      throw new Error(`${this.node.path}: a step named "${name}" already exists in steps template "${this.name}": Argo requires step names unique across all groups of a template (rule W3). Choose another name.`);
    }
    checkShapes(`${this.node.path}/${name}`, template, options ?? {});
    return new Step(this, group, name, template, options);
  }

  protected usedValues(): unknown[] {
    return this.steps.flatMap(s => [s._callValues, s._hookValues]);
  }

  protected check(): string[] {
    const errors = super.check();
    if (!this.groupList.length) {
      errors.push(this.error('has no steps: the CRD refuses an empty steps list on apply, and Argo would have nothing to run. Add a step with addStep() or addParallelSteps().', '.steps'));
    }
    this.groupList.forEach((g, i) => {
      if (!g.steps.length) errors.push(this.error('is an empty group of steps: Argo has nothing to run there. Add a step to the group or do not create it.', `.steps[${i}]`));
    });
    return errors;
  }

  protected canRead(v: NodeVariable): boolean {
    return v.invocation.kindLabel === 'step' && v.invocation.parentTemplate === this;
  }

  protected ownsNodeNamed(name: string): boolean {
    return this.steps.some(s => s.name === name);
  }

  protected applyPartOverrides(template: { readonly [field: string]: unknown }): void {
    const steps = template.steps;
    this.groupList.forEach((g, i) => g.steps.forEach((s, j) => {
      const group = Array.isArray(steps) ? steps[i] : undefined;
      s._applyOverrides(Array.isArray(group) ? group[j] : undefined);
    }));
  }

  protected renderBody(): TemplateBody {
    return {
      steps: this.groupList.map(g => g.steps.map(s => s._render())),
      parallelism: this.props.parallelism,
      failFast: this.props.failFast,
    };
  }
}
