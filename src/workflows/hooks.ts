import * as l1 from '../../imports/argo-workflows';
import { argumentValues, CallArguments, CallProblem, checkCall, isInline, renderArguments, renderTemplateReference } from './call';
import { Condition } from './condition';
import { ITemplateHost } from './template-host';
import { ITemplate } from './template-ref';

/** Name of the lifecycle hook Argo runs when the workflow, step or task exits. */
export const EXIT_HOOK = 'exit';

/** Options of a lifecycle hook. */
export interface LifecycleHookOptions extends CallArguments {
  /**
   * Run the hook when this expr-lang condition becomes true, e.g.
   * `WorkflowVariables.status.eq(WorkflowPhase.RUNNING)`. Required for every hook except `exit` (rule W39).
   * @default - none (only valid for the exit hook)
   */
  readonly expression?: Condition<'global' | 'inputs' | 'node'>;
}

/** A lifecycle hook as declared: the template it runs and when. */
export class LifecycleHook {
  /** @internal */
  constructor(public readonly name: string, public readonly template: ITemplate, public readonly options: LifecycleHookOptions = {}) {}

  /** @internal */
  public _render(host: ITemplateHost): l1.LifecycleHook {
    return {
      ...renderTemplateReference(host, this.template),
      arguments: renderArguments(this.options.arguments),
      expression: this.options.expression?._render('hook'),
    };
  }

  /** @internal */
  public _check(host: ITemplateHost): CallProblem[] {
    const inline = isInline(this.template) ? [{ subPath: '.template', message: `calls inline template "${this.template.name}": hooks name their template, and an inline template has no name. Drop inline: true from it.` }] : [];
    const problems = [...inline, ...checkCall(host, this.template, this.options.arguments)].map(p => ({ subPath: `.hooks.${this.name}${p.subPath}`, message: `hook "${this.name}" ${p.message}` }));
    for (const p of this.options.expression?._problems('hook') ?? []) problems.push({ subPath: `.hooks.${this.name}.expression`, message: `hook "${this.name}": ${p}` });
    return problems;
  }

  /** @internal */
  public get _values(): unknown[] {
    return [argumentValues(this.options.arguments), this.options.expression];
  }
}

/** @internal */
export function renderHooks(host: ITemplateHost, hooks: readonly LifecycleHook[]): { [name: string]: l1.LifecycleHook } | undefined {
  if (!hooks.length) return undefined;
  return Object.fromEntries(hooks.map(h => [h.name, h._render(host)]));
}
