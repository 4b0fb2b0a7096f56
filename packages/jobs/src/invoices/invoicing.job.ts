/**
 * Issues the invoices of launched and aborted launches once their bookings are settled (SPEC.md §6), then queues
 * each one's "invoice issued" e-mail. Settled is the Customer DB's word, which finance never reads: it is asked here.
 */
import { Booking, type CustomerEntityManager, type CustomerOrm } from '@astro/db/customer';
import { listOf, type OperationalEntityManager, type OperationalOrm } from '@astro/db/operational';
import type { SystemOrm } from '@astro/db/system';
import { invoicesAwaitingNotice, issueInvoices, launchesAwaitingInvoice, noteNoticesQueued } from '@astro/finance';
import { queueInvoiceNotice } from '../email/invoice-notices.ts';
import { unfenced, type Fence, type JobDefinition } from '../scheduler.ts';

/**
 * The launches among these whose amount is final: none of their bookings is held, and the Operational DB's copy of
 * every booking is at the Customer DB's version of it (so every payment and refund is in the ledger). Two queries.
 */
export async function settledLaunches(
  customer: CustomerEntityManager,
  operational: OperationalEntityManager,
  launchIds: readonly string[],
): Promise<string[]> {
  if (launchIds.length === 0) return [];
  const [bookings, copies] = await Promise.all([
    customer.find(Booking, { launchId: { $in: [...launchIds] } }, { fields: ['launchId', 'status', 'version'] }),
    operational.execute<{ id: string; version: number }[]>(
      `select id, version from booking_copy where launch_id in (${listOf(launchIds)})`,
      [...launchIds],
    ),
  ]);
  const copyVersions = new Map(copies.map((copy) => [copy.id, Number(copy.version)]));
  const unsettled = new Set(
    bookings
      .filter((booking) => booking.status === 'held' || copyVersions.get(booking.id) !== booking.version)
      .map((booking) => booking.launchId),
  );
  return launchIds.filter((id) => !unsettled.has(id));
}

export async function issueSettledInvoices(
  stores: { customer: CustomerOrm; operational: OperationalOrm; system: SystemOrm },
  now: Date,
  fence: Fence = unfenced,
) {
  const operational = stores.operational.em.fork();
  const awaiting = await launchesAwaitingInvoice(operational);
  const settled = await settledLaunches(stores.customer.em.fork(), operational, awaiting);
  const counts = await issueInvoices(operational, settled, now, fence);

  // Issued here or by a run that stopped before its e-mails were queued: the outbox's dedupe key makes it once.
  const notices = await invoicesAwaitingNotice(operational);
  const system = stores.system.em.fork();
  for (const { invoice, agency } of notices) {
    await fence.assert();
    await queueInvoiceNotice(system, { event: 'invoice-issued' }, invoice, agency, now);
  }
  await fence.assert();
  await noteNoticesQueued(
    operational,
    notices.map(({ invoice }) => invoice.id),
    now,
  );
  return { ...counts, unsettled: awaiting.length - settled.length, noticesQueued: notices.length };
}

export function invoicingJob(stores: {
  customer: CustomerOrm;
  operational: OperationalOrm;
  system: SystemOrm;
}): JobDefinition {
  return {
    name: 'invoicing',
    description:
      'Issues the invoice of each launched or aborted launch once its bookings are settled, and e-mails the agency',
    schedule: '*/30 * * * * *',
    run: ({ now, fence }) => issueSettledInvoices(stores, now(), fence),
  };
}
