/**
 * A scheduler that dies at the worst moment for a launch change's e-mails: it applies the pending sync messages
 * and is killed with SIGKILL as it queues its DIE_AT_EMAIL-th e-mail (1: right after the catalogue write, before
 * any e-mail; 2: after one), as a power cut would. Run by launch-status-emails.test.ts as a child process.
 */
import type { Collection, Document } from 'mongodb';
import { loadConfig } from '@astro/config';
import { openStores } from '@astro/db';
import { emailOutboxCollection } from '@astro/db/system';
import { applySyncMessages } from './sync-apply.ts';
import { targetsOf } from './targets.test-support.ts';

const dieAt = Number(process.env['DIE_AT_EMAIL']);
const stores = await openStores(loadConfig());
// Every e-mail is queued with one updateOne on the outbox collection (queueEmail): the driver's, patched here.
const collections = Object.getPrototypeOf(emailOutboxCollection(stores.system.em)) as {
  updateOne: Collection<Document>['updateOne'];
};
const updateOne = collections.updateOne;
let queued = 0;
collections.updateOne = function (this: Collection<Document>, ...args: Parameters<typeof updateOne>) {
  if (this.collectionName === 'email_outbox' && ++queued === dieAt) {
    process.kill(process.pid, 'SIGKILL');
    throw new Error('unreachable');
  }
  return updateOne.apply(this, args);
} as typeof updateOne;
await applySyncMessages(targetsOf(stores), `doomed-${process.pid}`, () => new Date());
process.exit(3);
