/** Writes the next Operational DB migration from the difference between the entities and the last snapshot. */
import { MikroORM } from '@mikro-orm/postgresql';
import { operationalConfig } from './orm.ts';

const url = process.env['DATABASE_URL'];
if (!url) {
  console.error(
    'Set DATABASE_URL to an empty scratch database; the migration is diffed against the committed snapshot.',
  );
  process.exit(1);
}
const orm = await MikroORM.init(operationalConfig(url));
try {
  const result = await orm.migrator.create();
  console.log(result.fileName ? `Wrote ${result.fileName}` : 'No changes: the entities match the last migration.');
} finally {
  await orm.close();
}
