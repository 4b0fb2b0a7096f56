/**
 * A small Operational DB world for the finance tests: agencies, launches, the payment ledger of their bookings, and
 * invoices inserted the way issuing inserts them (one transaction: the year's number, then the invoice row).
 */
import {
  Agency,
  Invoice,
  Launch,
  Rocket,
  type BookingCopy,
  type OperationalEntityManager,
} from '@astro/db/operational';
import { dueDateFor, feeFor, type FeeRule, type LaunchStatus } from '@astro/domain';
import { soldSeat } from './invoicing/launched-launches.test-support.ts';
import { takeDocumentNumber } from './numbering/numbering.ts';

let unique = 0;

export async function createTestAgency(
  em: OperationalEntityManager,
  fields: Partial<Pick<Agency, 'displayName' | 'legalName' | 'taxId' | 'legalAddress' | 'status'>> = {},
): Promise<Agency> {
  const n = ++unique;
  const agency = em.create(Agency, {
    displayName: `Test Agency ${n}`,
    legalName: `Test Agency ${n} Ltd.`,
    taxId: `TEST-${process.pid}-${Date.now().toString(36)}-${n}`.toUpperCase(),
    legalAddress: `${n} Launch Road, Cape Canaveral, FL 32920, USA`,
    contactEmail: `agency${n}@agency.example`,
    status: 'active',
    ...fields,
  });
  await em.flush();
  return agency;
}

export async function createTestLaunch(
  em: OperationalEntityManager,
  agency: Agency,
  fields: { missionName?: string; launchDate?: Date; status?: LaunchStatus } = {},
): Promise<Launch> {
  const n = ++unique;
  const rocket = em.create(Rocket, { agency, name: `Rocket ${n}`, capacity: 10, range: 'orbit' });
  const launchDate = fields.launchDate ?? new Date(Date.UTC(2026, 9, 1 + (n % 28), 9));
  const missionName = fields.missionName ?? `Mission ${n}`;
  const launch = em.create(Launch, {
    agency,
    rocket,
    missionName,
    destination: 'orbit',
    spaceport: 'Cape Canaveral',
    launchDate,
    launchDay: launchDate.toISOString().slice(0, 10),
    pricePerSeatCents: 100_000,
    minimumPassengers: 1,
    status: fields.status ?? 'launched',
    slug: `test-mission-${n}-${Date.now().toString(36)}`,
  });
  await em.flush();
  return launch;
}

/** A booking on the launch with a captured payment (and refunds) in the ledger, at the given moments. */
export async function recordTestSales(
  em: OperationalEntityManager,
  launch: Launch,
  entries: { kind: 'payment' | 'refund'; amountCents: number; at: Date }[],
): Promise<BookingCopy> {
  const booking = soldSeat(em, launch, entries);
  await em.flush();
  return booking;
}

/** Issues the launch's invoice as issuing does: its number and its row in one transaction, with the agency's legal data. */
export async function issueTestInvoice(
  em: OperationalEntityManager,
  launch: Launch,
  options: { issuedAt: Date; amountCents?: number; rule?: FeeRule },
): Promise<Invoice> {
  const agency = await em.findOneOrFail(Agency, launch.agency.id);
  const fee = feeFor({
    outcome: 'launched',
    capturedCents: (options.amountCents ?? 10_000) * 100,
    refundedCents: 0,
    earlierLaunchedLaunches: 0,
  });
  const amountCents = options.amountCents ?? fee.amountCents;
  const rule = options.rule ?? fee.rule;
  return em.fork().transactional(async (tx) => {
    const { number, year, sequence } = await takeDocumentNumber(tx, 'invoice', options.issuedAt);
    const invoice = tx.create(Invoice, {
      number,
      year,
      sequence,
      launch: launch.id,
      agency: agency.id,
      billedTo: { legalName: agency.legalName, taxId: agency.taxId, legalAddress: agency.legalAddress },
      lines: [{ description: `Platform fee for ${launch.missionName}`, amountCents }],
      feeRule: rule,
      amountCents,
      issuedAt: options.issuedAt,
      issueDate: options.issuedAt.toISOString().slice(0, 10),
      dueDate: dueDateFor(options.issuedAt),
    });
    await tx.flush();
    return invoice;
  });
}
