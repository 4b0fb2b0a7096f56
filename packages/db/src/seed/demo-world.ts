/**
 * Fills the three stores with a believable world — agencies, rockets, launches across destinations and
 * months, travelers and their bookings — consistent across stores, as if every sync message had been applied.
 * It is deterministic (a fixed random seed) and placed around `now`, so the demo always has a future.
 */
import { canReach, isVip, launchSlug, ranges, type Destination, type LaunchStatus, type Range } from '@astro/domain';
import { catalogueFieldsOf } from '../catalogue-projection.ts';
import { Booking, type BookingStatusChange, type Passenger, type RefundRecord } from '../customer/booking.entity.ts';
import { CatalogueLaunch } from '../customer/catalogue-launch.entity.ts';
import { Customer } from '../customer/customer.entity.ts';
import { Agency } from '../operational/agency.entity.ts';
import { BookingCopy, BookingLedgerEntry, BookingStatusEntry } from '../operational/booking-copy.entity.ts';
import { bookingRecordsOf } from '../operational/booking-records.ts';
import { Employee } from '../operational/employee.entity.ts';
import { Launch, LaunchStatusChange } from '../operational/launch.entity.ts';
import { Rocket } from '../operational/rocket.entity.ts';
import type { Stores } from '../stores.ts';
import { User, type UserRole } from '../system/user.entity.ts';
import {
  companionNames,
  deskTravelerNames,
  demoAgencies,
  demoEmployees,
  type DemoAgency,
  missionNames,
  pricePerSeatDollars,
  timeZones,
  travelerEmailOf,
  travelerNames,
} from './demo-world.data.ts';

const day = 86_400_000;
const launchCount = 40;

export interface SeedReport {
  agencies: number;
  rockets: number;
  launches: number;
  customers: number;
  bookings: number;
  users: number;
}

export type SeedOutcome = { seeded: true; report: SeedReport } | { seeded: false; reason: string };

/** Seeds only into empty stores; refuses, saying why, when some stores already hold data and others do not. */
export interface SeedOptions {
  /** The hash every demo account's password gets (the Authentication Service makes it); null: nobody can sign in. */
  passwordHash?: string | null;
}

export async function seedDemoWorldWhenEmpty(
  stores: Stores,
  now: Date,
  options: SeedOptions = {},
): Promise<SeedOutcome> {
  const [agencies, customers, users] = await Promise.all([
    stores.operational.em.fork().count(Agency, {}),
    stores.customer.em.fork().count(Customer, {}),
    stores.system.em.fork().count(User, {}),
  ]);
  if (agencies > 0 && customers > 0 && users > 0) return { seeded: false, reason: 'The databases already hold data.' };
  if (agencies > 0 || customers > 0 || users > 0) {
    return {
      seeded: false,
      reason: `Some databases hold data and others are empty (agencies: ${agencies}, customers: ${customers}, users: ${users}); not seeding a half-world.`,
    };
  }
  return { seeded: true, report: await seedDemoWorld(stores, now, options) };
}

