import { signedInAs } from '../access.ts';
import { ops } from './trpc.ts';
import { jobsRouter } from './jobs/jobs.router.ts';
import { emailRouter } from './email/email.router.ts';
import { instancesRouter } from './instances/instances.router.ts';
import { statsProcedure } from './stats/stats.router.ts';
import { statusRouter } from './status/status.router.ts';
import { syncRouter } from './sync/sync.router.ts';
import { logsRouter } from './logs/logs.router.ts';

export const opsRouter = ops.router({
  /** Who is signed in to this app, or null. */
  me: ops.public.query(({ ctx }) => signedInAs(ctx.viewer)),
  status: statusRouter,
  sync: syncRouter,
  email: emailRouter,
  stats: statsProcedure,
  instances: instancesRouter,
  jobs: jobsRouter,
  logs: logsRouter,
});
export type OpsRouter = typeof opsRouter;
