import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLogLines } from '@astro/db/system';
import type { LogLevel, LogRecord } from '@astro/logging';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import { operatorCaller } from '../operator.test-support.ts';
import { logQuery } from './logs.query.ts';

const now = new Date('2026-11-25T12:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const lastHour = { from: minutesAgo(60).toISOString(), to: now.toISOString() };

const line = (at: Date, message: string, more: Partial<LogRecord> = {}): LogRecord => ({
  at,
  level: 'info',
  service: 'customer-api',
  instance: 'host-1:7',
  message,
  correlationId: null,
  requestId: null,
  fields: null,
  ...more,
});

describe('the log match as a System DB filter', () => {
  it('is an equality where FerretDB can look it up, and the text an escaped, case-insensitive pattern', () => {
    expect(logQuery({})).toEqual({});
    expect(logQuery({ levels: ['error'], service: 'host', requestId: 'r-1', correlationId: 'c-1' })).toEqual({
      level: 'error',
      service: 'host',
      requestId: 'r-1',
      correlationId: 'c-1',
    });
    expect(logQuery({ levels: ['warn', 'error', 'warn'] })).toEqual({ level: { $in: ['warn', 'error'] } });
    expect(logQuery({ levels: ['debug', 'info', 'warn', 'error'] })).toEqual({});
    const { message } = logQuery({ text: 'Seat (2).*' });
    expect(message?.test('held SEAT (2).* for ada')).toBe(true);
    expect(message?.test('held seat 22 for ada')).toBe(false);
  });
});

describe('ops logs.search', () => {
  let world: TestStores;
  const operator = () => operatorCaller(world, now);
  const messagesOf = (page: { lines: { message: string }[] }) => page.lines.map((each) => each.message);

  beforeAll(async () => {
    world = await openTestStores();
    await writeLogLines(world.stores.system.em, [
      line(minutesAgo(90), 'Before the range'),
      line(minutesAgo(50), 'Held 2 seats (hold h-1)', { requestId: 'req-1', correlationId: 'corr-1' }),
      line(minutesAgo(49.9), 'Payment declined', {
        level: 'warn',
        service: 'payments',
        requestId: 'req-1',
        correlationId: 'corr-1',
        fields: { code: 'card_declined' },
      }),
      line(minutesAgo(49.8), 'Synced booking', { service: 'jobs', correlationId: 'corr-1' }),
      line(minutesAgo(30), 'Could not reach the SMTP server', { level: 'error', service: 'jobs' }),
      line(minutesAgo(10), 'GET /launches took 12 ms', { level: 'debug', service: 'host', requestId: 'req-2' }),
      line(now, 'At the end of the range, so after it'),
    ]);
  });
  afterAll(() => world.drop());

  it('shows the lines of a range newest first, with their fields', async () => {
    const page = await operator().logs.search(lastHour);
    expect(messagesOf(page)).toEqual([
      'GET /launches took 12 ms',
      'Could not reach the SMTP server',
      'Synced booking',
      'Payment declined',
      'Held 2 seats (hold h-1)',
    ]);
    expect(page.nextCursor).toBeNull();
    expect(page.lines[3]).toEqual({
      id: expect.any(String),
      at: minutesAgo(49.9).toISOString(),
      level: 'warn',
      service: 'payments',
      instance: 'host-1:7',
      message: 'Payment declined',
      correlationId: 'corr-1',
      requestId: 'req-1',
      fields: { code: 'card_declined' },
    });
  });

  it('filters by level, service and any part of the message in any case, as typed', async () => {
    expect(messagesOf(await operator().logs.search({ ...lastHour, levels: ['warn', 'error'] }))).toEqual([
      'Could not reach the SMTP server',
      'Payment declined',
    ]);
    expect(messagesOf(await operator().logs.search({ ...lastHour, service: 'jobs' }))).toEqual([
      'Could not reach the SMTP server',
      'Synced booking',
    ]);
    expect(messagesOf(await operator().logs.search({ ...lastHour, text: 'smtp' }))).toEqual([
      'Could not reach the SMTP server',
    ]);
    expect(messagesOf(await operator().logs.search({ ...lastHour, text: '(hold h-1)' }))).toEqual([
      'Held 2 seats (hold h-1)',
    ]);
    expect(messagesOf(await operator().logs.search({ ...lastHour, text: '.*' }))).toEqual([]);
  });

  it('finds every line of one request, and of one correlation id from every service', async () => {
    expect(messagesOf(await operator().logs.search({ ...lastHour, requestId: 'req-1' }))).toEqual([
      'Payment declined',
      'Held 2 seats (hold h-1)',
    ]);
    expect(messagesOf(await operator().logs.search({ ...lastHour, correlationId: 'corr-1' }))).toEqual([
      'Synced booking',
      'Payment declined',
      'Held 2 seats (hold h-1)',
    ]);
    expect(
      messagesOf(await operator().logs.search({ ...lastHour, correlationId: 'corr-1', service: 'payments' })),
    ).toEqual(['Payment declined']);
  });

  it('shows only the range asked for', async () => {
    const range = { from: minutesAgo(95).toISOString(), to: minutesAgo(40).toISOString() };
    expect(messagesOf(await operator().logs.search(range))).toEqual([
      'Synced booking',
      'Payment declined',
      'Held 2 seats (hold h-1)',
      'Before the range',
    ]);
  });

  it('refuses filters, ranges and cursors it cannot use, saying what is wrong', async () => {
    const refused = (input: unknown, message: string) =>
      expect(operator().logs.search(input as never)).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringContaining(message),
      });
    await refused({ ...lastHour, levels: ['fatal'] }, 'Choose debug, info, warn or error.');
    await refused({ ...lastHour, text: 'x'.repeat(201) }, 'Search for at most 200 characters.');
    await refused({ ...lastHour, requestId: 'req\u0000' }, 'control characters');
    await refused({ from: lastHour.to, to: lastHour.from }, 'The start of the range must be before its end.');
    await refused({ from: minutesAgo(15 * 24 * 60).toISOString(), to: lastHour.to }, 'at most 14 days');
    await refused({ from: 'an hour ago', to: lastHour.to }, 'ISO 8601');
    await refused({ ...lastHour, cursor: 'page-2' }, 'This is not a page of these logs.');
  });
});

