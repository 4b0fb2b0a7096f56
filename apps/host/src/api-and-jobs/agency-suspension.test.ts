/** Suspending an agency as an admin, and what the sync makes of it for travelers and the agency's suppliers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Booking, CatalogueLaunch } from '@astro/db/customer';
import { Agency, AuditEntry, BookingCopy } from '@astro/db/operational';
import { seedDemoWorld } from '@astro/db/seed';
import { salesPausedMessage } from '@astro/domain';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import { settleSync } from '../../../../packages/jobs/src/sync/apply/targets.test-support.ts';
import { employeeAs, supplierOf, traveler } from './people.test-support.ts';

const day = 86_400_000;

describe('a suspended agency', () => {
  let world: TestStores;
  let agencyId: string;
  let launchId: string;
  const settle = () => settleSync(world.stores);
  const catalogue = () => world.stores.customer.em.fork().findOneOrFail(CatalogueLaunch, launchId);
  const admin = () => employeeAs(world, 'admin');
  const supplier = () => supplierOf(world, agencyId);
  const card = { number: '4242 4242 4242 4242', expiry: '12/30', cvc: '123' };

  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, new Date());
    await settle();
    // An agency of its own for this file, with one launch ahead and one booking confirmed on it.
    ({ id: agencyId } = await admin().agencies.onboard({
      displayName: 'Nimbus Flights',
      legalName: 'Nimbus Flights GmbH',
      taxId: 'DE-811-907-245',
      legalAddress: 'Raumfahrtstraße 1, 28199 Bremen, Germany',
      contactEmail: 'flights@nimbus.example',
      description: 'Suborbital hops from the North Sea coast.',
    }));
    const { id: rocketId } = await supplier().rockets.create({ name: 'Nimbus One', capacity: 6, range: 'suborbital' });
    ({ id: launchId } = await supplier().launches.schedule({
      rocketId,
      missionName: 'North Sea Hop',
      destination: 'suborbital',
      spaceport: 'Nordholz Spaceport',
      launchDate: new Date(Date.now() + 90 * day),
      pricePerSeatCents: 300_000_00,
      minimumPassengers: 2,
    }));
    await settle();
    const booker = traveler(world, 71);
    const { bookingId } = await booker.bookings.hold({ launchId, seats: 2, idempotencyKey: 'nimbus-before' });
    await booker.bookings.passengers({
      bookingId,
      passengers: [
        { name: 'Sally Ride', birthDate: '1981-05-26' },
        { name: 'Mae Jemison', birthDate: '1986-10-17' },
      ],
    });
    await booker.bookings.pay({ bookingId, attemptKey: 'nimbus-before-pay', card });
    await settle();
  });
  afterAll(() => world.drop());

  it('sells no seat once the sync has applied the suspension, keeps the bookings made, and makes its supplier read-only', async () => {
    expect(await admin().agencies.suspend({ agencyId, reason: 'Safety review after an engine anomaly' })).toEqual({
      id: agencyId,
      status: 'suspended',
      changed: true,
    });
    // Before the sync the catalogue has not heard of it; afterwards its launch is marked, and holds are refused.
    expect(await settle()).toMatchObject({ dead: 0 });
    expect(await catalogue()).toMatchObject({ salesPaused: true, seatsConfirmed: 2, seatsLeft: 4 });
    await expect(
      traveler(world, 72).bookings.hold({ launchId, seats: 1, idempotencyKey: 'nimbus-during' }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', message: salesPausedMessage });
    await expect(traveler(world, 72).waitingList.join({ launchId, seats: 1 })).rejects.toMatchObject({
      message: salesPausedMessage,
    });
    const { launches } = await traveler(world, 72).catalogue.list({});
    expect(launches.find((launch) => launch.id === launchId)).toMatchObject({ salesPaused: true, bookable: false });

    // The booking made before stands, in the Customer DB and in its copy.
    const bookings = await world.stores.customer.em.fork().find(Booking, { launchId });
    expect(bookings.map((booking) => booking.status)).toEqual(['confirmed']);
    expect(
      (await world.stores.operational.em.fork().find(BookingCopy, { launch: launchId })).map((c) => c.status),
    ).toEqual(['confirmed']);

    // Its supplier reads everything and changes nothing, whichever change they try.
    expect((await supplier().launches.get({ launchId })).missionName).toBe('North Sea Hop');
    const refused = { code: 'FORBIDDEN', message: expect.stringContaining('Your agency is suspended') };
    await expect(
      supplier().launches.changeStatus({
        launchId,
        to: 'delayed',
        newDate: new Date(Date.now() + 120 * day),
        reason: 'Wind',
      }),
    ).rejects.toMatchObject(refused);
    await expect(
      supplier().agency.update({ contactEmail: 'new@nimbus.example', description: 'x' }),
    ).rejects.toMatchObject(refused);
    await expect(
      supplier().rockets.create({ name: 'Nimbus Two', capacity: 4, range: 'suborbital' }),
    ).rejects.toMatchObject(refused);
    expect(
      await world.stores.operational.em
        .fork()
        .count(AuditEntry, { actorRole: 'supplier', targetId: launchId, action: 'launch.changeStatus' }),
    ).toBe(0);
  });

  it('sells again once reactivated, after the sync', async () => {
    await admin().agencies.reactivate({ agencyId, reason: 'Safety review passed' });
    await settle();
    expect(await catalogue()).toMatchObject({ salesPaused: false });
    const hold = await traveler(world, 73).bookings.hold({ launchId, seats: 1, idempotencyKey: 'nimbus-after' });
    expect(hold.holdExpiresAt).not.toBeNull();
    await supplier().agency.update({ contactEmail: 'hello@nimbus.example', description: 'Back in the air.' });
    expect((await world.stores.operational.em.fork().findOneOrFail(Agency, agencyId)).contactEmail).toBe(
      'hello@nimbus.example',
    );
  });
});
