/**
 * Holding seats. The booking is written first (unique per customer and idempotency key), then the seats are
 * taken from the launch's catalogue document in one conditional update that also records the hold: seats
 * are never oversold, on any number of hosts. A process that dies in between leaves a booking without a hold
 * time, which expireLapsedHolds removes (giving back any seats it took).
 */
import { randomUUID } from 'node:crypto';
import {
  Booking,
  CatalogueLaunch,
  statusStep,
  type BookingActor,
  type Customer,
  type CustomerEntityManager,
} from '@astro/db/customer';
import { bookingOpen, holdMinutes, Problem, salesPausedMessage, seatsProblem } from '@astro/domain';
import { currentCorrelation } from '@astro/logging';
import type { BookingDeps } from '../booking-deps.ts';
import { keepHoldFacts } from '../recent/recent-holds.ts';
import { forgetLaunch, recentLaunch } from '../recent/recent-launches.ts';
import { takeSeats } from '../seats/seats.ts';

export interface HoldOutcome {
  bookingId: string;
  seats: number;
  /** Null once the booking is no longer held (paid, lapsed). */
  holdExpiresAt: string | null;
  totalCents: number;
  currency: string;
}

const outcomeOf = (booking: Booking): HoldOutcome => ({
  bookingId: booking.id,
  seats: booking.seats,
  holdExpiresAt: booking.status === 'held' && booking.holdExpiresAt ? booking.holdExpiresAt.toISOString() : null,
  totalCents: booking.totalCents,
  currency: booking.currency,
});

export async function placeHold(
  { customerDb, now, log }: Pick<BookingDeps, 'customerDb' | 'now' | 'log'>,
  traveler: Customer,
  input: { launchId: string; seats: number; idempotencyKey: string },
): Promise<HoldOutcome> {
  // Refused before any booking is written: unless this key already holds seats, then the answer is that hold.
  const refuse = async (problem: Problem): Promise<HoldOutcome> => {
    const repeated = await customerDb
      .fork()
      .findOne(Booking, { customerId: traveler.id, idempotencyKey: input.idempotencyKey });
    if (repeated) return settled(customerDb, repeated.id);
    throw problem;
  };
  const problem = seatsProblem(input.seats, traveler.vip);
  if (problem) return refuse(Problem.invalid({ seats: problem }));
  const hold = (launch: CatalogueLaunch) =>
    holdSeats(customerDb, now(), {
      launch,
      customerId: traveler.id,
      seats: input.seats,
      idempotencyKey: input.idempotencyKey,
      holdMinutes,
      by: { kind: 'traveler' },
      reason: null,
    });
  const launch = await recentLaunch(customerDb, input.launchId);
  if (!launch) return refuse(new Problem('not_found', 'This launch is not in the catalogue.'));
  if (launch.salesPaused) return refuse(new Problem('wrong_state', salesPausedMessage));
  let held: HeldSeats;
  try {
    held = await hold(launch);
  } catch (error) {
    // The copy may be seconds old: at a price changed since, the hold is tried again at today's price.
    if (!(error instanceof Problem) || error.message !== priceChangedMessage) throw error;
    forgetLaunch(customerDb, input.launchId);
    const fresh = await recentLaunch(customerDb, input.launchId);
    if (!fresh || fresh.pricePerSeatCents === launch.pricePerSeatCents) throw error;
    held = await hold(fresh);
  }
  if ('repeatOf' in held) return settled(customerDb, held.repeatOf);
  keepHoldFacts(customerDb, { id: held.bookingId, customerId: traveler.id, launchId: launch.id, seats: input.seats });
  log.info('Seats held', { bookingId: held.bookingId, launchId: launch.id, seats: input.seats });
  return {
    bookingId: held.bookingId,
    seats: input.seats,
    holdExpiresAt: held.holdExpiresAt.toISOString(),
    totalCents: held.totalCents,
    currency: held.currency,
  };
}

/** A hold just placed, or the booking of the first request with the same key. */
export type HeldSeats =
  { bookingId: string; holdExpiresAt: Date; totalCents: number; currency: string } | { repeatOf: string };

