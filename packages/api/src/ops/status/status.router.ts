import { ops } from '../trpc.ts';
import { systemStatus } from './status.service.ts';

export const statusRouter = ops.router({
  get: ops.allow('operator').query(({ ctx }) => systemStatus(ctx)),
});
