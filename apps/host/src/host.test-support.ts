/** Serves the host's APIs and sign-in (no SSR apps) on an ephemeral port over a test's stores. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hashPassword, type LimitName, type LimitRule } from '@astro/auth';
import type { LogTail } from '@astro/api';
import type { Config } from '@astro/config';
import { demoPassword, seedDemoWorld } from '@astro/db/seed';
import { systemLogSink } from '@astro/db/system';
import type { RootLogger } from '@astro/logging';
import { sandboxGateway } from '@astro/payments';
import { openTestStores, type TestStores } from '../../../scripts/test-support/stores.ts';
import { composeHost } from './compose.ts';

export async function serve(
  test: TestStores,
  log: RootLogger,
  options: {
    /** Settings of the environment. */
    settings?: Partial<Config>;
    /** Limits lowered so a test need not send hundreds of requests. */
    limitRules?: Partial<Record<LimitName, LimitRule>>;
    /** Where the host's calls to its authorization server go (by default, itself). */
    reachAuthorizationServer?: (own: string) => string;
    /** The live tail's poller, for a test that watches it. */
    logTail?: LogTail;
    /** Built apps to serve (see ssr-apps.test-support.ts); none by default. */
    appsRoot?: string;
  } = {},
): Promise<{ server: Server; url: string }> {
  // The issuer must be the address tests call, which is known only once the server listens.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = { ...test.config, ...options.settings, publicUrl: url };
  const app = await composeHost({
    config,
    stores: test.stores,
    log,
    payments: sandboxGateway(test.stores.system),
    appsRoot: options.appsRoot ?? null,
    internalUrl: () => options.reachAuthorizationServer?.(url) ?? url,
    limitRules: options.limitRules,
    logTail: options.logTail,
  });
  server.on('request', app);
  return { server, url };
}

/** A host over fresh stores holding the demo world (every demo account signs in with `demoPassword`). */
export async function serveDemoWorld(
  log: RootLogger,
): Promise<{ test: TestStores; host: { server: Server; url: string }; close(): Promise<void> }> {
  const test = await openTestStores();
  await seedDemoWorld(test.stores, new Date(), { passwordHash: await hashPassword(demoPassword) });
  log.attachSink(systemLogSink(test.stores.system));
  const host = await serve(test, log);
  return {
    test,
    host,
    async close() {
      host.server.close();
      await test.drop();
    },
  };
}
