import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Booking, Customer } from '@astro/db/customer';
import { Launch, Rocket } from '@astro/db/operational';
import { seedDemoWorld } from '@astro/db/seed';
import { Email } from '@astro/db/system';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import { settleSync } from '../../../../packages/jobs/src/sync/apply/targets.test-support.ts';
import { supplierOf } from './people.test-support.ts';

const day = 86_400_000;

describe('e-mails queued by what a supplier does to a launch', () => {
  let world: TestStores;
  const system = () => world.stores.system.em.fork();
  const customerDb = () => world.stores.customer.em.fork();
  const settle = () => settleSync(world.stores);
  const outbox = (where: Record<string, unknown>) =>
    system().find(Email, where as never, { orderBy: { createdAt: 'asc' } });
  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, new Date());
    await settle();
  });
  afterAll(() => world.drop());

  it('tells every traveler with a seat when their launch is delayed', async () => {
    const launch = await world.stores.operational.em
      .fork()
      .findOneOrFail(
        Launch,
        { status: 'scheduled', launchDate: { $gt: new Date(Date.now() + 60 * day) } },
        { orderBy: { launchDate: 'asc' } },
      );
    const seated = await customerDb().find(Booking, { launchId: launch.id, status: 'confirmed' });
    const travelers = await customerDb().find(Customer, { id: { $in: seated.map((booking) => booking.customerId) } });
    await supplierOf(world, launch.agency.id).launches.changeStatus({
      launchId: launch.id,
      to: 'delayed',
      newDate: new Date(launch.launchDate.getTime() + 7 * day),
      reason: 'Range conflict',
    });
    await settle();
    const emails = await outbox({ event: 'launch-delayed' });
    expect(emails.map((email) => email.recipient).sort()).toEqual(travelers.map((t) => t.email).sort());
    expect(emails[0]?.templateData).toMatchObject({ status: 'delayed', reason: 'Range conflict' });
  });

  it('announces a new launch to VIP travelers only', async () => {
    const vip = await customerDb().findOneOrFail(Customer, { vip: true });
    const vips = await customerDb().count(Customer, { vip: true });
    const rocket = await world.stores.operational.em
      .fork()
      .findOneOrFail(Rocket, { active: true, agency: { status: 'active' } });
    await supplierOf(world, rocket.agency.id).launches.schedule({
      rocketId: rocket.id,
      missionName: 'Announcement Test',
      destination: 'suborbital',
      spaceport: 'Spaceport America',
      launchDate: new Date(Date.now() + 200 * day),
      pricePerSeatCents: 99_000_00,
      minimumPassengers: 1,
    });
    await settle();
    const emails = await outbox({ event: 'new-launch' });
    expect(emails).toHaveLength(vips);
    expect(emails.map((email) => email.recipient)).toContain(vip.email);
  });
});
