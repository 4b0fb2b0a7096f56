/**
 * A statement and the finance report as CSV (UTF-8, quoted, a header row, text defused as in the manifest): amounts
 * are plain decimals, and the rows add up to the totals on screen, so a spreadsheet's sum checks the page.
 */
import type { AgencyStatement, FinanceReport } from '@astro/finance';
import { csvAmount, toCsv } from '../csv.ts';
import type { CsvFile } from './finance.schemas.ts';

const slug = (text: string) => text.replace(/[^\w-]+/g, '-').toLowerCase();

/** One row per movement, signed as the payout sees it: its amounts add up to the net payout. */
export function statementCsv(statement: AgencyStatement): CsvFile {
  const rows = [
    ...statement.launches.flatMap((launch) => [
      ['Seat sales', launch.missionName, launch.launchDate.slice(0, 10), '', csvAmount(launch.salesCents)],
      ['Refunds', launch.missionName, launch.launchDate.slice(0, 10), '', csvAmount(-launch.refundsCents)],
    ]),
    ...statement.documents.map((document) =>
      document.kind === 'invoice'
        ? ['Platform fee', document.number, document.issueDate, document.missionName, csvAmount(-document.amountCents)]
        : [
            'Credit note',
            document.number,
            document.issueDate,
            `Corrects ${document.invoiceNumber} (${document.missionName})`,
            csvAmount(-document.amountCents),
          ],
    ),
  ];
  return {
    filename: `statement-${slug(statement.agency.displayName)}-${statement.period.from}-${statement.period.until}.csv`,
    csv: toCsv(['Line', 'Launch or number', 'Date', 'Description', 'Amount (USD)'], rows),
  };
}

/** One row per month and agency; each amount column adds up to the report's total. */
export function reportCsv(report: FinanceReport): CsvFile {
  return {
    filename: `finance-report-${report.period.from}-${report.period.until}.csv`,
    csv: toCsv(
      [
        'Month',
        'Agency',
        'Gross seat revenue (USD)',
        'Refunds (USD)',
        'Net revenue (USD)',
        'Invoiced (USD)',
        'Credited (USD)',
        'Platform fees (USD)',
        'Collected (USD)',
        'Pending (USD)',
      ],
      report.rows.map((row) => [
        row.month,
        row.agency.displayName,
        csvAmount(row.grossCents),
        csvAmount(row.refundsCents),
        csvAmount(row.netRevenueCents),
        csvAmount(row.invoicedCents),
        csvAmount(row.creditedCents),
        csvAmount(row.feesCents),
        csvAmount(row.collectedCents),
        csvAmount(row.pendingCents),
      ]),
    ),
  };
}
