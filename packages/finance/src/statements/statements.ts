/**
 * An agency's statement of a period (SPEC.md §6): what its launches sold and gave back in the period (from the
 * payment ledger), the fees invoiced and credited in it, and the payout that leaves. Summed in SQL, so an agency with
 * a thousand invoices and a hundred thousand ledger rows is answered in a few queries.
 */
import { Agency, type OperationalEntityManager } from '@astro/db/operational';
import {
  periodBounds,
  periodProblem,
  Problem,
  statementTotals,
  type Period,
  type StatementTotals,
} from '@astro/domain';

export interface StatementLaunch {
  launchId: string;
  missionName: string;
  launchDate: string;
  /** Payments captured, and refunds given, in the period on this launch's bookings. */
  salesCents: number;
  refundsCents: number;
}

/** An invoice or credit note issued in the period; a credit note's amount is negative, as it lowers the fees. */
export interface StatementDocument {
  kind: 'invoice' | 'credit-note';
  id: string;
  number: string;
  issueDate: string;
  /** The invoice this document is or corrects. */
  invoiceId: string;
  invoiceNumber: string;
  missionName: string;
  amountCents: number;
}

export interface AgencyStatement {
  agency: { id: string; displayName: string; legalName: string; taxId: string; legalAddress: string };
  period: Period;
  currency: 'USD';
  totals: StatementTotals & { invoicedCents: number; creditedCents: number };
  /** Launches with money moving in the period, by launch date. */
  launches: StatementLaunch[];
  /** By issue date, then number. */
  documents: StatementDocument[];
}

export async function agencyStatement(
  em: OperationalEntityManager,
  agencyId: string,
  period: Period,
): Promise<AgencyStatement> {
  const problem = periodProblem(period);
  if (problem) throw Problem.invalid({ until: problem });
  const agency = await em.findOne(Agency, agencyId);
  if (!agency) throw new Problem('not_found', 'There is no such agency.');
  const { start, end } = periodBounds(period);
  const [launches, documents] = await Promise.all([
    em.execute<{ id: string; mission_name: string; launch_date: string; sales: string; refunds: string }[]>(
      `select l.id, l.mission_name, l.launch_date,
         coalesce(sum(e.amount_cents) filter (where e.kind = 'payment'), 0) as sales,
         coalesce(sum(e.amount_cents) filter (where e.kind = 'refund'), 0) as refunds
       from launch l
       join booking_copy b on b.launch_id = l.id
       join booking_ledger_entry e on e.booking_id = b.id
       where l.agency_id = ? and e.at >= ? and e.at < ?
       group by l.id
       order by l.launch_date asc, l.id asc`,
      [agencyId, start, end],
    ),
    em.execute<
      {
        kind: 'invoice' | 'credit-note';
        id: string;
        number: string;
        issue_date: string;
        invoice_id: string;
        invoice_number: string;
        mission_name: string;
        amount_cents: string;
      }[]
    >(
      `select 'invoice' as kind, i.id, i.number, to_char(i.issue_date, 'YYYY-MM-DD') as issue_date,
         i.id as invoice_id, i.number as invoice_number, l.mission_name, i.amount_cents, i.issued_at
       from invoice i join launch l on l.id = i.launch_id
       where i.agency_id = ? and i.issued_at >= ? and i.issued_at < ?
       union all
       select 'credit-note', c.id, c.number, to_char(c.issue_date, 'YYYY-MM-DD'),
         i.id, i.number, l.mission_name, -c.amount_cents, c.issued_at
       from credit_note c join invoice i on i.id = c.invoice_id join launch l on l.id = i.launch_id
       where i.agency_id = ? and c.issued_at >= ? and c.issued_at < ?
       order by issued_at asc, number asc`,
      [agencyId, start, end, agencyId, start, end],
    ),
  ]);
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const statementLaunches = launches.map((row) => ({
    launchId: row.id,
    missionName: row.mission_name,
    launchDate: new Date(row.launch_date).toISOString(),
    salesCents: Number(row.sales),
    refundsCents: Number(row.refunds),
  }));
  const statementDocuments = documents.map((row) => ({
    kind: row.kind,
    id: row.id,
    number: row.number,
    issueDate: row.issue_date,
    invoiceId: row.invoice_id,
    invoiceNumber: row.invoice_number,
    missionName: row.mission_name,
    amountCents: Number(row.amount_cents),
  }));
  const invoicedCents = sum(statementDocuments.filter((d) => d.kind === 'invoice').map((d) => d.amountCents));
  const creditedCents = -sum(statementDocuments.filter((d) => d.kind === 'credit-note').map((d) => d.amountCents));
  return {
    agency: {
      id: agency.id,
      displayName: agency.displayName,
      legalName: agency.legalName,
      taxId: agency.taxId,
      legalAddress: agency.legalAddress,
    },
    period: { from: period.from, until: period.until },
    currency: 'USD',
    totals: {
      ...statementTotals({
        grossCents: sum(statementLaunches.map((launch) => launch.salesCents)),
        refundsCents: sum(statementLaunches.map((launch) => launch.refundsCents)),
        invoicedCents,
        creditedCents,
      }),
      invoicedCents,
      creditedCents,
    },
    launches: statementLaunches,
    documents: statementDocuments,
  };
}
