import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agency, BookingCopy, Launch, LaunchStatusChange, Rocket, SyncOutboxMessage } from '@astro/db/operational';
import { seedDemoWorld } from '@astro/db/seed';
import { createLogger } from '@astro/logging';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import { auditTrailOf } from '../../audit.test-support.ts';
import { viewerAs } from '../../personas.test-support.ts';
import { createSupplierContext } from '../context.ts';
import { supplierRouter } from '../router.ts';

const now = new Date('2026-11-25T12:00:00Z');
const day = 86_400_000;

describe('supplier launches and rockets', () => {
  let world: TestStores;
  let agencyA: Agency;
  let agencyB: Agency;
  const log = createLogger({ service: 'test', level: 'error', write: () => {} });
  const as = (agency: Agency) =>
    supplierRouter.createCaller(
      createSupplierContext({
        operational: world.stores.operational,
        system: world.stores.system,
        log,
        now: () => now,
        viewer: { ...viewerAs('supplier', { agencyId: agency.id }), email: `ops@${agency.id.slice(0, 8)}.example` },
      }),
    );
  const em = () => world.stores.operational.em.fork();

  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, now);
    [agencyA, agencyB] = (await em().find(
      Agency,
      { status: 'active' },
      { orderBy: { legalName: 'asc' }, limit: 2 },
    )) as [Agency, Agency];
  });
  afterAll(() => world.drop());

  const newRocket = async (
    agency: Agency,
    fields: Partial<{ name: string; capacity: number; range: 'suborbital' | 'orbit' | 'moon' | 'mars' }> = {},
  ) =>
    (
      await as(agency).rockets.create({
        name: `Skylark ${Math.random().toString(36).slice(2, 7)}`,
        capacity: 8,
        range: 'orbit',
        ...fields,
      })
    ).id;
  const terms = (rocketId: string, daysAhead: number) => ({
    rocketId,
    missionName: `Dawn Flight ${daysAhead}`,
    destination: 'orbit' as const,
    spaceport: 'Cape Canaveral SLC-40',
    launchDate: new Date(now.getTime() + daysAhead * day),
    pricePerSeatCents: 450_000_00,
    minimumPassengers: 3,
  });

  it('schedules a launch with its slug, first history entry and a sync message in the outbox', async () => {
    const rocketId = await newRocket(agencyA);
    const { id, slug } = await as(agencyA).launches.schedule(terms(rocketId, 120));
    expect(slug).toBe(`dawn-flight-120-orbit-${new Date(now.getTime() + 120 * day).toISOString().slice(0, 10)}`);

    const launch = await as(agencyA).launches.get({ launchId: id });
    expect(launch).toMatchObject({
      status: 'scheduled',
      occupancy: { capacity: 8, minimum: 3, confirmedSeats: 0, heldSeats: 0, seatsLeft: 8, viable: false },
      history: [{ from: null, to: 'scheduled', reason: 'Scheduled', by: expect.stringContaining('@') }],
    });
    const messages = await em().find(SyncOutboxMessage, { entityId: id });
    expect(messages).toEqual([
      expect.objectContaining({
        kind: 'catalogue.launch-changed',
        target: 'customer',
        entityVersion: 1,
        relayedAt: null,
      }),
    ]);
    expect(messages[0]!.payload).toMatchObject({ id, slug, status: 'scheduled', missionName: 'Dawn Flight 120' });
  });

  it('refuses terms the rocket cannot fly, naming each field', async () => {
    const rocketId = await newRocket(agencyA, { capacity: 4, range: 'suborbital' });
    await expect(
      as(agencyA).launches.schedule({
        ...terms(rocketId, 30),
        destination: 'moon',
        minimumPassengers: 5,
        launchDate: new Date(now.getTime() - day),
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: {
        issues: expect.arrayContaining([
          expect.objectContaining({ path: ['destination'] }),
          expect.objectContaining({ path: ['launchDate'], message: 'The launch date must be in the future.' }),
          expect.objectContaining({ path: ['minimumPassengers'] }),
        ]),
      },
    });
  });

  it('lets a rocket fly once a day', async () => {
    const rocketId = await newRocket(agencyA);
    await as(agencyA).launches.schedule(terms(rocketId, 200));
    await expect(
      as(agencyA).launches.schedule({ ...terms(rocketId, 200), missionName: 'Second Flight Same Day' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('already flies on') });
    expect(await em().count(Launch, { missionName: 'Second Flight Same Day' })).toBe(0);
    expect(await em().count(SyncOutboxMessage, { payload: { missionName: 'Second Flight Same Day' } } as never)).toBe(
      0,
    );
  });

  it('delays a launch to a later date with a reason: the history says who, when and why, and the slug follows', async () => {
    const rocketId = await newRocket(agencyA);
    const { id } = await as(agencyA).launches.schedule(terms(rocketId, 60));
    await expect(
      as(agencyA).launches.changeStatus({
        launchId: id,
        to: 'delayed',
        newDate: new Date(now.getTime() + 50 * day),
        reason: 'Weather',
      }),
    ).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'A delay needs a new launch date later than the current one.',
    });

    const later = new Date(now.getTime() + 75 * day);
    const changed = await as(agencyA).launches.changeStatus({
      launchId: id,
      to: 'delayed',
      newDate: later,
      reason: 'Engine swap',
    });
    expect(changed).toMatchObject({
      status: 'delayed',
      launchDate: later.toISOString(),
      slug: expect.stringContaining(later.toISOString().slice(0, 10)),
    });
    const { history } = await as(agencyA).launches.get({ launchId: id });
    expect(history.at(-1)).toMatchObject({
      from: 'scheduled',
      to: 'delayed',
      reason: 'Engine swap',
      launchDate: later.toISOString(),
    });
    const versions = (await em().find(SyncOutboxMessage, { entityId: id }, { orderBy: { entityVersion: 'asc' } })).map(
      (m) => m.entityVersion,
    );
    expect(versions).toEqual([1, 2]);

    // Terms are fixed once the launch is no longer scheduled.
    await expect(as(agencyA).launches.edit({ launchId: id, ...terms(rocketId, 90) })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'This launch is delayed: its terms can change only while it is scheduled.',
    });
  });

  it('records scheduling, each edit and each status change with before, after and reason, and no refused change', async () => {
    const rocketId = await newRocket(agencyA);
    const { id } = await as(agencyA).launches.schedule({ ...terms(rocketId, 170), missionName: 'Audited Flight' });
    await as(agencyA).launches.edit({
      launchId: id,
      ...terms(rocketId, 170),
      missionName: 'Audited Flight',
      pricePerSeatCents: 460_000_00,
    });
    await expect(
      as(agencyA).launches.changeStatus({
        launchId: id,
        to: 'delayed',
        newDate: new Date(now.getTime() + day),
        reason: 'x',
      }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    const later = new Date(now.getTime() + 180 * day);
    await as(agencyA).launches.changeStatus({ launchId: id, to: 'delayed', newDate: later, reason: 'Engine swap' });
    await expect(
      as(agencyA).launches.edit({ launchId: id, ...terms(rocketId, 190), missionName: 'Audited Flight' }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });

    const trail = await auditTrailOf(world.stores, 'launch', id);
    expect(trail).toHaveLength(3);
    const entry = (action: string) => trail.find((each) => each.action === action);
    expect(entry('launch.schedule')).toMatchObject({
      actorEmail: `ops@${agencyA.id.slice(0, 8)}.example`,
      before: null,
      after: {
        rocketId,
        missionName: 'Audited Flight',
        launchDate: new Date(now.getTime() + 170 * day).toISOString(),
        pricePerSeatCents: 450_000_00,
        status: 'scheduled',
      },
    });
    expect(entry('launch.edit')).toMatchObject({
      before: { pricePerSeatCents: 450_000_00 },
      after: { pricePerSeatCents: 460_000_00 },
    });
    expect(entry('launch.changeStatus')).toMatchObject({
      before: { status: 'scheduled', launchDate: new Date(now.getTime() + 170 * day).toISOString() },
      after: { status: 'delayed', launchDate: later.toISOString() },
      reason: 'Engine swap',
    });
  });

  it('refuses a delay onto a day the rocket already flies, and writes nothing', async () => {
    const rocketId = await newRocket(agencyA);
    const { id } = await as(agencyA).launches.schedule({ ...terms(rocketId, 140), missionName: 'Moving Day' });
    await as(agencyA).launches.schedule({ ...terms(rocketId, 150), missionName: 'Already There' });
    await expect(
      as(agencyA).launches.changeStatus({
        launchId: id,
        to: 'delayed',
        newDate: new Date(now.getTime() + 150 * day),
        reason: 'Range conflict',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('already flies on') });
    expect(await em().findOneOrFail(Launch, id)).toMatchObject({ status: 'scheduled', version: 1 });
    expect(await em().count(SyncOutboxMessage, { entityId: id })).toBe(1);
  });

  it('gives simultaneous edits of one launch a version each, so every one reaches the catalogue', async () => {
    const rocketId = await newRocket(agencyA);
    const { id } = await as(agencyA).launches.schedule({ ...terms(rocketId, 160), missionName: 'Busy Launch' });
    await Promise.all(
      [1, 2, 3, 4].map((n) =>
        as(agencyA).launches.edit({
          launchId: id,
          ...terms(rocketId, 160),
          missionName: 'Busy Launch',
          pricePerSeatCents: 450_000_00 + n,
        }),
      ),
    );
    const versions = (await em().find(SyncOutboxMessage, { entityId: id })).map((m) => m.entityVersion).sort();
    expect(versions).toEqual([1, 2, 3, 4, 5]);
    expect((await em().findOneOrFail(Launch, id)).version).toBe(5);
  });

  it('aborts for economic reasons only below the minimum, and never changes an aborted launch again', async () => {
    const rocketId = await newRocket(agencyA);
    const { id } = await as(agencyA).launches.schedule(terms(rocketId, 40));
    await as(agencyA).launches.changeStatus({
      launchId: id,
      to: 'aborted',
      reason: 'economic',
      note: 'Too few travelers',
    });
    await expect(as(agencyA).launches.changeStatus({ launchId: id, to: 'confirmed' })).rejects.toMatchObject({
      message: 'This launch is aborted; its status can no longer change.',
    });
    expect((await em().find(LaunchStatusChange, { launch: id })).map((c) => c.reason)).toEqual([
      'Scheduled',
      'economic: Too few travelers',
    ]);
  });

  it('keeps rockets within their rules: seats 1–100, no deactivation while a launch is ahead', async () => {
    await expect(as(agencyA).rockets.create({ name: 'Too Big', capacity: 101, range: 'orbit' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const rocketId = await newRocket(agencyA);
    const { id } = await as(agencyA).launches.schedule(terms(rocketId, 33));
    await expect(as(agencyA).rockets.deactivate({ rocketId })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringMatching(/ cannot be deactivated\. Has 1 launch ahead; move or abort it first\.$/),
    });
    await expect(
      as(agencyA).rockets.update({ rocketId, name: 'Shrunk', capacity: 2, range: 'orbit' }),
    ).rejects.toMatchObject({
      message: expect.stringContaining('needs at least 3 seats'),
    });
    await as(agencyA).launches.changeStatus({ launchId: id, to: 'aborted', reason: 'technical' });
    await expect(as(agencyA).rockets.deactivate({ rocketId })).resolves.toEqual({ id: rocketId, active: false });
    expect((await em().findOneOrFail(Rocket, rocketId)).active).toBe(false);
  });

  it("refuses a supplier of agency B agency A's rocket, launch and manifest", async () => {
    const rocketId = await newRocket(agencyA);
    const { id } = await as(agencyA).launches.schedule(terms(rocketId, 44));
    const notFound = { code: 'NOT_FOUND' };
    await expect(
      as(agencyB).rockets.update({ rocketId, name: 'Stolen', capacity: 8, range: 'orbit' }),
    ).rejects.toMatchObject(notFound);
    await expect(as(agencyB).rockets.deactivate({ rocketId })).rejects.toMatchObject(notFound);
    await expect(as(agencyB).launches.get({ launchId: id })).rejects.toMatchObject(notFound);
    await expect(as(agencyB).launches.manifest({ launchId: id })).rejects.toMatchObject(notFound);
    await expect(as(agencyB).launches.changeStatus({ launchId: id, to: 'confirmed' })).rejects.toMatchObject(notFound);
    await expect(as(agencyB).launches.schedule(terms(rocketId, 45))).rejects.toMatchObject(notFound);
    const { launches } = await as(agencyB).launches.list({ pageSize: 100 });
    expect(launches.map((launch) => launch.id)).not.toContain(id);
  });

  it("shows a launch's bookings of every status, and only confirmed travelers on the manifest", async () => {
    const copies = await em().find(BookingCopy, { launch: { agency: agencyA.id } }, { populate: ['launch'] });
    const launchId = copies.find((copy) => copy.status === 'confirmed')!.launch.id;
    const ofLaunch = copies.filter((copy) => copy.launch.id === launchId);
    const { bookings, passengers } = await as(agencyA).launches.manifest({ launchId });
    expect(bookings.map((b) => b.id).sort()).toEqual(ofLaunch.map((c) => c.id).sort());
    const confirmed = ofLaunch.filter((copy) => copy.status === 'confirmed');
    expect(passengers).toHaveLength(confirmed.reduce((sum, copy) => sum + copy.passengers.length, 0));
    expect(new Set(passengers.map((p) => p.bookingId))).toEqual(new Set(confirmed.map((c) => c.id)));
  });

  it('lists launches filtered, sorted and paged on the server', async () => {
    const all = await as(agencyA).launches.list({ pageSize: 100 });
    const page = await as(agencyA).launches.list({ pageSize: 2, page: 2, sort: 'launchDate', direction: 'desc' });
    expect(page.total).toBe(all.total);
    const byDateDesc = [...all.launches].sort(
      (a, b) => b.launchDate.localeCompare(a.launchDate) || a.id.localeCompare(b.id),
    );
    expect(page.launches.map((l) => l.id)).toEqual(byDateDesc.slice(2, 4).map((l) => l.id));
    const aborted = await as(agencyA).launches.list({ status: ['aborted'], pageSize: 100 });
    expect(aborted.launches.length).toBeGreaterThan(0);
    expect(aborted.launches.every((launch) => launch.status === 'aborted')).toBe(true);
  });
});
