import { admin } from '../trpc.ts';
import { launchId, listLaunchesInput } from './launches.schemas.ts';
import { launchDetail, listLaunches } from './launches.service.ts';

export const launchesRouter = admin.router({
  /** Every launch of every agency, filtered, sorted and paged, each with its occupancy against capacity and minimum. */
  list: admin
    .allow('support', 'finance', 'admin')
    .input(listLaunchesInput)
    .query(({ ctx, input }) => listLaunches(ctx, input)),
  /** One launch with its rocket, agency, status history and bookings. */
  detail: admin
    .allow('support', 'finance', 'admin')
    .input(launchId)
    .query(({ ctx, input }) => launchDetail(ctx, input)),
});
