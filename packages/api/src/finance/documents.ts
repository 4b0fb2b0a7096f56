/**
 * The PDFs of invoices, credit notes and statements (SPEC.md §6), the same for finance and for the agency: the
 * issuer's legal data from the configuration, the agency's legal name, tax id and address (an invoice's as it was
 * when issued), number, dates, launch, lines, totals and how to pay. Drawn with pdfkit's built-in Helvetica, so no
 * font file ships; it covers Western European names, not every script.
 */
import PDFDocument from 'pdfkit';
import type { Issuer } from '@astro/config';
import type { BilledTo } from '@astro/db/operational';
import { formatMoney, invoiceStatusLabels, Problem } from '@astro/domain';
import type { AgencyStatement, CreditNoteDocument, InvoiceDetail } from '@astro/finance';
import type { DocumentFile } from './finance.schemas.ts';

const usd = (cents: number) => formatMoney({ cents, currency: 'USD' });
const dayOf = (iso: string) => iso.slice(0, 10);

type Pdf = PDFKit.PDFDocument;
const margin = 50;
const width = 495;

/** The issuer on the left, the document's title and number on the right. */
function header(doc: Pdf, issuer: Issuer, title: string, number: string) {
  const top = doc.y;
  doc.font('Helvetica-Bold').fontSize(12).text(issuer.legalName, margin, top, { width: 260 });
  doc.font('Helvetica').fontSize(9).text(issuer.address, { width: 260 });
  doc.text(`Tax id ${issuer.taxId}`, { width: 260 }).text(issuer.email, { width: 260 });
  const left = doc.y;
  doc.font('Helvetica-Bold').fontSize(18).text(title, 330, top, { width: 215, align: 'right' });
  doc.font('Helvetica').fontSize(11).text(number, { width: 215, align: 'right' });
  doc.x = margin;
  doc.y = Math.max(left, doc.y) + 20;
}

function party(doc: Pdf, label: string, party: BilledTo) {
  doc.font('Helvetica-Bold').fontSize(9).text(label.toUpperCase(), margin);
  doc.font('Helvetica-Bold').fontSize(11).text(party.legalName);
  doc.font('Helvetica').fontSize(10).text(party.legalAddress).text(`Tax id ${party.taxId}`).moveDown();
}

/** Label and value pairs, one a line. */
function facts(doc: Pdf, pairs: [string, string][]) {
  doc.fontSize(10);
  for (const [label, value] of pairs) {
    const y = doc.y;
    doc.font('Helvetica-Bold').text(label, margin, y, { width: 140 });
    doc.font('Helvetica').text(value, margin + 150, y, { width: width - 150 });
    doc.x = margin;
  }
  doc.moveDown();
}

/** A table of descriptions and amounts, right-aligned, with a rule under its head. */
function table(doc: Pdf, head: [string, string], rows: [string, string][], totals: [string, string][] = []) {
  const line = (left: string, right: string, font: string) => {
    if (doc.y > 740) doc.addPage();
    const y = doc.y;
    doc.font(font).fontSize(10).text(left, margin, y, { width: 360 });
    const below = doc.y;
    doc.text(right, margin + 360, y, { width: width - 360, align: 'right' });
    doc.x = margin;
    doc.y = Math.max(below, doc.y) + 2;
  };
  line(head[0], head[1], 'Helvetica-Bold');
  doc
    .moveTo(margin, doc.y)
    .lineTo(margin + width, doc.y)
    .stroke();
  doc.y += 4;
  for (const [left, right] of rows) line(left, right, 'Helvetica');
  if (totals.length) {
    doc
      .moveTo(margin + 300, doc.y)
      .lineTo(margin + width, doc.y)
      .stroke();
    doc.y += 4;
    for (const [left, right] of totals) line(left, right, 'Helvetica-Bold');
  }
  doc.moveDown();
}

function paymentDetails(doc: Pdf, issuer: Issuer, reference: string) {
  doc.font('Helvetica-Bold').fontSize(10).text('How to pay', margin);
  doc.font('Helvetica').text(issuer.paymentDetails).text(`Please quote ${reference} with your payment.`);
}

function render(draw: (doc: Pdf) => void, title: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin, info: { Title: title, Author: 'Astro Bookings' } });
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

/** Without the issuer's legal data no document may go out; the host always has it, from its configuration. */
function issuerOf(issuer: Issuer | null): Issuer {
  if (!issuer) throw new Problem('unavailable', 'Documents cannot be made: the issuer’s legal data is not configured.');
  return issuer;
}

