/** The ops live tail over real HTTP: server-sent events from the host, on the real System DB. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventSource } from 'eventsource';
import { createTRPCClient, httpSubscriptionLink, type TRPCClientError } from '@trpc/client';
import { createLogTail, type LogTail, type OpsRouter, type TailEvent } from '@astro/api';
import { hashPassword } from '@astro/auth';
import { demoEmployees, demoPassword, seedDemoWorld } from '@astro/db/seed';
import { systemLogSink, writeLogLines } from '@astro/db/system';
import { createLogger, type LogLevel } from '@astro/logging';
import { openTestStores, type TestStores } from '../../../scripts/test-support/stores.ts';
import { serve } from './host.test-support.ts';
import { TestBrowser } from './sessions/browser.test-support.ts';

describe('the live tail of the logs', () => {
  let test: TestStores;
  let host: { url: string; close(): void };
  let logTail: LogTail;
  let operatorCookie: string;
  const log = createLogger({ service: 'host', level: 'debug', write: () => {}, flushIntervalMs: 200 });

  beforeAll(async () => {
    test = await openTestStores();
    await seedDemoWorld(test.stores, new Date(), { passwordHash: await hashPassword(demoPassword) });
    log.attachSink(systemLogSink(test.stores.system));
    // A short grace, so the test can see the poller stop once nobody follows the tail.
    logTail = createLogTail(test.stores.system, { graceMs: 1_500 });
    const served = await serve(test, log, { logTail });
    host = { url: served.url, close: () => served.server.close() };
    const browser = new TestBrowser(host.url);
    await browser.signIn('ops', demoEmployees.find((each) => each.role === 'operator')!.email, demoPassword);
    operatorCookie = browser.cookieHeader();
  });
  afterAll(async () => {
    host.close();
    await test.drop();
  });

  /** An operator's browser: the tRPC client with the subscription link over a real EventSource. */
  const opsClient = (cookie: string | null = operatorCookie) =>
    createTRPCClient<OpsRouter>({
      links: [
        httpSubscriptionLink({
          url: `${host.url}/api/ops`,
          EventSource,
          eventSourceOptions: () => ({
            fetch: (url, init) => fetch(url, { ...init, headers: { ...init?.headers, ...(cookie ? { cookie } : {}) } }),
          }),
        }),
      ],
    });

  interface Followed {
    events: { id: string; event: TailEvent; receivedAt: number }[];
    lines: () => string[];
    /** Waits until `count` line events have come, and returns the messages. */
    untilLines(count: number, withinMs?: number): Promise<string[]>;
    stop(): void;
  }

  /** Follows the tail with these filters, from `lastEventId` or from now, once the subscription is open. */
  async function follow(input: Parameters<ReturnType<typeof opsClient>['logs']['tail']['subscribe']>[0] = {}) {
    const events: Followed['events'] = [];
    let started!: () => void;
    const open = new Promise<void>((resolve) => (started = resolve));
    const subscription = opsClient().logs.tail.subscribe(input, {
      onStarted: () => started(),
      onData: ({ id, data }) => events.push({ id, event: data, receivedAt: Date.now() }),
    });
    await open;
    // The subscription is open once the host's poller has marked what is already stored as seen.
    await until(() => logTail.state().subscribers > 0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const lines = () => events.flatMap(({ event }) => (event.kind === 'line' ? [event.line.message] : []));
    const followed: Followed = {
      events,
      lines,
      async untilLines(count, withinMs = 5_000) {
        await until(() => lines().length >= count, withinMs);
        return lines();
      },
      stop: () => subscription.unsubscribe(),
    };
    return followed;
  }

  const until = async (condition: () => boolean, withinMs = 5_000) => {
    const deadline = Date.now() + withinMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`Not within ${withinMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  /** A line as another process writes it, with its own clock's `at`. */
  const writeLine = (message: string, fields: { level?: LogLevel; service?: string; at?: Date } = {}) =>
    writeLogLines(test.stores.system.em, [
      {
        at: fields.at ?? new Date(),
        level: fields.level ?? 'warn',
        service: fields.service ?? 'jobs',
        instance: 'other-host:7',
        message,
        correlationId: null,
        requestId: null,
        fields: null,
      },
    ]);

  it('delivers a line the host logs within 2 seconds of its writing', async () => {
    const tail = await follow({ text: 'tail-fresh' });
    const written = Date.now();
    log.child('customer-api').warn('A tail-fresh line');
    const [line] = await tail.untilLines(1, 2_000);
    expect(line).toBe('A tail-fresh line');
    expect(tail.events[0]!.receivedAt - written).toBeLessThan(2_000);
    const [event] = tail.events;
    expect(event!.event).toMatchObject({ kind: 'line', line: { service: 'customer-api', level: 'warn' } });
    tail.stop();
  });

  it('resumes after a dropped connection from the last event id with every line written meanwhile, none twice', async () => {
    const tail = await follow({ text: 'tail-resume' });
    await writeLine('tail-resume 1');
    await tail.untilLines(1);
    const lastEventId = tail.events.at(-1)!.id;
    tail.stop();

    await writeLine('tail-resume 2');
    // Written late by a process whose batch waited: its time is before the line the subscriber already has.
    await writeLine('tail-resume 3 (late)', { at: new Date(Date.now() - 3_000) });
    await writeLine('tail-resume 4');
    await new Promise((resolve) => setTimeout(resolve, 1_200));

    const resumed = await follow({ text: 'tail-resume', lastEventId });
    await writeLine('tail-resume 5');
    // In the order the host found them: one poll's lines by their time, so the late one may come first.
    expect((await resumed.untilLines(4)).toSorted()).toEqual([
      'tail-resume 2',
      'tail-resume 3 (late)',
      'tail-resume 4',
      'tail-resume 5',
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(resumed.lines()).toHaveLength(4);
    expect(resumed.events.every(({ event }) => event.kind === 'line')).toBe(true);
    resumed.stop();
  });

  it('says so when it cannot resume from an event id, rather than leave a silent hole', async () => {
    const tail = await follow({ text: 'tail-unknown', lastEventId: '0badcafe.12' });
    await writeLine('tail-unknown 1');
    await tail.untilLines(1);
    expect(tail.events.map(({ event }) => event.kind)).toEqual(['gap', 'line']);
    tail.stop();
  });

  it('sends only the lines of its filters: level, service and text', async () => {
    const tail = await follow({ levels: ['error'], service: 'jobs', text: 'tail-filter' });
    await writeLine('tail-filter warn of jobs', { level: 'warn' });
    await writeLine('tail-filter error of the host', { level: 'error', service: 'host' });
    await writeLine('another error of jobs', { level: 'error' });
    await writeLine('TAIL-FILTER error of jobs', { level: 'error' });
    expect(await tail.untilLines(1)).toEqual(['TAIL-FILTER error of jobs']);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(tail.lines()).toHaveLength(1);
    tail.stop();
  });

  it('polls the logs once for every subscriber, and stops when the last one has left', async () => {
    await until(() => !logTail.state().polling, 5_000);
    const followers = await Promise.all([1, 2, 3, 4, 5].map(() => follow({ text: 'tail-shared' })));
    expect(logTail.state()).toMatchObject({ polling: true, subscribers: 5 });
    await writeLine('tail-shared 1');
    await Promise.all(followers.map((tail) => tail.untilLines(1)));
    const before = logTail.state().queries;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    // One poller asks once every 500 ms (twice while its overlap spans two minutes): at most 10 queries in two
    // seconds, where a poller per subscriber would make 20 or more.
    expect(logTail.state().queries - before).toBeLessThanOrEqual(10);

    for (const tail of followers) tail.stop();
    await until(() => logTail.state().subscribers === 0);
    await until(() => !logTail.state().polling, 5_000);
  });

  it('refuses anyone but a signed-in operator', async () => {
    const refusal = (cookie: string | null) =>
      new Promise<TRPCClientError<OpsRouter>>((resolve) => {
        const subscription = opsClient(cookie).logs.tail.subscribe(
          {},
          {
            onError: (error) => {
              subscription.unsubscribe();
              resolve(error);
            },
          },
        );
      });
    expect((await refusal(null)).data?.code).toBe('UNAUTHORIZED');
    const admin = new TestBrowser(host.url);
    await admin.signIn('admin', demoEmployees.find((each) => each.role === 'admin')!.email, demoPassword);
    expect((await refusal(admin.cookieHeader())).data?.code).toBe('UNAUTHORIZED');
  });
});
