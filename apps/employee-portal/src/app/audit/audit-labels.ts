/** The audit trail in words: what each action and target type is called, and where an audited thing has its page. */
import type { AuditAction, AuditTarget } from '@astro/api';

/** An action missing here (a new one) is shown by its name in the trail, `booking.cancel`, until it gets words. */
export const actionLabels: Partial<Record<AuditAction, string>> = {
  'agency.updateProfile': "Changed the agency's profile",
  'agency.updateLegal': "Changed the agency's legal data",
  'agency.onboard': 'Onboarded an agency',
  'agency.suspend': 'Suspended an agency',
  'agency.reactivate': 'Reactivated an agency',
  'rocket.create': 'Added a rocket',
  'rocket.update': 'Changed a rocket',
  'rocket.deactivate': 'Deactivated a rocket',
  'launch.schedule': 'Scheduled a launch',
  'launch.edit': "Changed a launch's terms",
  'launch.changeStatus': "Changed a launch's status",
  'booking.cancel': 'Cancelled a booking',
  'account.create': 'Created an account',
  'account.setRoles': "Changed an account's roles",
  'email.resend': 'Resent an e-mail',
  'syncMessage.replay': 'Replayed a sync message',
};

export const targetLabels: Partial<Record<AuditTarget, string>> = {
  agency: 'Agency',
  rocket: 'Rocket',
  launch: 'Launch',
  booking: 'Booking',
  account: 'Account',
  email: 'E-mail',
  syncMessage: 'Sync message',
};

export const actionLabel = (action: AuditAction) => actionLabels[action] ?? action;
export const targetLabel = (type: AuditTarget) => targetLabels[type] ?? type;

/** The employee portal's page of an audited thing, where it has one. */
export function entityPage(type: AuditTarget, id: string): string[] | null {
  if (type === 'agency') return ['/agencies', id];
  if (type === 'launch') return ['/launches', id];
  if (type === 'booking') return ['/bookings', id];
  return null;
}
