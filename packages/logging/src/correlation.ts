/** Carries the request and correlation ids through every await, so any log line can name them. */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface CorrelationIds {
  correlationId: string;
  requestId: string | null;
}

const storage = new AsyncLocalStorage<CorrelationIds>();

export function withCorrelation<T>(ids: CorrelationIds, fn: () => T): T {
  return storage.run(ids, fn);
}

export function currentCorrelation(): CorrelationIds | undefined {
  return storage.getStore();
}
