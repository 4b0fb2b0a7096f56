import type { Stores } from '@astro/db';
import { sandboxGateway } from '@astro/payments';
import type { SyncTargets } from './sync-apply.ts';

/** What a scheduler applies messages to, with the sandbox as payment provider. */
export const targetsOf = (stores: Stores): SyncTargets => ({ ...stores, payments: sandboxGateway(stores.system) });
