/** Migrates every store and seeds the demo world into empty ones. `pnpm db:prepare` runs it against the configured URLs. */
import { loadConfig, type Config } from '@astro/config';
import { openStores, prepareStores } from '@astro/db';
import { hashPassword } from '@astro/auth';
import { demoPassword, seedDemoWorldWhenEmpty } from '@astro/db/seed';

export async function prepareDatabases(config: Config, options: { seed: boolean }): Promise<string[]> {
  const stores = await openStores(config);
  const said: string[] = [];
  try {
    const { migrations, bookingsReplayed } = await prepareStores(stores);
    said.push(
      migrations.length > 0
        ? `Applied migrations: ${migrations.join(', ')}`
        : 'The Operational DB schema is up to date.',
    );
    if (bookingsReplayed > 0)
      said.push(`Rebuilt the status history of ${bookingsReplayed} bookings; the sync replays them to their copies.`);
    if (options.seed) {
      const outcome = await seedDemoWorldWhenEmpty(stores, new Date(), {
        passwordHash: await hashPassword(demoPassword),
      });
      said.push(
        outcome.seeded
          ? `Seeded the demo world: ${Object.entries(outcome.report)
              .map(([what, count]) => `${count} ${what}`)
              .join(', ')}.`
          : `Demo data not seeded: ${outcome.reason}`,
      );
    }
  } finally {
    await stores.close();
  }
  return said;
}

if (import.meta.main) {
  const lines = await prepareDatabases(loadConfig(), { seed: !process.argv.includes('--no-seed') });
  for (const line of lines) console.log(line);
}