/**
 * Takes seats for a customer: the booking, then the seats with the hold record. Returns the new hold, or the first
 * booking's id for a repeated key; throws a Problem saying why when the seats cannot be had.
 */
export async function holdSeats(
  em: CustomerEntityManager,
  now: Date,
  request: {
    launch: CatalogueLaunch;
    customerId: string;
    seats: number;
    idempotencyKey: string;
    holdMinutes: number;
    /** Who holds the seats, and why, as the booking's history will say it. */
    by: BookingActor;
    reason: string | null;
  },
): Promise<HeldSeats> {
  const { launch } = request;
  // 1. The booking first, unique per customer and key: a repeated request stops here and waits for this one.
  const bookingId = randomUUID();
  const writer = em.fork();
  try {
    writer.create(Booking, {
      id: bookingId,
      launchId: launch.id,
      customerId: request.customerId,
      seats: request.seats,
      passengers: [],
      unitPriceCents: launch.pricePerSeatCents,
      totalCents: launch.pricePerSeatCents * request.seats,
      currency: launch.currency,
      status: 'held',
      syncCorrelationId: currentCorrelation()?.correlationId ?? null,
      // Null until the seats are taken; a booking left like this by a crash never held any seats.
      holdExpiresAt: null,
      holdMinutes: request.holdMinutes,
      payments: [],
      refunds: [],
      statusHistory: [statusStep({ from: null, to: 'held', by: request.by, reason: request.reason }, now)],
      idempotencyKey: request.idempotencyKey,
    });
    await writer.flush();
  } catch (error) {
    const other = await em
      .fork()
      .findOne(Booking, { customerId: request.customerId, idempotencyKey: request.idempotencyKey });
    if (other) return { repeatOf: other.id };
    throw error;
  }

  // 2. The seats, in one conditional update of the launch's document that also records the hold.
  const expiresAt = new Date(now.getTime() + request.holdMinutes * 60_000);
  const taken = await takeSeats(em, now, { launch, bookingId, seats: request.seats, expiresAt });
  if (!taken) {
    await em.nativeDelete(Booking, { id: bookingId });
    throw await whyNoSeats(em, launch.id, request.seats, launch.pricePerSeatCents, now);
  }
  await em.nativeUpdate(Booking, { id: bookingId }, { holdExpiresAt: expiresAt });
  return {
    bookingId,
    holdExpiresAt: expiresAt,
    totalCents: launch.pricePerSeatCents * request.seats,
    currency: launch.currency,
  };
}

/** A booking once its seats are taken (a repeated request waits here for the first one to finish). */
async function settled(em: CustomerEntityManager, bookingId: string): Promise<HoldOutcome> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const booking = await em.fork().findOne(Booking, bookingId);
    if (!booking) throw new Problem('conflict', 'Sold out: this request could not hold the seats.');
    if (booking.holdExpiresAt || booking.status !== 'held') return outcomeOf(booking);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Problem('timeout', 'Holding the seats is taking too long. Please try again.');
}

const priceChangedMessage = 'The price of this launch has just changed. Please look again.';

async function whyNoSeats(
  em: CustomerEntityManager,
  launchId: string,
  seats: number,
  price: number,
  now: Date,
): Promise<Problem> {
  const launch = await em.fork().findOne(CatalogueLaunch, launchId);
  if (!launch) return new Problem('not_found', 'This launch is not in the catalogue.');
  if (launch.pricePerSeatCents !== price) return new Problem('conflict', priceChangedMessage);
  if (launch.salesPaused) return new Problem('wrong_state', salesPausedMessage);
  if (!bookingOpen(launch, now)) return new Problem('wrong_state', 'Booking for this launch has closed.');
  return new Problem(
    'conflict',
    launch.seatsLeft === 0
      ? 'Sold out: every seat on this launch is taken. You can join the waiting list.'
      : `Sold out for ${seats} seats: only ${launch.seatsLeft} left.`,
  );
}
