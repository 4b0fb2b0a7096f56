import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLogLines } from '@astro/db/system';
import { openTestStores, type TestStores } from '../../../../../../scripts/test-support/stores.ts';
import { createLogTail, type TailEnvelope } from './log-tail.ts';

describe('the live tail hub', () => {
  let world: TestStores;
  beforeAll(async () => {
    world = await openTestStores();
  });
  afterAll(() => world.drop());

  /** One batch, a millisecond apart (lines of one millisecond come in the order of their ids). */
  const write = (...messages: string[]) =>
    writeLogLines(
      world.stores.system.em,
      messages.map((message, index) => ({
        at: new Date(Date.now() + index),
        level: 'info' as const,
        service: 'jobs',
        instance: 'jobs-1:42',
        message,
        correlationId: null,
        requestId: null,
        fields: null,
      })),
    );

  it('tells a subscriber that fell behind its bounded buffer how many of its lines it skipped, then goes on', async () => {
    const tail = createLogTail(world.stores.system, { pollEveryMs: 50, bufferSize: 5, graceMs: 0 });
    const stop = new AbortController();
    const slow = tail.follow({ matches: (line) => line.message.startsWith('slow'), signal: stop.signal });
    // The first event is read only after the hub has started: everything written later is new.
    const first = slow.next();
    await until(() => tail.state().polling);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await write('slow 1');
    expect(((await first).value as TailEnvelope).event).toMatchObject({ kind: 'line', line: { message: 'slow 1' } });

    // It reads nothing while twelve lines come, eight of them its own: the buffer keeps the last five, so four of
    // its own (slow 2 to 5) are gone before it reads them.
    await write('slow 2', 'other 1', 'slow 3', 'other 2', 'slow 4', 'slow 5', 'other 3', 'other 4', 'slow 6');
    await write('slow 7', 'slow 8', 'slow 9');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const events: TailEnvelope['event'][] = [];
    for (let read = 0; read < 5; read += 1) events.push(((await slow.next()).value as TailEnvelope).event);
    expect(events).toEqual([
      { kind: 'skipped', count: 4 },
      ...['slow 6', 'slow 7', 'slow 8', 'slow 9'].map((message) =>
        expect.objectContaining({ kind: 'line', line: expect.objectContaining({ message }) }),
      ),
    ]);
    stop.abort();
    await slow.return(undefined);
    await until(() => !tail.state().polling);
    expect(tail.state().subscribers).toBe(0);
  });

  const until = async (condition: () => boolean) => {
    const deadline = Date.now() + 5_000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error('Not within 5 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
});
