import { destinationLabels, type Destination } from '@astro/domain';

export const destination = (value: Destination) => destinationLabels[value];

/** `datetime-local` inputs carry no zone; the portal speaks UTC, as the footer says. */
export const fromUtcInput = (value: string) => new Date(`${value}:00Z`);
export const toUtcInput = (iso: string) => iso.slice(0, 16);
