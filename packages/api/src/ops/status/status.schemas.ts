import { z } from 'zod';

export const components = ['Operational DB', 'Customer DB', 'System DB', 'SMTP server'] as const;
export type Component = (typeof components)[number];

export interface ComponentStatus {
  component: Component;
  /** What it is and where, e.g. "PostgreSQL 127.0.0.1:5433" (never a password). */
  target: string;
  up: boolean;
  latencyMs: number | null;
  /** Why it is down, in words an operator can act on. */
  problem: string | null;
}

/** The longest history one call returns: a day of checks every 30 s is 2,880 per component. */
export const historyMaxHours = 24;

// A range is compared only once both ends read as dates.
const whenBothRead = { when: (payload: { issues: unknown[] }) => payload.issues.length === 0 };

/** A range, or none for the last hour. */
export const statusHistoryInput = z
  .object({
    from: z.iso.datetime({ offset: true, error: 'Enter the start as a date and time, like 2026-11-25T12:00:00Z.' }),
    to: z.iso.datetime({ offset: true, error: 'Enter the end as a date and time, like 2026-11-25T13:00:00Z.' }),
  })
  .refine(({ from, to }) => new Date(from) < new Date(to), {
    message: 'The start must be before the end.',
    path: ['to'],
    ...whenBothRead,
  })
  .refine(({ from, to }) => new Date(to).getTime() - new Date(from).getTime() <= historyMaxHours * 3_600_000, {
    message: `Choose at most ${historyMaxHours} hours of history.`,
    path: ['from'],
    ...whenBothRead,
  })
  .optional();
export type StatusHistoryInput = z.infer<typeof statusHistoryInput>;
