/** The audit trail in words: what each action and target type is called, and where an audited thing has its page. */
import type { AuditAction, AuditTarget } from '@astro/api';

/** Every action has its words: a new audited action fails the type check until it is named here. */
export const actionLabels: Record<AuditAction, string> = {
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
  'booking.resendConfirmation': 'Resent the booking confirmation',
  'account.create': 'Created an account',
  'account.setRoles': "Changed an account's roles",
  'account.deactivate': 'Deactivated an account',
  'account.reactivate': 'Reactivated an account',
  'account.unlock': 'Unlocked an account',
  'account.sendPasswordReset': 'Sent a password link',
  'invoice.recordPayment': "Recorded an agency's payment",
  'invoice.issueCreditNote': 'Issued a credit note',
  'email.resend': 'Resent an e-mail',
  'syncMessage.replay': 'Replayed a sync message',
  'job.runNow': 'Asked for a job run',
  'job.pause': 'Paused a job',
  'job.resume': 'Resumed a job',
};

export const targetLabels: Partial<Record<AuditTarget, string>> = {
  agency: 'Agency',
  rocket: 'Rocket',
  launch: 'Launch',
  booking: 'Booking',
  account: 'Account',
  invoice: 'Invoice',
  email: 'E-mail',
  syncMessage: 'Sync message',
  job: 'Job',
};

export const actionLabel = (action: AuditAction) => actionLabels[action];
export const targetLabel = (type: AuditTarget) => targetLabels[type] ?? type;

/** The employee portal's page of an audited thing, where it has one. */
export function entityPage(type: AuditTarget, id: string): string[] | null {
  if (type === 'agency') return ['/agencies', id];
  if (type === 'launch') return ['/launches', id];
  if (type === 'booking') return ['/bookings', id];
  if (type === 'account') return ['/users', id];
  if (type === 'invoice') return ['/finance/invoices', id];
  return null;
}
