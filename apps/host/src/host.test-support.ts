/** Serves the host's APIs (no SSR apps) on an ephemeral port over a test's stores. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { RootLogger } from '@astro/logging';
import type { TestStores } from '../../../scripts/test-support/stores.ts';
import { createHostApp } from './app.ts';
import { audiences } from './audiences.ts';
import { demoSupplierAgency } from './demo-supplier.ts';
import { componentProbes, databaseProbes } from './status.ts';

export async function serve(test: TestStores, log: RootLogger): Promise<{ server: Server; url: string }> {
  const app = await createHostApp({
    log,
    audiences: audiences({
      stores: test.stores,
      log,
      probeComponents: componentProbes(test.config, test.stores),
      supplierAgencyOf: demoSupplierAgency(test.stores),
    }),
    probeDatabases: databaseProbes(test.config, test.stores),
    appsRoot: null,
    allowedHosts: ['localhost'],
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
