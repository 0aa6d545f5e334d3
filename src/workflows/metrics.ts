import * as l1 from '../../imports/argo-workflows';
import { ArgoText, ArgoVariable, renderText } from './argo-variable';
import { Condition } from './condition';

function metric(path: string): ArgoVariable<'metric'> {
  return new ArgoVariable<'metric'>(path.split('.'), { scope: 'metric' });
}

/**
 * Variables of the node a template-level metric is emitted for (Argo binds them while it emits
 * the metric): use them in a metric's value, labels and `when`. Workflow-level metrics read
 * `WorkflowVariables` (`{{workflow.duration}}`, `{{workflow.status}}`).
 */
export const MetricVariables = {
  /** `{{status}}`: the node phase. */
  status: metric('status'),
  /** `{{duration}}`: seconds the node has run. */
  duration: new ArgoVariable<'metric'>(['duration'], { scope: 'metric', valueType: 'float' }),
  /** `{{exitCode}}`: the main container's exit code. */
  exitCode: metric('exitCode'),
  /** `{{outputs.result}}`: the node's stdout. */
  result: metric('outputs.result'),
  /** `{{resourcesDuration.<resource>}}`: resource-seconds used, e.g. `cpu`, `memory`. */
  resourcesDuration(resource: string): ArgoVariable<'metric'> {
    return new ArgoVariable<'metric'>(['resourcesDuration', resource], { scope: 'metric' });
  },
  /** `{{outputs.parameters.<name>}}`: an output parameter of the node, by its name. */
  outputParameter(parameter: { readonly name: string }): ArgoVariable<'metric'> {
    return new ArgoVariable<'metric'>(['outputs', 'parameters', parameter.name], { scope: 'metric' });
  },
} as const;

/** Options every metric kind takes. */
export interface WorkflowMetricOptions {
  /** Help text shown by Prometheus. */
  readonly help: string;
  /**
   * Labels (values may hold variables, e.g. `MetricVariables.status`).
   * @default - none
   */
  readonly labels?: { [key: string]: ArgoText };
  /**
   * Emit only when this holds (govaluate over the metric variables), e.g. `MetricVariables.status.eq(NodePhase.SUCCEEDED)`.
   * @default - always
   */
  readonly when?: Condition<'metric' | 'global' | 'inputs'>;
}

/** Options of a gauge. */
export interface GaugeOptions extends WorkflowMetricOptions {
  /** The value: a number, or a variable such as `MetricVariables.duration`. */
  readonly value: ArgoText | number;
  /**
   * Update the gauge while the node runs (`realtime: true`), not only when it completes.
   * @default false
   */
  readonly realtime?: boolean;
  /**
   * `Set` the gauge to the value, or `Add`/`Sub` it.
   * @default 'Set'
   */
  readonly operation?: 'Set' | 'Add' | 'Sub';
}

/** Options of a counter. */
export interface CounterOptions extends WorkflowMetricOptions {
  /**
   * How much to add each time.
   * @default 1
   */
  readonly value?: ArgoText | number;
}

/** Options of a histogram. */
export interface HistogramOptions extends WorkflowMetricOptions {
  /** The observed value. */
  readonly value: ArgoText | number;
  /** Upper bounds of the buckets, ascending. */
  readonly buckets: number[];
}

/**
 * A custom Prometheus metric a workflow or a template emits (`metrics.prometheus[]`). Names are
 * checked by rule W40 (`^[a-zA-Z_][a-zA-Z0-9_]*$`, one kind each).
 */
export class WorkflowMetric {
  /** A gauge: the latest value. */
  public static gauge(name: string, options: GaugeOptions): WorkflowMetric {
    return new WorkflowMetric(name, options, { gauge: { value: String(renderValue(options.value)), realtime: options.realtime ?? false, operation: options.operation } });
  }

  /** A counter: incremented each time the metric is emitted. */
  public static counter(name: string, options: CounterOptions): WorkflowMetric {
    return new WorkflowMetric(name, options, { counter: { value: String(renderValue(options.value ?? 1)) } });
  }

  /** A histogram of observed values. */
  public static histogram(name: string, options: HistogramOptions): WorkflowMetric {
    return new WorkflowMetric(name, options, { histogram: { value: String(renderValue(options.value)), buckets: options.buckets } });
  }

  private constructor(
    /** The metric name. */
    public readonly name: string,
    private readonly options: WorkflowMetricOptions,
    private readonly kind: Pick<l1.Prometheus, 'gauge' | 'counter' | 'histogram'>) {}

  /** @internal */
  public _render(): l1.Prometheus {
    const labels = Object.entries(this.options.labels ?? {}).map(([key, value]) => ({ key, value: renderText(value) }));
    return { name: this.name, help: this.options.help, labels: labels.length ? labels : undefined, when: this.options.when?._render('metric'), ...this.kind };
  }

  /** @internal Why this metric cannot be emitted as written (a `when` reading variables Argo does not bind). */
  public _problems(): string[] {
    return this.options.when?._problems('metric') ?? [];
  }

  /** @internal Values that may hold typed variables. */
  public get _values(): unknown[] {
    return [this.options.labels, this.options.when];
  }
}

function renderValue(value: ArgoText | number): string {
  return typeof value === 'number' ? String(value) : renderText(value);
}

/** @internal Throws, with the fix, on metrics that are not WorkflowMetric objects (untyped callers). */
export function expectMetrics(metrics: readonly unknown[] | undefined, where: string): void {
  metrics?.forEach((m, i) => {
    if (!(m instanceof WorkflowMetric)) {
      throw new Error(`${where}: metrics[${i}] is not a metric (got ${JSON.stringify(m)}): make it with WorkflowMetric.gauge(), .counter() or .histogram().`);
    }
  });
}

/** @internal */
export function renderMetrics(metrics: readonly WorkflowMetric[] | undefined): l1.Metrics | undefined {
  return metrics?.length ? { prometheus: metrics.map(m => m._render()) } : undefined;
}
