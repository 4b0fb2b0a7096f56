/**
 * Launched launches with paid bookings, written straight into the Operational DB as the sync would have left them:
 * what the issuing tests and the finance benchmark invoice. Each agency gets one rocket and a launch a day.
 */
import {
  Agency,
  BookingCopy,
  BookingLedgerEntry,
  Launch,
  Rocket,
  type OperationalEntityManager,
} from '@astro/db/operational';

const day = 86_400_000;

export interface LaunchedLaunches {
  agencyIds: string[];
  launchIds: string[];
}

export async function writeLaunchedLaunches(
  em: OperationalEntityManager,
  options: {
    /** Names the agencies, so two calls on one database never clash. */
    tag: string;
    launches: number;
    agencies?: number;
    /** The first launch's date; each agency's next launches follow a day apart. */
    firstLaunch: Date;
    /** Per booking: captured in `paymentsPerBooking` even payments, and given back in one refund. */
    capturedCents?: number;
    refundedCents?: number;
    bookingsPerLaunch?: number;
    paymentsPerBooking?: number;
  },
): Promise<LaunchedLaunches> {
  const { tag, launches, firstLaunch, capturedCents = 250_000_00, refundedCents = 0 } = options;
  const { bookingsPerLaunch = 1, paymentsPerBooking = 1 } = options;
  const fork = em.fork();
  const fleet = Array.from({ length: options.agencies ?? 1 }, (_, n) => {
    const agency = fork.create(Agency, {
      legalName: `${tag} Spaceflight ${n + 1}, Inc.`,
      displayName: `${tag} ${n + 1}`,
      taxId: `${tag}-${n + 1}`.slice(0, 40),
      legalAddress: `${n + 1} Pad Road, Spaceport City`,
      contactEmail: `billing-${n + 1}@${tag.toLowerCase()}.example`,
    });
    return { agency, rocket: fork.create(Rocket, { agency, name: 'Workhorse', capacity: 10, range: 'orbit' }) };
  });
  const launchIds: string[] = [];
  for (let n = 0; n < launches; n++) {
    const { agency, rocket } = fleet[n % fleet.length]!;
    const launchDate = new Date(firstLaunch.getTime() + Math.floor(n / fleet.length) * day);
    const launch = fork.create(Launch, {
      agency,
      rocket,
      missionName: `${tag} Flight ${n + 1}`,
      destination: 'orbit',
      spaceport: 'Spaceport City',
      launchDate,
      launchDay: launchDate.toISOString().slice(0, 10),
      pricePerSeatCents: capturedCents,
      minimumPassengers: 1,
      status: 'launched',
      slug: `${tag}-flight-${n + 1}`.toLowerCase(),
    });
    launchIds.push(launch.id);
    const bookedAt = new Date(launchDate.getTime() - 30 * day);
    const at = (hours: number) => new Date(bookedAt.getTime() + hours * 3_600_000);
    const payments = Array.from({ length: paymentsPerBooking }, (_, p) => ({
      kind: 'payment' as const,
      // The cents that do not divide evenly go with the first payment.
      amountCents: Math.floor(capturedCents / paymentsPerBooking) + (p === 0 ? capturedCents % paymentsPerBooking : 0),
      at: at(p),
    }));
    const refunds =
      refundedCents > 0 ? [{ kind: 'refund' as const, amountCents: refundedCents, at: at(paymentsPerBooking) }] : [];
    for (let b = 0; b < bookingsPerLaunch; b++) soldSeat(fork, launch, [...payments, ...refunds]);
  }
  await fork.flush();
  return { agencyIds: fleet.map(({ agency }) => agency.id), launchIds };
}

/** One seat booked on the launch, its copy and its ledger entries created in `em` (the caller flushes). */
export function soldSeat(
  em: OperationalEntityManager,
  launch: Launch,
  entries: { kind: 'payment' | 'refund'; amountCents: number; at: Date }[],
): BookingCopy {
  const sum = (kind: 'payment' | 'refund') =>
    entries.filter((entry) => entry.kind === kind).reduce((total, entry) => total + entry.amountCents, 0);
  const booking = em.create(BookingCopy, {
    id: crypto.randomUUID(),
    launch,
    customerId: crypto.randomUUID(),
    customerName: 'Ada Traveler',
    customerEmail: 'ada@example.com',
    seats: 1,
    passengers: [{ name: 'Ada Traveler', birthDate: '1980-01-01' }],
    unitPriceCents: sum('payment'),
    totalCents: sum('payment'),
    status: 'confirmed',
    paidCents: sum('payment'),
    refundedCents: sum('refund'),
    version: 2,
    bookedAt: entries[0]?.at ?? new Date(),
  });
  for (const entry of entries)
    em.create(BookingLedgerEntry, {
      id: crypto.randomUUID(),
      booking,
      kind: entry.kind,
      amountCents: entry.amountCents,
      currency: 'USD',
      gatewayReference: `sandbox_${entry.kind}_${crypto.randomUUID().slice(0, 8)}`,
      reason: entry.kind === 'refund' ? 'Cancelled' : null,
      actor: 'traveler',
      actorEmail: null,
      at: entry.at,
    });
  return booking;
}
