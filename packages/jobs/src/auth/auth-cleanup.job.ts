import { sweepExpiredAuthRecords } from '@astro/auth';
import type { SystemOrm } from '@astro/db/system';
import type { JobDefinition } from '../scheduler.ts';

/** Deletes expired sign-in state: protocol records, app sessions, throttling windows and e-mailed links. */
export function authCleanupJob(system: SystemOrm): JobDefinition {
  return {
    name: 'auth-cleanup',
    description: 'Deletes expired sessions, tokens, sign-in throttles and e-mailed links',
    schedule: '0 7 * * * *',
    run: ({ now, fence }) => sweepExpiredAuthRecords(system, now(), fence),
  };
}