export async function seedDemoWorld(stores: Stores, now: Date, options: SeedOptions = {}): Promise<SeedReport> {
  const passwordHash = options.passwordHash ?? null;
  const { random, between, pick } = chance(20_261_125);
  const ago = (days: number) => new Date(now.getTime() - days * day);

  const operational = stores.operational.em.fork();
  const customerDb = stores.customer.em.fork();
  const systemDb = stores.system.em.fork();

  // Agencies, their rockets and their supplier accounts.
  const fleet: { agency: Agency; rocket: Rocket; spaceports: string[]; supplierEmail: string }[] = [];
  const users: User[] = [];
  const ownLaunches: { agency: Agency; rocket: Rocket; demo: DemoAgency; supplierEmail: string }[] = [];
  for (const demo of demoAgencies) {
    const agency = operational.create(Agency, {
      legalName: demo.legalName,
      displayName: demo.displayName,
      taxId: demo.taxId,
      legalAddress: demo.legalAddress,
      contactEmail: demo.contactEmail,
      description: demo.description,
      status: demo.status,
      // Fixed, not drawn: an agency with a launch of its own leaves the generated world as it was without it.
      createdAt: demo.ownLaunch ? ago(90) : ago(between(400, 900)),
    });
    for (const spec of demo.rockets) {
      const rocket = operational.create(Rocket, {
        agency,
        name: spec.name,
        capacity: spec.capacity,
        range: spec.range,
        active: spec.active ?? true,
      });
      if (demo.ownLaunch && rocket.active)
        ownLaunches.push({ agency, rocket, demo, supplierEmail: demo.supplier.email });
      else if (rocket.active && demo.status === 'active')
        fleet.push({ agency, rocket, spaceports: demo.spaceports, supplierEmail: demo.supplier.email });
    }
    users.push(newUser(systemDb, passwordHash, demo.supplier.name, demo.supplier.email, ['supplier'], agency.id));
  }

  for (const employee of demoEmployees) {
    operational.create(Employee, { name: employee.name, email: employee.email, role: employee.role });
    users.push(newUser(systemDb, passwordHash, employee.name, employee.email, [employee.role]));
  }

  // Travelers.
  const newTraveler = (name: string, index: number, { random, between, pick }: Chance) => {
    const email = travelerEmailOf(name);
    const user = newUser(systemDb, passwordHash, name, email, ['customer']);
    users.push(user);
    return customerDb.create(Customer, {
      userId: user.id,
      email,
      name,
      phone: `+1 555 01${String(index).padStart(2, '0')}`,
      emergencyContact: {
        name: pick(companionNames),
        phone: `+1 555 02${String(index).padStart(2, '0')}`,
        relationship: pick(['Partner', 'Sibling', 'Parent', 'Friend']),
      },
      preferences: { timeZone: pick(timeZones), newsletter: random() < 0.5 },
      createdAt: ago(between(200, 700)),
    });
  };
  const customers = travelerNames.map((name, index) => newTraveler(name, index, { random, between, pick }));

  // Launches: spread from four months ago to about fifteen months ahead, two weeks apart per slot.
  const launches: {
    launch: Launch;
    rocket: Rocket;
    agency: Agency;
    history: LaunchStatusChange[];
    seatsTarget: number;
  }[] = [];
  for (let index = 0; index < launchCount; index++) {
    const { agency, rocket, spaceports, supplierEmail } = fleet[index % fleet.length]!;
    const destination = pickDestination(rocket.range, random);
    const launchDate = new Date(now.getTime() + (-120 + index * 13 + between(0, 5)) * day);
    launchDate.setUTCHours(between(6, 21), pick([0, 15, 30, 45]), 0, 0);
    const [low, high] = pricePerSeatDollars[destination];
    const priceDollars = Math.round(between(low, high) / 1000) * 1000;
    const minimumPassengers = Math.max(1, Math.round(rocket.capacity * (0.3 + random() * 0.2)));
    const missionName = missionNames[index % missionNames.length]!;
    const status = statusFor(index, launchDate, now);
    const seatsTarget =
      status === 'launched' || status === 'confirmed'
        ? index === 14
          ? rocket.capacity
          : between(minimumPassengers, Math.max(minimumPassengers, Math.floor(rocket.capacity * 0.85)))
        : status === 'scheduled'
          ? between(0, minimumPassengers - 1)
          : between(1, Math.max(1, Math.floor(rocket.capacity * 0.6)));

    const createdAt = new Date(Math.min(launchDate.getTime() - 240 * day, now.getTime() - 30 * day));
    const launch = operational.create(Launch, {
      agency,
      rocket,
      missionName,
      destination,
      spaceport: pick(spaceports),
      launchDate,
      launchDay: launchDate.toISOString().slice(0, 10),
      pricePerSeatCents: priceDollars * 100,
      minimumPassengers,
      status,
      slug: launchSlug(missionName, destination, launchDate),
      createdAt,
    });
    const history = historyFor(operational, launch, status, createdAt, now, supplierEmail);
    launch.version = history.length;
    launches.push({ launch, rocket, agency, history, seatsTarget });
  }

  // The launches of agencies outside the schedule, after it and without drawing from the generator.
  const ownLaunchParties = new Map<Launch, number[]>();
  for (const { agency, rocket, demo, supplierEmail } of ownLaunches) {
    const { missionName, destination, daysAhead, priceDollars, status = 'scheduled', parties = [] } = demo.ownLaunch!;
    const launchDate = new Date(now.getTime() + daysAhead * day);
    launchDate.setUTCHours(9, 30, 0, 0);
    const createdAt = new Date(now.getTime() - 30 * day);
    const launch = operational.create(Launch, {
      agency,
      rocket,
      missionName,
      destination,
      spaceport: demo.spaceports[0]!,
      launchDate,
      launchDay: launchDate.toISOString().slice(0, 10),
      pricePerSeatCents: priceDollars * 100,
      minimumPassengers: 1,
      status,
      slug: launchSlug(missionName, destination, launchDate),
      createdAt,
    });
    const history = historyFor(operational, launch, status, createdAt, now, supplierEmail);
    launch.version = history.length;
    launches.push({ launch, rocket, agency, history, seatsTarget: 0 });
    ownLaunchParties.set(launch, parties);
  }

  // Bookings: confirmed seats up to each launch's target, in parties of one to four.
  // A trip is a launch flown, however many bookings the traveler had on it.
  const launchesFlown = new Map<string, Set<string>>();
  const catalogue = new Map<string, CatalogueLaunch>();
  let bookings = 0;
  for (const { launch, rocket, agency, history, seatsTarget } of launches) {
    let seatsConfirmed = 0;
    const confirmations: Record<string, number> = {};
    let remaining = seatsTarget;
    while (remaining > 0) {
      const seats = Math.min(remaining, between(1, 4));
      remaining -= seats;
      const traveler = pick(customers);
      const cancelled = launch.status === 'aborted';
      const booking = newBooking(customerDb, operational, { launch, traveler, seats, cancelled, now, pick, between });
      bookings++;
      if (!cancelled) {
        seatsConfirmed += seats;
        confirmations[booking.id] = seats;
      }
      if (launch.status === 'launched')
        launchesFlown.set(traveler.id, (launchesFlown.get(traveler.id) ?? new Set()).add(launch.id));
    }
    const entry = customerDb.create(CatalogueLaunch, {
      ...catalogueFieldsOf(launch, rocket, agency, history),
      seatsHeld: 0,
      seatsConfirmed,
      seatsLeft: rocket.capacity - seatsConfirmed,
      holds: {},
      confirmations,
      // The demo world's past is past: nobody is owed an e-mail about it.
      statusChangesTold: history.length,
      announced: true,
    });
    catalogue.set(launch.id, entry);
  }

  // The own launches' bookings, on travelers drawn from chance of their own so that the rest stays as it was.
  const own = chance(14);
  for (const [launch, parties] of ownLaunchParties)
    for (const seats of parties) {
      const booking = newBooking(customerDb, operational, {
        ...own,
        launch,
        traveler: own.pick(customers),
        seats,
        cancelled: false,
        now,
      });
      bookings++;
      const entry = catalogue.get(launch.id)!;
      entry.seatsConfirmed += seats;
      entry.seatsLeft -= seats;
      entry.confirmations = { ...entry.confirmations, [booking.id]: seats };
    }

  // The bookings desk's travelers: one confirmed seat each on the confirmed launch farthest ahead with room for
  // them, drawn from chance of their own so that the rest of the world stays as it was.
  const desk = chance(12);
  const deskLaunch = launches
    .filter(({ launch }) => launch.status === 'confirmed' && !ownLaunchParties.has(launch))
    .findLast(({ launch }) => catalogue.get(launch.id)!.seatsLeft >= deskTravelerNames.length)!;
  const deskEntry = catalogue.get(deskLaunch.launch.id)!;
  deskTravelerNames.forEach((name, index) => {
    const traveler = newTraveler(name, travelerNames.length + index, desk);
    customers.push(traveler);
    const booking = newBooking(customerDb, operational, {
      ...desk,
      launch: deskLaunch.launch,
      traveler,
      seats: 1,
      cancelled: false,
      now,
    });
    bookings++;
    deskEntry.seatsConfirmed += 1;
    deskEntry.seatsLeft -= 1;
    deskEntry.confirmations = { ...deskEntry.confirmations, [booking.id]: 1 };
  });
  for (const traveler of customers) {
    traveler.tripsFlown = launchesFlown.get(traveler.id)?.size ?? 0;
    traveler.vip = isVip(traveler.tripsFlown);
  }

  // The Operational DB is written in one transaction; the Mongo stores have none (MONGODB.md).
  await operational.flush();
  await Promise.all([customerDb.flush(), systemDb.flush()]);

  return {
    agencies: demoAgencies.length,
    rockets: demoAgencies.reduce((sum, agency) => sum + agency.rockets.length, 0),
    launches: launches.length,
    customers: customers.length,
    bookings,
    users: users.length,
  };
}

