import { ops } from '../trpc.ts';
import { opsStats } from './stats.service.ts';

/** For alerting tools: sync backlog and lag, the e-mail queue, and job failures of the last hour, as JSON. */
export const statsProcedure = ops.allow('operator').query(({ ctx }) => opsStats(ctx));
