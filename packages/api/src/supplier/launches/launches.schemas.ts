import { z } from 'zod';
import { abortReasons, launchStatuses, ranges } from '@astro/domain';
import { text } from '../../text.ts';

const when = z.coerce.date({ error: 'Enter a date and time.' });

export const launchFields = z.object({
  rocketId: z.uuid('Choose one of your rockets.'),
  missionName: text({ max: 120 }).trim().min(1, 'Give the mission a name.'),
  destination: z.enum(ranges, { error: 'Choose a destination.' }),
  spaceport: text({ max: 120 }).trim().min(1, 'Name the spaceport.'),
  launchDate: when,
  pricePerSeatCents: z
    .number({ error: 'Enter the price per seat.' })
    .int('Prices are whole cents.')
    .positive('The price per seat must be more than zero.'),
  minimumPassengers: z
    .number({ error: 'Enter the minimum number of passengers.' })
    .int('Passengers are a whole number.')
    .min(1, 'The minimum is at least 1.'),
});
export type LaunchFields = z.infer<typeof launchFields>;

export const launchId = z.object({ launchId: z.uuid('Choose one of your launches.') });
export type LaunchId = z.infer<typeof launchId>;

export const updateLaunchInput = launchId.extend(launchFields.shape);
export type UpdateLaunchInput = z.infer<typeof updateLaunchInput>;

export const launchSorts = ['launchDate', 'missionName', 'status'] as const;

export const listLaunchesInput = z.object({
  status: z.array(z.enum(launchStatuses)).optional(),
  from: when.optional(),
  to: when.optional(),
  rocketId: z.uuid().optional(),
  sort: z.enum(launchSorts).default('launchDate'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100, 'Ask for at most 100 launches a page.').default(20),
});
export type ListLaunchesInput = z.infer<typeof listLaunchesInput>;

export const changeStatusInput = launchId.and(
  z.discriminatedUnion('to', [
    z.object({ to: z.literal('confirmed'), reason: text({ max: 500, multiline: true }).trim().optional() }),
    z.object({
      to: z.literal('delayed'),
      newDate: when,
      reason: text({ max: 500, multiline: true }).trim().min(1, 'Say why the launch is delayed.'),
    }),
    z.object({
      to: z.literal('aborted'),
      reason: z.enum(abortReasons, { error: 'Choose why the launch is aborted.' }),
      note: text({ max: 500, multiline: true }).trim().optional(),
    }),
    z.object({ to: z.literal('launched') }),
  ]),
);
export type ChangeStatusInput = z.infer<typeof changeStatusInput>;
