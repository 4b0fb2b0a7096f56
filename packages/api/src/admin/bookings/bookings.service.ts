/**
 * The bookings desk. Bookings are the Customer DB's; the desk reads their copies in the Operational DB (kept by the
 * sync) and what was e-mailed about them in the System DB. A cancellation is a command that travels to the owner
 * through the Operational DB's outbox like any sync message (SPEC.md §5), written in the same transaction as its
 * audit entry and nothing else, so it is recorded exactly when the employee is told it was.
 */
import {
  AuditEntry,
  auditValues,
  BookingCopy,
  BookingLedgerEntry,
  BookingStatusEntry,
  LaunchStatusChange,
  recordAudit,
  SyncOutboxMessage,
  type OperationalEntityManager,
} from '@astro/db/operational';
import { syncMessageOf } from '@astro/db/sync';
import { Email, queueEmail, SyncMessage } from '@astro/db/system';
import {
  allowed,
  bookingStatuses,
  cancellationTerms,
  overrideProblem,
  unavailable,
  type CancellationTerms,
} from '@astro/domain';
import { currentCorrelation } from '@astro/logging';
import { auditActorOf } from '../../access.ts';
import { fieldProblems, TRPCError } from '../../trpc.ts';
import { listAuditEntries } from '../audit/audit.service.ts';
import type { AdminContext } from '../context.ts';
import type {
  BookingDetail,
  BookingIdInput,
  BookingRow,
  BookingSearchResult,
  BookingSort,
  CancelBookingInput,
  CancellationQuote,
  PendingCancellation,
  QuoteCancellationInput,
  ResendConfirmationInput,
  SearchBookingsInput,
} from './bookings.schemas.ts';

const columnOf: Record<BookingSort, string> = {
  bookedAt: 'b.booked_at',
  customerName: 'lower(b.customer_name)',
  launchDate: 'l.launch_date',
  totalCents: 'b.total_cents',
  status: 'b.status',
};

/** A timestamp as a raw query returns it, in ISO 8601. */
const isoOf = (timestamp: string) => new Date(timestamp).toISOString();

/** `%` and `_` typed into the search box are looked for as themselves. */
const likePattern = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

