import { z } from 'zod';
import { ranges, rocketCapacity, type Availability, type Range } from '@astro/domain';
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
export type RocketFields = z.infer<typeof rocketFields>;

export const rocketId = z.object({ rocketId: z.uuid('Choose one of your rockets.') });
export type RocketId = z.infer<typeof rocketId>;

export const updateRocketInput = rocketId.extend(rocketFields.shape);
export type UpdateRocketInput = z.infer<typeof updateRocketInput>;

export interface AgencyRocket {
  id: string;
  name: string;
  capacity: number;
  range: Range;
  active: boolean;
  upcomingLaunches: number;
  /** Whether the portal may offer to deactivate it, and if not, why. */
  deactivation: Availability;
}
