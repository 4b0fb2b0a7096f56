import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@astro/logging';
import { sandboxGateway } from '@astro/payments';
import { seedDemoWorld } from '@astro/db/seed';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import { createCustomerContext } from '../context.ts';
import { customerRouter } from '../router.ts';

describe('customer catalogue.list', () => {
  let test: TestStores;
  const seededAt = new Date('2026-11-25T12:00:00Z');
  const log = createLogger({ service: 'test', level: 'error', write: () => {} });
  const callerAt = (now: Date) =>
    customerRouter.createCaller(
      createCustomerContext({
        customer: test.stores.customer,
        system: test.stores.system,
        payments: sandboxGateway(test.stores.system, () => now),
        log,
        now: () => now,
        viewer: null,
      }),
    );

  beforeAll(async () => {
    test = await openTestStores();
    await seedDemoWorld(test.stores, seededAt);
  });
  afterAll(() => test.drop());

  it('lists only launches still to fly, soonest first', async () => {
    const { launches } = await callerAt(seededAt).catalogue.list({});
    expect(launches.length).toBeGreaterThanOrEqual(20);
    const dates = launches.map((launch) => launch.launchDate);
    expect(dates).toEqual([...dates].sort());
    expect(launches.every((launch) => new Date(launch.launchDate) > seededAt)).toBe(true);
    expect(launches.every((launch) => ['scheduled', 'confirmed', 'delayed'].includes(launch.status))).toBe(true);
  });

  it('says which launches can still be booked: not sold out and more than 48 hours away', async () => {
    const { launches } = await callerAt(seededAt).catalogue.list({});
    const soldOut = launches.find((launch) => launch.seatsLeft === 0);
    expect(soldOut?.bookable).toBe(false);
    const next = launches.find((launch) => launch.seatsLeft > 0)!;
    const twoHoursBefore = new Date(new Date(next.launchDate).getTime() - 2 * 3_600_000);
    const later = await callerAt(twoHoursBefore).catalogue.list({});
    expect(later.launches.find((launch) => launch.id === next.id)?.bookable).toBe(false);
  });

  it('caps the page size with a message a person can act on', async () => {
    await expect(callerAt(seededAt).catalogue.list({ limit: 1000 })).rejects.toThrow('Ask for at most 100 launches');
  });

  it('filters by destination, month, price and seats left, and sorts by price', async () => {
    const all = (await callerAt(seededAt).catalogue.list({ limit: 100 })).launches;
    const moon = await callerAt(seededAt).catalogue.list({ destination: 'moon', limit: 100 });
    expect(moon.launches.length).toBe(all.filter((l) => l.destination === 'moon').length);
    expect(moon.launches.length).toBeGreaterThan(0);

    const month = all[3]!.launchDate.slice(0, 7);
    const inMonth = await callerAt(seededAt).catalogue.list({ month, limit: 100 });
    expect(inMonth.launches.map((l) => l.id)).toEqual(
      all.filter((l) => l.launchDate.startsWith(month)).map((l) => l.id),
    );

    const cheap = await callerAt(seededAt).catalogue.list({ maxPriceCents: 100_000_00, minSeatsLeft: 2, limit: 100 });
    expect(cheap.launches.every((l) => l.pricePerSeatCents <= 100_000_00 && l.seatsLeft >= 2)).toBe(true);
    expect(cheap.launches.length).toBe(all.filter((l) => l.pricePerSeatCents <= 100_000_00 && l.seatsLeft >= 2).length);

    const byPrice = (await callerAt(seededAt).catalogue.list({ sort: 'price', limit: 100 })).launches.map(
      (l) => l.pricePerSeatCents,
    );
    expect(byPrice).toEqual([...byPrice].sort((a, b) => a - b));
  });

  it("opens a launch's page by its slug, with its status history", async () => {
    const [first] = (await callerAt(seededAt).catalogue.list({})).launches;
    const launch = await callerAt(seededAt).catalogue.launch({ slug: first!.slug });
    expect(launch).toMatchObject({ id: first!.id, missionName: first!.missionName, history: expect.any(Array) });
    expect(launch.history.length).toBeGreaterThan(0);
    await expect(callerAt(seededAt).catalogue.launch({ slug: 'no-such-launch' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'This launch is not in the catalogue (any more).',
    });
  });
});