export async function searchBookings(ctx: AdminContext, input: SearchBookingsInput): Promise<BookingSearchResult> {
  const where: string[] = [];
  const params: unknown[] = [];
  const filter = (condition: string, ...values: unknown[]) => {
    where.push(condition);
    params.push(...values);
  };
  if (input.query) {
    const text = likePattern(input.query);
    // A reference is the booking's id: its start is enough, as people read out the first characters.
    filter(
      '(b.id::text like ? or b.customer_name ilike ? or b.customer_email ilike ?)',
      `${text.toLowerCase()}%`,
      `%${text}%`,
      `%${text}%`,
    );
  }
  if (input.launchId) filter('b.launch_id = ?', input.launchId);
  if (input.agencyId) filter('l.agency_id = ?', input.agencyId);
  if (input.status) filter('b.status = ?', input.status);
  if (input.bookedFrom) filter('b.booked_at >= ?', new Date(`${input.bookedFrom}T00:00:00Z`));
  // Through the whole of the last day.
  if (input.bookedTo) filter('b.booked_at < ?', new Date(Date.parse(`${input.bookedTo}T00:00:00Z`) + 86_400_000));
  const from = `from booking_copy b join launch l on l.id = b.launch_id join agency a on a.id = l.agency_id
    ${where.length ? `where ${where.join(' and ')}` : ''}`;
  const connection = ctx.operationalDb.getConnection();
  const [rows, [{ total }], launches, agencies] = await Promise.all([
    connection.execute<
      {
        id: string;
        customer_name: string;
        customer_email: string;
        launch_id: string;
        mission_name: string;
        launch_date: string;
        agency_id: string;
        display_name: string;
        seats: number;
        status: BookingRow['status'];
        total_cents: string;
        currency: BookingRow['currency'];
        booked_at: string;
      }[]
    >(
      `select b.id, b.customer_name, b.customer_email, b.launch_id, l.mission_name, l.launch_date, l.agency_id,
         a.display_name, b.seats, b.status, b.total_cents, b.currency, b.booked_at
       ${from}
       order by ${columnOf[input.sort]} ${input.direction === 'asc' ? 'asc' : 'desc'}, b.id asc
       limit ? offset ?`,
      [...params, input.pageSize, (input.page - 1) * input.pageSize],
    ),
    connection.execute<[{ total: string }]>(`select count(*) as total ${from}`, params),
    connection.execute<{ id: string; mission_name: string; launch_date: string }[]>(
      `select l.id, l.mission_name, l.launch_date from launch l
       where exists (select 1 from booking_copy b where b.launch_id = l.id) order by l.launch_date asc`,
    ),
    connection.execute<{ id: string; display_name: string }[]>(
      'select id, display_name from agency order by display_name asc',
    ),
  ]);
  const pending = await pendingAmong(
    ctx,
    rows.filter((row) => row.status === 'confirmed').map((row) => row.id),
  );
  return {
    bookings: rows.map((row) => ({
      id: row.id,
      customerName: row.customer_name,
      customerEmail: row.customer_email,
      launch: { id: row.launch_id, missionName: row.mission_name, launchDate: isoOf(row.launch_date) },
      agency: { id: row.agency_id, displayName: row.display_name },
      seats: row.seats,
      status: row.status,
      cancellationPending: pending.has(row.id),
      totalCents: Number(row.total_cents),
      currency: row.currency,
      bookedAt: isoOf(row.booked_at),
    })),
    total: Number(total),
    page: input.page,
    pageSize: input.pageSize,
    choices: {
      launches: launches.map((launch) => ({
        id: launch.id,
        missionName: launch.mission_name,
        launchDate: isoOf(launch.launch_date),
      })),
      agencies: agencies.map((agency) => ({ id: agency.id, displayName: agency.display_name })),
    },
  };
}

/** Of these confirmed bookings, those with a cancellation on its way (as `cancellationStateOf` judges one). */
async function pendingAmong(ctx: AdminContext, bookingIds: string[]): Promise<Set<string>> {
  if (bookingIds.length === 0) return new Set();
  const asked = await ctx.operationalDb.getConnection().execute<{ id: string; target_id: string }[]>(
    `select distinct on (target_id) id, target_id from audit_entry
     where target_type = 'booking' and action = 'booking.cancel' and target_id in (?)
     order by target_id, at desc, id desc`,
    [bookingIds],
  );
  if (asked.length === 0) return new Set();
  const dead = await ctx.systemDb
    .fork()
    .find(SyncMessage, { id: { $in: asked.map((entry) => entry.id) }, status: 'dead' }, { fields: ['id'] });
  const failed = new Set(dead.map((message) => message.id));
  return new Set(asked.filter((entry) => !failed.has(entry.id)).map((entry) => entry.target_id));
}

type CancellationState =
  | { pending: PendingCancellation; failed: null }
  | { pending: null; failed: { requestedAt: string; because: string } | null };

/**
 * Whether a cancellation asked for is still on its way: the last one asked for (its audit entry, whose id the
 * command carries) while the copy still shows the booking confirmed, unless the Customer DB refused it or gave up
 * (a dead letter), which the desk is told of and may ask again after.
 */
async function cancellationStateOf(ctx: AdminContext, em: OperationalEntityManager, copy: BookingCopy) {
  if (copy.status !== 'confirmed') return { pending: null, failed: null } satisfies CancellationState;
  const asked = await em.findOne(
    AuditEntry,
    { targetType: 'booking', targetId: copy.id, action: 'booking.cancel' },
    { orderBy: { at: 'desc', id: 'desc' } },
  );
  if (!asked) return { pending: null, failed: null } satisfies CancellationState;
  const command = await ctx.systemDb.fork().findOne(SyncMessage, asked.id, { fields: ['status', 'lastError'] });
  if (command?.status === 'dead')
    return {
      pending: null,
      failed: { requestedAt: asked.at.toISOString(), because: command.lastError ?? 'The cancellation failed.' },
    } satisfies CancellationState;
  const after = asked.after ?? {};
  return {
    pending: {
      requestedAt: asked.at.toISOString(),
      requestedBy: asked.actorEmail,
      reason: asked.reason ?? '',
      refundCents: after['refundSetByEmployee'] === true ? Number(after['refundCents']) : null,
    },
    failed: null,
  } satisfies CancellationState;
}

