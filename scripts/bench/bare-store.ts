/**
 * The limit the booking, sync and e-mail benchmarks are held against: the product's one conditional seat update
 * (take a seat if one is left) alone, in a bare driver loop through the write gate, with no host, ORM, tRPC or job
 * in between. It is what the store itself manages on this machine, so a figure beside it, measured in the same run,
 * says how much of the store the product's own path uses.
 */
import { MongoClient } from 'mongodb';
import { rate } from './figures.ts';

export interface BareWrites {
  writes: number;
  seconds: number;
  /** Conditional updates per second, as a table cell. */
  perSecond: string;
}

/** A scratch database of its own, so the product's data is never touched. */
const scratch = 'bench_bare_store';

export async function bareConditionalUpdates(
  mongoUrl: string,
  options: { seconds?: number; concurrency?: number; launches?: number } = {},
): Promise<BareWrites> {
  const { seconds = 10, concurrency = 32, launches = 64 } = options;
  const client = await MongoClient.connect(mongoUrl, { maxPoolSize: concurrency });
  try {
    const db = client.db(scratch);
    await db.dropDatabase();
    const seats = db.collection<{ _id: number; seatsLeft: number }>('launch_seats');
    await seats.insertMany(Array.from({ length: launches }, (_, n) => ({ _id: n, seatsLeft: 1_000_000_000 })));
    let writes = 0;
    const started = performance.now();
    const until = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async (_, loop) => {
        for (let n = loop; performance.now() < until; n += concurrency) {
          const result = await seats.updateOne(
            { _id: n % launches, seatsLeft: { $gte: 1 } },
            { $inc: { seatsLeft: -1 } },
          );
          writes += result.modifiedCount;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    await db.dropDatabase();
    return { writes, seconds: elapsed, perSecond: rate(writes, elapsed) };
  } finally {
    await client.close();
  }
}

/** "12.5 %": a figure as a share of the bare rate, for the line that holds it against its goal. */
export function shareOf(perSecond: number, bare: BareWrites): string {
  const bareRate = bare.writes / bare.seconds;
  return bareRate > 0 ? `${((100 * perSecond) / bareRate).toFixed(1)} %` : '–';
}

if (import.meta.main) {
  const url = process.argv[2];
  if (!url) {
    console.log('Usage: pnpm exec node scripts/bench/bare-store.ts mongodb://127.0.0.1:<port>/');
    process.exit(2);
  }
  const bare = await bareConditionalUpdates(url);
  console.log(
    `bare conditional updates through the gate: ${bare.perSecond}/s (${bare.writes} in ${bare.seconds.toFixed(1)} s)`,
  );
}
