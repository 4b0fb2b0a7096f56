import { agencyProcedure, supplier } from '../trpc.ts';
import { changeStatusInput, launchFields, launchId, listLaunchesInput, updateLaunchInput } from './launches.schemas.ts';
import {
  changeStatus,
  editLaunch,
  getAgencyLaunch,
  launchManifest,
  launchManifestCsv,
  listAgencyLaunches,
  scheduleLaunch,
} from './launches.service.ts';

export const launchesRouter = supplier.router({
  list: agencyProcedure.input(listLaunchesInput).query(({ ctx, input }) => listAgencyLaunches(ctx, input)),
  get: agencyProcedure.input(launchId).query(({ ctx, input }) => getAgencyLaunch(ctx, input)),
  manifest: agencyProcedure.input(launchId).query(({ ctx, input }) => launchManifest(ctx, input)),
  /** The manifest as a CSV file's name and text, for the portal's download button. */
  manifestCsv: agencyProcedure.input(launchId).query(({ ctx, input }) => launchManifestCsv(ctx, input)),
  schedule: agencyProcedure.input(launchFields).mutation(({ ctx, input }) => scheduleLaunch(ctx, input)),
  edit: agencyProcedure.input(updateLaunchInput).mutation(({ ctx, input }) => editLaunch(ctx, input)),
  changeStatus: agencyProcedure.input(changeStatusInput).mutation(({ ctx, input }) => changeStatus(ctx, input)),
});
