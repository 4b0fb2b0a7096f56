import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import { Booking } from '../customer/booking.entity.ts';
import { CatalogueLaunch } from '../customer/catalogue-launch.entity.ts';
import { Customer } from '../customer/customer.entity.ts';
import { Agency } from '../operational/agency.entity.ts';
import { BookingCopy } from '../operational/booking-copy.entity.ts';
import { Launch } from '../operational/launch.entity.ts';
import { Rocket } from '../operational/rocket.entity.ts';
import { User } from '../system/user.entity.ts';
import { deskTravelerNames, travelerEmailOf } from './demo-world.data.ts';
import { seedDemoWorldWhenEmpty } from './demo-world.ts';

describe('the demo world', () => {
  let test: TestStores;
  const now = new Date('2026-11-25T12:00:00Z');

  beforeAll(async () => {
    test = await openTestStores();
    const outcome = await seedDemoWorldWhenEmpty(test.stores, now);
    expect(outcome.seeded).toBe(true);
  });
  afterAll(() => test.drop());

  it('has several agencies, a dozen rockets and 30+ launches across every destination and many months', async () => {
    const em = test.stores.operational.em.fork();
    expect(await em.count(Agency, {})).toBeGreaterThanOrEqual(5);
    expect(await em.count(Rocket, {})).toBeGreaterThanOrEqual(12);
    const launches = await em.find(Launch, {});
    expect(launches.length).toBeGreaterThanOrEqual(30);
    expect(new Set(launches.map((launch) => launch.destination))).toEqual(
      new Set(['suborbital', 'orbit', 'moon', 'mars']),
    );
    const months = new Set(
      launches.filter((launch) => launch.launchDate > now).map((launch) => launch.launchDate.toISOString().slice(0, 7)),
    );
    expect(months.size).toBeGreaterThanOrEqual(10);
  });

  it('puts every launch in the catalogue with seat counts that match its confirmed bookings', async () => {
    const customerDb = test.stores.customer.em.fork();
    const catalogue = await customerDb.find(CatalogueLaunch, {});
    const bookings = await customerDb.find(Booking, { status: 'confirmed' });
    expect(catalogue).toHaveLength(await test.stores.operational.em.fork().count(Launch, {}));
    for (const launch of catalogue) {
      const confirmed = bookings
        .filter((booking) => booking.launchId === launch.id)
        .reduce((sum, booking) => sum + booking.seats, 0);
      expect(launch.seatsConfirmed).toBe(confirmed);
      expect(launch.seatsLeft).toBe(launch.capacity - confirmed);
      expect(launch.seatsLeft).toBeGreaterThanOrEqual(0);
    }
    expect(catalogue.some((launch) => launch.seatsLeft === 0 && launch.launchDate > now)).toBe(true);
  });

  it('keeps an Operational DB copy of every booking', async () => {
    const bookings = await test.stores.customer.em.fork().find(Booking, {});
    const copies = await test.stores.operational.em.fork().find(BookingCopy, {});
    expect(bookings.length).toBeGreaterThan(30);
    expect(copies.map((copy) => [copy.id, copy.status, copy.seats]).sort()).toEqual(
      bookings.map((booking) => [booking.id, booking.status, booking.seats]).sort(),
    );
  });

  it('gives every traveler and staff member an account, and makes frequent flyers VIPs', async () => {
    const customers = await test.stores.customer.em.fork().find(Customer, {});
    const users = await test.stores.system.em.fork().find(User, {});
    expect(
      customers.every((customer) =>
        users.some((user) => user.id === customer.userId && user.roles.includes('customer')),
      ),
    ).toBe(true);
    for (const role of ['supplier', 'admin', 'support', 'finance', 'operator'] as const) {
      expect(users.some((user) => user.roles.includes(role))).toBe(true);
    }
    expect(customers.every((customer) => customer.vip === customer.tripsFlown >= 2)).toBe(true);
    // A trip is a launch flown: two bookings on one flight count once.
    const flown = await test.stores.customer.em.fork().find(CatalogueLaunch, { status: 'launched' });
    const onFlown = await test.stores.customer.em
      .fork()
      .find(Booking, { launchId: { $in: flown.map((launch) => launch.id) }, status: 'confirmed' });
    for (const customer of customers)
      expect(customer.tripsFlown, customer.name).toBe(
        new Set(onFlown.filter((b) => b.customerId === customer.id).map((b) => b.launchId)).size,
      );
  });

  it('gives each of the bookings desk’s travelers one confirmed seat on a confirmed launch far ahead', async () => {
    const customerDb = test.stores.customer.em.fork();
    for (const name of deskTravelerNames) {
      const traveler = await customerDb.findOneOrFail(Customer, { email: travelerEmailOf(name) });
      const bookings = await customerDb.find(Booking, { customerId: traveler.id });
      expect(bookings.map((booking) => [booking.status, booking.seats])).toEqual([['confirmed', 1]]);
      const launch = await customerDb.findOneOrFail(CatalogueLaunch, bookings[0]!.launchId);
      expect(launch.status).toBe('confirmed');
      expect(launch.launchDate.getTime()).toBeGreaterThan(now.getTime() + 300 * 86_400_000);
    }
  });

  it('gives Meridian Orbital a launch of its own, confirmed, booked and due yesterday, for a supplier to mark launched', async () => {
    const em = test.stores.operational.em.fork();
    const agency = await em.findOneOrFail(Agency, { displayName: 'Meridian Orbital' });
    const launches = await em.find(Launch, { agency });
    expect(launches.map((launch) => [launch.missionName, launch.status])).toEqual([['Northern Light', 'confirmed']]);
    const launchDate = launches[0]!.launchDate.getTime();
    expect(launchDate).toBeLessThan(now.getTime());
    expect(launchDate).toBeGreaterThan(now.getTime() - 2 * 86_400_000);
    const copies = await em.find(BookingCopy, { launch: launches[0]! });
    expect(copies.map((copy) => [copy.status, copy.seats]).sort()).toEqual([
      ['confirmed', 1],
      ['confirmed', 2],
      ['confirmed', 2],
    ]);
    const bookings = await test.stores.customer.em.fork().find(Booking, { launchId: launches[0]!.id });
    // Settled, so its invoice can be issued once it is launched: every copy at its booking's version.
    expect(bookings.map((booking) => [booking.id, booking.version]).sort()).toEqual(
      copies.map((copy) => [copy.id, copy.version]).sort(),
    );
  });

  it('seeds only once', async () => {
    expect(await seedDemoWorldWhenEmpty(test.stores, now)).toEqual({
      seeded: false,
      reason: 'The databases already hold data.',
    });
  });
});
