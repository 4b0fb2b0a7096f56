import type { EmailStatus } from '@astro/api';

export const emailStatuses: EmailStatus[] = ['pending', 'sent', 'failed'];

export const emailStatusLabels: Record<EmailStatus, string> = {
  pending: 'Waiting',
  sent: 'Sent',
  failed: 'Failed',
};

/** A badge's look per status; the word says it too, so colour is never the only sign. */
export const emailStatusBadges: Record<EmailStatus, string> = {
  pending: 'ab-badge',
  sent: 'ab-badge ab-badge--good',
  failed: 'ab-badge ab-badge--bad',
};
