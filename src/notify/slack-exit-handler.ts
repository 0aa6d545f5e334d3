import { Size } from 'cdk8s';
import { Construct } from 'constructs';
import { namespaceOf } from '../core/ref-inspection';
import { addConstructCheck } from '../core/validation';
import {
  ArgoText, ClusterWorkflowTemplate, ComputeResources, Condition, EnvVarValue, ITemplate, RetryPolicy, WorkflowPhase, WorkflowSpecBase, WorkflowTemplate, WorkflowTemplateBase,
  WorkflowVariables,
} from '../workflows';
import { RestrictedContainerTemplate } from './restricted-container-template';
import { SLACK_NOTIFIER_SCRIPT } from './slack-notifier-script';
import { SlackWebhook } from './slack-webhook';
import { constructId } from '../core/construct-id';

/** The notifier image: Node.js 20 on Alpine, pinned by tag (pin a digest with the `image` prop). */
export const DEFAULT_SLACK_NOTIFIER_IMAGE = 'node:20.18.0-alpine3.20';

/** Statuses a finished workflow can have, the ones exit handlers see. */
const FINAL_PHASES: readonly WorkflowPhase[] = [WorkflowPhase.SUCCEEDED, WorkflowPhase.FAILED, WorkflowPhase.ERROR];

/** Attachment colours by workflow status (`#rrggbb`, or Slack's `good`, `warning`, `danger`). */
export interface SlackColors {
  /**
   * Colour of a Succeeded workflow.
   * @default '#2EB67D' (green)
   */
  readonly succeeded?: string;
  /**
   * Colour of a Failed workflow.
   * @default '#E01E5A' (red)
   */
  readonly failed?: string;
  /**
   * Colour of a workflow in Error.
   * @default '#ECB22E' (amber)
   */
  readonly error?: string;
}

/** Props of a `SlackExitHandler`. */
export interface SlackExitHandlerProps {
  /** The incoming-webhook URL, from a Secret: `SlackWebhook.fromSecret(secret, 'url')`. */
  readonly webhook: SlackWebhook;
  /**
   * Workflow statuses that send a message.
   * @default [WorkflowPhase.FAILED, WorkflowPhase.ERROR]
   */
  readonly notifyOn?: WorkflowPhase[];
  /**
   * Keep one notifier template in this WorkflowTemplate (the "common" pattern): workflows the
   * handler is attached to call it by `templateRef`.
   * @default - each attached workflow gets its own notifier template
   */
  readonly sharedIn?: WorkflowTemplate | ClusterWorkflowTemplate;
  /**
   * Name of the notifier template.
   * @default 'slack-notify'
   */
  readonly templateName?: string;
  /**
   * Base URL of the Argo UI, e.g. `https://argo.example.com`: the message links to the run.
   * @default - no link
   */
  readonly argoUiUrl?: string;
  /**
   * Message title; typed variables render `{{...}}`.
   * @default - `[<status>] <namespace>/<name>`
   */
  readonly title?: ArgoText;
  /**
   * Channel overriding the webhook's default (only for legacy webhooks that allow it).
   * @default - the webhook's channel
   */
  readonly channel?: string;
  /**
   * Sender name overriding the webhook's (legacy webhooks only).
   * @default - the webhook's
   */
  readonly username?: string;
  /**
   * Attachment colours by status.
   * @default - green, red, amber
   */
  readonly colors?: SlackColors;
  /**
   * A Node.js 18+ image, pinned by a tag other than `latest` or by digest (`node@sha256:...`).
   * @default DEFAULT_SLACK_NOTIFIER_IMAGE
   */
  readonly image?: string;
  /**
   * Non-root user id of the image.
   * @default 1000 (the `node` user of the official images)
   */
  readonly runAsUser?: number;
  /**
   * Requests and limits; fields left out keep their default.
   * @default - cpu 50m/200m, memory 64Mi/128Mi
   */
  readonly resources?: ComputeResources;
}

/** Options of `SlackExitHandler.attachTo()`. */
export interface SlackAttachOptions {
  /**
   * Name of the steps template generated in the workflow to carry the `when` condition.
   * @default 'exit-handler'
   */
  readonly wrapperName?: string;
}