const setsRefunds = (ctx: AdminContext) => ctx.viewer!.roles.some((role) => role === 'finance' || role === 'admin');

/** What the policy says of cancelling this booking now, from its copy and its launch's status history. */
async function termsOf(ctx: AdminContext, em: OperationalEntityManager, copy: BookingCopy) {
  // What the traveler paid and has not had back, as the booking copy records it.
  const paidCents = copy.paidCents - copy.refundedCents;
  const launch = copy.launch;
  const history = await em.find(LaunchStatusChange, { launch: launch.id }, { orderBy: { changedAt: 'asc' } });
  const terms: CancellationTerms = cancellationTerms({
    paidCents,
    bookedAt: copy.bookedAt,
    launch: {
      status: launch.status,
      launchDate: launch.launchDate,
      statusHistory: history.map((change) => ({ status: change.toStatus, at: change.changedAt })),
    },
    now: ctx.now(),
  });
  return { paidCents, terms };
}

async function copyOf(em: OperationalEntityManager, bookingId: string, lock = false): Promise<BookingCopy> {
  // Locked first on its own: a row lock cannot be taken through the joins that load the launch.
  if (lock) await em.execute('select id from booking_copy where id = ? for update', [bookingId]);
  const copy = await em.findOne(BookingCopy, bookingId, { populate: ['launch', 'launch.agency'] });
  if (!copy) throw new TRPCError({ code: 'NOT_FOUND', message: 'There is no booking with this reference.' });
  return copy;
}

/** Why this booking cannot be cancelled now, or null when it can. */
function cancelRefusal(copy: BookingCopy, state: CancellationState, terms: CancellationTerms): string | null {
  if (copy.status !== 'confirmed') return `This booking is ${copy.status}; only a confirmed one can be cancelled.`;
  if (state.pending)
    return `A cancellation asked for by ${state.pending.requestedBy} is on its way to the booking; wait for it to arrive before asking again.`;
  if (!terms.cancellable) return terms.because;
  return null;
}

/** The quote for cancelling, or the refusal as the API gives it: a pending cancellation is a conflict. */
async function cancellationQuote(
  ctx: AdminContext,
  em: OperationalEntityManager,
  copy: BookingCopy,
  refundCents: number | null,
): Promise<CancellationQuote> {
  if (refundCents !== null && !setsRefunds(ctx))
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Only finance or an admin may set the refund.' });
  const state = await cancellationStateOf(ctx, em, copy);
  const { paidCents, terms } = await termsOf(ctx, em, copy);
  const refusal = cancelRefusal(copy, state, terms);
  if (refusal !== null || !terms.cancellable)
    throw new TRPCError({
      code: state.pending ? 'CONFLICT' : 'PRECONDITION_FAILED',
      message: refusal ?? 'This booking cannot be cancelled.',
    });
  if (refundCents !== null) {
    const problem = overrideProblem(refundCents, paidCents);
    if (problem) fieldProblems({ refundCents: problem });
  }
  return {
    policyRefundCents: terms.quote.refundCents,
    percent: terms.quote.percent,
    because: terms.quote.because,
    maxRefundCents: paidCents,
    refundCents: refundCents ?? terms.quote.refundCents,
    currency: copy.currency,
  };
}

export function quoteCancellation(ctx: AdminContext, input: QuoteCancellationInput): Promise<CancellationQuote> {
  const em = ctx.operationalDb.fork();
  return copyOf(em, input.bookingId).then((copy) => cancellationQuote(ctx, em, copy, input.refundCents));
}

