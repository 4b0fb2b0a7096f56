import { Agency } from '@astro/db/operational';
import type { AgencyContext } from '../context.ts';
import type { ProfileInput } from './agency.schemas.ts';

const profileOf = (agency: Agency) => ({
  id: agency.id,
  displayName: agency.displayName,
  contactEmail: agency.contactEmail,
  description: agency.description,
  status: agency.status,
  legal: { legalName: agency.legalName, taxId: agency.taxId, legalAddress: agency.legalAddress },
});

export async function agencyProfile(ctx: AgencyContext) {
  return profileOf(await ctx.operationalDb.findOneOrFail(Agency, ctx.agencyId));
}

export async function updateAgencyProfile(ctx: AgencyContext, input: ProfileInput) {
  const agency = await ctx.operationalDb.findOneOrFail(Agency, ctx.agencyId);
  agency.contactEmail = input.contactEmail.toLowerCase();
  agency.description = input.description;
  await ctx.operationalDb.flush();
  ctx.log.info('Agency profile changed', { agencyId: agency.id, by: ctx.viewer!.userId });
  return profileOf(agency);
}
