import { ops } from '../trpc.ts';
import { listInstances } from './instances.service.ts';

export const instancesRouter = ops.router({
  /** The host and scheduler processes by their heartbeats: what runs where, which version, holding which jobs. */
  list: ops.allow('operator').query(({ ctx }) => listInstances(ctx)),
});