function newUser(
  em: Stores['system']['em'],
  passwordHash: string | null,
  name: string,
  email: string,
  roles: UserRole[],
  agencyId: string | null = null,
): User {
  return em.create(User, {
    name,
    email: email.toLowerCase(),
    passwordHash,
    roles,
    agencyId,
    verified: true,
  });
}

function newBooking(
  customerDb: Stores['customer']['em'],
  operational: Stores['operational']['em'],
  args: {
    launch: Launch;
    traveler: Customer;
    seats: number;
    cancelled: boolean;
    now: Date;
    pick: <T>(items: readonly T[]) => T;
    between: (low: number, high: number) => number;
  },
): Booking {
  const { launch, traveler, seats, cancelled, now, pick, between } = args;
  const bookedAt = new Date(
    Math.min(launch.launchDate.getTime() - between(20, 300) * day, now.getTime() - between(1, 20) * day),
  );
  const passengers: Passenger[] = [traveler.name, ...Array.from({ length: seats - 1 }, () => pick(companionNames))].map(
    (name) => ({
      name,
      birthDate: birthDateFor(launch.launchDate, between(25, 64), between(0, 364)),
    }),
  );
  const totalCents = launch.pricePerSeatCents * seats;
  const reference = crypto.randomUUID().slice(0, 8);
  const abortReason = 'Launch aborted: full refund';
  // An aborted launch refunds in full (SPEC.md section 3).
  const refunds: RefundRecord[] = cancelled
    ? [
        {
          id: crypto.randomUUID(),
          amountCents: totalCents,
          gatewayReference: `sandbox_re_${reference}`,
          reason: abortReason,
          at: now,
          by: { kind: 'system' },
        },
      ]
    : [];
  const step = (change: Omit<BookingStatusChange, 'id'>): BookingStatusChange => ({
    id: crypto.randomUUID(),
    ...change,
  });
  const statusHistory = [
    step({ from: null, to: 'held', at: bookedAt, by: { kind: 'traveler' }, reason: null }),
    step({ from: 'held', to: 'confirmed', at: bookedAt, by: { kind: 'traveler' }, reason: 'Paid.' }),
    ...(cancelled
      ? [step({ from: 'confirmed', to: 'cancelled', at: now, by: { kind: 'system' }, reason: abortReason })]
      : []),
  ];
  const booking = customerDb.create(Booking, {
    launchId: launch.id,
    customerId: traveler.id,
    seats,
    passengers,
    unitPriceCents: launch.pricePerSeatCents,
    totalCents,
    currency: launch.currency,
    status: cancelled ? 'cancelled' : 'confirmed',
    holdExpiresAt: null,
    payments: [
      {
        id: crypto.randomUUID(),
        amountCents: totalCents,
        gatewayReference: `sandbox_ch_${reference}`,
        outcome: 'captured',
        message: null,
        at: bookedAt,
      },
    ],
    refunds,
    statusHistory,
    idempotencyKey: crypto.randomUUID(),
    version: cancelled ? 3 : 2,
    // The Operational DB copy is written alongside, so there is nothing to sync.
    syncPending: false,
    createdAt: bookedAt,
  });
  operational.create(BookingCopy, {
    id: booking.id,
    launch,
    customerId: traveler.id,
    customerName: traveler.name,
    customerEmail: traveler.email,
    customerPhone: traveler.phone ?? null,
    customerEmergencyContact: traveler.emergencyContact ?? null,
    seats,
    passengers,
    unitPriceCents: booking.unitPriceCents,
    totalCents,
    currency: booking.currency,
    status: booking.status,
    paidCents: totalCents,
    refundedCents: cancelled ? totalCents : 0,
    version: booking.version,
    bookedAt,
  });
  const records = bookingRecordsOf(booking.id, booking);
  for (const entry of records.ledger) operational.create(BookingLedgerEntry, entry);
  for (const entry of records.statusHistory) operational.create(BookingStatusEntry, entry);
  return booking;
}

