/** An agency's statement of a period (SPEC.md §6): what its launches sold, gave back and paid in fees. */

export interface StatementTotals {
  /** Payments captured in the period on the agency's launches. */
  grossCents: number;
  /** Refunds given in the period. */
  refundsCents: number;
  /** Invoices issued in the period minus credit notes issued in it. */
  feesCents: number;
  netPayoutCents: number;
}

export function statementTotals(sums: {
  grossCents: number;
  refundsCents: number;
  invoicedCents: number;
  creditedCents: number;
}): StatementTotals {
  const feesCents = sums.invoicedCents - sums.creditedCents;
  return {
    grossCents: sums.grossCents,
    refundsCents: sums.refundsCents,
    feesCents,
    netPayoutCents: sums.grossCents - sums.refundsCents - feesCents,
  };
}

/** A period of whole UTC days: from the first moment of `from` to the first moment after `until`. */
export interface Period {
  from: string;
  until: string;
}

const day = 86_400_000;

/** The calendar month (`2026-11`) as a period, the statement's default. */
export function monthPeriod(month: string): Period {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, monthNumber, 0));
  return { from: `${month}-01`, until: last.toISOString().slice(0, 10) };
}

/** The instants a period covers, for queries: `at >= start and at < end`. */
export function periodBounds(period: Period): { start: Date; end: Date } {
  return { start: new Date(`${period.from}T00:00:00Z`), end: new Date(Date.parse(`${period.until}T00:00:00Z`) + day) };
}

/** Why a period cannot be used, or null. */
export function periodProblem(period: Period): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(period.from) || Number.isNaN(Date.parse(period.from)))
    return 'The start is not a date.';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(period.until) || Number.isNaN(Date.parse(period.until)))
    return 'The end is not a date.';
  if (period.until < period.from) return 'The period ends before it starts.';
  return null;
}
