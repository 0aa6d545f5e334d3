import { EmailTrigger, SlackTrigger } from '../../imports/argo-events';
import { SecretKeyRef } from '../core/object-refs';
import { expectSecretKey } from '../core/ref-inspection';
import { secretSelector } from './source-options';
import { EventValues, TemplateAction, TriggerValue } from './template-action';
import { renderMappings, TriggerParameterMapping } from './trigger-parameters';

/** Options of a Slack trigger. */
export interface SlackTriggerOptions {
  /** Secret key holding the Slack bot token. */
  readonly token: SecretKeyRef;
  /** Channel to post to, fixed or from the event. */
  readonly channel: TriggerValue;
  /** Message to post, fixed or from the event. */
  readonly message: TriggerValue;
  /**
   * Block Kit blocks, as JSON text.
   * @default - none
   */
  readonly blocks?: string;
  /**
   * Attachments, as JSON text.
   * @default - none
   */
  readonly attachments?: string;
  /**
   * Post into a thread: messages with the same aggregation key go to one thread.
   * @default - a new message each time
   */
  readonly thread?: {
    /** Key grouping the messages of one thread. */
    readonly messageAggregationKey: string;
    /** Also post the thread's messages to the channel. */
    readonly broadcastMessageToChannel?: boolean;
  };
  /**
   * Name and icon shown as the sender.
   * @default - the bot's
   */
  readonly sender?: {
    /** Name shown as the sender. */
    readonly username?: string;
    /** Icon shown for the sender (an emoji code or a URL). */
    readonly icon?: string;
  };
  /**
   * Event fields written into the trigger's own fields.
   * @default - none
   */
  readonly parameters?: TriggerParameterMapping[];
}

/** @internal */
export function slackAction(o: SlackTriggerOptions): TemplateAction {
  expectSecretKey(o.token, 'TriggerAction.slack(): token');
  const values = new EventValues();
  const channel = values.fixed(o.channel, 'slack.channel');
  const message = values.fixed(o.message, 'slack.message');
  return new TemplateAction({
    fields: [...values.fields, ...(o.parameters ?? []).map(p => p.from)],
    render: (resolve): { slack: SlackTrigger } => ({
      slack: {
        slackToken: secretSelector(o.token, 'TriggerAction.slack(): token'),
        channel,
        message,
        blocks: o.blocks,
        attachments: o.attachments,
        thread: o.thread,
        sender: o.sender,
        parameters: renderMappings(o.parameters, resolve),
      },
    }),
    triggerParameters: resolve => values.parameters(resolve),
    secrets: [o.token],
  });
}

/** Options of an email trigger. */
export interface EmailTriggerOptions {
  /** SMTP host. */
  readonly host: string;
  /**
   * SMTP port.
   * @default - 0 (Argo Events' default: the SMTP library's)
   */
  readonly port?: number;
  /**
   * SMTP user.
   * @default - none
   */
  readonly username?: string;
  /**
   * Secret key holding the SMTP password.
   * @default - none
   */
  readonly smtpPassword?: SecretKeyRef;
  /** Sender address. */
  readonly from: string;
  /** Recipients, fixed or from the event (event values are added when the trigger fires). */
  readonly to: TriggerValue[];
  /** Subject, fixed or from the event. */
  readonly subject: TriggerValue;
  /** Body, fixed or from the event (e.g. `dependency.dataTemplate('Hi {{.Input.body.name}}')`). */
  readonly body: TriggerValue;
  /**
   * Event fields written into the trigger's own fields.
   * @default - none
   */
  readonly parameters?: TriggerParameterMapping[];
}

/** @internal */
export function emailAction(o: EmailTriggerOptions): TemplateAction {
  expectSecretKey(o.smtpPassword, 'TriggerAction.email(): smtpPassword');
  const values = new EventValues();
  const to = values.fixedList(o.to, 'email.to');
  const subject = values.fixed(o.subject, 'email.subject');
  const body = values.fixed(o.body, 'email.body');
  return new TemplateAction({
    fields: [...values.fields, ...(o.parameters ?? []).map(p => p.from)],
    render: (resolve): { email: EmailTrigger } => ({
      email: {
        host: o.host,
        port: o.port,
        username: o.username,
        smtpPassword: secretSelector(o.smtpPassword, 'TriggerAction.email(): smtpPassword'),
        from: o.from,
        to,
        subject,
        body,
        parameters: renderMappings(o.parameters, resolve),
      },
    }),
    triggerParameters: resolve => values.parameters(resolve),
    secrets: [o.smtpPassword],
  });
}
