import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Agency, changedFields, recordAudit } from '@astro/db/operational';
import { bookableStatuses } from '@astro/domain';
import { auditActorOf } from '../../access.ts';
import { fieldProblems, TRPCError } from '../../trpc.ts';
import type { AdminContext } from '../context.ts';
import type { AgencySummary, LegalInput } from './agencies.schemas.ts';

/** Per-agency totals in one grouped query rather than a query per agency. */
async function countByAgency(ctx: AdminContext, sql: string, params: unknown[] = []): Promise<Map<string, number>> {
  const rows = await ctx.operationalDb.getConnection().execute<{ agency_id: string; total: string }[]>(sql, params);
  return new Map(rows.map((row) => [row.agency_id, Number(row.total)]));
}

export async function listAgencies(ctx: AdminContext): Promise<{ agencies: AgencySummary[] }> {
  const db = ctx.operationalDb;
  const [agencies, rockets, upcoming] = await Promise.all([
    db.find(Agency, {}, { orderBy: { displayName: 'asc' } }),
    countByAgency(ctx, 'select agency_id, count(*) as total from rocket where active group by agency_id'),
    countByAgency(
      ctx,
      `select agency_id, count(*) as total from launch
       where launch_date > ? and status in (?) group by agency_id`,
      [ctx.now(), bookableStatuses],
    ),
  ]);
  return {
    agencies: agencies.map((agency) => ({
      id: agency.id,
      displayName: agency.displayName,
      legalName: agency.legalName,
      contactEmail: agency.contactEmail,
      status: agency.status,
      rockets: rockets.get(agency.id) ?? 0,
      upcomingLaunches: upcoming.get(agency.id) ?? 0,
      onboardedAt: agency.createdAt.toISOString(),
    })),
  };
}

const legalOf = (agency: Agency) => ({
  legalName: agency.legalName,
  taxId: agency.taxId,
  legalAddress: agency.legalAddress,
});

export async function updateAgencyLegal(ctx: AdminContext, { agencyId, ...legal }: LegalInput) {
  await ctx.operationalDb
    .transactional(async (em) => {
      const agency = await em.findOne(Agency, agencyId);
      if (!agency) throw new TRPCError({ code: 'NOT_FOUND', message: 'That agency does not exist.' });
      const before = legalOf(agency);
      Object.assign(agency, legal);
      recordAudit(
        em,
        {
          actor: auditActorOf(ctx.viewer!),
          action: 'agency.updateLegal',
          target: { type: 'agency', id: agency.id },
          ...changedFields(before, legalOf(agency)),
        },
        ctx.now(),
      );
    })
    .catch((error: unknown) => {
      if (error instanceof UniqueConstraintViolationException)
        fieldProblems({ taxId: 'Another agency already has this tax id.' });
      throw error;
    });
  ctx.log.info('Agency legal data changed', { agencyId, by: ctx.viewer!.userId });
  return { id: agencyId, ...legal };
}
