/** When an agency is reminded of an overdue invoice (SPEC.md §6): on the first day overdue, then at 7 and 14 days, each once. */
import { daysOverdue } from './invoice-status.ts';

export const reminderDays = [1, 7, 14] as const;
export type ReminderDay = (typeof reminderDays)[number];

/**
 * The reminder to send now, or null. After an outage only the latest reminder due goes out, not every one missed:
 * an agency should not get three reminders in one morning; a reminder passed over is never sent later.
 */
export function reminderDue(dueDate: string, now: Date, sent: readonly ReminderDay[]): ReminderDay | null {
  const late = daysOverdue(dueDate, now);
  const due = reminderDays.filter((step) => step <= late).at(-1);
  if (due === undefined) return null;
  return sent.some((step) => step >= due) ? null : due;
}
