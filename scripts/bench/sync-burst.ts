/**
 * The sync benchmark's burst of changes, made the way the product makes them: launch edits through the Supplier
 * API (each commits its outbox message in the same transaction) and booking changes through changeBooking (each
 * marks its booking for the booking relay), on the seeded demo world.
 */
import { createSupplierContext, supplierRouter } from '@astro/api';
import type { Stores } from '@astro/db';
import { Booking, changeBooking } from '@astro/db/customer';
import { Launch } from '@astro/db/operational';
import { relayBookingChanges, relayOperationalOutbox } from '@astro/jobs';
import { createLogger } from '@astro/logging';
import { inTurns } from './in-turns.ts';

export interface Burst {
  launchEdits: number;
  bookingChanges: number;
  /** How many launches and bookings the changes were spread over. */
  launches: number;
  bookings: number;
  /** Pushing the changes and relaying them into the System DB's sync messages. */
  seconds: number;
}

/** Booking changes sent at once: each is one write through FerretDB's one-write-at-a-time gate anyway. */
const bookingChangesAtOnce = 4;
/**
 * Launches edited at once. An edit holds a pooled connection for its transaction and takes a second one for
 * its occupancy query, so edits at once must stay well below the Operational DB pool's 10 connections.
 */
const launchesAtOnce = 4;
const quiet = createLogger({ service: 'bench-sync', level: 'error', write: () => {} });

/** Runs both relays, as their jobs do, until neither finds anything left; how many messages they recorded. */
export async function relayEverything(stores: Stores): Promise<number> {
  let recorded = 0;
  for (;;) {
    const now = new Date();
    const relayed =
      (await relayOperationalOutbox(stores.operational, stores.system, now)) +
      (await relayBookingChanges(stores.customer, stores.system, now));
    if (relayed === 0) return recorded;
    recorded += relayed;
  }
}

/** The `index`-th of `parts` nearly equal shares of `total`. */
const share = (total: number, index: number, parts: number) =>
  Math.floor((total * (index + 1)) / parts) - Math.floor((total * index) / parts);

/**
 * Half the changes edit launches, half change bookings. They go in rounds that change each booking at most
 * once, and both relays run after every round, as their jobs would between changes: the booking relay records
 * only a booking's latest version, so a booking changed twice before it is relayed would make one message.
 */
export async function pushBurst(stores: Stores, changes: number): Promise<Burst> {
  const now = new Date();
  const launches = await stores.operational.em
    .fork()
    .find(
      Launch,
      { status: 'scheduled', launchDate: { $gt: now }, rocket: { active: true } },
      { populate: ['rocket'], orderBy: { launchDate: 'asc' } },
    );
  const bookings = await stores.customer.em
    .fork()
    .find(Booking, {}, { fields: ['id', 'passengers'], orderBy: { createdAt: 'asc', id: 'asc' } });
  if (launches.length === 0 || bookings.length === 0) throw new Error('The seeded world has nothing to change.');
  const launchEdits = Math.floor(changes / 2);
  const bookingChanges = changes - launchEdits;
  const rounds = Math.max(1, Math.ceil(bookingChanges / bookings.length));
  const editsMade = new Map(launches.map((launch) => [launch.id, 0]));

  /** A supplier raising the seat price by a dollar, the way the supplier portal's edit form sends it. */
  const editLaunch = async (launch: Launch) => {
    const edits = editsMade.get(launch.id)! + 1;
    editsMade.set(launch.id, edits);
    const supplier = supplierRouter.createCaller(
      createSupplierContext({
        operational: stores.operational,
        system: stores.system,
        log: quiet,
        viewer: {
          userId: 'bench-sync',
          name: 'Sync benchmark',
          email: 'bench-sync@astrobookings.example',
          roles: ['supplier'],
          agencyId: launch.agency.id,
        },
      }),
    );
    await supplier.launches.edit({
      launchId: launch.id,
      rocketId: launch.rocket.id,
      missionName: launch.missionName,
      destination: launch.destination,
      spaceport: launch.spaceport,
      launchDate: launch.launchDate,
      pricePerSeatCents: launch.pricePerSeatCents + edits * 100,
      minimumPassengers: launch.minimumPassengers,
    });
  };

  /** A correction of the lead passenger's name (its case, back and forth), which the booking copy must carry. */
  const changeLeadPassenger = async (booking: Pick<Booking, 'id' | 'passengers'>, round: number) => {
    const [lead, ...others] = booking.passengers;
    const name = round % 2 === 0 ? lead!.name.toUpperCase() : lead!.name;
    const changed = await changeBooking(
      stores.customer.em.fork(),
      { _id: booking.id },
      { set: { passengers: [{ ...lead!, name }, ...others] } },
      new Date(),
    );
    if (!changed) throw new Error(`Booking ${booking.id} could not be changed.`);
  };

  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    const edits = share(launchEdits, round, rounds);
    const first = Math.floor((round * bookings.length) / rounds);
    // One launch's edits go one after another: two edits of one launch at once would race for its version.
    const launchWork = inTurns(
      launches.map((launch, index) => async () => {
        for (let edit = index; edit < edits; edit += launches.length) await editLaunch(launch);
      }),
      launchesAtOnce,
    );
    const bookingWork = inTurns(
      Array.from({ length: share(bookingChanges, round, rounds) }, (_, n) => () => {
        const booking = bookings[(first + n) % bookings.length]!;
        return changeLeadPassenger(booking, round);
      }),
      bookingChangesAtOnce,
    );
    await Promise.all([launchWork, bookingWork]);
    await relayEverything(stores);
  }
  return {
    launchEdits,
    bookingChanges,
    launches: launches.length,
    bookings: bookings.length,
    seconds: (performance.now() - started) / 1000,
  };
}
