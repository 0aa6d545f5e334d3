import { Chart } from 'cdk8s';
import { Difference } from './compare';

/** One upstream example document rebuilt with the typed API. */
export interface UpstreamCase {
  /** The example file, under the examples folder. */
  readonly file: string;
  /** Kind of the document compared (the file's only document of that kind). */
  readonly kind: 'EventSource' | 'Sensor' | 'EventBus';
  /** Builds it in a chart. */
  readonly build: (chart: Chart) => void;
  /**
   * What differs on purpose, with the reason.
   * @default - nothing
   */
  readonly differences?: readonly Difference[];
  /**
   * Ports the library's Service exposes, when they differ from the example's `spec.service` (the reason in a comment).
   * @default - the example's service ports
   */
  readonly servicePorts?: readonly number[];
}

/** An example the typed API does not rebuild, and why. */
export interface NotRebuilt {
  readonly file: string;
  readonly reason: string;
}
