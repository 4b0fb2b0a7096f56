import { changeAndReadBooking, type Customer, type Passenger } from '@astro/db/customer';
import { passengerProblems, Problem } from '@astro/domain';
import type { BookingDeps } from '../booking-deps.ts';
import { recentLaunch } from '../recent/recent-launches.ts';
import { holdFactsOf } from '../recent/recent-holds.ts';
import { bookingViewOf, ownBooking, type BookingView } from '../view/booking-view.ts';

/**
 * Names and birth dates for a held booking, each checked against the launch date (18–70 on that day). A hold this
 * host placed is known by its facts (launch, seats, traveler), so the booking is read only by the write that
 * changes it; the write itself checks it is still the traveler's, held, and within its hold.
 */
export async function savePassengers(
  deps: Pick<BookingDeps, 'customerDb' | 'now'>,
  traveler: Customer,
  input: { bookingId: string; passengers: Passenger[] },
): Promise<BookingView> {
  const facts = await holdFactsOf(deps.customerDb, input.bookingId);
  const read = facts?.customerId === traveler.id ? null : await ownBooking(deps, traveler, input.bookingId);
  const { launchId, seats } = read ?? facts!;
  const launch = await recentLaunch(deps.customerDb, launchId);
  if (!launch) throw new Problem('not_found', 'This launch is no longer in the catalogue.');
  const passengers = input.passengers.map((passenger) => ({
    name: passenger.name.trim(),
    birthDate: passenger.birthDate.trim(),
  }));
  const problems = passengerProblems(passengers, seats, launch.launchDate);
  if (Object.keys(problems).length) throw Problem.invalid(problems);
  const now = deps.now();
  const saved = await changeAndReadBooking(
    deps.customerDb,
    {
      _id: input.bookingId,
      customerId: traveler.id,
      status: 'held',
      paymentAttempt: null,
      holdExpiresAt: { $gt: now },
    },
    { set: { passengers } },
    now,
  );
  if (!saved) {
    const booking = read ?? (await ownBooking(deps, traveler, input.bookingId));
    throw new Problem(
      'wrong_state',
      booking.status === 'held' && !booking.paymentAttempt
        ? 'Your hold has lapsed, so the seats were released. Please start a new booking.'
        : 'This booking can no longer be changed.',
    );
  }
  return bookingViewOf(saved, launch, now);
}
