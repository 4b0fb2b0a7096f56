import { z } from 'zod';

const launchId = z.uuid('Choose a launch.');

export const joinInput = z.object({ launchId, seats: z.number().int('Seats are a whole number.') });

export const leaveInput = z.object({ launchId });
