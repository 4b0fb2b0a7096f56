/** The waiting lists of sold-out launches, for the signed-in traveler (the offers themselves are a job's). */
import { joinWaitingList, leaveWaitingList, myWaitingPlaces, type WaitingPlace } from '@astro/bookings';
import type { z } from 'zod';
import { signedInTraveler, type CustomerContext } from '../context.ts';
import type { joinInput, leaveInput } from './waiting-list.schemas.ts';

export async function mine(ctx: CustomerContext): Promise<WaitingPlace[]> {
  return myWaitingPlaces(ctx, await signedInTraveler(ctx));
}

export async function join(ctx: CustomerContext, input: z.infer<typeof joinInput>): Promise<WaitingPlace> {
  return joinWaitingList(ctx, await signedInTraveler(ctx), input);
}

export async function leave(ctx: CustomerContext, input: z.infer<typeof leaveInput>): Promise<{ left: boolean }> {
  return leaveWaitingList(ctx, await signedInTraveler(ctx), input);
}
