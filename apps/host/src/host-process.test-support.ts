/**
 * One more host process on the same databases, as a second machine behind a load balancer would run it:
 * the APIs and sign-in (no SSR apps), configured from the environment like main.ts. Prints "ready" when
 * it listens. Run by two-hosts.test.ts.
 */
import { loadConfig } from '@astro/config';
import { openStores } from '@astro/db';
import { createLogger } from '@astro/logging';
import { sandboxGateway } from '@astro/payments';
import { composeHost } from './compose.ts';

const config = loadConfig();
const stores = await openStores(config);
const app = await composeHost({
  config,
  stores,
  log: createLogger({ service: 'host', level: 'error', instance: `host-${process.pid}` }),
  payments: sandboxGateway(stores.system),
  appsRoot: null,
  internalUrl: () => `http://127.0.0.1:${config.port}`,
});
app.listen(config.port, '127.0.0.1', () => process.stdout.write('ready\n'));
