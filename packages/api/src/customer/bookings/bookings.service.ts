/** The customer site's bookings: each procedure's booking flow, run for the signed-in traveler. */
import {
  bookingDetail,
  cancelBooking,
  myBookings,
  payForBooking,
  placeHold,
  savePassengers,
  type BookingView,
  type HoldOutcome,
} from '@astro/bookings';
import type { z } from 'zod';
import { bookingTraveler, type CustomerContext } from '../context.ts';
import type { bookingInput, cancelInput, holdInput, passengersInput, payInput } from './bookings.schemas.ts';

export async function hold(ctx: CustomerContext, input: z.infer<typeof holdInput>): Promise<HoldOutcome> {
  return placeHold(ctx, await bookingTraveler(ctx), input);
}

export async function mine(ctx: CustomerContext): Promise<BookingView[]> {
  return myBookings(ctx, await bookingTraveler(ctx));
}

export async function booking(ctx: CustomerContext, input: z.infer<typeof bookingInput>): Promise<BookingView> {
  return bookingDetail(ctx, await bookingTraveler(ctx), input.bookingId);
}

export async function passengers(ctx: CustomerContext, input: z.infer<typeof passengersInput>): Promise<BookingView> {
  return savePassengers(ctx, await bookingTraveler(ctx), input);
}

export async function pay(ctx: CustomerContext, input: z.infer<typeof payInput>): Promise<BookingView> {
  return payForBooking(ctx, await bookingTraveler(ctx), input);
}

export async function cancel(ctx: CustomerContext, input: z.infer<typeof cancelInput>): Promise<BookingView> {
  return cancelBooking(ctx, await bookingTraveler(ctx), input);
}
