import { recentTraveler, travelerOf } from '@astro/bookings';
import type { Customer, CustomerOrm } from '@astro/db/customer';
import type { SystemOrm } from '@astro/db/system';
import type { Logger } from '@astro/logging';
import type { PaymentGateway } from '@astro/payments';
import type { Viewer } from '../access.ts';
import type { BaseContext } from '../trpc.ts';

/** The Customer API reaches only the Customer DB and the System DB. */
export interface CustomerContext extends BaseContext {
  customerDb: CustomerOrm['em'];
  systemDb: SystemOrm['em'];
  payments: PaymentGateway;
}

export function createCustomerContext(deps: {
  customer: CustomerOrm;
  system: SystemOrm;
  log: Logger;
  payments: PaymentGateway;
  viewer: Viewer | null;
  now?: () => Date;
}): CustomerContext {
  return {
    customerDb: deps.customer.em.fork(),
    systemDb: deps.system.em.fork(),
    payments: deps.payments,
    log: deps.log,
    viewer: deps.viewer,
    now: deps.now ?? (() => new Date()),
  };
}

/** The signed-in traveler's profile in the Customer DB, for procedures that allow only customers. */
export function signedInTraveler(ctx: CustomerContext): Promise<Customer> {
  return travelerOf(ctx.customerDb, ctx.viewer!, ctx.now());
}

/**
 * The signed-in traveler for the booking steps, which use only the profile's id and VIP flag: a copy read at most
 * every few seconds per host (see recent-travelers.ts), so a booking's three requests do not read it three times.
 */
export function bookingTraveler(ctx: CustomerContext): Promise<Customer> {
  return recentTraveler(ctx.customerDb, ctx.viewer!, ctx.now());
}
