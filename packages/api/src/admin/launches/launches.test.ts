import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAccounts } from '@astro/auth/accounts';
import { Agency, BookingCopy, Launch, LaunchStatusChange, Rocket } from '@astro/db/operational';
import { seedDemoWorld } from '@astro/db/seed';
import type { UserRole } from '@astro/db/system';
import { launchSlug, type BookingStatus } from '@astro/domain';
import { createLogger } from '@astro/logging';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import { viewerAs } from '../../personas.test-support.ts';
import { createAdminContext } from '../context.ts';
import { adminRouter } from '../router.ts';

const now = new Date('2026-11-25T12:00:00Z');
const day = 86_400_000;

describe('admin launches', () => {
  let world: TestStores;
  let agency: Agency;
  let rocket: Rocket;
  let launch: Launch;
  const log = createLogger({ service: 'test', level: 'error', write: () => {} });
  const contextAs = (role: UserRole) =>
    createAdminContext({
      operational: world.stores.operational,
      system: world.stores.system,
      log,
      now: () => now,
      viewer: viewerAs(role),
      accounts: createAccounts({ system: world.stores.system, log, publicUrl: 'http://localhost' }),
    });
  const as = (role: UserRole) => adminRouter.createCaller(contextAs(role));
  const em = () => world.stores.operational.em.fork();
  const allLaunches = () => em().find(Launch, {}, { populate: ['agency'] });

  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, now);
    const db = em();
    agency = await db.findOneOrFail(Agency, { displayName: 'Kestrel Suborbital' });
    rocket = await db.findOneOrFail(Rocket, { agency: agency.id }, { orderBy: { capacity: 'desc' } });
    // A launch of our own, with bookings in every status, so its occupancy is known to the seat.
    const launchDate = new Date(Date.UTC(2027, 5, 14, 9));
    launch = db.create(Launch, {
      agency,
      rocket,
      missionName: 'Oversight Hop',
      destination: 'suborbital',
      spaceport: 'Spaceport America',
      launchDate,
      launchDay: launchDate.toISOString().slice(0, 10),
      pricePerSeatCents: 300_000_00,
      minimumPassengers: 3,
      slug: launchSlug('Oversight Hop', 'suborbital', launchDate),
    });
    db.create(LaunchStatusChange, {
      launch,
      fromStatus: null,
      toStatus: 'scheduled',
      reason: 'Launch published',
      launchDate,
      changedBy: 'ops@kestrel.example',
      changedAt: new Date(now.getTime() - 30 * day),
    });
    const book = (seats: number, status: BookingStatus, daysAgo: number, name: string) =>
      db.create(BookingCopy, {
        id: crypto.randomUUID(),
        launch,
        customerId: crypto.randomUUID(),
        customerName: name,
        customerEmail: `${name.toLowerCase().replace(' ', '.')}@example.com`,
        seats,
        passengers: [],
        unitPriceCents: 300_000_00,
        totalCents: seats * 300_000_00,
        status,
        paidCents: status === 'confirmed' ? seats * 300_000_00 : 0,
        version: 2,
        bookedAt: new Date(now.getTime() - daysAgo * day),
      });
    book(2, 'confirmed', 9, 'Ana Lima');
    book(1, 'confirmed', 7, 'Ben Okafor');
    book(2, 'held', 1, 'Cleo Varga');
    book(4, 'cancelled', 5, 'Dev Patel');
    book(1, 'expired', 3, 'Eli Stone');
    await db.flush();
  });
  afterAll(() => world.drop());

  it('lists every launch of every agency, each with its occupancy against capacity and minimum', async () => {
    const everyLaunch = await allLaunches();
    const page = await as('support').launches.list({ pageSize: 100 });
    expect(page.total).toBe(everyLaunch.length);
    expect(new Set(page.launches.map((each) => each.agency.displayName)).size).toBeGreaterThan(3);
    expect(page.launches.find((each) => each.id === launch.id)).toMatchObject({
      missionName: 'Oversight Hop',
      agency: { id: agency.id, displayName: 'Kestrel Suborbital', status: 'active' },
      rocket: { id: rocket.id, name: rocket.name },
      // Held seats are taken but not yet paid; cancelled and expired ones came back.
      occupancy: {
        capacity: rocket.capacity,
        minimum: 3,
        confirmedSeats: 3,
        heldSeats: 2,
        seatsLeft: rocket.capacity - 5,
        viable: true,
      },
    });
  });

  it('counts the seats of a whole page in one query, however many launches it shows', async () => {
    const ctx = contextAs('finance');
    const execute = vi.spyOn(ctx.operationalDb, 'execute');
    const page = await adminRouter.createCaller(ctx).launches.list({ pageSize: 30 });
    expect(page.launches).toHaveLength(30);
    expect(execute).toHaveBeenCalledTimes(1);
  });

  it('filters by agency, status, destination and launch date, alone and together', async () => {
    const everyLaunch = await allLaunches();
    const ids = async (filter: Parameters<ReturnType<typeof as>['launches']['list']>[0]) =>
      (await as('admin').launches.list({ pageSize: 100, ...filter })).launches.map((each) => each.id).sort();
    const expected = (keep: (launch: Launch) => boolean) =>
      everyLaunch
        .filter(keep)
        .map((each) => each.id)
        .sort();
    const from = new Date(now.getTime() + 30 * day);
    const to = new Date(now.getTime() + 250 * day);

    expect(await ids({ agencyId: agency.id })).toEqual(expected((each) => each.agency.id === agency.id));
    expect(await ids({ status: ['delayed', 'aborted'] })).toEqual(
      expected((each) => each.status === 'delayed' || each.status === 'aborted'),
    );
    expect(await ids({ destination: 'moon' })).toEqual(expected((each) => each.destination === 'moon'));
    expect(await ids({ from, to })).toEqual(expected((each) => each.launchDate >= from && each.launchDate <= to));
    const together = await ids({ agencyId: agency.id, status: ['scheduled'], destination: 'suborbital', from, to });
    expect(together).toEqual(
      expected(
        (each) =>
          each.agency.id === agency.id &&
          each.status === 'scheduled' &&
          each.destination === 'suborbital' &&
          each.launchDate >= from &&
          each.launchDate <= to,
      ),
    );
    expect(together).toContain(launch.id);
    await expect(as('admin').launches.list({ from: to, to: from })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('The end of the period must not be before its start.'),
    });
  });

  it('sorts on the server and pages without repeating or skipping a launch', async () => {
    const byName = (await as('admin').launches.list({ sort: 'missionName', pageSize: 100 })).launches.map(
      (each) => each.missionName,
    );
    expect(byName).toEqual([...byName].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    const paged: string[] = [];
    for (let page = 1; ; page++) {
      const result = await as('admin').launches.list({ sort: 'agency', direction: 'desc', page, pageSize: 7 });
      paged.push(...result.launches.map((each) => each.id));
      if (page * 7 >= result.total) break;
    }
    const whole = (await as('admin').launches.list({ sort: 'agency', direction: 'desc', pageSize: 100 })).launches;
    expect(paged).toEqual(whole.map((each) => each.id));
    const agencies = whole.map((each) => each.agency.displayName);
    expect(agencies).toEqual([...agencies].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
  });

  it('shows one launch with its rocket, agency, status history and bookings, newest booking first', async () => {
    const detail = await as('support').launches.detail({ launchId: launch.id });
    expect(detail).toMatchObject({
      missionName: 'Oversight Hop',
      status: 'scheduled',
      minimumPassengers: 3,
      rocket: { id: rocket.id, name: rocket.name, capacity: rocket.capacity, range: rocket.range, active: true },
      agency: { id: agency.id, legalName: agency.legalName, contactEmail: agency.contactEmail },
      occupancy: { confirmedSeats: 3, heldSeats: 2 },
      history: [{ from: null, to: 'scheduled', reason: 'Launch published', by: 'ops@kestrel.example' }],
    });
    expect(detail.bookings.map((booking) => [booking.customerName, booking.seats, booking.status])).toEqual([
      ['Cleo Varga', 2, 'held'],
      ['Eli Stone', 1, 'expired'],
      ['Dev Patel', 4, 'cancelled'],
      ['Ben Okafor', 1, 'confirmed'],
      ['Ana Lima', 2, 'confirmed'],
    ]);
    expect(detail.bookings[4]).toMatchObject({ paidCents: 600_000_00, refundedCents: 0, totalCents: 600_000_00 });
  });

  it('tells every change of a delayed launch, with who made it, when and why', async () => {
    const delayed = await em().findOneOrFail(Launch, { status: 'delayed' }, { orderBy: { launchDate: 'asc' } });
    const detail = await as('finance').launches.detail({ launchId: delayed.id });
    expect(detail.history.map((step) => [step.from, step.to])).toEqual([
      [null, 'scheduled'],
      ['scheduled', 'delayed'],
    ]);
    expect(detail.history[1]).toMatchObject({
      reason: expect.any(String),
      launchDate: delayed.launchDate.toISOString(),
      by: expect.stringContaining('@'),
    });
  });

  it("offers the launch's audit history to admins, and tells support and finance why not", async () => {
    expect((await as('admin').launches.detail({ launchId: launch.id })).auditHistory).toEqual({ allowed: true });
    for (const role of ['support', 'finance'] as const)
      expect((await as(role).launches.detail({ launchId: launch.id })).auditHistory).toEqual({
        allowed: false,
        reason: 'Your role sees the history of bookings only.',
      });
  });

  it('says so when a launch does not exist', async () => {
    await expect(as('admin').launches.detail({ launchId: crypto.randomUUID() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'That launch does not exist.',
    });
  });

  it('lets support, finance and admins read launches, and nobody else', async () => {
    for (const role of ['support', 'finance', 'admin'] as const)
      expect((await as(role).launches.list({ pageSize: 1 })).launches).toHaveLength(1);
    for (const role of ['supplier', 'customer', 'operator'] as const) {
      await expect(as(role).launches.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(as(role).launches.detail({ launchId: launch.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});
