import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Booking } from '@astro/db/customer';
import { BookingCopy } from '@astro/db/operational';
import { seedDemoWorld } from '@astro/db/seed';
import { Email } from '@astro/db/system';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import { settleSync } from '../../../../packages/jobs/src/sync/apply/targets.test-support.ts';
import { employeeAs } from './people.test-support.ts';

const day = 86_400_000;

describe('the bookings desk and the sync together', () => {
  let world: TestStores;
  /** Everything the sync jobs do, until nothing is left to relay or apply. */
  const settle = async () => {
    while ((await settleSync(world.stores, () => new Date())).applied > 0);
  };

  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, new Date());
    await settle();
  });
  afterAll(() => world.drop());

  it('shows a cancellation pending until the sync cancels the copy, and the traveler’s cancellation e-mail is queued', async () => {
    const copies = await world.stores.operational.em
      .fork()
      .find(BookingCopy, { status: 'confirmed' }, { populate: ['launch'], orderBy: { id: 'asc' } });
    const booking = copies.find(
      (copy) => copy.launch.status !== 'launched' && copy.launch.launchDate.getTime() > Date.now() + 100 * day,
    )!;
    const support = employeeAs(world, 'support');
    const { refundCents } = await support.bookings.cancel({ bookingId: booking.id, reason: 'Traveler called: ill' });
    expect((await support.bookings.detail({ bookingId: booking.id })).cancellationPending).toMatchObject({
      requestedBy: 'support@astro.example',
      reason: 'Traveler called: ill',
      refundCents: null,
    });

    await settle();
    const detail = await support.bookings.detail({ bookingId: booking.id });
    expect(detail).toMatchObject({
      status: 'cancelled',
      cancellationPending: null,
      refundedCents: refundCents,
      actions: { cancel: { allowed: false } },
    });
    expect(detail.timeline.at(-1)).toMatchObject({
      from: 'confirmed',
      to: 'cancelled',
      actor: 'employee',
      actorEmail: 'support@astro.example',
      reason: expect.stringContaining('Traveler called: ill'),
    });
    expect(detail.ledger.at(-1)).toMatchObject({ kind: 'refund', amountCents: refundCents });
    expect((await world.stores.customer.em.fork().findOneOrFail(Booking, booking.id)).status).toBe('cancelled');

    const cancellationEmail = await world.stores.system.em
      .fork()
      .findOneOrFail(Email, { bookingId: booking.id, event: 'booking-cancelled', recipient: booking.customerEmail });
    expect(cancellationEmail.templateData).toMatchObject({
      refundCents,
      reason: expect.stringContaining('Traveler called: ill'),
    });
    expect(detail.emails.map((email) => [email.event, email.recipient])).toContainEqual([
      'booking-cancelled',
      booking.customerEmail,
    ]);
  });
});
