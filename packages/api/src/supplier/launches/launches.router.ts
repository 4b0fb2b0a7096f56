import { agencyProcedure, supplier } from '../trpc.ts';
import { changeStatus, editLaunch, scheduleLaunch } from './launches.commands.ts';
import { toCsv } from '../../csv.ts';
import { getAgencyLaunch, launchManifest, listAgencyLaunches } from './launches.queries.ts';
import { changeStatusInput, launchFields, launchId, listLaunchesInput, updateLaunchInput } from './launches.schemas.ts';

export const launchesRouter = supplier.router({
  list: agencyProcedure.input(listLaunchesInput).query(({ ctx, input }) => listAgencyLaunches(ctx, input)),
  get: agencyProcedure.input(launchId).query(({ ctx, input }) => getAgencyLaunch(ctx, input.launchId)),
  manifest: agencyProcedure.input(launchId).query(({ ctx, input }) => launchManifest(ctx, input.launchId)),
  /** The manifest as a CSV file's name and text, for the portal's download button. */
  manifestCsv: agencyProcedure.input(launchId).query(async ({ ctx, input }) => {
    const { launch, passengers } = await launchManifest(ctx, input.launchId);
    return {
      filename: `manifest-${launch.missionName.replace(/[^\w-]+/g, '-').toLowerCase()}-${launch.launchDate.slice(0, 10)}.csv`,
      csv: toCsv(
        ['Passenger', 'Birth date', 'Booking', 'Booked by', 'Contact e-mail'],
        passengers.map((p) => [p.name, p.birthDate, p.bookingId, p.bookedBy, p.contactEmail]),
      ),
    };
  }),
  schedule: agencyProcedure.input(launchFields).mutation(({ ctx, input }) => scheduleLaunch(ctx, input)),
  edit: agencyProcedure
    .input(updateLaunchInput)
    .mutation(({ ctx, input: { launchId, ...fields } }) => editLaunch(ctx, launchId, fields)),
  changeStatus: agencyProcedure
    .input(changeStatusInput)
    .mutation(({ ctx, input: { launchId, ...change } }) => changeStatus(ctx, launchId, change)),
});