describe('ops logs.search paging', () => {
  it.each([{}, { service: 'jobs' }, { text: 'LINE' }])(
    'pages back through a range without skipping or repeating a line while new lines arrive (%j)',
    async (search) => {
      const world = await openTestStores();
      const operator = () => operatorCaller(world, now);
      let burst = 0;
      // 40 lines over 20 minutes, two of them at each moment, so pages end between lines of one moment.
      const written = Array.from({ length: 40 }, (_, i) =>
        line(minutesAgo(30 - Math.floor(i / 2) * 1.01), `line ${i}`, { service: i % 3 === 0 ? 'host' : 'jobs' }),
      );
      await writeLogLines(world.stores.system.em, written);
      const expected = written.filter((each) => !('service' in search) || each.service === search.service);
      const seen: { id: string; at: string; message: string }[] = [];
      let cursor: string | undefined;
      do {
        const page = await operator().logs.search({ ...lastHour, ...search, limit: 7, ...(cursor ? { cursor } : {}) });
        expect(page.lines.length).toBeLessThanOrEqual(7);
        seen.push(...page.lines);
        cursor = page.nextCursor ?? undefined;
        // A burst of new lines between pages, in the range and newer than any page shown.
        await writeLogLines(
          world.stores.system.em,
          Array.from({ length: 20 }, (_, i) =>
            line(minutesAgo(1 - i / 100), `new line ${burst}.${i}`, { service: 'jobs' }),
          ),
        );
        burst++;
      } while (cursor);
      expect(new Set(seen.map((each) => each.id)).size).toBe(seen.length);
      const messages = seen.map((each) => each.message);
      expect(messages.filter((message) => !message.startsWith('new')).sort()).toEqual(
        expected.map((each) => each.message).sort(),
      );
      const times = seen.map((each) => each.at);
      expect(times).toEqual([...times].sort().reverse());
      await world.drop();
    },
  );
});

