import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Email, idFromKey, queueEmail } from '@astro/db/system';
import { renderTemplate } from '@astro/mail';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import { operatorTrailOf } from '../../audit.test-support.ts';
import { operatorCaller } from '../operator.test-support.ts';

const now = new Date('2026-11-25T12:00:00Z');

describe('ops email.resend', () => {
  let world: TestStores;
  const operator = () => operatorCaller(world, now);

  beforeAll(async () => {
    world = await openTestStores();
  });
  afterAll(() => world.drop());

  it('queues a failed e-mail again and records it in the operators’ trail, and records nothing it refuses', async () => {
    const dedupeKey = 'hold-expired:audit-test';
    await queueEmail(
      world.stores.system.em.fork(),
      { dedupeKey, event: 'hold-expired', recipient: 'traveler@example.com', template: 'hold-expired', data: {} },
      now,
    );
    const emailId = idFromKey(dedupeKey);
    await world.stores.system.em
      .fork()
      .nativeUpdate(Email, { id: emailId }, { status: 'failed', attempts: 5, lastError: '550 Mailbox unavailable' });

    expect(await operator().email.resend({ emailId })).toEqual({ queued: true });
    expect(await world.stores.system.em.fork().findOneOrFail(Email, emailId)).toMatchObject({
      status: 'pending',
      attempts: 0,
    });
    await expect(operator().email.resend({ emailId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(operator().email.resend({ emailId: crypto.randomUUID() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await operatorTrailOf(world.stores, 'email', emailId)).toEqual([
      expect.objectContaining({
        actorRole: 'operator',
        action: 'email.resend',
        before: { status: 'failed', attempts: 5, lastError: '550 Mailbox unavailable' },
        after: { status: 'pending', attempts: 0, lastError: null },
      }),
    ]);
  });
});

describe('ops email list and detail', () => {
  let world: TestStores;
  const operator = () => operatorCaller(world, now, { publicUrl: 'https://astro.example' });
  const holdExpired = { name: 'Ada', missionName: 'Artemis IX', seats: 2, holdMinutes: 10, path: '/bookings/b-1' };
  /** Minutes before `now` each was queued; two at one moment, so the order within a moment counts. */
  const outbox = [
    { key: 'a', recipient: 'ada@example.com', template: 'hold-expired', minutesAgo: 1, status: 'failed' },
    { key: 'b', recipient: 'bob@example.com', template: 'reset-password', minutesAgo: 2, status: 'sent' },
    { key: 'c', recipient: 'Ada.Two@Example.com', template: 'hold-expired', minutesAgo: 3, status: 'pending' },
    { key: 'd', recipient: 'cy@example.com', template: 'reset-password', minutesAgo: 3, status: 'failed' },
    { key: 'e', recipient: 'dee@example.com', template: 'verify-email', minutesAgo: 4, status: 'sent' },
  ] as const;
  const idOf = (key: string) => idFromKey(`list-test:${key}`);

  beforeAll(async () => {
    world = await openTestStores();
    for (const email of outbox) {
      const em = world.stores.system.em.fork();
      const data = email.template === 'hold-expired' ? holdExpired : { name: 'Bo', link: '/x', expiresInMinutes: 30 };
      await queueEmail(
        em,
        {
          dedupeKey: `list-test:${email.key}`,
          event: email.template,
          recipient: email.recipient,
          template: email.template,
          data,
        },
        new Date(now.getTime() - email.minutesAgo * 60_000),
      );
      await em.nativeUpdate(
        Email,
        { id: idOf(email.key) },
        email.status === 'failed'
          ? { status: 'failed', attempts: 5, lastError: '550 Mailbox unavailable' }
          : { status: email.status },
      );
    }
  });
  afterAll(() => world.drop());

  const recipientsOf = (page: { emails: { recipient: string }[] }) => page.emails.map((email) => email.recipient);

  it('counts the e-mails by status', async () => {
    expect(await operator().email.counts()).toMatchObject({ pending: 1, sent: 2, failed: 2 });
  });

  it('lists newest first and filters by recipient (any part, any case), kind and status', async () => {
    expect(recipientsOf(await operator().email.list({}))).toHaveLength(5);
    expect((await operator().email.list({})).emails[0]).toMatchObject({
      recipient: 'ada@example.com',
      kind: 'hold-expired',
      status: 'failed',
      attempts: 5,
    });
    expect(recipientsOf(await operator().email.list({ recipient: 'ADA' }))).toEqual([
      'ada@example.com',
      'Ada.Two@Example.com',
    ]);
    expect(recipientsOf(await operator().email.list({ recipient: 'a.t' }))).toEqual(['Ada.Two@Example.com']);
    expect(recipientsOf(await operator().email.list({ kind: 'reset-password' }))).toEqual([
      'bob@example.com',
      'cy@example.com',
    ]);
    expect(recipientsOf(await operator().email.list({ status: 'sent' }))).toEqual([
      'bob@example.com',
      'dee@example.com',
    ]);
    expect(recipientsOf(await operator().email.list({ kind: 'hold-expired', status: 'failed' }))).toEqual([
      'ada@example.com',
    ]);
  });

  it('pages through the queue by its cursor without skipping or repeating an e-mail, even two of one moment', async () => {
    const all = (await operator().email.list({})).emails.map((email) => email.id);
    // At 3 a page, the two e-mails of one moment fall on either side of a page's end.
    for (const limit of [1, 2, 3]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await operator().email.list({ limit, ...(cursor ? { cursor } : {}) });
        expect(page.emails.length).toBeLessThanOrEqual(limit);
        seen.push(...page.emails.map((email) => email.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(all);
    }
    expect(new Set(all).size).toBe(outbox.length);
  });

  it('refuses a filter or a cursor it does not know, saying what is wrong', async () => {
    await expect(operator().email.list({ kind: 'spam' as never })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('There is no e-mail of this kind.'),
    });
    await expect(operator().email.list({ cursor: 'page-2' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('This is not a page of the e-mail queue.'),
    });
    await expect(operator().email.get({ emailId: crypto.randomUUID() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('shows one e-mail as its recipient gets it, with its attempts and last error, and offers to resend a failed one', async () => {
    const email = await operator().email.get({ emailId: idOf('a') });
    expect(email).toMatchObject({
      recipient: 'ada@example.com',
      status: 'failed',
      attempts: 5,
      lastError: '550 Mailbox unavailable',
      renderProblem: null,
      resend: { allowed: true },
    });
    expect(email.message).toEqual(renderTemplate('hold-expired', holdExpired, 'https://astro.example'));
    expect(email.message!.html).toContain('https://astro.example/bookings/b-1');
    expect(email.message!.text).toContain('Artemis IX');
  });

  it('says why a pending e-mail cannot be resent', async () => {
    expect((await operator().email.get({ emailId: idOf('c') })).resend).toEqual({
      allowed: false,
      reason: expect.stringContaining('has not been sent yet'),
    });
  });
});
