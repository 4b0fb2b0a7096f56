import { describe, expect, it } from 'vitest';
import { reminderDue, type ReminderDay } from './dunning.ts';

const dueDate = '2027-01-31';
const onDay = (days: number) => new Date(Date.parse('2027-01-31T00:00:00Z') + days * 86_400_000 + 3_600_000);

describe('overdue reminders', () => {
  it.each<[daysLate: number, sent: ReminderDay[], due: ReminderDay | null]>([
    [0, [], null],
    [1, [], 1],
    [1, [1], null],
    [6, [1], null],
    [7, [1], 7],
    [7, [1, 7], null],
    [13, [1, 7], null],
    [14, [1, 7], 14],
    [30, [1, 7, 14], null],
    // After an outage only the latest one goes out, and the one passed over is not sent later.
    [10, [], 7],
    [15, [7], 14],
    [20, [14], null],
  ])('%i days overdue with %j sent: %s', (daysLate, sent, due) => {
    expect(reminderDue(dueDate, onDay(daysLate), sent)).toBe(due);
  });
});
