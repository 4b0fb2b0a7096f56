import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offerReturnedSeats } from '@astro/bookings';
import { Booking, CatalogueLaunch } from '@astro/db/customer';
import { seedDemoWorld } from '@astro/db/seed';
import { createSmtpTransport } from '@astro/mail';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import { sendPendingEmails } from '../email/email-sender.job.ts';
import { recipientOf, startMailbox, type Mailbox } from '../email/mailbox.test-support.ts';
import { traveler } from '../../../bookings/src/travelers.test-support.ts';
import { quietLog as log } from '../quiet-log.test-support.ts';
import { holdExpiryJob } from './hold-expiry.job.ts';
import { unfenced } from '../scheduler.ts';

const day = 86_400_000;
const minute = 60_000;

describe('the e-mail a traveler gets when their hold lapses', () => {
  let world: TestStores;
  let mailbox: Mailbox;
  let launch: CatalogueLaunch;
  const customerDb = () => world.stores.customer.em.fork();
  const expireHolds = (at: Date) =>
    holdExpiryJob(world.stores.customer, world.stores.system).run({ log, now: () => at, fence: unfenced });
  /** What the sender delivers to the traveler, over SMTP, rendered as every e-mail is. */
  const delivered = async (email: string) => {
    const transport = createSmtpTransport(mailbox.url, { pooled: false });
    const deps = {
      system: world.stores.system,
      transport,
      publicUrl: 'http://localhost:4000',
      from: 'Astro Bookings <no-reply@astro-bookings.example>',
      instance: 'hold-expiry-test',
    };
    while ((await sendPendingEmails(deps, () => new Date(Date.now() + 30 * day))).sent > 0);
    return (await mailbox.received()).filter((mail) => recipientOf(mail) === email);
  };

  beforeAll(async () => {
    world = await openTestStores();
    mailbox = await startMailbox();
    await seedDemoWorld(world.stores, new Date());
    // The bookable launch with the fewest seats left, far enough ahead for a day-long priority hold.
    launch = (
      await customerDb().find(
        CatalogueLaunch,
        {
          status: { $in: ['scheduled', 'confirmed'] },
          launchDate: { $gt: new Date(Date.now() + 30 * day) },
          seatsLeft: { $gte: 5 },
        },
        { orderBy: { seatsLeft: 'asc' }, limit: 1 },
      )
    )[0]!;
  });
  afterAll(async () => {
    await mailbox.close();
    await world.drop();
  });

  it('says how many seats lapsed after the real hold length, and links back to the launch page', async () => {
    // Traveler 1 holds one seat, traveler 2 four, and others the rest: the launch is sold out.
    const holds: [number, number][] = [
      [1, 1],
      [2, 4],
    ];
    for (let left = launch.seatsLeft - 5, n = 3; left > 0; n++, left -= Math.min(4, left))
      holds.push([n, Math.min(4, left)]);
    for (const [n, seats] of holds)
      await traveler(world, n).hold({ launchId: launch.id, seats, idempotencyKey: `lapsed-hold-${n}` });
    await traveler(world, 90).joinWaitingList({ launchId: launch.id, seats: 1 });

    const afterHolds = new Date(Date.now() + 11 * minute);
    await expireHolds(afterHolds);
    // The seats came back: the first in line gets them as a priority hold, which lapses a day later.
    expect(await offerReturnedSeats(customerDb(), world.stores.system.em.fork(), afterHolds, unfenced)).toEqual({
      offered: 1,
    });
    const priority = await customerDb().findOneOrFail(Booking, { launchId: launch.id, status: 'held' });
    await expireHolds(new Date(afterHolds.getTime() + 24 * 60 * minute + minute));
    expect(await customerDb().findOneOrFail(Booking, priority.id)).toMatchObject({ status: 'expired' });

    const page = `http://localhost:4000/launches/${launch.slug}`;
    const [one] = await delivered('traveler1@example.com');
    expect(one?.subject).toBe(`Your hold on ${launch.missionName} has lapsed`);
    expect(one?.text).toContain(
      `The 1 seat held for you on ${launch.missionName} was not paid within 10 minutes, so we released it.`,
    );
    expect(one?.text).toContain(page);
    expect(one?.html).toContain(`href="${page}"`);

    const [four] = await delivered('traveler2@example.com');
    expect(four?.text).toContain(`The 4 seats held for you on ${launch.missionName} were not paid within 10 minutes`);

    const [offered] = await delivered('traveler90@example.com').then((mails) =>
      mails.filter((mail) => mail.subject?.includes('has lapsed')),
    );
    expect(offered?.text).toContain(`The 1 seat held for you on ${launch.missionName} was not paid within 24 hours`);
    expect(offered?.text).toContain(page);
    expect(offered?.text).not.toContain('undefined');
  });
});