export async function requestCancellation(ctx: AdminContext, input: CancelBookingInput) {
  const viewer = ctx.viewer!;
  return ctx.operationalDb.transactional(async (em) => {
    // The booking's row is locked until this commits: requests for one booking are judged one after another, so
    // only the first finds no cancellation on its way.
    const copy = await copyOf(em, input.bookingId, true);
    const quote = await cancellationQuote(ctx, em, copy, input.refundCents);
    const entry = recordAudit(
      em,
      {
        actor: auditActorOf(viewer),
        action: 'booking.cancel',
        target: { type: 'booking', id: copy.id },
        // What was asked: the booking follows once the Customer DB has cancelled it (it may refund less than asked
        // when less is left to refund).
        before: { status: copy.status },
        after: {
          status: 'cancellation requested',
          refundCents: quote.refundCents,
          refundSetByEmployee: input.refundCents !== null,
        },
        reason: input.reason,
      },
      ctx.now(),
    );
    em.create(SyncOutboxMessage, {
      // The entry's id: the desk finds the command of a cancellation it asked for (and whether it failed) by it.
      id: entry.id,
      ...syncMessageOf('booking.cancel', {
        reason: input.reason,
        refundCents: input.refundCents,
        requestedBy: viewer.email,
      }),
      target: 'customer',
      entityType: 'booking',
      entityId: copy.id,
      // A command is not a version of the booking; it applies to whatever version the owner holds.
      entityVersion: 0,
      correlationId: currentCorrelation()?.correlationId ?? null,
      relayedAt: null,
    });
    ctx.log.info('Booking cancellation requested', { bookingId: copy.id, by: viewer.email });
    return { requested: true, refundCents: quote.refundCents };
  });
}

/**
 * The booking-confirmed e-mail once more, to the traveler, through the outbox: one e-mail and one audit entry per
 * key, however often (or however many times at once) the same press of the button arrives.
 */
export async function resendConfirmation(ctx: AdminContext, input: ResendConfirmationInput) {
  const viewer = ctx.viewer!;
  return ctx.operationalDb.transactional(async (em) => {
    const copy = await copyOf(em, input.bookingId, true);
    if (copy.status !== 'confirmed')
      throw new TRPCError({
        code: 'PRECONDITION_FAILED',
        message: `This booking is ${copy.status}; only a confirmed booking has a confirmation to send again.`,
      });
    const [{ already }] = await em.execute<[{ already: number }]>(
      `select count(*)::int as already from audit_entry
       where target_type = 'booking' and target_id = ? and action = 'booking.resendConfirmation'
       and after->>'idempotencyKey' = ?`,
      [copy.id, input.idempotencyKey],
    );
    const launch = copy.launch;
    // The traveler's time zone lives in the Customer DB; the first confirmation recorded it.
    const first = await ctx.systemDb
      .fork()
      .findOne(Email, { bookingId: copy.id, template: 'booking-confirmed' }, { orderBy: { createdAt: 'asc' } });
    const timeZone = first?.templateData['timeZone'];
    // Queued before the entry commits: a failure after it leaves an e-mail the same key finds, never an entry
    // without its e-mail.
    await queueEmail(
      ctx.systemDb.fork(),
      {
        dedupeKey: `booking-confirmed-resent:${copy.id}:${input.idempotencyKey}`,
        event: 'booking-confirmed-resent',
        recipient: copy.customerEmail,
        template: 'booking-confirmed',
        bookingId: copy.id,
        data: {
          missionName: launch.missionName,
          launchDate: launch.launchDate.toISOString(),
          ...(typeof timeZone === 'string' ? { timeZone } : {}),
          name: copy.customerName,
          seats: copy.seats,
          totalCents: copy.totalCents,
          currency: copy.currency,
          path: `/bookings/${copy.id}`,
        },
      },
      ctx.now(),
    );
    if (already === 0) {
      recordAudit(
        em,
        {
          actor: auditActorOf(viewer),
          action: 'booking.resendConfirmation',
          target: { type: 'booking', id: copy.id },
          before: null,
          after: auditValues({ sentTo: copy.customerEmail, idempotencyKey: input.idempotencyKey }),
        },
        ctx.now(),
      );
      ctx.log.info('Booking confirmation sent again', { bookingId: copy.id, by: viewer.email });
    }
    return { queued: true, recipient: copy.customerEmail };
  });
}

