// The matchers come from the package entry, so that the ./jest bundle shares the main bundle's
// classes (scripts/bundle.js): a simulation of the main entry is what the matchers check.
import { argoMatchers } from '../index';
import { IWorkflowTemplate } from '../workflows/workflow-template-ref';
import type { SubmitExpectation } from './matchers';
import type { SensorLike, TriggerLike } from './sensor-simulation';

/*
 * Registers the cdk8s-argo matchers with jest and types them: import this module once, from a
 * test file or a setupFilesAfterEnv file. It uses jest's global `expect` and does not make
 * jest a dependency of the library.
 */
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    /** The matchers cdk8s-argo adds to jest's expect (argoMatchers). */
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    interface Matchers<R, T = {}> {
      /** The simulation submits a Workflow from `template`, with these parameter values. */
      toSubmit(template: IWorkflowTemplate, expected?: SubmitExpectation): R;
      /** The sensor (optionally: that trigger of it) fires. */
      toFire(sensor: SensorLike, trigger?: TriggerLike): R;
      /** Exactly these sensors fire. */
      toFireOnly(...sensors: SensorLike[]): R;
    }
  }
}

const host = globalThis as { expect?: { extend?(matchers: object): void } };
if (typeof host.expect?.extend !== 'function') {
  throw new Error('cdk8s-argo jest matchers: no global expect.extend; import this module from a jest test or a setupFilesAfterEnv file');
}
host.expect.extend(argoMatchers);
