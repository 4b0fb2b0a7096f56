import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openSystemDb, type SystemOrm } from '@astro/db/system';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../test-support/free-port.ts';
import { startFerretDb } from './ferretdb.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const settled = <T>(promise: Promise<T>) => Promise.allSettled([promise]).then(([outcome]) => outcome!);

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

  /** The PostgreSQL table FerretDB keeps a collection of the `gate` database in. */
  async function tableOf(backing: pg.Client, collection: string): Promise<string> {
    const { rows } = await backing.query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'gate' and table_name like $1`,
      [`${collection}%`],
    );
    return `gate."${rows[0]!.table_name}"`;
  }

  it('aborts a write that stalls in PostgreSQL, applying none of it, and lets the next writer through', async () => {
    // The driver the product uses, as MikroORM's connection hands it out.
    const db = system.em.getConnection().getDb();
    await db.collection('stalled').insertOne({ note: 'before' });
    await db.collection('bookings').insertOne({ note: 'before' });

    // A transaction holding a table's lock stalls every write to its collection for as long as it lasts, as a
    // stuck backend would.
    const backing = new pg.Client({ connectionString: backingUrl.toString() });
    await backing.connect();
    await backing.query('begin');
    await backing.query(`lock table ${await tableOf(backing, 'stalled')} in access exclusive mode`);
    try {
      const started = performance.now();
      const stalled = db
        .collection('stalled')
        .insertOne({ note: 'stalled' })
        .then(
          () => null,
          (error: unknown) => ({ error, after: performance.now() - started }),
        );
      await sleep(200);
      await db.collection('bookings').insertOne({ note: 'next' });
      const nextAfter = performance.now() - started;

      // PostgreSQL aborts the statement after 900 ms (FerretDB then answers with its error), or the gate fails the
      // write at its 1 s time limit and keeps other writers out until FerretDB has ended it, within 2 s.
      const failure = await stalled;
      expect(failure?.error).toMatchObject({ name: 'MongoServerError' });
      expect(failure!.after).toBeGreaterThanOrEqual(850);
      expect(failure!.after).toBeLessThan(1_500);
      // The next writer went through while the table was still locked.
      expect(nextAfter).toBeLessThan(2_500);
      // The lock is held until FerretDB has given the write up for good (its one-by-one retry of the insert is
      // aborted by 1.8 s too): what the client was told failed applies nothing.
      await sleep(2_000 - (performance.now() - started));
    } finally {
      await backing.query('rollback');
      await backing.end();
    }
    // The client's connections still work.
    await db.collection('stalled').insertOne({ note: 'after' });
    expect(await db.collection('bookings').countDocuments()).toBe(2);
    expect(await db.collection('stalled').countDocuments({ note: 'after' })).toBe(1);
    expect(await db.collection('stalled').countDocuments({ note: 'stalled' })).toBe(0);
  });

  it('sells the last seat once when a stalled seat update and the next identical one race', async () => {
    const launches = system.em
      .getConnection()
      .getDb()
      .collection<{ _id: string; seatsLeft: number; holders: string[] }>('launches');
    await launches.insertOne({ _id: 'last-seat', seatsLeft: 1, holders: [] });
    const takeSeat = (holder: string) =>
      launches.updateOne(
        { _id: 'last-seat', seatsLeft: { $gte: 1 } },
        { $inc: { seatsLeft: -1 }, $push: { holders: holder } },
      );

    const backing = new pg.Client({ connectionString: backingUrl.toString() });
    await backing.connect();
    const table = await tableOf(backing, 'launches');
    // Every write of the launch's row that PostgreSQL commits, counted by the database itself.
    await backing.query(`
      create table seat_writes (seats_left numeric);
      create function count_seat_write() returns trigger language plpgsql as $$
      begin insert into seat_writes values ((new._jsonb ->> 'seatsLeft')::numeric); return new; end $$;
      create trigger count_seat_write after update on ${table} for each row execute function count_seat_write();
    `);
    try {
      // FerretDB reads the launch unhindered, then its write of the row waits for this lock.
      await backing.query('begin');
      await backing.query(`select 1 from ${table} where _jsonb -> '_id' @> '"last-seat"' for update`);
      const stalled = settled(takeSeat('stalled'));
      await sleep(200);
      const next = settled(takeSeat('next'));
      // The lock outlives the stalled update's time limit (1 s), not the next writer's.
      const stalledOutcome = await stalled;
      await sleep(200);
      await backing.query('rollback');

      expect(await next).toMatchObject({ status: 'fulfilled', value: { modifiedCount: 1 } });
      expect(stalledOutcome.status).toBe('rejected');
      const { rows } = await backing.query<{ seats_left: string }>('select seats_left from seat_writes');
      expect(rows.map((row) => Number(row.seats_left))).toEqual([0]);
      expect(await launches.findOne({ _id: 'last-seat' })).toMatchObject({ seatsLeft: 0, holders: ['next'] });
    } finally {
      await backing.end();
    }
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
