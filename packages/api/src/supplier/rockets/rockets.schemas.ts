import { z } from 'zod';
import { ranges, rocketCapacity } from '@astro/domain';
import { text } from '../../text.ts';

export const rocketFields = z.object({
  name: text({ max: 120, tooLong: 'Use at most 120 characters for the name.' })
    .trim()
    .min(1, 'Give the rocket a name.'),
  capacity: z
    .number({ error: 'Enter the number of seats.' })
    .int('Seats are a whole number.')
    .min(rocketCapacity.min, `A rocket has at least ${rocketCapacity.min} seat.`)
    .max(rocketCapacity.max, `A rocket has at most ${rocketCapacity.max} seats.`),
  range: z.enum(ranges, { error: 'Choose how far the rocket can fly.' }),
});

export const rocketId = z.object({ rocketId: z.uuid('Choose one of your rockets.') });
export const updateRocketInput = rocketId.extend(rocketFields.shape);
