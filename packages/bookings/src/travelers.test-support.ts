/** Travelers as tests act as them: each with an account of their own, calling the booking flows as a request would. */
import { CatalogueLaunch, type CustomerOrm } from '@astro/db/customer';
import { createLogger } from '@astro/logging';
import { sandboxCards, sandboxGateway, type Card, type PaymentGateway } from '@astro/payments';
import type { TestStores } from '../../../scripts/test-support/stores.ts';
import type { BookingDeps } from './booking-deps.ts';
import { cancelBooking } from './cancellation/cancellation.ts';
import { placeHold } from './holds/holds.ts';
import { savePassengers } from './passengers/passengers.ts';
import { payForBooking } from './payment/payment.ts';
import { travelerOf, type TravelerAccount } from './travelers/traveler.ts';
import { bookingDetail, myBookings } from './view/booking-view.ts';
import { joinWaitingList, leaveWaitingList, myWaitingPlaces } from './waiting-list/waiting-list.ts';

export const quietLog = createLogger({ service: 'test', level: 'error', write: () => {} });

export interface TravelerOptions {
  /** The clock every flow reads; the real one unless a test moves it. */
  now?: () => Date;
  /** Another connection to the Customer DB (the test's own by default). */
  customer?: CustomerOrm;
  /** The payment provider (the sandbox by default). */
  payments?: PaymentGateway;
}

/** A traveler signed in with `account`: every call gets its own unit of work, as every request does. */
export function travelerAs(world: TestStores, account: TravelerAccount, options: TravelerOptions = {}) {
  const now = options.now ?? (() => new Date());
  const payments = options.payments ?? sandboxGateway(world.stores.system, now);
  const request = async () => {
    const deps: BookingDeps = {
      customerDb: (options.customer ?? world.stores.customer).em.fork(),
      now,
      log: quietLog,
      payments,
    };
    return { deps, traveler: await travelerOf(deps.customerDb, account, now()) };
  };
  const flows = {
    /** The traveler's profile in the Customer DB (trips flown, VIP). */
    profile: async () => (await request()).traveler,
    hold: async (input: { launchId: string; seats: number; idempotencyKey: string }) => {
      const { deps, traveler } = await request();
      return placeHold(deps, traveler, input);
    },
    passengers: async (input: { bookingId: string; passengers: { name: string; birthDate: string }[] }) => {
      const { deps, traveler } = await request();
      return savePassengers(deps, traveler, input);
    },
    pay: async (input: { bookingId: string; attemptKey: string; card: Card }) => {
      const { deps, traveler } = await request();
      return payForBooking(deps, traveler, input);
    },
    cancel: async (input: { bookingId: string; quotedRefundCents: number }) => {
      const { deps, traveler } = await request();
      return cancelBooking(deps, traveler, input);
    },
    booking: async (bookingId: string) => {
      const { deps, traveler } = await request();
      return bookingDetail(deps, traveler, bookingId);
    },
    bookings: async () => {
      const { deps, traveler } = await request();
      return myBookings(deps, traveler);
    },
    joinWaitingList: async (input: { launchId: string; seats: number }) => {
      const { deps, traveler } = await request();
      return joinWaitingList(deps, traveler, input);
    },
    leaveWaitingList: async (input: { launchId: string }) => {
      const { deps, traveler } = await request();
      return leaveWaitingList(deps, traveler, input);
    },
    waitingPlaces: async () => {
      const { deps, traveler } = await request();
      return myWaitingPlaces(deps, traveler);
    },
  };
  return {
    ...flows,
    /** Holds `seats` seats and, unless told not to pay, names a passenger for each and pays: the booking's id. */
    book: async (launchId: string, seats: number, { pay = true } = {}) => {
      const { bookingId } = await flows.hold({ launchId, seats, idempotencyKey: `book-${crypto.randomUUID()}` });
      if (!pay) return bookingId;
      await flows.passengers({
        bookingId,
        passengers: Array.from({ length: seats }, (_, i) => ({ name: `Passenger ${i}`, birthDate: '1979-03-14' })),
      });
      await flows.pay({
        bookingId,
        attemptKey: `pay-${crypto.randomUUID()}`,
        card: { number: sandboxCards.succeeds, expiry: '12/30', cvc: '123' },
      });
      return bookingId;
    },
  };
}

/** Traveler number n: `traveler-<n>`, `traveler<n>@example.com`. */
export const traveler = (world: TestStores, n: number, options?: TravelerOptions) =>
  travelerAs(world, { userId: `traveler-${n}`, name: `Traveler ${n}`, email: `traveler${n}@example.com` }, options);

/** A bookable launch at least 30 days ahead with `minSeats` left, `skip` places down from the latest. */
export const launchAhead = async (world: TestStores, skip: number, minSeats = 4) =>
  (
    await world.stores.customer.em.fork().find(
      CatalogueLaunch,
      {
        status: { $in: ['scheduled', 'confirmed'] },
        launchDate: { $gt: new Date(Date.now() + 30 * 86_400_000) },
        seatsLeft: { $gte: minSeats },
      },
      { orderBy: { launchDate: 'desc' }, offset: skip, limit: 1 },
    )
  )[0]!;
