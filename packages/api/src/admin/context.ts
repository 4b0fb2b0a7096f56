import type { Accounts } from '@astro/auth/accounts';
import type { Issuer } from '@astro/config';
import type { OperationalOrm } from '@astro/db/operational';
import type { SystemOrm } from '@astro/db/system';
import type { Logger } from '@astro/logging';
import type { Viewer } from '../access.ts';
import type { BaseContext } from '../trpc.ts';

/** The Admin API reaches the Operational DB and the System DB. */
export interface AdminContext extends BaseContext {
  operationalDb: OperationalOrm['em'];
  systemDb: SystemOrm['em'];
  /** Accounts live in the System DB; the Authentication Service's rules apply when an admin creates one. */
  accounts: Accounts;
  /** Who issues invoices, printed on every finance document; null where the host configured none (most tests). */
  issuer: Issuer | null;
}

export function createAdminContext(deps: {
  operational: OperationalOrm;
  system: SystemOrm;
  log: Logger;
  viewer: Viewer | null;
  accounts: Accounts;
  issuer?: Issuer;
  now?: () => Date;
}): AdminContext {
  return {
    operationalDb: deps.operational.em.fork(),
    systemDb: deps.system.em.fork(),
    log: deps.log,
    viewer: deps.viewer,
    accounts: deps.accounts,
    issuer: deps.issuer ?? null,
    now: deps.now ?? (() => new Date()),
  };
}