function birthDateFor(launchDate: Date, age: number, extraDays: number): string {
  const birth = new Date(launchDate);
  birth.setUTCFullYear(birth.getUTCFullYear() - age);
  return new Date(birth.getTime() - extraDays * day).toISOString().slice(0, 10);
}

/** Mostly the rocket's farthest destination, sometimes a shorter trip. */
function pickDestination(range: Range, random: () => number): Destination {
  const reachable = ranges.filter((destination) => canReach(range, destination));
  return random() < 0.7 ? reachable.at(-1)! : reachable[Math.floor(random() * reachable.length)]!;
}

function statusFor(index: number, launchDate: Date, now: Date): LaunchStatus {
  if (launchDate < now) return index === 3 ? 'aborted' : 'launched';
  if (index === 19) return 'aborted';
  if (index % 9 === 4) return 'delayed';
  if (index % 4 === 1 || index === 14) return 'confirmed';
  return 'scheduled';
}

const delayReasons = [
  'Second-stage engine inspection',
  'Range conflict with a government launch',
  'Upper-level winds forecast above limits',
];

function historyFor(
  em: Stores['operational']['em'],
  launch: Launch,
  status: LaunchStatus,
  createdAt: Date,
  now: Date,
  supplierEmail: string,
): LaunchStatusChange[] {
  const history: LaunchStatusChange[] = [];
  const add = (
    fromStatus: LaunchStatus | null,
    toStatus: LaunchStatus,
    changedAt: Date,
    reason: string | null,
    launchDate: Date | null = null,
  ) =>
    history.push(
      em.create(LaunchStatusChange, {
        launch,
        fromStatus,
        toStatus,
        reason,
        launchDate,
        changedBy: supplierEmail,
        changedAt,
      }),
    );
  const midway = new Date((createdAt.getTime() + Math.min(now.getTime(), launch.launchDate.getTime())) / 2);

  add(null, 'scheduled', createdAt, 'Launch published', launch.launchDate);
  if (status === 'confirmed' || status === 'launched')
    add('scheduled', 'confirmed', midway, 'Minimum passengers reached');
  if (status === 'launched') add('confirmed', 'launched', launch.launchDate, 'Lift-off');
  if (status === 'delayed') {
    const originalDate = new Date(launch.launchDate.getTime() - 21 * day);
    history[0]!.launchDate = originalDate;
    add(
      'scheduled',
      'delayed',
      midway,
      delayReasons[launch.missionName.length % delayReasons.length]!,
      launch.launchDate,
    );
  }
  if (status === 'aborted')
    add(
      'scheduled',
      'aborted',
      launch.launchDate < now ? launch.launchDate : midway,
      launch.launchDate < now ? 'weather' : 'technical',
    );
  return history;
}

interface Chance {
  random: () => number;
  between: (low: number, high: number) => number;
  pick: <T>(items: readonly T[]) => T;
}

/** Deterministic chance from a seed: the same demo world on every machine. */
function chance(seed: number): Chance {
  const random = mulberry32(seed);
  return {
    random,
    between: (low, high) => low + Math.floor(random() * (high - low + 1)),
    pick: (items) => items[Math.floor(random() * items.length)]!,
  };
}

/** A small, fast, seedable generator: the same demo world on every machine. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
