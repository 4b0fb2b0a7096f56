import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OperatorAuditEntry, SyncMessage } from '@astro/db/system';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import { operatorTrailOf } from '../../audit.test-support.ts';
import { operatorCaller, syncMessage } from '../operator.test-support.ts';

const now = new Date('2026-11-25T12:00:30Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const minute = 60_000;

/** A world of its own for each group of tests, so counts of one never include another's messages. */
function syncWorld(seed: (em: TestStores['stores']['system']['em']) => void | Promise<void>) {
  const state = { world: undefined as unknown as TestStores };
  beforeAll(async () => {
    state.world = await openTestStores();
    const em = state.world.stores.system.em.fork();
    await seed(em);
    await em.flush();
  });
  afterAll(() => state.world.drop());
  return {
    operator: () => operatorCaller(state.world, now),
    stored: (id: string) => state.world.stores.system.em.fork().findOneOrFail(SyncMessage, id),
    trailOf: (id: string) => operatorTrailOf(state.world.stores, 'syncMessage', id),
    replayEntries: () =>
      state.world.stores.system.em.fork().count(OperatorAuditEntry, { action: 'syncMessage.replay' }),
  };
}

describe('sync backlog and lag as operators see it', () => {
  const { operator } = syncWorld((em) => {
    // 100 applied with lags of 1..100 s; three waiting (the oldest for 45 s), two kinds; one dead.
    for (let lag = 1; lag <= 100; lag++)
      syncMessage(em, { status: 'applied', createdAt: ago(200_000), appliedAt: ago(200_000 - lag * 1000) });
    syncMessage(em, { status: 'pending', createdAt: ago(45_000) });
    syncMessage(em, { status: 'pending', createdAt: ago(5_000) });
    syncMessage(em, { status: 'pending', createdAt: ago(2_000), kind: 'booking.changed' });
    syncMessage(em, { status: 'dead', createdAt: ago(600_000) });
    // Two applied this minute (2 s and 4 s late), one 10 minutes ago; one over an hour ago is not on the chart.
    syncMessage(em, { status: 'applied', createdAt: ago(12_000), appliedAt: ago(10_000) });
    syncMessage(em, { status: 'applied', createdAt: ago(14_000), appliedAt: ago(10_000) });
    syncMessage(em, { status: 'applied', createdAt: ago(10 * minute + 7_000), appliedAt: ago(10 * minute) });
    syncMessage(em, { status: 'applied', createdAt: ago(70 * minute), appliedAt: ago(61 * minute) });
  });

  it('shows the backlog, the oldest waiting message and the apply lag', async () => {
    expect(await operator().sync.metrics()).toMatchObject({
      backlog: 3,
      dead: 1,
      oldestPendingMs: 45_000,
      applyLagMs: { sample: 104 },
    });
  });

  it('shows the backlog per kind, the lag now, and the lag of each minute of the last hour', async () => {
    const overview = await operator().sync.overview();
    expect(overview).toMatchObject({ ...(await operator().sync.metrics()) });
    expect(overview.backlogByKind).toEqual([
      { kind: 'catalogue.launch-changed', pending: 2 },
      { kind: 'booking.changed', pending: 1 },
    ]);
    expect(overview.lagPerMinute).toHaveLength(60);
    expect(overview.lagPerMinute[0]!.minute).toBe('2026-11-25T11:01:00.000Z');
    expect(overview.lagPerMinute.at(-1)).toEqual({
      minute: '2026-11-25T12:00:00.000Z',
      applied: 2,
      p50Ms: 2000,
      p99Ms: 4000,
    });
    expect(overview.lagPerMinute.at(-11)).toEqual({
      minute: '2026-11-25T11:50:00.000Z',
      applied: 1,
      p50Ms: 7000,
      p99Ms: 7000,
    });
    // The 100 applied a few minutes ago and the three above; not the one applied over an hour ago.
    expect(overview.lagPerMinute.reduce((sum, each) => sum + each.applied!, 0)).toBe(103);
  });
});

describe('messages being retried', () => {
  const seeded = { failing: '', down: '', later: '' };
  const { operator } = syncWorld((em) => {
    seeded.later = syncMessage(em, {
      status: 'pending',
      createdAt: ago(5 * minute),
      attempts: 5,
      lastError: 'insert into booking_copy violates foreign key constraint',
      availableAt: new Date(now.getTime() + 32_000),
    }).id;
    seeded.failing = syncMessage(em, {
      status: 'pending',
      createdAt: ago(minute),
      attempts: 2,
      lastError: 'Booking 42 is not in the Customer DB',
      availableAt: new Date(now.getTime() + 4_000),
    }).id;
    // A target that is down uses up no attempts, but the message waits for it all the same.
    seeded.down = syncMessage(em, {
      status: 'pending',
      createdAt: ago(20_000),
      attempts: 0,
      lastError: 'Target down: connect ECONNREFUSED',
      availableAt: new Date(now.getTime() + 5_000),
    }).id;
    // Waiting for its first attempt, applied, dead: none of them is being retried.
    syncMessage(em, { status: 'pending', createdAt: ago(1_000), attempts: 0 });
    syncMessage(em, { status: 'applied', createdAt: ago(minute), appliedAt: ago(30_000), attempts: 3 });
    syncMessage(em, { status: 'dead', createdAt: ago(minute) });
  });

  it('lists each with its attempts, last error and next attempt, the next attempt first', async () => {
    const { messages, total } = await operator().sync.retries();
    expect(total).toBe(3);
    expect(messages.map((message) => message.id)).toEqual([seeded.failing, seeded.down, seeded.later]);
    expect(messages[0]).toMatchObject({
      status: 'pending',
      attempts: 2,
      lastError: 'Booking 42 is not in the Customer DB',
      availableAt: new Date(now.getTime() + 4_000).toISOString(),
    });
  });
});

describe('dead letters and replaying them', () => {
  const letters: string[] = [];
  const { operator, stored, trailOf, replayEntries } = syncWorld((em) => {
    // 30 dead letters, one a minute, the newest last; and one applied message that cannot be replayed.
    for (let i = 30; i >= 1; i--)
      letters.push(
        syncMessage(em, {
          status: 'dead',
          createdAt: ago(i * minute),
          attempts: 8,
          lastError: `Failure ${i}`,
          payload: { id: `launch-${i}`, missionName: `Mission ${i}` },
        }).id,
      );
    letters.reverse();
    syncMessage(em, { status: 'applied', createdAt: ago(minute), appliedAt: ago(30_000) });
  });

  it('lists dead letters newest first with their payload and error, a page at a time, none twice', async () => {
    const first = await operator().sync.deadLetters({ limit: 20 });
    expect(first.deadLetters).toHaveLength(20);
    expect(first.deadLetters[0]).toMatchObject({
      id: letters[0],
      status: 'dead',
      attempts: 8,
      lastError: 'Failure 1',
      payload: { id: 'launch-1', missionName: 'Mission 1' },
    });
    const second = await operator().sync.deadLetters({ limit: 20, cursor: first.nextCursor! });
    expect(second.nextCursor).toBeNull();
    expect([...first.deadLetters, ...second.deadLetters].map((letter) => letter.id)).toEqual(letters);
    // With no input: the first page of 25.
    expect((await operator().sync.deadLetters()).deadLetters).toHaveLength(25);
  });

  it('puts a dead letter back in line once, with fresh attempts, in the operators’ trail', async () => {
    const id = letters[29]!;
    expect(await operator().sync.replay({ messageId: id })).toEqual({ replayed: true });
    expect(await stored(id)).toMatchObject({ status: 'pending', attempts: 0, lastError: null, availableAt: now });
    await expect(operator().sync.replay({ messageId: id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(operator().sync.replay({ messageId: crypto.randomUUID() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // Once: the refused second replay left nothing.
    expect(await trailOf(id)).toEqual([
      expect.objectContaining({
        actorEmail: 'operator@example.com',
        actorRole: 'operator',
        action: 'syncMessage.replay',
        before: { status: 'dead', attempts: 8, lastError: 'Failure 30' },
        after: { status: 'pending', attempts: 0, lastError: null },
        at: now,
      }),
    ]);
  });

  it('replays a selection, passing over what is no longer a dead letter', async () => {
    const [a, b] = [letters[27]!, letters[28]!];
    const replayedBefore = letters[29]!;
    const unknown = crypto.randomUUID();
    expect(await operator().sync.replaySelected({ messageIds: [a, b, a, replayedBefore, unknown] })).toEqual({
      replayed: [a, b],
      passedOver: [replayedBefore, unknown],
    });
    for (const id of [a, b]) {
      expect(await stored(id)).toMatchObject({ status: 'pending', attempts: 0 });
      expect(await trailOf(id)).toHaveLength(1);
    }
  });

  it('replays each message of a selection once when the same request arrives 50 times at once', async () => {
    const selection = letters.slice(0, 10);
    const entriesBefore = await replayEntries();
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => operator().sync.replaySelected({ messageIds: selection })),
    );
    // Between them the 50 answers replayed each message exactly once; every other answer passed it over.
    expect(answers.flatMap((answer) => answer.replayed).sort()).toEqual([...selection].sort());
    for (const answer of answers)
      expect([...answer.replayed, ...answer.passedOver].sort()).toEqual([...selection].sort());
    for (const id of selection) {
      expect(await stored(id)).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
      expect(await trailOf(id)).toHaveLength(1);
    }
    expect(await replayEntries()).toBe(entriesBefore + selection.length);
  });

  it.each([
    { what: 'no message', input: { messageIds: [] }, message: 'Select at least one dead letter' },
    { what: 'an id that is not one', input: { messageIds: ['launch-1'] }, message: 'This is not a sync message id.' },
    {
      what: 'more than a page',
      input: { messageIds: Array.from({ length: 101 }, () => crypto.randomUUID()) },
      message: 'Replay at most 100',
    },
  ])('refuses to replay a selection of $what', async ({ input, message }) => {
    const entriesBefore = await replayEntries();
    await expect(operator().sync.replaySelected(input as never)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining(message),
    });
    expect(await replayEntries()).toBe(entriesBefore);
  });

  it('refuses a page of dead letters that does not exist', async () => {
    await expect(operator().sync.deadLetters({ cursor: 'yesterday' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('This is not a page of the dead letters.'),
    });
    await expect(operator().sync.deadLetters({ limit: 0 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('the messages of one entity', () => {
  const booking = crypto.randomUUID();
  const ids: string[] = [];
  const { operator } = syncWorld((em) => {
    ids.push(
      syncMessage(em, {
        status: 'applied',
        createdAt: ago(30 * minute),
        appliedAt: ago(29 * minute),
        entityId: booking,
      }).id,
      syncMessage(em, { status: 'dead', createdAt: ago(20 * minute), entityId: booking, kind: 'booking.cancel' }).id,
      syncMessage(em, { status: 'pending', createdAt: ago(minute), entityId: booking, entityVersion: 3 }).id,
    );
    syncMessage(em, { status: 'pending', createdAt: ago(minute), entityId: crypto.randomUUID() });
  });

  it('finds every message of the entity, whatever its kind and status, oldest first', async () => {
    const { messages, more } = await operator().sync.messagesOf({ entityId: ` ${booking} ` });
    expect(more).toBe(false);
    expect(messages.map((message) => [message.id, message.status])).toEqual([
      [ids[0], 'applied'],
      [ids[1], 'dead'],
      [ids[2], 'pending'],
    ]);
    expect(messages[1]).toMatchObject({ kind: 'booking.cancel', entityId: booking });
  });

  it.each([
    { what: 'no id', entityId: '  ', message: 'Give the id of a launch, a booking or another entity.' },
    { what: 'too long an id', entityId: 'x'.repeat(101), message: 'This is not an entity id' },
    // The stores behind FerretDB cannot hold a NUL: refused as input, it never reaches them as a failing query.
    { what: 'a control character', entityId: '\u0000', message: 'invisible control characters' },
  ])('refuses a search with $what', async ({ entityId, message }) => {
    await expect(operator().sync.messagesOf({ entityId })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining(message),
    });
  });
});
