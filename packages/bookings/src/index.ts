/**
 * The Customer DB's booking flows and seat operations, transport-free: they take their stores, clock, logger and
 * payment provider from the caller and refuse with a domain `Problem`. The Customer API and the jobs call them.
 */
export type { BookingDeps } from './booking-deps.ts';
export { travelerOf, type TravelerAccount } from './travelers/traveler.ts';
export { recentTraveler } from './recent/recent-travelers.ts';
export { bookingDetail, myBookings, type BookingView } from './view/booking-view.ts';
export { placeHold, type HoldOutcome } from './holds/holds.ts';
export { expireLapsedHolds } from './holds/hold-expiry.ts';
export { savePassengers } from './passengers/passengers.ts';
export { payForBooking } from './payment/payment.ts';
export {
  cancelBooking,
  cancelBookingsOfAbortedLaunches,
  cancelOnEmployeeRequest,
} from './cancellation/cancellation.ts';
export { resumeInterruptedBookings } from './recovery/recovery.ts';
export { joinWaitingList, leaveWaitingList, myWaitingPlaces, type WaitingPlace } from './waiting-list/waiting-list.ts';
export { offerReturnedSeats } from './waiting-list/offers.ts';
export { recountTripsFlown } from './trips/trips.ts';