const COLOR = /^(#[0-9A-Fa-f]{6}|good|warning|danger)$/;
const PINNED = /(@sha256:[0-9a-f]{64}|:(?!latest$)[\w][\w.-]{0,127})$/;

/**
 * Posts a message to Slack when a workflow ends with one of the chosen statuses (default: Failed
 * and Error). The message carries the workflow's namespace/name, status, duration, its failed
 * nodes (`{{workflow.failures}}`, turned into text by the notifier, never spliced into JSON) and an
 * optional link to the Argo UI; the colour follows the status. The webhook URL comes from a Secret.
 *
 * Argo has no `when` on templates, so `attachTo()` sets the workflow's `onExit` to a small steps
 * template whose single step calls the notifier with the status condition, the pattern Argo
 * supports. The notifier runs as non-root with a read-only root filesystem, no privilege
 * escalation, all capabilities dropped and resource requests and limits.
 *
 * ```ts
 * const slack = new SlackExitHandler(this, 'slack', { webhook: SlackWebhook.fromSecretName(this, 'hook', 'slack-webhook'), sharedIn: common });
 * slack.attachTo(dailyCron);
 * ```
 */
export class SlackExitHandler extends Construct {
  /** The statuses that send a message. */
  public readonly notifyOn: readonly WorkflowPhase[];
  /** The notifier template of `sharedIn`, if shared. */
  public readonly sharedTemplate?: RestrictedContainerTemplate;
  private readonly inline = new Map<WorkflowSpecBase, RestrictedContainerTemplate>();
  private readonly attached: WorkflowSpecBase[] = [];

  constructor(scope: Construct, id: string, private readonly props: SlackExitHandlerProps) {
    super(scope, constructId(scope, id));
    this.notifyOn = [...new Set(props.notifyOn ?? [WorkflowPhase.FAILED, WorkflowPhase.ERROR])];
    if (props.sharedIn) this.sharedTemplate = this.createTemplate(props.sharedIn);
    addConstructCheck(this, () => this.validateHandler());
  }

  /**
   * The `when` of the notifier step, e.g. `{{workflow.status}} == Failed || {{workflow.status}} == Error`;
   * undefined when every final status notifies.
   */
  public get condition(): Condition<'global'> | undefined {
    const phases = this.notifyOn.filter(p => FINAL_PHASES.includes(p));
    if (phases.length === 0 || FINAL_PHASES.every(p => phases.includes(p))) return undefined;
    return Condition.or(...phases.map(p => WorkflowVariables.status.eq(p)));
  }

  /**
   * The notifier template a workflow calls: the shared one, or one created in `spec` on first use.
   * Call it from your own exit-handler steps with `when: handler.condition`.
   */
  public templateFor(spec: WorkflowSpecBase): RestrictedContainerTemplate {
    if (this.sharedTemplate) return this.sharedTemplate;
    let t = this.inline.get(spec);
    if (!t) {
      t = this.createTemplate(spec);
      this.inline.set(spec, t);
    }
    return t;
  }

  /**
   * Makes the notifier the exit handler of a Workflow, WorkflowTemplate or CronWorkflow.
   * A workflow has one `onExit`: to run other exit work too, build your own steps template
   * calling `templateFor(spec)` with `when: condition`.
   * @returns the template named by `onExit`
   */
  public attachTo(spec: WorkflowSpecBase, options: SlackAttachOptions = {}): ITemplate {
    if (spec.onExit) {
      throw new Error(`${this.node.path}: ${spec.node.path} already has an exit handler (template "${spec.onExit.name}"): a workflow has one onExit. `
        + `Call the notifier from that handler's steps instead: addStep('notify', slack.templateFor(workflow), { when: slack.condition }).`);
    }
    const template = this.templateFor(spec);
    this.attached.push(spec);
    return spec.setOnExit(template, { when: this.condition, wrapperName: options.wrapperName });
  }

  private createTemplate(spec: WorkflowSpecBase): RestrictedContainerTemplate {
    const p = this.props;
    const colors = p.colors ?? {};
    const env: { [name: string]: EnvVarValue } = {
      SLACK_WEBHOOK: p.webhook.envValue,
      WORKFLOW_NAME: WorkflowVariables.name,
      WORKFLOW_NAMESPACE: WorkflowVariables.namespace,
      WORKFLOW_STATUS: WorkflowVariables.status,
      WORKFLOW_DURATION: WorkflowVariables.duration,
      WORKFLOW_FAILURES: WorkflowVariables.failures,
      SLACK_COLOR_SUCCEEDED: colors.succeeded ?? '#2EB67D',
      SLACK_COLOR_FAILED: colors.failed ?? '#E01E5A',
      SLACK_COLOR_ERROR: colors.error ?? '#ECB22E',
    };
    if (p.title !== undefined) env.SLACK_TITLE = p.title;
    if (p.argoUiUrl) env.ARGO_UI_URL = p.argoUiUrl;
    if (p.channel) env.SLACK_CHANNEL = p.channel;
    if (p.username) env.SLACK_USERNAME = p.username;
    const r = p.resources ?? {};
    return new RestrictedContainerTemplate(spec, p.templateName ?? 'slack-notify', {
      image: p.image ?? DEFAULT_SLACK_NOTIFIER_IMAGE,
      command: ['node', '-e', SLACK_NOTIFIER_SCRIPT],
      env,
      runAsUser: p.runAsUser ?? 1000,
      resources: {
        cpu: { request: r.cpu?.request ?? '50m', limit: r.cpu?.limit ?? '200m' },
        memory: { request: r.memory?.request ?? Size.mebibytes(64), limit: r.memory?.limit ?? Size.mebibytes(128) },
        ephemeralStorage: r.ephemeralStorage,
      },
      retryStrategy: { limit: 2, retryPolicy: RetryPolicy.ALWAYS, backoff: { duration: '10s', factor: 2 } },
      activeDeadlineSeconds: 120,
    });
  }

  private validateHandler(): string[] {
    const errors: string[] = [];
    const p = this.props;
    const templates = [...(this.sharedTemplate ? [this.sharedTemplate] : []), ...this.inline.values()];
    const at = (t: RestrictedContainerTemplate, field: string) => `${t.spec.objectLabel}: ${t.fieldPath}${field}`;
    for (const t of templates) {
      const webhook = p.webhook._problem();
      if (webhook) errors.push(`${at(t, '.container.env.SLACK_WEBHOOK')}: ${webhook}`);
      const image = p.image ?? DEFAULT_SLACK_NOTIFIER_IMAGE;
      if (!PINNED.test(image)) {
        errors.push(`${at(t, '.container.image')}: "${image}" is not pinned: without a fixed tag (or with :latest) each node may pull a different notifier. `
          + 'Pin a version tag (node:20.18.0-alpine3.20) or a digest (node@sha256:...).');
      }
    }
    const bad = this.notifyOn.filter(s => !FINAL_PHASES.includes(s));
    if (bad.length || this.notifyOn.length === 0) {
      errors.push(`notifyOn ${this.notifyOn.length ? `includes ${bad.join(', ')}` : 'is empty'}: an exit handler runs once the workflow has finished, when {{workflow.status}} is `
        + `${FINAL_PHASES.join(', ')}, so ${this.notifyOn.length ? 'those never match' : 'nothing would be sent'}. Choose among ${FINAL_PHASES.join(', ')}.`);
    }
    for (const [name, color] of Object.entries(p.colors ?? {})) {
      if (color !== undefined && !COLOR.test(color)) {
        errors.push(`colors.${name} "${color}" is not a Slack attachment colour: Slack ignores it. Use #rrggbb or good, warning, danger.`);
      }
    }
    if (p.argoUiUrl && !/^https?:\/\/[^\s{}]+$/.test(p.argoUiUrl)) {
      errors.push(`argoUiUrl "${p.argoUiUrl}" is not an http(s) URL: Slack would show a broken link. Give the UI's base URL, e.g. https://argo.example.com.`);
    }
    errors.push(...this.checkAttached());
    return errors;
  }

  private checkAttached(): string[] {
    const errors: string[] = [];
    const secretNs = namespaceOf(this.props.webhook.secret);
    for (const spec of this.attached) {
      const runs = spec.runsWorkflowTemplate;
      if (runs) {
        errors.push(`${spec.objectLabel}: runs WorkflowTemplate "${runs.name}" through workflowTemplateRef, so it cannot carry the exit-handler template `
          + '(Argo rejects templates next to workflowTemplateRef, and onExit would name a template of the referenced one). '
          + 'Attach the handler to that WorkflowTemplate instead: its onExit applies to every run of it.');
      }
      // A ClusterWorkflowTemplate has no namespace: its runs take the one they are submitted to.
      const ns = spec instanceof WorkflowTemplateBase ? spec.namespace : spec.apiObject.metadata.namespace;
      if (secretNs && ns && secretNs !== ns) {
        errors.push(`${spec.objectLabel}: the notifier reads Secret "${this.props.webhook.secret.name}" of namespace "${secretNs}", but the workflow runs in "${ns}": `
          + 'a pod reads Secrets of its own namespace only, so the notifier would not start. Create the Secret in the workflow\'s namespace.');
      }
    }
    return errors;
  }
}
