import { App } from 'cdk8s';
import { IConstruct } from 'constructs';
import type { Manifest } from '../lint/types';
import { describeUnrenderedAction } from './action-description';
import { HelmEscapeResolver } from './helm-escape-resolver';
import { helmEscape } from './helm-escape';
import { ignoreConstructMetadata } from './helm-ignore';
import { HELM_OUTPUT_ENV, HelmOutputMode, helmOutputMode } from './helm-mode';
import { RenderedManifests, renderManifests } from './rendered-manifests';
import { renderTemplate } from './template-render';

/** The first cdk8s whose App has value resolvers. */
const RESOLVERS_SINCE = '2.65.0';

/**
 * Helm output of one app, as the synth session uses it: what it found, what stops the synth, the
 * chart's preparation and the manifests as Helm renders them. @internal
 */
export class AppHelmOutput {
  /** Errors to report at synth (a cdk8s without resolvers cannot escape). */
  public readonly problems: readonly string[];
  private prepared = false;

  constructor(public readonly mode: HelmOutputMode, private readonly outdir: string, escaping: boolean) {
    this.problems = escaping ? [] : [
      `cdk8s-argo: this app writes for Helm (${mode.reason}), and Helm would read every {{...}} of Argo as its own template action; `
      + `escaping them takes cdk8s's value resolvers, which this cdk8s does not have (cdk8s >= ${RESOLVERS_SINCE} does). `
      + `Upgrade cdk8s, or set ${HELM_OUTPUT_ENV}=false to write the manifests as they are (Helm will then refuse any that holds {{...}}).`,
    ];
  }

  /** Once per app, before the first validation pass: what the chart needs besides the templates. */
  public prepare(): void {
    if (this.prepared) return;
    this.prepared = true;
    if (this.mode.chart) ignoreConstructMetadata(this.mode.chart, this.outdir);
  }

  /** The manifests (escaped) as Helm renders them, and what it would not render back. */
  public render(manifests: readonly Manifest[]): RenderedManifests {
    return renderManifests(manifests);
  }
}

const outputs = new WeakMap<IConstruct, AppHelmOutput | null>();

/**
 * The Helm output of the app `root` (a cdk8s App): undefined when it does not write for Helm.
 * When it does, the app's resolvers get the escaping (once per app). @internal
 */
export function helmOutputOf(root: IConstruct): AppHelmOutput | undefined {
  const known = outputs.get(root);
  if (known !== undefined) return known ?? undefined;
  let output: AppHelmOutput | null = null;
  if (root instanceof App) {
    const mode = helmOutputMode(root.outdir);
    if (mode.enabled) {
      const resolvers: unknown = root.resolvers;
      const escaping = Array.isArray(resolvers);
      if (escaping && !resolvers.some(r => r instanceof HelmEscapeResolver)) resolvers.push(new HelmEscapeResolver());
      output = new AppHelmOutput(mode, root.outdir, escaping);
    }
  }
  outputs.set(root, output);
  return output ?? undefined;
}

/**
 * Helm output (docs/helm.md). Helm renders every file of a chart's templates/ as a Go template
 * and reads `{{...}}` as its own actions, so Argo's expressions (`{{workflow.name}}`,
 * `{{=...}}`) must reach it escaped. An app writes for Helm when its output directory is in a
 * chart's templates/ folder (as `cdk8s synth --format helm` sets up: Chart.yaml beside it), or
 * when CDK8S_ARGO_HELM=true (`false` turns it off); then every `{{` of every string and key of
 * every object of the app is escaped as it is serialized (a cdk8s value resolver), so that
 * `helm template` renders exactly the plain output. Synth-time validation lints the manifests
 * as Helm renders them. Plain output is not touched.
 */
export class HelmOutput {
  /** The environment variable that turns the escaping on (`true`) or off (`false`), whatever the output directory is. */
  public static readonly ENV_VAR = HELM_OUTPUT_ENV;

  /** True when the app of `scope` writes for Helm (its output directory in a chart's templates/, or CDK8S_ARGO_HELM=true). */
  public static isEnabled(scope: IConstruct): boolean {
    const root = scope.node.root;
    return root instanceof App && helmOutputMode(root.outdir).enabled;
  }

  /**
   * Escapes the output of the app of `scope` for Helm when it writes for Helm, and returns
   * whether it does. The constructs of this library do it on their own; call it in an app that
   * has none of them (Argo YAML through `Include` or plain ApiObjects only).
   */
  public static apply(scope: IConstruct): boolean {
    const output = helmOutputOf(scope.node.root);
    if (output?.problems.length) throw new Error(output.problems.join('\n'));
    return output !== undefined;
  }

  /** `text` as a Helm template that renders to exactly `text` (each `{{` written as {{`{{`}}). */
  public static escape(text: string): string {
    return helmEscape(text);
  }

  /**
   * What Helm renders from a template whose actions are all literal text ({{`...`}},
   * `{{ "..." }}`) or comments, as escape() writes them. Throws on any other action (only Helm
   * can render it) and on text Helm cannot parse.
   */
  public static render(template: string): string {
    const rendered = renderTemplate(template);
    if (rendered.error) throw new Error(`HelmOutput.render: Helm cannot parse the template: ${rendered.error.message} (at offset ${rendered.error.offset})`);
    if (rendered.unrendered.length) throw new Error(`HelmOutput.render: ${describeUnrenderedAction(rendered.unrendered[0])}`);
    return rendered.text;
  }

  private constructor() {}
}
