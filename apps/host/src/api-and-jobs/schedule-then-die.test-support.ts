/**
 * A host that dies at the worst moment: it schedules a launch (the change and its outbox message commit
 * together) and is killed before anything relays the message. Run by outbox-relay.test.ts as a child process.
 */
import { createSupplierContext, supplierRouter } from '@astro/api';
import { openOperationalDb } from '@astro/db/operational';
import { openSystemDb } from '@astro/db/system';
import { createLogger } from '@astro/logging';

const env = (name: string) => process.env[name] ?? '';
const [operational, system] = await Promise.all([
  openOperationalDb(env('DATABASE_URL')),
  openSystemDb(env('MONGO_URL'), env('SYSTEM_DB_NAME')),
]);
const supplier = supplierRouter.createCaller(
  createSupplierContext({
    operational,
    system,
    log: createLogger({ service: 'doomed-host', level: 'error', write: () => {} }),
    viewer: {
      userId: 'doomed',
      name: 'Doomed',
      email: 'doomed@example.com',
      roles: ['supplier'],
      agencyId: env('AGENCY_ID'),
    },
  }),
);
const { id } = await supplier.launches.schedule({
  rocketId: env('ROCKET_ID'),
  missionName: 'Last Words',
  destination: 'suborbital',
  spaceport: 'Spaceport America',
  launchDate: new Date(Date.now() + 90 * 86_400_000),
  pricePerSeatCents: 99_000_00,
  minimumPassengers: 1,
});
process.stdout.write(`${id}\n`);
process.kill(process.pid, 'SIGKILL');
