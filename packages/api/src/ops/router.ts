import { ops } from './trpc.ts';
import { statusRouter } from './status/status.router.ts';

export const opsRouter = ops.router({
  status: statusRouter,
});
export type OpsRouter = typeof opsRouter;
