/** A launch's status as the portals name and colour it: the supplier's own launches and the back office's. */
import type { LaunchStatus } from '@astro/domain';

export const launchStatusLabels: Record<LaunchStatus, string> = {
  scheduled: 'Scheduled',
  confirmed: 'Confirmed',
  delayed: 'Delayed',
  aborted: 'Aborted',
  launched: 'Launched',
};

/** The badge classes of `tokens.css` for each status. */
export const launchStatusBadge: Record<LaunchStatus, string> = {
  scheduled: 'ab-badge',
  confirmed: 'ab-badge ab-badge--good',
  delayed: 'ab-badge ab-badge--warn',
  aborted: 'ab-badge ab-badge--bad',
  launched: 'ab-badge ab-badge--good',
};
