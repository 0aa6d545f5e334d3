import * as l1 from '../../imports/argo-workflows';
import { IConfigMapRef } from '../core/object-refs';
import { expectKind } from '../core/ref-inspection';

/** A mutex a workflow or template holds while it runs (`synchronization.mutexes`). */
export class WorkflowMutex {
  /**
   * A mutex by name, shared by every holder using that name.
   * @param namespace namespace of the mutex (default: the workflow's)
   */
  public static named(name: string, namespace?: string): WorkflowMutex {
    return new WorkflowMutex({ name, namespace });
  }

  /** A mutex stored in the controller's database (shared across clusters). */
  public static database(name: string): WorkflowMutex {
    return new WorkflowMutex({ name, database: true });
  }

  private constructor(
    /** @internal */ public readonly _mutex: l1.Mutex,
  ) {}
}

/** A semaphore a workflow or template acquires while it runs (`synchronization.semaphores`). */
export class WorkflowSemaphore {
  /** The limit is the value of a ConfigMap key. */
  public static fromConfigMap(configMap: IConfigMapRef, key: string): WorkflowSemaphore {
    expectKind(configMap, 'ConfigMap', 'WorkflowSemaphore.fromConfigMap()');
    return new WorkflowSemaphore({ configMapKeyRef: { name: configMap.name, key } });
  }

  /** A semaphore stored in the controller's database. */
  public static database(key: string): WorkflowSemaphore {
    return new WorkflowSemaphore({ database: { key } });
  }

  private constructor(
    /** @internal */ public readonly _semaphore: l1.SemaphoreRef,
  ) {}
}

/** Locks held while running; emitted with the plural fields valid in Argo 3.6+ and 4.x. */
export interface SynchronizationProps {
  /**
   * Mutexes to hold.
   * @default - none
   */
  readonly mutexes?: WorkflowMutex[];
  /**
   * Semaphores to acquire.
   * @default - none
   */
  readonly semaphores?: WorkflowSemaphore[];
}

/** @internal */
export function renderSynchronization(s: SynchronizationProps | undefined): l1.Synchronization | undefined {
  if (!s || (!s.mutexes?.length && !s.semaphores?.length)) return undefined;
  return { mutexes: s.mutexes?.map(m => m._mutex), semaphores: s.semaphores?.map(m => m._semaphore) };
}
