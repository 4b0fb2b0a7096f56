import { changeBooking, type Customer, type Passenger } from '@astro/db/customer';
import { passengerProblems, Problem } from '@astro/domain';
import type { BookingDeps } from '../booking-deps.ts';
import { recentLaunch } from '../recent/recent-launches.ts';
import { bookingViewOf, ownBooking, type BookingView } from '../view/booking-view.ts';

/** Names and birth dates for a held booking, each checked against the launch date (18–70 on that day). */
export async function savePassengers(
  deps: Pick<BookingDeps, 'customerDb' | 'now'>,
  traveler: Customer,
  input: { bookingId: string; passengers: Passenger[] },
): Promise<BookingView> {
  const booking = await ownBooking(deps, traveler, input.bookingId);
  const launch = await recentLaunch(deps.customerDb, booking.launchId);
  if (!launch) throw new Problem('not_found', 'This launch is no longer in the catalogue.');
  const passengers = input.passengers.map((passenger) => ({
    name: passenger.name.trim(),
    birthDate: passenger.birthDate.trim(),
  }));
  const problems = passengerProblems(passengers, booking.seats, launch.launchDate);
  if (Object.keys(problems).length) throw Problem.invalid(problems);
  const now = deps.now();
  const saved = await changeBooking(
    deps.customerDb,
    { _id: booking.id, status: 'held', paymentAttempt: null, holdExpiresAt: { $gt: now } },
    { set: { passengers } },
    now,
  );
  if (!saved)
    throw new Problem(
      'wrong_state',
      booking.status === 'held' && !booking.paymentAttempt
        ? 'Your hold has lapsed, so the seats were released. Please start a new booking.'
        : 'This booking can no longer be changed.',
    );
  return bookingViewOf({ ...booking, passengers }, launch, now);
}
