/**
 * Until sign-in exists, the supplier portal acts for the demo supplier's agency (the seeded
 * account of Orbital Horizons). Sign-in replaces this with the agency of the session's user.
 */
import type { Request } from 'express';
import type { Stores } from '@astro/db';
import { demoAgencies } from '@astro/db/seed';
import { User } from '@astro/db/system';

export function demoSupplierAgency(stores: Stores): (req: Request) => Promise<string | null> {
  const email = demoAgencies[0]!.supplier.email;
  return async () => {
    const user = await stores.system.em.fork().findOne(User, { email }, { fields: ['agencyId'] });
    return user?.agencyId ?? null;
  };
}
