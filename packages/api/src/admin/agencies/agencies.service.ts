import { Agency } from '@astro/db/operational';
import { bookableStatuses } from '@astro/domain';
import type { AdminContext } from '../context.ts';

export interface AgencySummary {
  id: string;
  displayName: string;
  legalName: string;
  contactEmail: string;
  status: 'active' | 'suspended';
  rockets: number;
  upcomingLaunches: number;
  /** ISO 8601. */
  onboardedAt: string;
}

/** Per-agency totals in one grouped query rather than a query per agency. */
async function countByAgency(ctx: AdminContext, sql: string, params: unknown[] = []): Promise<Map<string, number>> {
  const rows = await ctx.operationalDb.getConnection().execute<{ agency_id: string; total: string }[]>(sql, params);
  return new Map(rows.map((row) => [row.agency_id, Number(row.total)]));
}

export async function listAgencies(ctx: AdminContext): Promise<AgencySummary[]> {
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
  return agencies.map((agency) => ({
    id: agency.id,
    displayName: agency.displayName,
    legalName: agency.legalName,
    contactEmail: agency.contactEmail,
    status: agency.status,
    rockets: rockets.get(agency.id) ?? 0,
    upcomingLaunches: upcoming.get(agency.id) ?? 0,
    onboardedAt: agency.createdAt.toISOString(),
  }));
}
