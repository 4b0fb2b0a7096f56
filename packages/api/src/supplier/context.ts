import type { Issuer } from '@astro/config';
import type { OperationalOrm } from '@astro/db/operational';
import type { SystemOrm } from '@astro/db/system';
import type { Logger } from '@astro/logging';
import type { Viewer } from '../access.ts';
import type { BaseContext } from '../trpc.ts';

/** The Supplier API reaches the Operational DB and the System DB, always on behalf of one agency. */
export interface SupplierContext extends BaseContext {
  operationalDb: OperationalOrm['em'];
  systemDb: SystemOrm['em'];
  /** Who issues invoices, printed on every finance document; null where the host configured none (most tests). */
  issuer: Issuer | null;
}

/** A supplier's context once `agencyProcedure` has found the one agency they act for. */
export type AgencyContext = SupplierContext & { agencyId: string };

export function createSupplierContext(deps: {
  operational: OperationalOrm;
  system: SystemOrm;
  log: Logger;
  viewer: Viewer | null;
  issuer?: Issuer;
  now?: () => Date;
}): SupplierContext {
  return {
    operationalDb: deps.operational.em.fork(),
    systemDb: deps.system.em.fork(),
    log: deps.log,
    viewer: deps.viewer,
    issuer: deps.issuer ?? null,
    now: deps.now ?? (() => new Date()),
  };
}
