/**
 * The live tail's part of the logs benchmark: how long a line takes from its write to the System DB to its arrival at
 * each of 20 operators following the tail over HTTP server-sent events, through the real ops router and one hub.
 */
import type { AddressInfo } from 'node:net';
import { createHTTPServer } from '@trpc/server/adapters/standalone';
import { createTRPCClient, httpSubscriptionLink } from '@trpc/client';
import { EventSource } from 'eventsource';
import { createLogTail, createOpsContext, opsRouter, type OpsRouter } from '@astro/api';
import type { Stores } from '@astro/db';
import { writeLogLines } from '@astro/db/system';
import { createLogger } from '@astro/logging';

export interface TailDelivery {
  subscribers: number;
  lines: number;
  /** Write-to-arrival delay of every line at every subscriber. */
  delaysMs: number[];
  /** How many of the lines each subscriber got (each must get every one). */
  received: number[];
  /** The hub's queries of the logs while the lines came, and per poll interval of that time. */
  queries: number;
  /** The limit the delay must stay under (the "within 2 s"). */
  limitMs: number;
}

export async function measureTailDelivery(
  stores: Stores,
  { subscribers = 20, lines = 200, everyMs = 50 } = {},
): Promise<TailDelivery> {
  const logTail = createLogTail(stores.system);
  const operator = {
    userId: 'bench',
    name: 'Bench',
    email: 'bench@example.com',
    roles: ['operator' as const],
    agencyId: null,
  };
  // The ops router as the host mounts it (its SSE options, an operator's context), without sign-in in the way.
  const server = createHTTPServer({
    router: opsRouter,
    createContext: () =>
      createOpsContext({
        system: stores.system,
        log: createLogger({ service: 'bench', level: 'error', write: () => {} }),
        viewer: operator,
        probeComponents: async () => [],
        publicUrl: 'http://localhost',
        logTail,
      }),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = createTRPCClient<OpsRouter>({ links: [httpSubscriptionLink({ url, EventSource })] });

  const marker = `tail-bench-${Date.now()}`;
  const delaysMs: number[] = [];
  const received = Array.from({ length: subscribers }, () => new Set<string>());
  const openings = received.map(
    (seen) =>
      new Promise<{ unsubscribe(): void }>((resolve) => {
        const subscription = client.logs.tail.subscribe(
          { text: marker },
          {
            onStarted: () => resolve(subscription),
            onData: ({ data }) => {
              if (data.kind !== 'line') return;
              delaysMs.push(Date.now() - Date.parse(data.line.at));
              seen.add(data.line.message);
            },
          },
        );
      }),
  );
  const followers = await Promise.all(openings);
  // Let the hub mark what was already stored as seen before the measured lines come.
  await new Promise((resolve) => setTimeout(resolve, 1_000));

  const queriesBefore = logTail.state().queries;
  for (let n = 0; n < lines; n += 1) {
    await writeLogLines(stores.system.em, [
      {
        at: new Date(),
        level: 'warn',
        service: 'bench',
        instance: 'bench:1',
        message: `${marker} ${n}`,
        correlationId: null,
        requestId: null,
        fields: null,
      },
    ]);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  const deadline = Date.now() + 10_000;
  while (received.some((seen) => seen.size < lines) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  const queries = logTail.state().queries - queriesBefore;

  for (const follower of followers) follower.unsubscribe();
  server.close();
  return {
    subscribers,
    lines,
    delaysMs,
    received: received.map((seen) => seen.size),
    queries,
    limitMs: 2_000,
  };
}
