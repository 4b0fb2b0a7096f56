/**
 * Finance's report (SPEC.md §6): per month (UTC) and per agency, the seat revenue its launches took and gave back, the
 * platform fees invoiced less credited, what agencies paid (collected) and what the month's invoices still ask for
 * (pending). Each figure is summed in SQL from its own table, by the month its money moved or its document was issued.
 */
import type { OperationalEntityManager } from '@astro/db/operational';
import { periodBounds, periodProblem, Problem, type Period } from '@astro/domain';

export interface ReportFigures {
  /** Payments captured on the agency's launches. */
  grossCents: number;
  /** Refunds given back to travelers. */
  refundsCents: number;
  /** Gross less refunds. */
  netRevenueCents: number;
  /** Invoices issued less credit notes issued. */
  feesCents: number;
  invoicedCents: number;
  creditedCents: number;
  /** Agency payments that arrived in the month. */
  collectedCents: number;
  /** What the month's invoices still ask for today. */
  pendingCents: number;
}

export interface ReportRow extends ReportFigures {
  /** `2026-11`. */
  month: string;
  agency: { id: string; displayName: string };
}

export interface FinanceReport {
  period: Period;
  agencyId: string | null;
  currency: 'USD';
  /** Per month and agency with anything to show, by month then agency name. */
  rows: ReportRow[];
  /** Every month of the period, empty ones too, for the chart. */
  months: (ReportFigures & { month: string })[];
  totals: ReportFigures;
}

const empty = (): ReportFigures => ({
  grossCents: 0,
  refundsCents: 0,
  netRevenueCents: 0,
  feesCents: 0,
  invoicedCents: 0,
  creditedCents: 0,
  collectedCents: 0,
  pendingCents: 0,
});

const add = (into: ReportFigures, figures: ReportFigures) => {
  for (const key of Object.keys(into) as (keyof ReportFigures)[]) into[key] += figures[key];
};

/** `2026-11`, …, `2027-02`: the months a period touches. */
function monthsOf(period: Period): string[] {
  const months: string[] = [];
  const last = period.until.slice(0, 7);
  for (let [year, month] = period.from.split('-').map(Number) as [number, number]; ; month += 1) {
    if (month > 12) [year, month] = [year + 1, 1];
    const label = `${year}-${String(month).padStart(2, '0')}`;
    months.push(label);
    if (label >= last) return months;
  }
}

export async function financeReport(
  em: OperationalEntityManager,
  query: { period: Period; agencyId?: string },
): Promise<FinanceReport> {
  const problem = periodProblem(query.period);
  if (problem) throw Problem.invalid({ until: problem });
  const { start, end } = periodBounds(query.period);
  const agency = query.agencyId ?? null;
  // `?::uuid is null or …`: one statement whether or not an agency is chosen.
  const rows = await em.execute<
    {
      agency_id: string;
      display_name: string;
      month: string;
      gross: string;
      refunds: string;
      invoiced: string;
      credited: string;
      collected: string;
      pending: string;
    }[]
  >(
    `with figures as (
       select l.agency_id, to_char(e.at at time zone 'UTC', 'YYYY-MM') as month,
         coalesce(sum(e.amount_cents) filter (where e.kind = 'payment'), 0) as gross,
         coalesce(sum(e.amount_cents) filter (where e.kind = 'refund'), 0) as refunds,
         0 as invoiced, 0 as credited, 0 as collected, 0 as pending
       from booking_ledger_entry e join booking_copy b on b.id = e.booking_id join launch l on l.id = b.launch_id
       where e.at >= ? and e.at < ? and (?::uuid is null or l.agency_id = ?::uuid)
       group by 1, 2
       union all
       select agency_id, to_char(issued_at at time zone 'UTC', 'YYYY-MM'), 0, 0, sum(amount_cents), 0, 0,
         sum(greatest(amount_cents - credited_cents - paid_cents, 0))
       from invoice
       where issued_at >= ? and issued_at < ? and (?::uuid is null or agency_id = ?::uuid)
       group by 1, 2
       union all
       select i.agency_id, to_char(c.issued_at at time zone 'UTC', 'YYYY-MM'), 0, 0, 0, sum(c.amount_cents), 0, 0
       from credit_note c join invoice i on i.id = c.invoice_id
       where c.issued_at >= ? and c.issued_at < ? and (?::uuid is null or i.agency_id = ?::uuid)
       group by 1, 2
       union all
       select i.agency_id, to_char(p.paid_on, 'YYYY-MM'), 0, 0, 0, 0, sum(p.amount_cents), 0
       from agency_payment p join invoice i on i.id = p.invoice_id
       where p.paid_on >= ?::date and p.paid_on <= ?::date and (?::uuid is null or i.agency_id = ?::uuid)
       group by 1, 2
     )
     select f.agency_id, a.display_name, f.month, sum(f.gross) as gross, sum(f.refunds) as refunds,
       sum(f.invoiced) as invoiced, sum(f.credited) as credited, sum(f.collected) as collected,
       sum(f.pending) as pending
     from figures f join agency a on a.id = f.agency_id
     group by f.agency_id, a.display_name, f.month
     order by f.month asc, lower(a.display_name) asc, f.agency_id asc`,
    [
      ...[start, end, agency, agency],
      ...[start, end, agency, agency],
      ...[start, end, agency, agency],
      ...[query.period.from, query.period.until, agency, agency],
    ],
  );
  const reportRows: ReportRow[] = rows.map((row) => {
    const gross = Number(row.gross);
    const refunds = Number(row.refunds);
    const invoiced = Number(row.invoiced);
    const credited = Number(row.credited);
    return {
      month: row.month,
      agency: { id: row.agency_id, displayName: row.display_name },
      grossCents: gross,
      refundsCents: refunds,
      netRevenueCents: gross - refunds,
      feesCents: invoiced - credited,
      invoicedCents: invoiced,
      creditedCents: credited,
      collectedCents: Number(row.collected),
      pendingCents: Number(row.pending),
    };
  });
  const months = new Map(monthsOf(query.period).map((month) => [month, empty()]));
  const totals = empty();
  for (const row of reportRows) {
    add(months.get(row.month)!, row);
    add(totals, row);
  }
  return {
    period: { from: query.period.from, until: query.period.until },
    agencyId: agency,
    currency: 'USD',
    rows: reportRows,
    months: [...months].map(([month, figures]) => ({ month, ...figures })),
    totals,
  };
}
