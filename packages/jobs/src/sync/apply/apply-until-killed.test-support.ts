/**
 * A scheduler that applies sync messages as the sync-apply job does, until someone kills it (run by
 * sync-faults.test.ts, which kills it with SIGKILL in the middle of a batch).
 */
import { loadConfig } from '@astro/config';
import { openStores } from '@astro/db';
import { applySyncMessages } from './sync-apply.ts';
import { targetsOf } from './targets.test-support.ts';

const stores = await openStores(loadConfig());
process.stdout.write('ready\n');
for (;;) await applySyncMessages(targetsOf(stores), `doomed-${process.pid}`, () => new Date(), 5);
