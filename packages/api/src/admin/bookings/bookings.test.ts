import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccounts } from '@astro/auth/accounts';
import { BookingCopy, SyncOutboxMessage } from '@astro/db/operational';
import { seedDemoWorld } from '@astro/db/seed';
import { createLogger } from '@astro/logging';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import { auditEntryCount, auditTrailOf } from '../../audit.test-support.ts';
import { viewerAs } from '../../personas.test-support.ts';
import { createAdminContext } from '../context.ts';
import { adminRouter } from '../router.ts';

const day = 86_400_000;

describe('admin bookings.cancel in the audit trail', () => {
  let world: TestStores;
  const now = new Date();
  const log = createLogger({ service: 'test', level: 'error', write: () => {} });
  const as = (role: 'support' | 'finance') =>
    adminRouter.createCaller(
      createAdminContext({
        operational: world.stores.operational,
        system: world.stores.system,
        log,
        now: () => now,
        viewer: viewerAs(role),
        accounts: createAccounts({ system: world.stores.system, log, publicUrl: 'http://localhost' }),
      }),
    );
  /** Confirmed bookings of launches still far ahead, which the desk may cancel. */
  const cancellable = async () => {
    const copies = await world.stores.operational.em
      .fork()
      .find(BookingCopy, { status: 'confirmed' }, { populate: ['launch'], orderBy: { id: 'asc' } });
    return copies.filter(
      (copy) => copy.launch.launchDate.getTime() > now.getTime() + 100 * day && copy.launch.status !== 'launched',
    );
  };

  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, now);
  });
  afterAll(() => world.drop());

  it('records the cancellation asked for, with its reason, in the transaction of the command', async () => {
    const [booking] = await cancellable();
    await as('finance').bookings.cancel({ bookingId: booking!.id, reason: 'Goodwill', refundCents: 1_000 });
    expect(await auditTrailOf(world.stores, 'booking', booking!.id)).toEqual([
      expect.objectContaining({
        actorEmail: 'finance@example.com',
        actorRole: 'finance',
        action: 'booking.cancel',
        before: { status: 'confirmed' },
        after: { status: 'cancellation requested', refundCents: 1_000, refundSetByEmployee: true },
        reason: 'Goodwill',
      }),
    ]);
    expect(await world.stores.operational.em.fork().count(SyncOutboxMessage, { entityId: booking!.id })).toBe(1);
  });

  it('records nothing for a cancellation it refuses', async () => {
    const [, booking] = await cancellable();
    const entries = await auditEntryCount(world.stores);
    await expect(
      as('support').bookings.cancel({ bookingId: booking!.id, reason: 'Asked by phone', refundCents: 100 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      as('finance').bookings.cancel({
        bookingId: booking!.id,
        reason: 'Goodwill',
        refundCents: booking!.paidCents + 1,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const cancelled = await world.stores.operational.em.fork().findOneOrFail(BookingCopy, { status: 'cancelled' });
    await expect(as('support').bookings.cancel({ bookingId: cancelled.id, reason: 'Again' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    expect(await auditEntryCount(world.stores)).toBe(entries);
    expect(await world.stores.operational.em.fork().count(SyncOutboxMessage, { entityId: booking!.id })).toBe(0);
  });
});