describe('ops logs.volume', () => {
  let world: TestStores;
  const operator = () => operatorCaller(world, now);
  const levels: LogLevel[] = ['debug', 'info', 'warn', 'error'];
  // Over two days: 3 minutes an hour ago (one line of each level per service there, and more errors), and the day before.
  const written = [
    ...[55, 54, 52].flatMap((minutes, m) =>
      ['host', 'customer-api'].flatMap((service) =>
        levels.map((level, l) =>
          line(new Date(minutesAgo(minutes).getTime() + (m + l) * 1_000), `${service} ${level}`, { service, level }),
        ),
      ),
    ),
    ...Array.from({ length: 5 }, (_, i) => line(minutesAgo(52 - i / 10), `error ${i}`, { level: 'error' })),
    ...Array.from({ length: 7 }, (_, i) => line(minutesAgo(26 * 60 + i), `yesterday ${i}`, { level: 'warn' })),
  ];

  beforeAll(async () => {
    world = await openTestStores();
    await writeLogLines(world.stores.system.em, written.slice(0, 20));
    await writeLogLines(world.stores.system.em, written.slice(20));
  });
  afterAll(() => world.drop());

  const countOf = (lines: LogRecord[]) => {
    const counts = { debug: 0, info: 0, warn: 0, error: 0 };
    for (const each of lines) counts[each.level]++;
    return counts;
  };

  it('counts the lines of each minute by level, and the counts add up to the lines searched', async () => {
    const volume = await operator().logs.volume(lastHour);
    expect(volume.bucketMinutes).toBe(1);
    expect(volume.buckets).toHaveLength(60);
    expect(volume.buckets[0]!.at).toBe(minutesAgo(60).toISOString());
    const byMinute = (minutes: number) => volume.buckets.find((b) => b.at === minutesAgo(minutes).toISOString());
    expect(byMinute(55)).toMatchObject({ debug: 2, info: 2, warn: 2, error: 2 });
    expect(byMinute(52)).toMatchObject({ debug: 2, info: 2, warn: 2, error: 7 });
    expect(byMinute(53)).toMatchObject({ debug: 0, info: 0, warn: 0, error: 0 });
    const inRange = written.filter((each) => each.at >= minutesAgo(60));
    expect(volume.total).toEqual(countOf(inRange));

    let searched = 0;
    let cursor: string | undefined;
    do {
      const page = await operator().logs.search({ ...lastHour, limit: 200, ...(cursor ? { cursor } : {}) });
      searched += page.lines.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(searched).toBe(Object.values(volume.total).reduce((sum, n) => sum + n, 0));
  });

  it('counts one service and some levels when asked', async () => {
    const volume = await operator().logs.volume({ ...lastHour, service: 'host', levels: ['error', 'warn'] });
    expect(volume.total).toEqual({ debug: 0, info: 0, warn: 3, error: 3 });
  });

  it('uses longer buckets for longer ranges, still counting every line', async () => {
    const day = await operator().logs.volume({ from: minutesAgo(24 * 60).toISOString(), to: now.toISOString() });
    expect(day.bucketMinutes).toBe(10);
    expect(day.buckets).toHaveLength(144);
    expect(day.total).toEqual(countOf(written.filter((each) => each.at >= minutesAgo(24 * 60))));

    const twoDays = await operator().logs.volume({ from: minutesAgo(48 * 60).toISOString(), to: now.toISOString() });
    expect(twoDays.bucketMinutes).toBe(60);
    expect(twoDays.buckets).toHaveLength(48);
    expect(twoDays.total).toEqual(countOf(written));
    expect(twoDays.buckets.find((b) => b.at === minutesAgo(60).toISOString())).toMatchObject({ error: 11 });
  });

  it('refuses a range it cannot count', async () => {
    await expect(operator().logs.volume({ from: lastHour.to, to: lastHour.from })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('The start of the range must be before its end.'),
    });
  });
});

describe('ops logs.context', () => {
  let world: TestStores;
  const operator = () => operatorCaller(world, now);

  beforeAll(async () => {
    world = await openTestStores();
    await writeLogLines(
      world.stores.system.em,
      Array.from({ length: 30 }, (_, i) =>
        line(minutesAgo(20 - i * 0.5), `line ${i}`, { service: i % 2 === 0 ? 'host' : 'jobs' }),
      ),
    );
  });
  afterAll(() => world.drop());

  it('shows the lines just before and after a line, of every service or of its own', async () => {
    const { lines } = await operator().logs.search({ ...lastHour, text: 'line 10' });
    const lineId = lines.find((each) => each.message === 'line 10')!.id;
    const around = await operator().logs.context({ lineId, lines: 3 });
    expect(around.lines.map((each) => each.message)).toEqual([
      'line 7',
      'line 8',
      'line 9',
      'line 10',
      'line 11',
      'line 12',
      'line 13',
    ]);
    const ownService = await operator().logs.context({ lineId, lines: 2, sameService: true });
    expect(ownService.lines.map((each) => each.message)).toEqual(['line 6', 'line 8', 'line 10', 'line 12', 'line 14']);
    const first = (await operator().logs.search({ ...lastHour, text: 'line 0' })).lines[0]!;
    expect((await operator().logs.context({ lineId: first.id, lines: 2 })).lines.map((each) => each.message)).toEqual([
      'line 0',
      'line 1',
      'line 2',
    ]);
  });

  it('says when there is no such line, and refuses an id that is none', async () => {
    await expect(operator().logs.context({ lineId: crypto.randomUUID() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(operator().logs.context({ lineId: 'line-1' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
