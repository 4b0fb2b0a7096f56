import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireLapsedHolds } from '@astro/bookings';
import { Booking, bookingCollection, CatalogueLaunch, completeBookingHistories, Customer } from '@astro/db/customer';
import { BookingCopy, BookingLedgerEntry, BookingStatusEntry } from '@astro/db/operational';
import { seedDemoWorld } from '@astro/db/seed';
import { syncMessageCollection } from '@astro/db/system';
import type { BookingActor } from '@astro/db/sync';
import { capturedCentsOf, refundedCentsOf } from '@astro/domain';
import { sandboxCards } from '@astro/payments';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import { applyBookingToCopy, bookingMessageId } from '@astro/jobs';
import { settleSync } from '../../../../packages/jobs/src/sync/apply/targets.test-support.ts';
import { employeeAs, traveler, travelerAs } from './people.test-support.ts';

const day = 86_400_000;
const minute = 60_000;
const card = { number: sandboxCards.succeeds, expiry: '12/30', cvc: '123' };

describe("a booking's copy in the Operational DB", () => {
  let world: TestStores;
  let key = 0;
  const customerDb = () => world.stores.customer.em.fork();
  const operationalDb = () => world.stores.operational.em.fork();
  /** Everything the sync jobs do, until nothing is left to relay or apply. */
  const settle = async (at = new Date()) => {
    while ((await settleSync(world.stores, () => at)).applied > 0);
  };
  const actorColumns = (by: BookingActor | null | undefined) => ({
    actor: by?.kind ?? null,
    actorEmail: by?.kind === 'employee' ? by.email : null,
  });
  const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

  /** The copy says what the booking says: status, seats, passengers, every payment, refund and status change. */
  const expectCopyAgrees = async (bookingId: string) => {
    const booking = await customerDb().findOneOrFail(Booking, bookingId);
    const traveler = await customerDb().findOneOrFail(Customer, booking.customerId);
    const em = operationalDb();
    const copy = await em.findOneOrFail(BookingCopy, bookingId);
    const ledger = await em.find(BookingLedgerEntry, { booking: bookingId });
    const history = await em.find(BookingStatusEntry, { booking: bookingId });
    expect({
      status: copy.status,
      seats: copy.seats,
      passengers: copy.passengers,
      paidCents: copy.paidCents,
      refundedCents: copy.refundedCents,
      version: copy.version,
      customerPhone: copy.customerPhone,
      customerEmergencyContact: copy.customerEmergencyContact,
    }).toEqual({
      status: booking.status,
      seats: booking.seats,
      passengers: booking.passengers,
      paidCents: capturedCentsOf(booking),
      refundedCents: refundedCentsOf(booking),
      version: booking.version,
      customerPhone: traveler.phone ?? null,
      customerEmergencyContact: traveler.emergencyContact ?? null,
    });
    expect(
      byId(
        ledger.map(({ id, kind, amountCents, gatewayReference, reason, actor, actorEmail, at }) => ({
          id,
          kind,
          amountCents,
          gatewayReference,
          reason,
          actor,
          actorEmail,
          at,
        })),
      ),
    ).toEqual(
      byId([
        ...booking.payments
          .filter((payment) => payment.outcome === 'captured')
          .map((payment) => ({
            id: payment.id,
            kind: 'payment',
            amountCents: payment.amountCents,
            gatewayReference: payment.gatewayReference,
            reason: null,
            actor: 'traveler',
            actorEmail: null,
            at: payment.at,
          })),
        ...booking.refunds.map((refund) => ({
          id: refund.id,
          kind: 'refund',
          amountCents: refund.amountCents,
          gatewayReference: refund.gatewayReference,
          reason: refund.reason,
          ...actorColumns(refund.by),
          at: refund.at,
        })),
      ]),
    );
    expect(
      byId(
        history.map(({ id, fromStatus, toStatus, actor, actorEmail, reason, at }) => ({
          id,
          fromStatus,
          toStatus,
          actor,
          actorEmail,
          reason,
          at,
        })),
      ),
    ).toEqual(
      byId(
        (booking.statusHistory ?? []).map((change) => ({
          id: change.id,
          fromStatus: change.from,
          toStatus: change.to,
          ...actorColumns(change.by),
          reason: change.reason,
          at: change.at,
        })),
      ),
    );
    return { booking, copy, ledger, history };
  };

  /** A bookable launch far ahead with seats left, `skip` places down the list. */
  const launchAhead = async (skip = 0) => {
    const [launch] = await customerDb().find(
      CatalogueLaunch,
      {
        status: { $in: ['scheduled', 'confirmed'] },
        seatsLeft: { $gte: 2 },
        launchDate: { $gt: new Date(Date.now() + 100 * day) },
      },
      { orderBy: { launchDate: 'desc' }, offset: skip, limit: 1 },
    );
    return launch!;
  };
  const holdOne = async (n: number, launchId: string) => {
    const caller = traveler(world, n);
    const { bookingId } = await caller.bookings.hold({ launchId, seats: 1, idempotencyKey: `booking-copy-${++key}` });
    return { caller, bookingId };
  };
  const pay = async (caller: ReturnType<typeof traveler>, bookingId: string) => {
    await caller.bookings.passengers({ bookingId, passengers: [{ name: 'Sally Ride', birthDate: '1981-05-26' }] });
    return caller.bookings.pay({ bookingId, attemptKey: `copy-pay-${++key}`, card });
  };

  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, new Date());
    await settle();
  });
  afterAll(() => world.drop());

  it('agrees with the booking after the hold, the payment and the traveler’s cancellation', async () => {
    const { caller, bookingId } = await holdOne(1, (await launchAhead(0)).id);
    await settle();
    const held = await expectCopyAgrees(bookingId);
    expect(held.history).toMatchObject([{ fromStatus: null, toStatus: 'held', actor: 'traveler' }]);
    expect(held.ledger).toEqual([]);

    // The traveler gives a phone and an emergency contact while paying: the confirmed copy carries them.
    await caller.account.updateProfile({
      name: 'Traveler 1',
      phone: '+1 555 010 2030',
      emergencyContact: { name: 'Jo Ride', phone: '+1 555 010 4050', relationship: 'Sibling' },
      preferences: { timeZone: 'UTC', newsletter: false },
    });
    const paid = await pay(caller, bookingId);
    await settle();
    const confirmed = await expectCopyAgrees(bookingId);
    expect(held.copy).toMatchObject({ customerPhone: null, customerEmergencyContact: null });
    expect(confirmed.copy).toMatchObject({
      customerPhone: '+1 555 010 2030',
      customerEmergencyContact: { name: 'Jo Ride', phone: '+1 555 010 4050', relationship: 'Sibling' },
    });
    expect(confirmed.ledger).toMatchObject([{ kind: 'payment', amountCents: paid.totalCents, actor: 'traveler' }]);
    expect(confirmed.history.map((change) => change.toStatus).sort()).toEqual(['confirmed', 'held']);

    const quote = (await caller.bookings.get({ bookingId })).cancellationQuote!;
    await caller.bookings.cancel({ bookingId, quotedRefundCents: quote.refundCents });
    await settle();
    const cancelled = await expectCopyAgrees(bookingId);
    expect(cancelled.ledger.find((entry) => entry.kind === 'refund')).toMatchObject({
      amountCents: quote.refundCents,
      actor: 'traveler',
      reason: expect.stringContaining('Cancelled by the customer'),
    });
    expect(cancelled.history.find((change) => change.toStatus === 'cancelled')).toMatchObject({
      fromStatus: 'confirmed',
      actor: 'traveler',
    });
  });

  it('agrees with the booking after an employee cancels it with a refund finance set', async () => {
    const { caller, bookingId } = await holdOne(2, (await launchAhead(1)).id);
    await pay(caller, bookingId);
    await settle();
    await expectCopyAgrees(bookingId);

    await employeeAs(world, 'finance').bookings.cancel({ bookingId, reason: 'Goodwill', refundCents: 12_345 });
    await settle();
    const cancelled = await expectCopyAgrees(bookingId);
    expect(cancelled.booking.status).toBe('cancelled');
    expect(cancelled.ledger.find((entry) => entry.kind === 'refund')).toMatchObject({
      amountCents: 12_345,
      actor: 'employee',
      actorEmail: 'finance@astro.example',
    });
    expect(cancelled.history.find((change) => change.toStatus === 'cancelled')).toMatchObject({
      actor: 'employee',
      actorEmail: 'finance@astro.example',
      reason: expect.stringContaining('Goodwill'),
    });
  });

  it('agrees with the booking after its hold lapses', async () => {
    const { bookingId } = await holdOne(3, (await launchAhead(2)).id);
    await settle();
    const later = new Date(Date.now() + 11 * minute);
    await expireLapsedHolds(customerDb(), later);
    await settle(later);
    const expired = await expectCopyAgrees(bookingId);
    expect(expired.booking.status).toBe('expired');
    expect(expired.history.find((change) => change.toStatus === 'expired')).toMatchObject({
      fromStatus: 'held',
      actor: 'system',
      reason: 'The hold lapsed before it was paid.',
    });
  });

  it('writes each record once, however often and in whatever order its versions arrive', async () => {
    const { caller, bookingId } = await holdOne(4, (await launchAhead(3)).id);
    await pay(caller, bookingId);
    await settle();
    const booking = await customerDb().findOneOrFail(Booking, bookingId);
    const messages = syncMessageCollection<{ _id: string; payload: never }>(world.stores.system.em);
    const { payload } = (await messages.findOne({ _id: bookingMessageId(bookingId, booking.version) }))!;
    // The same records under a later version (a change that moved no money), then an older version again.
    for (const version of [booking.version + 1, booking.version - 1])
      await applyBookingToCopy(
        world.stores.operational,
        world.stores.system.em.fork(),
        { entityId: bookingId, entityVersion: version, payload },
        new Date(),
      );
    expect(await operationalDb().count(BookingLedgerEntry, { booking: bookingId })).toBe(1);
    expect(await operationalDb().count(BookingStatusEntry, { booking: bookingId })).toBe(2);
    expect(await operationalDb().findOneOrFail(BookingCopy, bookingId)).toMatchObject({
      version: booking.version + 1,
      paidCents: booking.totalCents,
    });
  });

  it('gains its ledger and history when the bookings made before they were kept are replayed', async () => {
    // Back to how the stores were before: no histories, refunds without who, copies without ledger or history.
    const bookings = bookingCollection(customerDb());
    await bookings.updateMany({}, { $unset: { statusHistory: '' } });
    await bookings.updateMany({ 'refunds.0': { $exists: true } }, { $unset: { 'refunds.$[].by': '' } });
    const connection = operationalDb().getConnection();
    await connection.execute('delete from booking_ledger_entry');
    await connection.execute('delete from booking_status_entry');
    // One old booking is cancelled by its traveler before the replay: its history starts at that step.
    const [old] = await customerDb().find(
      Booking,
      { status: 'confirmed' },
      { orderBy: { createdAt: 'desc' }, limit: 1 },
    );
    const owner = await customerDb().findOneOrFail(Customer, old!.customerId);
    const asOwner = travelerAs(world, { id: owner.userId!, name: owner.name, email: owner.email });
    const quote = (await asOwner.bookings.get({ bookingId: old!.id })).cancellationQuote!;
    await asOwner.bookings.cancel({ bookingId: old!.id, quotedRefundCents: quote.refundCents });
    await settle();
    expect(await operationalDb().count(BookingLedgerEntry, { booking: { $ne: old!.id } })).toBe(0);

    const replayed = await completeBookingHistories(customerDb(), new Date());
    expect(replayed).toBe(await customerDb().count(Booking, {}));
    await settle();
    for (const booking of await customerDb().find(Booking, {})) await expectCopyAgrees(booking.id);
    const rebuilt = await customerDb().findOneOrFail(Booking, old!.id);
    expect(rebuilt.statusHistory).toMatchObject([
      { from: null, to: 'held', by: { kind: 'traveler' } },
      { from: 'held', to: 'confirmed', by: { kind: 'traveler' } },
      { from: 'confirmed', to: 'cancelled', by: { kind: 'traveler' } },
    ]);
    // Done once: nothing is left to replay.
    expect(await completeBookingHistories(customerDb(), new Date())).toBe(0);
  });
});