/** By time; steps of one moment (held and paid at once) in the order of the status machine. */
const inStatusOrder = (a: BookingStatusEntry, b: BookingStatusEntry) =>
  a.at.getTime() - b.at.getTime() || bookingStatuses.indexOf(a.toStatus) - bookingStatuses.indexOf(b.toStatus);

export async function bookingDetail(ctx: AdminContext, { bookingId }: BookingIdInput): Promise<BookingDetail> {
  const em = ctx.operationalDb.fork();
  const copy = await copyOf(em, bookingId);
  const launch = copy.launch;
  const [ledger, timeline, emails, audit, state, { terms }] = await Promise.all([
    em.fork().find(BookingLedgerEntry, { booking: copy.id }, { orderBy: { at: 'asc', id: 'asc' } }),
    em.fork().find(BookingStatusEntry, { booking: copy.id }, { orderBy: { at: 'asc', id: 'asc' } }),
    ctx.systemDb.fork().find(Email, { bookingId: copy.id }, { orderBy: { createdAt: 'desc' }, limit: 100 }),
    listAuditEntries(ctx, { targetType: 'booking', targetId: copy.id, limit: 100 }),
    cancellationStateOf(ctx, em.fork(), copy),
    termsOf(ctx, em.fork(), copy),
  ]);
  const refusal = cancelRefusal(copy, state, terms);
  const cancel = refusal ? unavailable(refusal) : allowed;
  const setRefund = !setsRefunds(ctx)
    ? unavailable('Only finance or an admin may set the refund; support cancels with the policy’s.')
    : cancel;
  const resendConfirmation =
    copy.status === 'confirmed'
      ? allowed
      : unavailable(`This booking is ${copy.status}: there is no confirmation to send again.`);
  return {
    id: copy.id,
    status: copy.status,
    customer: {
      id: copy.customerId,
      name: copy.customerName,
      email: copy.customerEmail,
      phone: copy.customerPhone ?? null,
      emergencyContact: copy.customerEmergencyContact ?? null,
    },
    launch: {
      id: launch.id,
      missionName: launch.missionName,
      launchDate: launch.launchDate.toISOString(),
      status: launch.status,
      agency: { id: launch.agency.id, displayName: launch.agency.displayName },
    },
    seats: copy.seats,
    passengers: copy.passengers,
    unitPriceCents: copy.unitPriceCents,
    totalCents: copy.totalCents,
    currency: copy.currency,
    paidCents: copy.paidCents,
    refundedCents: copy.refundedCents,
    bookedAt: copy.bookedAt.toISOString(),
    syncedAt: copy.syncedAt.toISOString(),
    ledger: ledger.map((entry) => ({
      id: entry.id,
      kind: entry.kind,
      amountCents: entry.amountCents,
      currency: entry.currency,
      gatewayReference: entry.gatewayReference,
      reason: entry.reason ?? null,
      actor: entry.actor ?? null,
      actorEmail: entry.actorEmail ?? null,
      at: entry.at.toISOString(),
    })),
    timeline: timeline.sort(inStatusOrder).map((entry) => ({
      id: entry.id,
      from: entry.fromStatus ?? null,
      to: entry.toStatus,
      actor: entry.actor ?? null,
      actorEmail: entry.actorEmail ?? null,
      reason: entry.reason ?? null,
      at: entry.at.toISOString(),
    })),
    emails: emails.map((email) => ({
      id: email.id,
      event: email.event,
      recipient: email.recipient,
      status: email.status,
      createdAt: email.createdAt.toISOString(),
      sentAt: email.sentAt?.toISOString() ?? null,
      lastError: email.lastError ?? null,
    })),
    audit: audit.entries,
    cancellationPending: state.pending,
    cancellationFailed: state.failed,
    actions: { cancel, setRefund, resendConfirmation },
  };
}
