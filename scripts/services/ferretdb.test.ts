import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openSystemDb, type SystemOrm } from '@astro/db/system';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../test-support/free-port.ts';
import { startFerretDb } from './ferretdb.ts';

describe('the embedded FerretDB on PostgreSQL', () => {
  const database = `gate_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: inject('services').database });
  const backingUrl = new URL(inject('services').database);
  backingUrl.pathname = `/${database}`;
  let ferret: Awaited<ReturnType<typeof startFerretDb>>;
  let system: SystemOrm;

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`create database ${database}`);
    ferret = await startFerretDb({
      dataDir: await mkdtemp(join(tmpdir(), 'ferretdb-gate-')),
      port: await freePort(),
      postgresUrl: backingUrl.toString(),
      writeTimeoutMs: 1_000,
    });
    system = await openSystemDb(ferret.url, 'gate');
  });
  afterAll(async () => {
    await system?.close();
    await ferret?.stop();
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
  });

  it('fails a write that stalls past its time limit with MaxTimeMSExpired and lets the next writer through', async () => {
    // The driver the product uses, as MikroORM's connection hands it out.
    const db = system.em.getConnection().getDb();
    await db.collection('stalled').insertOne({ note: 'before' });
    await db.collection('bookings').insertOne({ note: 'before' });

    // FerretDB keeps each collection in a PostgreSQL table; a transaction holding that table's lock stalls every
    // write to the collection for as long as it lasts, as a stuck backend would.
    const backing = new pg.Client({ connectionString: backingUrl.toString() });
    await backing.connect();
    const { rows } = await backing.query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'gate' and table_name like 'stalled%'`,
    );
    await backing.query('begin');
    await backing.query(`lock table gate."${rows[0]!.table_name}" in access exclusive mode`);
    try {
      const started = performance.now();
      const stalled = db
        .collection('stalled')
        .insertOne({ note: 'stalled' })
        .then(
          () => null,
          (error: unknown) => ({ error, after: performance.now() - started }),
        );
      await new Promise((resolve) => setTimeout(resolve, 200));
      await db.collection('bookings').insertOne({ note: 'next' });
      const nextAfter = performance.now() - started;

      const failure = await stalled;
      expect(failure?.error).toMatchObject({ name: 'MongoServerError', code: 50, codeName: 'MaxTimeMSExpired' });
      expect((failure?.error as Error).message).toContain('time limit');
      expect(failure!.after).toBeGreaterThanOrEqual(900);
      expect(failure!.after).toBeLessThan(5_000);
      // The next writer went through once the stalled write was failed, while the table was still locked.
      expect(nextAfter).toBeLessThan(5_000);
    } finally {
      await backing.query('rollback');
      await backing.end();
    }
    // The client's connections still work.
    await db.collection('stalled').insertOne({ note: 'after' });
    expect(await db.collection('bookings').countDocuments()).toBe(2);
    expect(await db.collection('stalled').countDocuments({ note: 'after' })).toBe(1);
  });

  it('gives every collection an index that answers its lookups by _id', async () => {
    await system.em.getConnection().getDb().collection('launches').insertOne({ name: 'Artemis' });
    const backing = new pg.Client({ connectionString: backingUrl.toString() });
    await backing.connect();
    try {
      const { rows } = await backing.query<{ indexdef: string; tablename: string }>(
        `select tablename, indexdef from pg_indexes where schemaname = 'gate' and tablename like 'launches%'`,
      );
      expect(rows.map((row) => row.indexdef)).toContainEqual(
        expect.stringContaining(`USING gin (((_jsonb -> '_id'::text)))`),
      );
      // The query FerretDB sends for a lookup by _id.
      await backing.query('set enable_seqscan = off');
      const plan = await backing.query<{ 'QUERY PLAN': string }>(
        `explain select _jsonb from gate."${rows[0]!.tablename}" where _jsonb -> '_id' @> '"x"'::jsonb`,
      );
      expect(plan.rows.map((row) => row['QUERY PLAN']).join('\n')).toContain('Index Scan');
    } finally {
      await backing.end();
    }
  });
});
