import { IWorkflowTemplate } from '../workflows/workflow-template-ref';
import { SensorLike, SensorSimulation, TriggerLike } from './sensor-simulation';

/** What `toSubmit` checks on the submitted workflow. */
export interface SubmitExpectation {
  /**
   * Workflow arguments that must have these values (others may be present).
   * @default - any
   */
  readonly parameters?: { readonly [name: string]: string };
}

/** The part of jest's matcher context used here (no runtime dependency on jest). */
export interface MatcherContext {
  /** True under `expect(...).not`. */
  readonly isNot?: boolean;
}

/** A matcher's answer, as jest expects it. */
export interface MatcherResult {
  /** True when the expectation holds. */
  readonly pass: boolean;
  /** What jest prints when it does not. */
  message(): string;
}

const nameOf = (x: SensorLike | TriggerLike) => (typeof x === 'string' ? x : x.name);

function check(received: unknown, matcher: string): SensorSimulation {
  if (!(received instanceof SensorSimulation)) throw new Error(`${matcher}: expected the result of simulate(), got ${typeof received}`);
  return received;
}

function firedList(s: SensorSimulation): string {
  return s.fired.length ? s.fired.map(f => `${f.sensor}/${f.trigger}`).join(', ') : 'nothing';
}

/**
 * Jest matchers over `simulate()` results: `expect.extend(argoMatchers)` (or import
 * `cdk8s-argo/jest`, which also types them).
 */
export const argoMatchers = {
  /** The simulation submits a Workflow from `template` (workflowTemplateRef), with these parameter values. */
  toSubmit(this: MatcherContext, received: unknown, template: IWorkflowTemplate, expected: SubmitExpectation = {}): MatcherResult {
    const s = check(received, 'toSubmit');
    const workflows = s.submitted(template);
    const wanted = expected.parameters ?? {};
    const matching = workflows.filter(w => {
      const actual = SensorSimulation.parametersOf(w);
      return Object.entries(wanted).every(([k, v]) => actual[k] === v);
    });
    const describeWanted = Object.keys(wanted).length ? ` with ${Object.entries(wanted).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}` : '';
    const seen = workflows.map(w => JSON.stringify(SensorSimulation.parametersOf(w))).join(', ');
    return {
      pass: matching.length > 0,
      message: () => (this.isNot
        ? `expected no Workflow from template "${template.name}"${describeWanted}, but the simulation submits ${matching.length}\n\n${s.explain()}`
        : `expected a Workflow from template "${template.name}"${describeWanted}; ${workflows.length ? `submitted from it: ${seen}` : `fired: ${firedList(s)}`}\n\n${s.explain()}`),
    };
  },

  /** The sensor (optionally: that trigger of it) fires. */
  toFire(this: MatcherContext, received: unknown, sensor: SensorLike, trigger?: TriggerLike): MatcherResult {
    const s = check(received, 'toFire');
    const what = `sensor "${nameOf(sensor)}"${trigger ? ` trigger "${nameOf(trigger)}"` : ''}`;
    return {
      pass: s.didFire(sensor, trigger),
      message: () => `expected ${what} ${this.isNot ? 'not ' : ''}to fire; fired: ${firedList(s)}\n\n${s.explain()}`,
    };
  },

  /** Exactly these sensors fire, no other. */
  toFireOnly(this: MatcherContext, received: unknown, ...sensors: SensorLike[]): MatcherResult {
    const s = check(received, 'toFireOnly');
    const want = [...new Set(sensors.map(nameOf))].sort();
    const got = [...s.firedSensors].sort();
    return {
      pass: JSON.stringify(want) === JSON.stringify(got),
      message: () => `expected ${this.isNot ? 'not ' : ''}exactly ${want.map(n => `"${n}"`).join(', ')} to fire; fired: ${firedList(s)}\n\n${s.explain()}`,
    };
  },
};
