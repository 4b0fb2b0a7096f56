import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  Agency,
  announceLaunchChange,
  AuditEntry,
  auditValues,
  changedFields,
  Launch,
  recordAudit,
} from '@astro/db/operational';
import { User } from '@astro/db/system';
import { bookableStatuses } from '@astro/domain';
import { auditActorOf } from '../../access.ts';
import { auditHistoryOf } from '../audit/audit.service.ts';
import { fieldProblems, TRPCError } from '../../trpc.ts';
import type { AdminContext } from '../context.ts';
import type {
  AgencyDetail,
  AgencyIdInput,
  AgencyStatus,
  AgencySummary,
  LegalInput,
  OnboardInput,
  StatusChangeInput,
} from './agencies.schemas.ts';

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

const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'That agency does not exist.' });

/** Tax ids are unique: the database's index decides, so two agencies sent at once cannot both have one. */
function sameTaxId(error: unknown): never {
  if (error instanceof UniqueConstraintViolationException)
    fieldProblems({ taxId: 'Another agency already has this tax id.' });
  throw error;
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
      if (!agency) throw notFound();
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
    .catch(sameTaxId);
  ctx.log.info('Agency legal data changed', { agencyId, by: ctx.viewer!.userId });
  return { id: agencyId, ...legal };
}

/** A new agency, active from the start; its supplier users are invited from its page once it exists. */
export async function onboardAgency(ctx: AdminContext, input: OnboardInput) {
  const agency = await ctx.operationalDb
    .transactional(async (em) => {
      const created = em.create(Agency, { ...input, contactEmail: input.contactEmail.toLowerCase(), status: 'active' });
      recordAudit(
        em,
        {
          actor: auditActorOf(ctx.viewer!),
          action: 'agency.onboard',
          target: { type: 'agency', id: created.id },
          before: null,
          after: auditValues({ ...input, contactEmail: created.contactEmail, status: created.status }),
        },
        ctx.now(),
      );
      await em.flush();
      return created;
    })
    .catch(sameTaxId);
  ctx.log.info('Agency onboarded', { agencyId: agency.id, by: ctx.viewer!.userId });
  return { id: agency.id, displayName: agency.displayName };
}

const statusActions = ['agency.suspend', 'agency.reactivate'];

export async function agencyDetail(ctx: AdminContext, { agencyId }: AgencyIdInput): Promise<AgencyDetail> {
  const db = ctx.operationalDb;
  const agency = await db.findOne(Agency, agencyId);
  if (!agency) throw notFound();
  const count = async (sql: string, params: unknown[]) =>
    Number((await db.getConnection().execute<{ total: string }[]>(sql, params))[0]?.total ?? 0);
  const [history, suppliers, rockets, launches, upcomingLaunches, confirmedBookings] = await Promise.all([
    // The trail is the history: each suspension and reactivation is recorded there with its reason, in its transaction.
    db.find(
      AuditEntry,
      { targetType: 'agency', targetId: agency.id, action: { $in: statusActions } },
      { orderBy: { at: 'asc', id: 'asc' } },
    ),
    ctx.systemDb.find(User, { agencyId: agency.id }, { orderBy: { name: 'asc' } }),
    count('select count(*) as total from rocket where agency_id = ? and active', [agency.id]),
    count('select count(*) as total from launch where agency_id = ?', [agency.id]),
    count('select count(*) as total from launch where agency_id = ? and launch_date > ? and status in (?)', [
      agency.id,
      ctx.now(),
      bookableStatuses,
    ]),
    count(
      `select count(*) as total from booking_copy b join launch l on l.id = b.launch_id
       where l.agency_id = ? and b.status = 'confirmed'`,
      [agency.id],
    ),
  ]);
  return {
    id: agency.id,
    displayName: agency.displayName,
    legalName: agency.legalName,
    taxId: agency.taxId,
    legalAddress: agency.legalAddress,
    contactEmail: agency.contactEmail,
    description: agency.description,
    status: agency.status,
    onboardedAt: agency.createdAt.toISOString(),
    statusHistory: history.map((entry) => ({
      status: entry.action === 'agency.suspend' ? 'suspended' : 'active',
      reason: entry.reason ?? null,
      by: entry.actorEmail,
      at: entry.at.toISOString(),
    })),
    suppliers: suppliers
      .filter((user) => user.roles.includes('supplier'))
      .map((user) => ({ id: user.id, name: user.name, email: user.email, invited: user.passwordHash === null })),
    counts: { rockets, launches, upcomingLaunches, confirmedBookings },
    auditHistory: auditHistoryOf(ctx, 'agency'),
  };
}

export const suspendAgency = (ctx: AdminContext, input: StatusChangeInput) => changeStatus(ctx, input, 'suspended');
export const reactivateAgency = (ctx: AdminContext, input: StatusChangeInput) => changeStatus(ctx, input, 'active');

/**
 * Suspends or reactivates an agency (SPEC.md §8). The agency's row is locked, so of any number of the same request at
 * once one changes it and the others find it changed (and answer as it is now). Each of its launches still on sale
 * gets a new version announced to the catalogue in the same transaction, which pauses or restores its sales there.
 */
async function changeStatus(ctx: AdminContext, { agencyId, reason }: StatusChangeInput, to: AgencyStatus) {
  const changed = await ctx.operationalDb.transactional(async (em) => {
    const agency = await em.findOne(Agency, agencyId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!agency) throw notFound();
    if (agency.status === to) return null;
    const before = { status: agency.status };
    agency.status = to;
    // Locked as a launch's own commands lock it, so a supplier's edit and this never write one version.
    const launches = await em.find(
      Launch,
      { agency: agency.id, status: { $in: [...bookableStatuses] } },
      { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
    );
    for (const launch of launches) {
      launch.version += 1;
      await announceLaunchChange(em, launch);
    }
    recordAudit(
      em,
      {
        actor: auditActorOf(ctx.viewer!),
        action: to === 'suspended' ? 'agency.suspend' : 'agency.reactivate',
        target: { type: 'agency', id: agency.id },
        ...changedFields(before, { status: to }),
        reason,
      },
      ctx.now(),
    );
    await em.flush();
    return { launches: launches.length };
  });
  if (changed)
    ctx.log.info(to === 'suspended' ? 'Agency suspended' : 'Agency reactivated', {
      agencyId,
      launches: changed.launches,
      by: ctx.viewer!.userId,
    });
  return { id: agencyId, status: to, changed: changed !== null };
}
