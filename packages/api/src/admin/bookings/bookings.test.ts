import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccounts } from '@astro/auth/accounts';
import { AuditEntry, BookingCopy, SyncOutboxMessage } from '@astro/db/operational';
import { seedDemoWorld } from '@astro/db/seed';
import { Email, queueEmail, syncMessageCollection } from '@astro/db/system';
import { createLogger } from '@astro/logging';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import { auditEntryCount, auditTrailOf } from '../../audit.test-support.ts';
import { viewerAs } from '../../personas.test-support.ts';
import { createAdminContext } from '../context.ts';
import { adminRouter } from '../router.ts';

const day = 86_400_000;

describe('the admin bookings desk', () => {
  let world: TestStores;
  /** The desk's clock: moved on between requests that must not share a moment. */
  let clock = new Date();
  const log = createLogger({ service: 'test', level: 'error', write: () => {} });
  const as = (role: 'support' | 'finance' | 'admin') =>
    adminRouter.createCaller(
      createAdminContext({
        operational: world.stores.operational,
        system: world.stores.system,
        log,
        now: () => clock,
        viewer: viewerAs(role),
        accounts: createAccounts({ system: world.stores.system, log, publicUrl: 'http://localhost' }),
      }),
    );
  const operational = () => world.stores.operational.em.fork();
  /** Confirmed bookings of launches still far ahead, which the desk may cancel; each test takes its own. */
  let cancellable: BookingCopy[];
  const take = () => cancellable.shift()!;
  const commandsFor = (bookingId: string) =>
    operational().count(SyncOutboxMessage, { entityId: bookingId, kind: 'booking.cancel' });
  const fieldsOf = (error: unknown) =>
    ((error as { cause?: { issues?: { path: string[] }[] } }).cause?.issues ?? []).map((issue) => issue.path.join('.'));

  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, clock);
    const copies = await operational().find(
      BookingCopy,
      { status: 'confirmed' },
      { populate: ['launch'], orderBy: { id: 'asc' } },
    );
    cancellable = copies.filter(
      (copy) => copy.launch.launchDate.getTime() > clock.getTime() + 100 * day && copy.launch.status !== 'launched',
    );
  });
  afterAll(() => world.drop());

  describe('search', () => {
    it('finds bookings by the customer’s e-mail in any case, by part of the name and by the start of the reference', async () => {
      const [booking] = await operational().find(BookingCopy, {}, { orderBy: { id: 'asc' }, limit: 1 });
      const byEmail = await as('support').bookings.search({ query: booking!.customerEmail.toUpperCase() });
      expect(byEmail.bookings.length).toBeGreaterThan(0);
      expect(byEmail.bookings.every((row) => row.customerEmail === booking!.customerEmail)).toBe(true);
      expect(byEmail.total).toBe(await operational().count(BookingCopy, { customerEmail: booking!.customerEmail }));

      const byName = await as('support').bookings.search({ query: booking!.customerName.split(' ')[1]!.toLowerCase() });
      expect(byName.bookings.map((row) => row.id)).toContain(booking!.id);

      const byReference = await as('finance').bookings.search({ query: booking!.id.slice(0, 8) });
      expect(byReference.bookings.map((row) => row.id)).toEqual([booking!.id]);
      expect(byReference.bookings[0]).toMatchObject({
        customerName: booking!.customerName,
        seats: booking!.seats,
        status: booking!.status,
        totalCents: booking!.totalCents,
      });

      expect((await as('support').bookings.search({ query: '%' })).total).toBe(0);
    });

    it('filters by launch, agency, status and the days bookings were made, together', async () => {
      const copies = await operational().find(BookingCopy, {}, { populate: ['launch'] });
      const sample = copies.find((copy) => copy.status === 'cancelled')!;
      const onLaunch = await as('admin').bookings.search({ launchId: sample.launch.id, pageSize: 100 });
      expect(onLaunch.total).toBe(copies.filter((copy) => copy.launch.id === sample.launch.id).length);
      expect(onLaunch.bookings.every((row) => row.launch.id === sample.launch.id)).toBe(true);

      const agencyId = sample.launch.agency.id;
      const ofAgency = await as('admin').bookings.search({ agencyId, status: 'cancelled', pageSize: 100 });
      expect(ofAgency.total).toBe(
        copies.filter((copy) => copy.launch.agency.id === agencyId && copy.status === 'cancelled').length,
      );
      expect(ofAgency.bookings.every((row) => row.agency.id === agencyId && row.status === 'cancelled')).toBe(true);

      const dayOf = sample.bookedAt.toISOString().slice(0, 10);
      const thatDay = await as('support').bookings.search({ bookedFrom: dayOf, bookedTo: dayOf, pageSize: 100 });
      expect(thatDay.total).toBe(copies.filter((copy) => copy.bookedAt.toISOString().slice(0, 10) === dayOf).length);
      expect(thatDay.bookings.map((row) => row.id)).toContain(sample.id);

      await expect(
        as('support').bookings.search({ bookedFrom: '2027-02-01', bookedTo: '2027-01-01' }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      expect(onLaunch.choices.launches.map((launch) => launch.id)).toContain(sample.launch.id);
      expect(onLaunch.choices.agencies.map((agency) => agency.id)).toContain(agencyId);
    });

    it('sorts and pages on the server: pages follow one another without repeating a booking', async () => {
      const total = await operational().count(BookingCopy, {});
      const first = await as('support').bookings.search({ sort: 'totalCents', direction: 'asc', pageSize: 7 });
      const second = await as('support').bookings.search({
        sort: 'totalCents',
        direction: 'asc',
        pageSize: 7,
        page: 2,
      });
      expect(first.total).toBe(total);
      expect(first.bookings).toHaveLength(7);
      const amounts = [...first.bookings, ...second.bookings].map((row) => row.totalCents);
      expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
      expect(new Set([...first.bookings, ...second.bookings].map((row) => row.id)).size).toBe(14);

      const newest = await as('support').bookings.search({ pageSize: 100 });
      const times = newest.bookings.map((row) => row.bookedAt);
      expect(times).toEqual([...times].sort().reverse());
    });
  });

  describe('detail', () => {
    it('shows the customer, passengers, seats, money with its ledger, the status timeline and the e-mails sent', async () => {
      const booking = take();
      await queueEmail(
        world.stores.system.em.fork(),
        {
          dedupeKey: `booking-confirmed:${booking.id}:${booking.customerEmail}`,
          event: 'booking-confirmed',
          recipient: booking.customerEmail,
          template: 'booking-confirmed',
          data: { name: booking.customerName, timeZone: 'Asia/Tokyo' },
          bookingId: booking.id,
        },
        clock,
      );
      const detail = await as('support').bookings.detail({ bookingId: booking.id });
      expect(detail).toMatchObject({
        id: booking.id,
        status: 'confirmed',
        customer: {
          id: booking.customerId,
          name: booking.customerName,
          email: booking.customerEmail,
          phone: booking.customerPhone,
          emergencyContact: booking.customerEmergencyContact,
        },
        launch: { id: booking.launch.id, missionName: booking.launch.missionName },
        seats: booking.seats,
        passengers: booking.passengers,
        totalCents: booking.totalCents,
        paidCents: booking.totalCents,
        refundedCents: 0,
        cancellationPending: null,
        cancellationFailed: null,
        emails: [
          expect.objectContaining({ event: 'booking-confirmed', recipient: booking.customerEmail, status: 'pending' }),
        ],
        audit: [],
      });
      expect(detail.passengers).toHaveLength(booking.seats);
      expect(detail.ledger).toEqual([
        expect.objectContaining({ kind: 'payment', amountCents: booking.totalCents, actor: 'traveler' }),
      ]);
      expect(detail.ledger[0]!.gatewayReference).toMatch(/^sandbox_ch_/);
      expect(detail.timeline.map((step) => [step.from, step.to])).toEqual([
        [null, 'held'],
        ['held', 'confirmed'],
      ]);
      // The seed's travelers all gave both; the copy carries them (booking-copy.test.ts: as the profile says).
      expect(booking.customerPhone && booking.customerEmergencyContact).toBeTruthy();
    });

    it('shows no phone or emergency contact for a copy synced without them', async () => {
      const booking = take();
      // As a copy synced before it carried them, or of a traveler who never gave them.
      await operational().nativeUpdate(
        BookingCopy,
        { id: booking.id },
        { customerPhone: null, customerEmergencyContact: null },
      );
      const { customer } = await as('support').bookings.detail({ bookingId: booking.id });
      expect(customer).toMatchObject({ phone: null, emergencyContact: null });
    });

    it('says what each role may do: support cancels but does not set the refund; finance does both', async () => {
      const booking = take();
      const support = await as('support').bookings.detail({ bookingId: booking.id });
      expect(support.actions).toEqual({
        cancel: { allowed: true },
        setRefund: { allowed: false, reason: expect.stringContaining('Only finance or an admin') },
        resendConfirmation: { allowed: true },
      });
      const finance = await as('finance').bookings.detail({ bookingId: booking.id });
      expect(finance.actions.setRefund).toEqual({ allowed: true });

      const cancelled = await operational().findOneOrFail(BookingCopy, { status: 'cancelled' });
      const over = await as('admin').bookings.detail({ bookingId: cancelled.id });
      expect(over.actions.cancel).toEqual({ allowed: false, reason: expect.stringContaining('cancelled') });
      expect(over.actions.resendConfirmation.allowed).toBe(false);
      expect(over.ledger.map((entry) => entry.kind)).toEqual(['payment', 'refund']);

      await expect(as('support').bookings.detail({ bookingId: crypto.randomUUID() })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });
  });

  describe('quote and cancel', () => {
    it('quotes the policy’s refund and the most that may be refunded; finance may quote its own amount', async () => {
      const booking = take();
      const policy = await as('support').bookings.quoteCancellation({ bookingId: booking.id });
      expect(policy).toMatchObject({ maxRefundCents: booking.paidCents, currency: 'USD' });
      expect([70, 90, 100]).toContain(policy.percent);
      expect(policy.refundCents).toBe(policy.policyRefundCents);
      expect(policy.policyRefundCents).toBe(Math.floor((booking.paidCents * policy.percent) / 100));

      const own = await as('finance').bookings.quoteCancellation({ bookingId: booking.id, refundCents: 1_234 });
      expect(own).toMatchObject({ refundCents: 1_234, policyRefundCents: policy.policyRefundCents });
      const everything = await as('admin').bookings.quoteCancellation({
        bookingId: booking.id,
        refundCents: booking.paidCents,
      });
      expect(everything.refundCents).toBe(booking.paidCents);
    });

    it('refuses support setting the refund, and finance refunding more than was paid, at the refund field', async () => {
      const booking = take();
      const entries = await auditEntryCount(world.stores);
      for (const call of [
        () => as('support').bookings.quoteCancellation({ bookingId: booking.id, refundCents: 100 }),
        () => as('support').bookings.cancel({ bookingId: booking.id, reason: 'Asked by phone', refundCents: 100 }),
      ])
        await expect(call()).rejects.toMatchObject({
          code: 'FORBIDDEN',
          message: 'Only finance or an admin may set the refund.',
        });
      for (const call of [
        () => as('finance').bookings.quoteCancellation({ bookingId: booking.id, refundCents: booking.paidCents + 1 }),
        () =>
          as('finance').bookings.cancel({
            bookingId: booking.id,
            reason: 'Goodwill',
            refundCents: booking.paidCents + 1,
          }),
      ]) {
        const error = await call().catch((refusal: unknown) => refusal);
        expect(error).toMatchObject({ code: 'BAD_REQUEST', message: 'A refund can never be more than what was paid.' });
        expect(fieldsOf(error)).toEqual(['refundCents']);
      }
      expect(await auditEntryCount(world.stores)).toBe(entries);
      expect(await commandsFor(booking.id)).toBe(0);
    });

    it('records the cancellation asked for with its reason, and shows it pending until the copy is cancelled', async () => {
      const booking = take();
      await as('finance').bookings.cancel({ bookingId: booking.id, reason: 'Goodwill', refundCents: 1_000 });
      expect(await auditTrailOf(world.stores, 'booking', booking.id)).toEqual([
        expect.objectContaining({
          actorEmail: 'finance@example.com',
          actorRole: 'finance',
          action: 'booking.cancel',
          before: { status: 'confirmed' },
          after: { status: 'cancellation requested', refundCents: 1_000, refundSetByEmployee: true },
          reason: 'Goodwill',
        }),
      ]);
      expect(await commandsFor(booking.id)).toBe(1);

      const detail = await as('support').bookings.detail({ bookingId: booking.id });
      expect(detail.cancellationPending).toEqual({
        requestedAt: clock.toISOString(),
        requestedBy: 'finance@example.com',
        reason: 'Goodwill',
        refundCents: 1_000,
      });
      expect(detail.actions.cancel).toEqual({ allowed: false, reason: expect.stringContaining('on its way') });
      expect(detail.audit).toEqual([expect.objectContaining({ action: 'booking.cancel', reason: 'Goodwill' })]);
      const [row] = (await as('support').bookings.search({ query: booking.id })).bookings;
      expect(row!.cancellationPending).toBe(true);

      await expect(as('support').bookings.cancel({ bookingId: booking.id, reason: 'Again' })).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('A cancellation asked for by finance@example.com is on its way'),
      });
      await expect(as('support').bookings.quoteCancellation({ bookingId: booking.id })).rejects.toMatchObject({
        code: 'CONFLICT',
      });

      // The sync applies the cancellation to the copy: nothing is pending any more.
      await operational().nativeUpdate(BookingCopy, { id: booking.id }, { status: 'cancelled' });
      const after = await as('support').bookings.detail({ bookingId: booking.id });
      expect(after.cancellationPending).toBeNull();
      expect(after.actions.cancel.allowed).toBe(false);
    });

    it('turns 50 identical cancellations arriving at once into one command and one audit entry', async () => {
      const booking = take();
      const outcomes = await Promise.allSettled(
        Array.from({ length: 50 }, () =>
          as('support').bookings.cancel({ bookingId: booking.id, reason: 'The traveler asked by phone' }),
        ),
      );
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      const refusals = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
      expect(refusals).toHaveLength(49);
      for (const refusal of refusals) expect(refusal).toMatchObject({ code: 'CONFLICT' });
      expect(await commandsFor(booking.id)).toBe(1);
      expect(await auditTrailOf(world.stores, 'booking', booking.id)).toHaveLength(1);
    });

    it('tells of a cancellation the Customer DB refused, and lets the desk ask again', async () => {
      const booking = take();
      await as('support').bookings.cancel({ bookingId: booking.id, reason: 'Traveler request' });
      const [asked] = await auditTrailOf(world.stores, 'booking', booking.id);
      // The relay copied the command to the System DB, and the Customer DB refused it: a dead letter.
      await syncMessageCollection(world.stores.system.em.fork()).insertOne({
        _id: asked!.id as never,
        kind: 'booking.cancel',
        status: 'dead',
        entityType: 'booking',
        entityId: booking.id,
        lastError: 'Refused: The launch date has come, so its bookings can no longer be cancelled.',
      });
      const detail = await as('support').bookings.detail({ bookingId: booking.id });
      expect(detail.cancellationPending).toBeNull();
      expect(detail.cancellationFailed).toEqual({
        requestedAt: asked!.at.toISOString(),
        because: 'Refused: The launch date has come, so its bookings can no longer be cancelled.',
      });
      expect(detail.actions.cancel).toEqual({ allowed: true });
      const [row] = (await as('support').bookings.search({ query: booking.id })).bookings;
      expect(row!.cancellationPending).toBe(false);

      clock = new Date(clock.getTime() + 1_000);
      await as('support').bookings.cancel({ bookingId: booking.id, reason: 'Traveler request, again' });
      expect(await commandsFor(booking.id)).toBe(2);
      expect((await as('support').bookings.detail({ bookingId: booking.id })).cancellationPending).toMatchObject({
        reason: 'Traveler request, again',
      });
    });

    it('refuses to cancel a booking that is not confirmed, recording nothing', async () => {
      const cancelled = await operational().findOneOrFail(BookingCopy, { status: 'cancelled' });
      const entries = await auditEntryCount(world.stores);
      await expect(as('support').bookings.cancel({ bookingId: cancelled.id, reason: 'Again' })).rejects.toMatchObject({
        code: 'PRECONDITION_FAILED',
      });
      expect(await auditEntryCount(world.stores)).toBe(entries);
    });
  });

  describe('resend the confirmation', () => {
    it('queues one e-mail to the traveler and one audit entry per press, however often it arrives', async () => {
      const booking = take();
      const emails = () => world.stores.system.em.fork().find(Email, { bookingId: booking.id });
      const press = crypto.randomUUID();
      const outcomes = await Promise.all(
        Array.from({ length: 50 }, () =>
          as('support').bookings.resendConfirmation({ bookingId: booking.id, idempotencyKey: press }),
        ),
      );
      expect(outcomes.every((outcome) => outcome.recipient === booking.customerEmail)).toBe(true);
      expect(await emails()).toEqual([
        expect.objectContaining({
          recipient: booking.customerEmail,
          template: 'booking-confirmed',
          event: 'booking-confirmed-resent',
          status: 'pending',
        }),
      ]);
      expect((await emails())[0]!.templateData).toMatchObject({
        name: booking.customerName,
        seats: booking.seats,
        totalCents: booking.totalCents,
        path: `/bookings/${booking.id}`,
      });
      expect(await auditTrailOf(world.stores, 'booking', booking.id)).toEqual([
        expect.objectContaining({
          action: 'booking.resendConfirmation',
          actorRole: 'support',
          before: null,
          after: { sentTo: booking.customerEmail, idempotencyKey: press },
        }),
      ]);

      await as('finance').bookings.resendConfirmation({ bookingId: booking.id, idempotencyKey: crypto.randomUUID() });
      expect(await emails()).toHaveLength(2);
      expect(await operational().count(AuditEntry, { targetId: booking.id })).toBe(2);
      const detail = await as('support').bookings.detail({ bookingId: booking.id });
      expect(detail.emails.map((email) => email.event)).toEqual([
        'booking-confirmed-resent',
        'booking-confirmed-resent',
      ]);
    });

    it('refuses a booking that is not confirmed', async () => {
      const expired = await operational().findOneOrFail(BookingCopy, { status: 'cancelled' });
      await expect(
        as('support').bookings.resendConfirmation({ bookingId: expired.id, idempotencyKey: crypto.randomUUID() }),
      ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    });
  });
});
