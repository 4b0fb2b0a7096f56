import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Booking, CatalogueLaunch } from '@astro/db/customer';
import { BookingCopy, Launch } from '@astro/db/operational';
import { seedDemoWorld } from '@astro/db/seed';
import { sandboxCards } from '@astro/payments';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import { settleSync } from '../../../../packages/jobs/src/sync/apply/targets.test-support.ts';
import { employeeAs, supplierOf, traveler } from './people.test-support.ts';

const day = 86_400_000;

describe('applying the sync messages of what people change through the API', () => {
  let world: TestStores;
  const settle = () => settleSync(world.stores);
  const catalogue = (id: string) => world.stores.customer.em.fork().findOneOrFail(CatalogueLaunch, id);
  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, new Date());
    await settle();
  });
  afterAll(() => world.drop());

  it('shows a delayed launch in the catalogue at its new date, its seat counts untouched', async () => {
    const launch = await world.stores.operational.em
      .fork()
      .findOneOrFail(Launch, { status: 'scheduled', launchDate: { $gt: new Date(Date.now() + 30 * day) } });
    const before = await catalogue(launch.id);
    const newDate = new Date(launch.launchDate.getTime() + 14 * day);
    await supplierOf(world, launch.agency.id).launches.changeStatus({
      launchId: launch.id,
      to: 'delayed',
      newDate,
      reason: 'Weather window',
    });
    expect(await settle()).toMatchObject({ applied: 1, dead: 0 });
    const after = await catalogue(launch.id);
    expect(after).toMatchObject({
      status: 'delayed',
      seatsLeft: before.seatsLeft,
      seatsConfirmed: before.seatsConfirmed,
    });
    expect(after.launchDate).toEqual(newDate);
    expect(after.statusHistory.at(-1)).toMatchObject({ status: 'delayed', reason: 'Weather window' });
  });

  it('copies a paid booking to the Operational DB, and confirms the launch when its minimum is reached', async () => {
    // A scheduled launch a few seats short of its minimum.
    const launches = await world.stores.customer.em
      .fork()
      .find(CatalogueLaunch, { status: 'scheduled', launchDate: { $gt: new Date(Date.now() + 30 * day) } });
    const launch = launches.find((each) => each.minimumPassengers - each.seatsConfirmed <= 4 && each.seatsLeft >= 4)!;
    const short = launch.minimumPassengers - launch.seatsConfirmed;
    const caller = traveler(world, 1);
    const { bookingId } = await caller.bookings.hold({
      launchId: launch.id,
      seats: short,
      idempotencyKey: 'sync-apply-1',
    });
    await caller.bookings.passengers({
      bookingId,
      passengers: Array.from({ length: short }, (_, i) => ({ name: `Crew ${i}`, birthDate: '1980-01-01' })),
    });
    const paid = await caller.bookings.pay({
      bookingId,
      attemptKey: 'sync-apply-pay-1',
      card: { number: sandboxCards.succeeds, expiry: '12/30', cvc: '123' },
    });

    await settle();
    const copy = await world.stores.operational.em.fork().findOneOrFail(BookingCopy, bookingId);
    expect(copy).toMatchObject({ status: 'confirmed', seats: short, paidCents: paid.totalCents, refundedCents: 0 });
    expect(await world.stores.operational.em.fork().findOneOrFail(Launch, launch.id)).toMatchObject({
      status: 'confirmed',
    });
    // The confirmation travels back to the catalogue like any launch change.
    await settle();
    expect(await catalogue(launch.id)).toMatchObject({ status: 'confirmed', seatsConfirmed: launch.minimumPassengers });
  });

  it("carries an employee's cancellation to the Customer DB as a command, with the refund finance set", async () => {
    const launch = await world.stores.customer.em.fork().findOneOrFail(CatalogueLaunch, {
      status: 'confirmed',
      seatsLeft: { $gte: 1 },
      launchDate: { $gt: new Date(Date.now() + 30 * day) },
    });
    const caller = traveler(world, 2);
    const { bookingId } = await caller.bookings.hold({
      launchId: launch.id,
      seats: 1,
      idempotencyKey: 'employee-cancels',
    });
    await caller.bookings.passengers({ bookingId, passengers: [{ name: 'Sally Ride', birthDate: '1981-05-26' }] });
    await caller.bookings.pay({
      bookingId,
      attemptKey: 'employee-cancels-pay',
      card: { number: sandboxCards.succeeds, expiry: '12/30', cvc: '123' },
    });
    await settle();
    const employee = (role: 'support' | 'finance') => employeeAs(world, role);
    await expect(
      employee('support').bookings.cancel({ bookingId, reason: 'Customer asked by phone', refundCents: 100 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      employee('finance').bookings.cancel({ bookingId, reason: 'Goodwill', refundCents: launch.pricePerSeatCents + 1 }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'A refund can never be more than what was paid.' });
    expect(await employee('finance').bookings.cancel({ bookingId, reason: 'Goodwill', refundCents: 12_345 })).toEqual({
      requested: true,
      refundCents: 12_345,
    });

    await settle();
    const booking = await world.stores.customer.em.fork().findOneOrFail(Booking, bookingId);
    expect(booking.status).toBe('cancelled');
    expect(booking.refunds).toEqual([
      expect.objectContaining({ amountCents: 12_345, reason: expect.stringContaining('finance@astro.example') }),
    ]);
    // The cancellation comes back to the employee's copy with the next sync.
    await settle();
    expect(await world.stores.operational.em.fork().findOneOrFail(BookingCopy, bookingId)).toMatchObject({
      status: 'cancelled',
      refundedCents: 12_345,
    });
  });
});
