import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccounts } from '@astro/auth/accounts';
import { Agency, BookingCopy, recordAudit } from '@astro/db/operational';
import { seedDemoWorld } from '@astro/db/seed';
import { recordOperatorAudit } from '@astro/db/system';
import { createLogger } from '@astro/logging';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import { viewerAs } from '../../personas.test-support.ts';
import { createAdminContext } from '../context.ts';
import { adminRouter } from '../router.ts';

const start = new Date();
const minute = 60_000;
const at = (minutes: number) => new Date(start.getTime() + minutes * minute);

describe('admin audit.list', () => {
  let world: TestStores;
  let agency: Agency;
  let booking: BookingCopy;
  let deadLetterId: string;
  const log = createLogger({ service: 'test', level: 'error', write: () => {} });
  const employee = (role: 'support' | 'finance' | 'admin', now = start) =>
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

  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, start);
    const em = world.stores.operational.em.fork();
    agency = await em.findOneOrFail(Agency, { displayName: 'Red Frontier' });
    booking = (
      await em.find(BookingCopy, { status: 'confirmed' }, { populate: ['launch'], orderBy: { id: 'asc' } })
    ).find((copy) => copy.launch.launchDate > at(200 * 24 * 60))!;
    deadLetterId = crypto.randomUUID();

    // Four actions a minute apart: two by employees through this router, one by a supplier and one by an operator
    // (their routers record them the same way; this router only reads).
    await employee('admin', at(1)).agencies.updateLegal({
      agencyId: agency.id,
      legalName: agency.legalName,
      taxId: agency.taxId,
      legalAddress: '4 Olympus Road, Tharsis',
    });
    await world.stores.operational.em.fork().transactional(async (tx) => {
      recordAudit(
        tx,
        {
          actor: { accountId: 'supplier-user', email: 'supplier@example.com', role: 'supplier' },
          action: 'agency.updateProfile',
          target: { type: 'agency', id: agency.id },
          before: { description: agency.description },
          after: { description: 'Red dust, blue sunsets.' },
        },
        at(2),
      );
    });
    await employee('finance', at(3)).bookings.cancel({ bookingId: booking.id, reason: 'Goodwill', refundCents: 500 });
    await recordOperatorAudit(
      world.stores.system.em.fork(),
      {
        actor: { accountId: 'operator-user', email: 'operator@example.com', role: 'operator' },
        action: 'syncMessage.replay',
        target: { type: 'syncMessage', id: deadLetterId },
        before: { status: 'dead' },
        after: { status: 'pending' },
      },
      at(4),
    );
  });
  afterAll(() => world.drop());

  it('lists both trails as one, newest first, each entry with who, what, on what, before and after', async () => {
    const { entries, nextCursor } = await employee('admin').audit.list({});
    expect(entries.map((entry) => [entry.trail, entry.action, entry.at])).toEqual([
      ['system', 'syncMessage.replay', at(4).toISOString()],
      ['operational', 'booking.cancel', at(3).toISOString()],
      ['operational', 'agency.updateProfile', at(2).toISOString()],
      ['operational', 'agency.updateLegal', at(1).toISOString()],
    ]);
    expect(entries[1]).toMatchObject({
      actor: { accountId: 'finance-user', email: 'finance@example.com', role: 'finance' },
      target: { type: 'booking', id: booking.id },
      before: { status: 'confirmed' },
      after: { status: 'cancellation requested', refundCents: 500 },
      reason: 'Goodwill',
    });
    expect(nextCursor).toBeNull();
  });

  it('filters by actor, action, target and period', async () => {
    const list = async (filter: Parameters<ReturnType<typeof employee>['audit']['list']>[0]) =>
      (await employee('admin').audit.list(filter)).entries.map((entry) => entry.action);
    expect(await list({ actorEmail: 'FINANCE@example.com' })).toEqual(['booking.cancel']);
    expect(await list({ actorAccountId: 'operator-user' })).toEqual(['syncMessage.replay']);
    expect(await list({ action: 'agency.updateLegal' })).toEqual(['agency.updateLegal']);
    expect(await list({ targetType: 'agency', targetId: agency.id })).toEqual([
      'agency.updateProfile',
      'agency.updateLegal',
    ]);
    expect(await list({ targetType: 'syncMessage', targetId: deadLetterId })).toEqual(['syncMessage.replay']);
    expect(await list({ from: at(2), to: at(3) })).toEqual(['booking.cancel', 'agency.updateProfile']);
    await expect(employee('admin').audit.list({ from: at(3), to: at(2) })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('The end of the period must not be before its start.'),
    });
  });

  it('pages through both trails without repeating or skipping an entry, even two of one moment', async () => {
    // One more entry in each trail at the very same moment.
    const tie = at(5);
    const actor = { accountId: 'admin-user', email: 'admin@example.com', role: 'admin' };
    await world.stores.operational.em.fork().transactional(async (em) => {
      recordAudit(
        em,
        { actor, action: 'rocket.create', target: { type: 'rocket', id: 'r-1' }, before: null, after: {} },
        tie,
      );
    });
    await recordOperatorAudit(
      world.stores.system.em.fork(),
      { actor, action: 'email.resend', target: { type: 'email', id: 'e-1' }, before: null, after: {} },
      tie,
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const { entries, nextCursor } = await employee('admin').audit.list({ limit: 1, ...(cursor ? { cursor } : {}) });
      seen.push(...entries.map((entry) => entry.action));
      if (!nextCursor) break;
      cursor = nextCursor;
    }
    expect(seen.slice(0, 2).sort()).toEqual(['email.resend', 'rocket.create']);
    expect(seen.slice(2)).toEqual([
      'syncMessage.replay',
      'booking.cancel',
      'agency.updateProfile',
      'agency.updateLegal',
    ]);
  });

  it('pages back towards newer entries from any page, ending on the newest page itself', async () => {
    const list = (input: Parameters<ReturnType<typeof employee>['audit']['list']>[0]) =>
      employee('admin').audit.list({ limit: 2, ...input });
    const first = await list({});
    expect(first.newerCursor).toBeNull();
    const second = await list({ cursor: first.nextCursor! });
    const third = await list({ cursor: second.nextCursor! });
    expect(third.newerCursor).not.toBeNull();

    const backToSecond = await list({ newerThan: third.newerCursor! });
    expect(backToSecond).toEqual(second);
    const backToFirst = await list({ newerThan: backToSecond.newerCursor! });
    expect(backToFirst).toEqual(first);
    await expect(list({ cursor: first.nextCursor!, newerThan: first.nextCursor! })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('Page towards older or newer entries, not both at once.'),
    });
  });

  it('offers the filter form every action and target type, and everyone on the trail the viewer may see', async () => {
    const choices = await employee('admin').audit.choices();
    expect(choices.actions).toEqual(expect.arrayContaining(['agency.updateLegal', 'booking.cancel', 'email.resend']));
    expect(choices.targetTypes).toEqual(expect.arrayContaining(['agency', 'booking', 'launch', 'syncMessage']));
    expect(choices.actors).toEqual([
      'admin@example.com',
      'finance@example.com',
      'operator@example.com',
      'supplier@example.com',
    ]);
    for (const role of ['support', 'finance'] as const)
      expect(await employee(role).audit.choices()).toEqual({
        // Every action done to a booking, whether or not the trail holds one yet.
        actions: ['booking.cancel', 'booking.resendConfirmation'],
        targetTypes: ['booking'],
        actors: ['finance@example.com'],
      });
  });

  it('shows support and finance the history of bookings only', async () => {
    for (const role of ['support', 'finance'] as const) {
      const { entries } = await employee(role).audit.list({});
      expect(entries.map((entry) => entry.target)).toEqual([{ type: 'booking', id: booking.id }]);
      await expect(employee(role).audit.list({ targetType: 'agency' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: 'Your role sees the history of bookings only.',
      });
    }
  });
});
