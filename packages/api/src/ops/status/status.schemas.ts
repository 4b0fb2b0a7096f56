import { z } from 'zod';
import { timeRangePresets } from '@astro/domain';

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

const rangeKeys = [...timeRangePresets.map((preset) => preset.key), 'custom'] as const;

/**
 * The range as the page's address names it (`timeRangeOf`'s parameters): a preset, or `custom` with a from–to in UTC
 * minutes; none for the last hour. The server reads it at its own now, so the browser asks what the server rendered.
 */
export const statusHistoryInput = z
  .object({
    range: z.enum(rangeKeys, 'Choose one of the time ranges offered.').optional(),
    from: z.string().max(16, 'Enter the start as a date and a time.').optional(),
    to: z.string().max(16, 'Enter the end as a date and a time.').optional(),
  })
  .optional();
export type StatusHistoryInput = z.infer<typeof statusHistoryInput>;
