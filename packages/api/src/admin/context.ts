import type { OperationalOrm } from '@astro/db/operational';
import type { SystemOrm } from '@astro/db/system';
import type { Logger } from '@astro/logging';
import type { BaseContext } from '../trpc.ts';

/** The Admin API reaches the Operational DB and the System DB. */
export interface AdminContext extends BaseContext {
  operationalDb: OperationalOrm['em'];
  systemDb: SystemOrm['em'];
}

export function createAdminContext(deps: {
  operational: OperationalOrm;
  system: SystemOrm;
  log: Logger;
  now?: () => Date;
}): AdminContext {
  return {
    operationalDb: deps.operational.em.fork(),
    systemDb: deps.system.em.fork(),
    log: deps.log,
    now: deps.now ?? (() => new Date()),
  };
}
