/** The agency's profile: suppliers keep their contact details and description; legal data is the employees'. */
import { z } from 'zod';
import { Agency } from '@astro/db/operational';
import { text } from '../../text.ts';
import { agencyProcedure, supplier } from '../trpc.ts';

const profileInput = z.object({
  contactEmail: z.email('Enter an e-mail address like bookings@agency.example.').max(254),
  description: text({
    max: 2000,
    tooLong: 'Use at most 2,000 characters for the description.',
    multiline: true,
  }).trim(),
});

const profileOf = (agency: Agency) => ({
  id: agency.id,
  displayName: agency.displayName,
  contactEmail: agency.contactEmail,
  description: agency.description,
  status: agency.status,
  legal: { legalName: agency.legalName, taxId: agency.taxId, legalAddress: agency.legalAddress },
});

export const agencyRouter = supplier.router({
  get: agencyProcedure.query(async ({ ctx }) => profileOf(await ctx.operationalDb.findOneOrFail(Agency, ctx.agencyId))),
  update: agencyProcedure.input(profileInput).mutation(async ({ ctx, input }) => {
    const agency = await ctx.operationalDb.findOneOrFail(Agency, ctx.agencyId);
    agency.contactEmail = input.contactEmail.toLowerCase();
    agency.description = input.description;
    await ctx.operationalDb.flush();
    ctx.log.info('Agency profile changed', { agencyId: agency.id, by: ctx.viewer!.userId });
    return profileOf(agency);
  }),
});
