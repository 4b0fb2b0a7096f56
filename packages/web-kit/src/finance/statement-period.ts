/** The period of a statement as its page's address names it (SPEC.md §6: a calendar month by default, or any range). */
import { monthPeriod, periodProblem, type Period } from '@astro/domain';

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const isoMonth = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface StatementPeriod extends Period {
  /** Whether the address named a range of days rather than a month. */
  range: boolean;
  /** The month shown, when it is one (`2026-11`). */
  month: string | null;
  /** Why the range the address named cannot be used; the page says so and shows nothing for it. */
  problem: string | null;
}

/** The calendar month (UTC) `now` is in, as `2026-11`. */
export const monthAt = (now: Date) => now.toISOString().slice(0, 7);

/** A range of days when the address names both ends, else the month it names, else the month `now` is in. */
export function statementPeriod(
  address: { month?: string; from?: string; until?: string },
  now: Date,
): StatementPeriod {
  const { from, until } = address;
  if (from && until && isoDay.test(from) && isoDay.test(until))
    return { range: true, month: null, from, until, problem: periodProblem({ from, until }) };
  const month = address.month && isoMonth.test(address.month) ? address.month : monthAt(now);
  return { range: false, month, ...monthPeriod(month), problem: null };
}
