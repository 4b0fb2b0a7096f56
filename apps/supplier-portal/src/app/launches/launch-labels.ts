import { destinationLabels, type Destination, type LaunchStatus } from '@astro/domain';

export const statusLabels: Record<LaunchStatus, string> = {
  scheduled: 'Scheduled',
  confirmed: 'Confirmed',
  delayed: 'Delayed',
  aborted: 'Aborted',
  launched: 'Launched',
};

export const statusBadge: Record<LaunchStatus, string> = {
  scheduled: 'ab-badge',
  confirmed: 'ab-badge ab-badge--good',
  delayed: 'ab-badge ab-badge--warn',
  aborted: 'ab-badge ab-badge--bad',
  launched: 'ab-badge ab-badge--good',
};

export const destination = (value: Destination) => destinationLabels[value];

/** `datetime-local` inputs carry no zone; the portal speaks UTC, as the footer says. */
export const fromUtcInput = (value: string) => new Date(`${value}:00Z`);
export const toUtcInput = (iso: string) => iso.slice(0, 16);
