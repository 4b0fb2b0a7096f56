import { Agency, changedFields, recordAudit } from '@astro/db/operational';
import { auditActorOf } from '../../access.ts';
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

const editableOf = (agency: Agency) => ({ contactEmail: agency.contactEmail, description: agency.description });

export async function updateAgencyProfile(ctx: AgencyContext, input: ProfileInput) {
  return ctx.operationalDb.transactional(async (em) => {
    const agency = await em.findOneOrFail(Agency, ctx.agencyId);
    const before = editableOf(agency);
    agency.contactEmail = input.contactEmail.toLowerCase();
    agency.description = input.description;
    recordAudit(
      em,
      {
        actor: auditActorOf(ctx.viewer!),
        action: 'agency.updateProfile',
        target: { type: 'agency', id: agency.id },
        ...changedFields(before, editableOf(agency)),
      },
      ctx.now(),
    );
    ctx.log.info('Agency profile changed', { agencyId: agency.id, by: ctx.viewer!.userId });
    return profileOf(agency);
  });
}
