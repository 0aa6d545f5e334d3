import { Cron, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import * as l1 from '../../imports/argo-workflows';
import { addArgoValidation } from '../core/validation';
import { withoutUndefined } from '../core/without-undefined';
import { refuseArgumentMaps } from './call';
import { Condition } from './condition';
import { WorkflowSpecBase } from './workflow-spec';
import { RunArguments, WorkflowSpecProps } from './workflow-spec-props';
import { IWorkflowTemplate } from './workflow-template-ref';
import { checkInteger } from '../core/number-check';

/** What a CronWorkflow does when a run is due while the previous one still runs (rule W36). */
export enum CronConcurrencyPolicy {
  /** Run concurrently (Argo's default). */
  ALLOW = 'Allow',
  /** Skip the new run. */
  FORBID = 'Forbid',
  /** Stop the running one and start the new one. */
  REPLACE = 'Replace',
}

/** A schedule: a cdk8s `Cron` (`Cron.schedule({ minute: '0', hour: '9' })`, `Cron.daily()`...) or cron text (5 fields or `@daily`...). */
export type CronSchedule = Cron | string;

/** Props of a CronWorkflow. */
export interface CronWorkflowProps extends WorkflowSpecProps, RunArguments {
  /** One or more schedules (emitted as `schedules`; checked at synth, rules W33/W34). */
  readonly schedules: CronSchedule[];
  /**
   * IANA time zone of the schedules, e.g. `Asia/Seoul` (checked at synth, rule W35).
   * @default - the controller's time zone
   */
  readonly timezone?: string;
  /**
   * What to do when a run is due while the previous one runs.
   * @default CronConcurrencyPolicy.ALLOW
   */
  readonly concurrencyPolicy?: CronConcurrencyPolicy;
  /**
   * Seconds after a missed schedule during which the run may still start (>= 0).
   * @default - no deadline
   */
  readonly startingDeadlineSeconds?: number;
  /**
   * Do not schedule runs.
   * @default false
   */
  readonly suspend?: boolean;
  /**
   * Finished successful runs kept.
   * @default 3
   */
  readonly successfulJobsHistoryLimit?: number;
  /**
   * Finished failed runs kept.
   * @default 1
   */
  readonly failedJobsHistoryLimit?: number;
  /**
   * Stop scheduling for good when this expr-lang condition holds (read `CronWorkflowVariables`).
   * @default - never
   */
  readonly stopWhen?: Condition<'cron'>;
  /**
   * Skip a scheduled run unless this holds (read `CronWorkflowVariables`), rendered `{{=...}}`.
   * @default - always run
   */
  readonly when?: Condition<'cron'>;
  /**
   * Run this WorkflowTemplate on each schedule (`workflowSpec.workflowTemplateRef`) instead of
   * templates of its own; `arguments` gives values to its parameters (`[param.set(value)]`).
   * @default - its own templates
   */
  readonly workflowTemplate?: IWorkflowTemplate;
}

/**
 * A CronWorkflow: runs on one or more schedules. Templates are added as on a Workflow and live in
 * `spec.workflowSpec`; the exit handler (`setOnExit()`) too.
 */
export class CronWorkflow extends WorkflowSpecBase {
  /** The L1 object. */
  public readonly apiObject: l1.ArgoCronWorkflow;

  constructor(scope: Construct, id: string, private readonly props: CronWorkflowProps) {
    refuseArgumentMaps(`${scope.node.path}/${id}`, props);
    super(scope, id, props);
    checkInteger(this, 'startingDeadlineSeconds', props.startingDeadlineSeconds);
    checkInteger(this, 'successfulJobsHistoryLimit', props.successfulJobsHistoryLimit);
    checkInteger(this, 'failedJobsHistoryLimit', props.failedJobsHistoryLimit);
    this.apiObject = new CronWorkflowObject(this, 'Resource', {
      metadata: props.metadata,
      spec: Lazy.any({ produce: () => withoutUndefined(this.renderSpec()) }),
    });
    addArgoValidation(this, () => ({ apiObject: this.apiObject, fieldPath: '' }));
  }

  /** `spec.workflowSpec.templates`: a CronWorkflow holds its templates in its workflowSpec. */
  public override get templatesPath(): string {
    return 'spec.workflowSpec.templates';
  }

  /** The WorkflowTemplate this CronWorkflow runs (`workflowTemplate` prop), if any. */
  public override get runsWorkflowTemplate(): IWorkflowTemplate | undefined {
    return this.props.workflowTemplate;
  }

  protected defaultEntrypoint() {
    return this.props.workflowTemplate ? undefined : this.templates[0];
  }

  protected check(): string[] {
    const errors = [...super.check(), ...this.checkArgumentValues(this.props.arguments)];
    for (const [field, c] of [['stopStrategy.expression', this.props.stopWhen], ['when', this.props.when]] as const) {
      for (const p of c?._problems('cron') ?? []) errors.push(`${this.objectLabel}: spec.${field}: ${p}`);
    }
    return errors;
  }

  private renderSpec(): l1.CronWorkflowSpec {
    const p = this.props;
    return {
      schedules: p.schedules.map(s => (typeof s === 'string' ? s : s.expressionString)),
      timezone: p.timezone,
      concurrencyPolicy: p.concurrencyPolicy,
      startingDeadlineSeconds: p.startingDeadlineSeconds,
      suspend: p.suspend,
      successfulJobsHistoryLimit: p.successfulJobsHistoryLimit,
      failedJobsHistoryLimit: p.failedJobsHistoryLimit,
      stopStrategy: p.stopWhen ? { expression: p.stopWhen._render('cron') } : undefined,
      when: p.when && `{{=${p.when._render('cron')}}}`,
      workflowSpec: this.renderWorkflowSpec(p.arguments),
    };
  }
}

/** The L1 object of a CronWorkflow: its manifest with the overrides of the constructs applied (`addOverride`). */
class CronWorkflowObject extends l1.ArgoCronWorkflow {
  constructor(private readonly host: CronWorkflow, id: string, props: l1.ArgoCronWorkflowProps) {
    super(host, id, props);
  }

  protected override render(): { readonly spec?: unknown } {
    const manifest = super.render();
    this.host._applyOverrides(manifest);
    return manifest;
  }
}
