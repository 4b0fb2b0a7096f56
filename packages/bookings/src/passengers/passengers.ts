import { CatalogueLaunch, changeBooking, type Passenger } from '@astro/db/customer';
import { passengerProblems } from '@astro/domain';
import { fieldProblems, TRPCError } from '../../trpc.ts';
import type { CustomerContext } from '../context.ts';
import { bookingViewOf, ownBooking, type BookingView } from './bookings.queries.ts';

/** Names and birth dates for a held booking, each checked against the launch date (18–70 on that day). */
export async function savePassengers(
  ctx: CustomerContext,
  input: { bookingId: string; passengers: Passenger[] },
): Promise<BookingView> {
  const booking = await ownBooking(ctx, input.bookingId);
  const launch = await ctx.customerDb.fork().findOneOrFail(CatalogueLaunch, booking.launchId);
  const passengers = input.passengers.map((passenger) => ({
    name: passenger.name.trim(),
    birthDate: passenger.birthDate.trim(),
  }));
  const problems = passengerProblems(passengers, booking.seats, launch.launchDate);
  if (Object.keys(problems).length) fieldProblems(problems);
  const now = ctx.now();
  const saved = await changeBooking(
    ctx.customerDb,
    { _id: booking.id, status: 'held', paymentAttempt: null, holdExpiresAt: { $gt: now } },
    { set: { passengers } },
    now,
  );
  if (!saved)
    throw new TRPCError({
      code: 'PRECONDITION_FAILED',
      message:
        booking.status === 'held' && !booking.paymentAttempt
          ? 'Your hold has lapsed, so the seats were released. Please start a new booking.'
          : 'This booking can no longer be changed.',
    });
  return bookingViewOf({ ...booking, passengers }, launch, now);
}
