import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@astro/logging';
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
});