const fileOf = async (filename: string, pdf: Promise<Buffer>): Promise<DocumentFile> => ({
  filename,
  base64: (await pdf).toString('base64'),
});

export function invoicePdf(configured: Issuer | null, invoice: InvoiceDetail): Promise<DocumentFile> {
  const issuer = issuerOf(configured);
  const title = `Invoice ${invoice.number}`;
  return fileOf(
    `invoice-${invoice.number}.pdf`,
    render((doc) => {
      header(doc, issuer, 'Invoice', invoice.number);
      party(doc, 'Billed to', invoice.billedTo);
      facts(doc, [
        ['Issue date', invoice.issueDate],
        ['Due date', invoice.dueDate],
        ['Launch', `${invoice.launch.missionName}, ${dayOf(invoice.launch.launchDate)}`],
        ['Fee rule', invoice.feeRuleDescription],
        ['Status', invoiceStatusLabels[invoice.status]],
      ]);
      const rule = invoice.feeRule;
      const basis: [string, string][] =
        rule.kind === 'seat-revenue'
          ? [
              ['Seat payments captured', usd(rule.capturedCents)],
              ['Refunds given', usd(-rule.refundedCents)],
              ['Net seat revenue', usd(rule.netRevenueCents)],
            ]
          : [];
      if (basis.length) table(doc, ['Worked out from', 'Amount'], basis);
      table(
        doc,
        ['Description', 'Amount'],
        invoice.lines.map((line) => [line.description, usd(line.amountCents)]),
        [
          ['Total', usd(invoice.amountCents)],
          ...(invoice.creditedCents ? ([['Credited', usd(-invoice.creditedCents)]] as [string, string][]) : []),
          ...(invoice.paidCents ? ([['Paid', usd(-invoice.paidCents)]] as [string, string][]) : []),
          ['Outstanding', usd(Math.max(0, invoice.outstandingCents))],
        ],
      );
      paymentDetails(doc, issuer, invoice.number);
    }, title),
  );
}

export function creditNotePdf(configured: Issuer | null, note: CreditNoteDocument): Promise<DocumentFile> {
  const issuer = issuerOf(configured);
  return fileOf(
    `credit-note-${note.number}.pdf`,
    render((doc) => {
      header(doc, issuer, 'Credit note', note.number);
      party(doc, 'Credited to', note.invoice.billedTo);
      facts(doc, [
        ['Issue date', note.issueDate],
        ['Corrects invoice', `${note.invoice.number} of ${note.invoice.issueDate} (${usd(note.invoice.amountCents)})`],
        ['Launch', `${note.invoice.launch.missionName}, ${dayOf(note.invoice.launch.launchDate)}`],
        ['Reason', note.reason],
      ]);
      table(
        doc,
        ['Description', 'Amount'],
        [[`Credit on invoice ${note.invoice.number}`, usd(-note.amountCents)]],
        [['Total credited', usd(-note.amountCents)]],
      );
    }, `Credit note ${note.number}`),
  );
}

export function statementPdf(configured: Issuer | null, statement: AgencyStatement): Promise<DocumentFile> {
  const issuer = issuerOf(configured);
  const { period, totals } = statement;
  const name = `${period.from} to ${period.until}`;
  return fileOf(
    `statement-${statement.agency.displayName.replace(/[^\w-]+/g, '-').toLowerCase()}-${period.from}-${period.until}.pdf`,
    render((doc) => {
      header(doc, issuer, 'Statement', name);
      party(doc, 'Agency', statement.agency);
      table(
        doc,
        ['Launch', 'Sales / refunds'],
        statement.launches.map((launch) => [
          `${launch.missionName}, ${dayOf(launch.launchDate)}`,
          `${usd(launch.salesCents)} / ${usd(-launch.refundsCents)}`,
        ]),
      );
      table(
        doc,
        ['Document', 'Amount'],
        statement.documents.map((document) => [
          `${document.kind === 'invoice' ? 'Invoice' : 'Credit note'} ${document.number} of ${document.issueDate} (${document.missionName})`,
          usd(document.amountCents),
        ]),
      );
      table(
        doc,
        ['Summary', 'Amount'],
        [],
        [
          ['Gross seat sales', usd(totals.grossCents)],
          ['Refunds', usd(-totals.refundsCents)],
          ['Platform fees', usd(-totals.feesCents)],
          ['Net payout', usd(totals.netPayoutCents)],
        ],
      );
    }, `Statement ${name}`),
  );
}
