import { ArgoVariable } from './argo-variable';
import { OutputArtifact } from './artifacts';
import { IInvocation } from './invocation-ref';
import { OutputParameter } from './parameters';

/**
 * A variable read from a step's or task's node, e.g. `{{steps.gen.outputs.parameters.p}}`: it
 * remembers the node and the output object, so validation can check both.
 */
export class NodeVariable extends ArgoVariable<'node'> {
  /** @internal */
  constructor(segments: string[], public readonly invocation: IInvocation, private readonly declared?: OutputParameter | OutputArtifact) {
    super(segments);
  }

  /**
   * @internal Only what rule W31 cannot see by names: an output object the called template does
   * not declare while it declares another output with the same name.
   */
  public _validate(): string | undefined {
    const t = this.invocation.template;
    const declared = this.declared;
    if (!declared || !t.interfaceKnown) return undefined;
    const list: readonly (OutputParameter | OutputArtifact)[] = declared instanceof OutputParameter ? t.outputParameters : t.outputArtifacts;
    if (list.includes(declared) || !list.some(o => o.name === declared.name)) return undefined;
    const kind = declared instanceof OutputParameter ? 'output parameter' : 'output artifact';
    return `reads ${this} through an ${kind} object that template "${t.name}" (run by ${this.invocation.kindLabel} "${this.invocation.name}") does not declare; it declares another "${declared.name}", whose value Argo substitutes. Read the output object that template declares.`;
  }
}
