/**
 * Holding seats. The booking is written first (unique per customer and idempotency key), then the seats are
 * taken from the launch's catalogue document in one conditional update that also records the hold: seats
 * are never oversold, on any number of hosts. A process that dies in between leaves a booking without a hold
 * time, which expireLapsedHolds removes (giving back any seats it took).
 */
import { randomUUID } from 'node:crypto';
import { Booking, CatalogueLaunch } from '@astro/db/customer';
import { bookingCutoffHours, holdMinutes, seatsProblem, type LaunchStatus } from '@astro/domain';
import { fieldProblems, TRPCError } from '../../trpc.ts';
import { travelerOf } from '../account/traveler.ts';
import type { CustomerContext } from '../context.ts';

const bookableStatuses: LaunchStatus[] = ['scheduled', 'confirmed', 'delayed'];

export interface HoldOutcome {
  bookingId: string;
  seats: number;
  holdExpiresAt: string;
  totalCents: number;
  currency: string;
}

const outcomeOf = (booking: Booking): HoldOutcome => ({
  bookingId: booking.id,
  seats: booking.seats,
  holdExpiresAt: (booking.holdExpiresAt ?? new Date(0)).toISOString(),
  totalCents: booking.totalCents,
  currency: booking.currency,
});

export async function placeHold(
  ctx: CustomerContext,
  input: { launchId: string; seats: number; idempotencyKey: string },
): Promise<HoldOutcome> {
  const traveler = await travelerOf(ctx);
  const byKey = { customerId: traveler.id, idempotencyKey: input.idempotencyKey };
  const repeated = await ctx.customerDb.findOne(Booking, byKey);
  if (repeated) return settled(ctx, repeated.id);
  const problem = seatsProblem(input.seats, traveler.vip);
  if (problem) fieldProblems({ seats: problem });
  const launch = await ctx.customerDb.findOne(CatalogueLaunch, input.launchId);
  if (!launch) throw new TRPCError({ code: 'NOT_FOUND', message: 'This launch is not in the catalogue.' });

  // 1. The booking first, unique per customer and key: a repeated request stops here and waits for this one.
  const bookingId = randomUUID();
  try {
    ctx.customerDb.create(Booking, {
      id: bookingId,
      launchId: launch.id,
      customerId: traveler.id,
      seats: input.seats,
      passengers: [],
      unitPriceCents: launch.pricePerSeatCents,
      totalCents: launch.pricePerSeatCents * input.seats,
      currency: launch.currency,
      status: 'held',
      // Null until the seats are taken; a booking left like this by a crash never held any seats.
      holdExpiresAt: null,
      payments: [],
      refunds: [],
      idempotencyKey: input.idempotencyKey,
    });
    await ctx.customerDb.flush();
  } catch (error) {
    ctx.customerDb.clear();
    const other = await ctx.customerDb.findOne(Booking, byKey);
    if (other) return settled(ctx, other.id);
    throw error;
  }

  // 2. The seats, in one conditional update of the launch's document that also records the hold.
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + holdMinutes * 60_000);
  const catalogue = ctx.customerDb
    .getConnection()
    .getCollection(ctx.customerDb.getMetadata().get(CatalogueLaunch).collection);
  const taken = await catalogue.updateOne(
    {
      _id: launch.id as never,
      status: { $in: bookableStatuses },
      launchDate: { $gt: new Date(now.getTime() + bookingCutoffHours * 3_600_000) },
      seatsLeft: { $gte: input.seats },
      // The price frozen in the booking must be the price when the seats are taken.
      pricePerSeatCents: launch.pricePerSeatCents,
    },
    {
      $inc: { seatsLeft: -input.seats, seatsHeld: input.seats },
      $set: { [`holds.${bookingId}`]: { seats: input.seats, expiresAt } },
    },
  );
  if (taken.modifiedCount !== 1) {
    await ctx.customerDb.nativeDelete(Booking, { id: bookingId });
    throw await whyNoSeats(ctx, launch.id, input.seats, launch.pricePerSeatCents, now);
  }
  await ctx.customerDb.nativeUpdate(Booking, { id: bookingId }, { holdExpiresAt: expiresAt });
  ctx.log.info('Seats held', { bookingId, launchId: launch.id, seats: input.seats });
  return settled(ctx, bookingId);
}

/** A booking once its seats are taken (a repeated request waits here for the first one to finish). */
async function settled(ctx: CustomerContext, bookingId: string): Promise<HoldOutcome> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const booking = await ctx.customerDb.fork().findOne(Booking, bookingId);
    if (!booking)
      throw new TRPCError({ code: 'CONFLICT', message: 'Sold out: this request could not hold the seats.' });
    if (booking.holdExpiresAt || booking.status !== 'held') return outcomeOf(booking);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new TRPCError({ code: 'TIMEOUT', message: 'Holding the seats is taking too long. Please try again.' });
}

async function whyNoSeats(
  ctx: CustomerContext,
  launchId: string,
  seats: number,
  price: number,
  now: Date,
): Promise<TRPCError> {
  const launch = await ctx.customerDb.fork().findOne(CatalogueLaunch, launchId);
  if (!launch) return new TRPCError({ code: 'NOT_FOUND', message: 'This launch is not in the catalogue.' });
  if (launch.pricePerSeatCents !== price)
    return new TRPCError({
      code: 'CONFLICT',
      message: 'The price of this launch has just changed. Please look again.',
    });
  const closes = launch.launchDate.getTime() - bookingCutoffHours * 3_600_000;
  if (!bookableStatuses.includes(launch.status) || now.getTime() >= closes)
    return new TRPCError({ code: 'PRECONDITION_FAILED', message: 'Booking for this launch has closed.' });
  return new TRPCError({
    code: 'CONFLICT',
    message:
      launch.seatsLeft === 0
        ? 'Sold out: every seat on this launch is taken. You can join the waiting list.'
        : `Sold out for ${seats} seats: only ${launch.seatsLeft} left.`,
  });
}
