import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Booking, CatalogueLaunch, Customer } from '@astro/db/customer';
import { Launch, Rocket } from '@astro/db/operational';
import { seedDemoWorld } from '@astro/db/seed';
import { Email, SyncMessage, syncMessageCollection } from '@astro/db/system';
import { applySyncMessages, claimMs, relayOperationalOutbox } from '@astro/jobs';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import { schedulerEnv, settleSync, targetsOf } from '../../../../packages/jobs/src/sync/apply/targets.test-support.ts';
import { supplierOf } from './people.test-support.ts';

const day = 86_400_000;

describe('the e-mails of a launch status change', () => {
  let world: TestStores;
  /** Each test takes launches of its own. */
  const taken: string[] = [];
  const customerDb = () => world.stores.customer.em.fork();
  /** A launch ahead with confirmed seats of at least two travelers, and the e-mail addresses of those travelers. */
  const seatedLaunch = async (status: 'scheduled' | 'confirmed') => {
    for (;;) {
      const [copy] = await customerDb().find(
        CatalogueLaunch,
        {
          id: { $nin: taken },
          status,
          seatsConfirmed: { $gt: 1 },
          launchDate: { $gt: new Date(Date.now() + 30 * day) },
        },
        { orderBy: { launchDate: 'asc' }, limit: 1 },
      );
      taken.push(copy!.id);
      const bookings = await customerDb().find(Booking, { launchId: copy!.id, status: 'confirmed' });
      const travelers = await customerDb().find(Customer, { id: { $in: bookings.map((b) => b.customerId) } });
      if (travelers.length < 2) continue;
      const launch = await world.stores.operational.em.fork().findOneOrFail(Launch, copy!.id);
      return { launch, travelers: travelers.map((traveler) => traveler.email).sort() };
    }
  };
  /** The launch's status e-mails per traveler, in the order they were queued. */
  const statusEmails = async (launchId: string) => {
    const emails = await world.stores.system.em
      .fork()
      .find(Email, { dedupeKey: new RegExp(`^launch-[a-z]+:${launchId}:`) } as never, {
        orderBy: { createdAt: 'asc' },
      });
    const byTraveler = new Map<string, string[]>();
    for (const email of emails)
      byTraveler.set(email.recipient, [...(byTraveler.get(email.recipient) ?? []), email.event]);
    return Object.fromEntries([...byTraveler].sort(([a], [b]) => a.localeCompare(b)));
  };
  const each = (travelers: string[], events: string[]) => Object.fromEntries(travelers.map((email) => [email, events]));
  const delay = async (launch: Launch, days: number, reason: string) => {
    await supplierOf(world, launch.agency.id).launches.changeStatus({
      launchId: launch.id,
      to: 'delayed',
      newDate: new Date(launch.launchDate.getTime() + days * day),
      reason,
    });
  };

  /** Runs a scheduler in a child process that is killed as it queues its `dieAtEmail`-th e-mail. */
  const applyThenDie = async (dieAtEmail: number) => {
    const child = spawn(
      process.execPath,
      [
        fileURLToPath(
          new URL('../../../../packages/jobs/src/sync/apply/apply-then-die.test-support.ts', import.meta.url),
        ),
      ],
      {
        env: schedulerEnv(world, { DIE_AT_EMAIL: String(dieAtEmail) }),
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    return new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  };
  const survivor = () =>
    applySyncMessages(targetsOf(world.stores), 'survivor', () => new Date(Date.now() + claimMs + 1_000));

  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, new Date());
    await settleSync(world.stores);
  });
  afterAll(() => world.drop());

  it('tells every traveler with a seat of each change: delayed, delayed again, confirmed are three e-mails', async () => {
    const { launch, travelers } = await seatedLaunch('scheduled');
    await delay(launch, 1, 'Range conflict');
    await settleSync(world.stores);
    await delay(launch, 2, 'Weather window');
    await settleSync(world.stores);
    await supplierOf(world, launch.agency.id).launches.changeStatus({ launchId: launch.id, to: 'confirmed' });
    await settleSync(world.stores);
    expect(await statusEmails(launch.id)).toEqual(
      each(travelers, ['launch-delayed', 'launch-delayed', 'launch-confirmed']),
    );
    const [first, second] = await world.stores.system.em
      .fork()
      .find(Email, { event: 'launch-delayed', recipient: travelers[0] }, { orderBy: { createdAt: 'asc' } });
    expect([first?.templateData['reason'], second?.templateData['reason']]).toEqual([
      'Range conflict',
      'Weather window',
    ]);

    // The same messages applied again queue nothing more.
    await syncMessageCollection(world.stores.system.em).updateMany(
      { kind: 'catalogue.launch-changed', entityId: launch.id },
      { $set: { status: 'pending' } },
    );
    expect(await applySyncMessages(targetsOf(world.stores), 'again', () => new Date())).toMatchObject({ stale: 3 });
    expect(await statusEmails(launch.id)).toEqual(
      each(travelers, ['launch-delayed', 'launch-delayed', 'launch-confirmed']),
    );
  });

  it('tells nobody anything when a confirmed launch changes without a change of status', async () => {
    const { launch } = await seatedLaunch('confirmed');
    const rocket = await world.stores.operational.em.fork().findOneOrFail(Rocket, launch.rocket.id);
    await supplierOf(world, launch.agency.id).rockets.update({
      rocketId: rocket.id,
      name: `${rocket.name} II`,
      capacity: rocket.capacity,
      range: rocket.range,
    });
    expect(await settleSync(world.stores)).toMatchObject({ dead: 0 });
    expect((await customerDb().findOneOrFail(CatalogueLaunch, launch.id)).rocketName).toBe(`${rocket.name} II`);
    expect(await statusEmails(launch.id)).toEqual({});
  });

  it.each([
    ['right after the catalogue write, before any e-mail', 1],
    ['after queuing one e-mail', 2],
  ])(
    'a scheduler killed %s leaves the e-mails to the next, which sends each once',
    async (_moment, dieAtEmail) => {
      const { launch, travelers } = await seatedLaunch('scheduled');
      await delay(launch, 1, 'Range conflict');
      await relayOperationalOutbox(world.stores.operational, world.stores.system, new Date());
      expect(await applyThenDie(dieAtEmail)).toBe('SIGKILL');
      // It died after the catalogue took the delay and before the e-mails were all queued.
      const version = (await world.stores.operational.em.fork().findOneOrFail(Launch, launch.id)).version;
      expect(await customerDb().findOneOrFail(CatalogueLaunch, launch.id)).toMatchObject({
        status: 'delayed',
        sourceVersion: version,
      });
      const queued = Object.values(await statusEmails(launch.id)).flat();
      expect(queued).toHaveLength(dieAtEmail - 1);

      // Its claim lapses; another scheduler applies the message again: stale for the catalogue, not for the e-mails.
      expect(await survivor()).toMatchObject({
        stale: 1,
        dead: 0,
      });
      expect(await world.stores.system.em.fork().count(SyncMessage, { entityId: launch.id, status: 'pending' })).toBe(
        0,
      );
      expect(await statusEmails(launch.id)).toEqual(each(travelers, ['launch-delayed']));

      // The next change of the same launch is news again.
      await delay(launch, 2, 'Weather window');
      await settleSync(world.stores);
      expect(await statusEmails(launch.id)).toEqual(each(travelers, ['launch-delayed', 'launch-delayed']));
    },
    60_000,
  );

  it('a scheduler killed right after a new launch enters the catalogue still has every VIP told of it, once', async () => {
    const vips = (await customerDb().find(Customer, { vip: true })).map((vip) => vip.email).sort();
    expect(vips.length).toBeGreaterThan(1);
    const rocket = await world.stores.operational.em
      .fork()
      .findOneOrFail(Rocket, { active: true, agency: { status: 'active' } });
    const { id } = await supplierOf(world, rocket.agency.id).launches.schedule({
      rocketId: rocket.id,
      missionName: 'Power Cut',
      destination: 'suborbital',
      spaceport: 'Spaceport America',
      launchDate: new Date(Date.now() + 300 * day),
      pricePerSeatCents: 99_000_00,
      minimumPassengers: 1,
    });
    await relayOperationalOutbox(world.stores.operational, world.stores.system, new Date());
    expect(await applyThenDie(1)).toBe('SIGKILL');
    expect(await customerDb().findOne(CatalogueLaunch, id)).toMatchObject({ missionName: 'Power Cut' });
    const announcements = () =>
      world.stores.system.em.fork().find(Email, { dedupeKey: new RegExp(`^new-launch:${id}:`) } as never);
    expect(await announcements()).toHaveLength(0);

    expect(await survivor()).toMatchObject({ stale: 1, dead: 0 });
    expect((await announcements()).map((email) => email.recipient).sort()).toEqual(vips);
  });
});
