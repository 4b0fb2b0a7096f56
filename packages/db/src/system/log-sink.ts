import type { LogRecord, LogSink } from '@astro/logging';
import { logCollection } from './collections.ts';
import type { SystemOrm } from './orm.ts';

/** Log records go straight to the capped collection: no unit of work, no identity map, one insert per batch. */
export function systemLogSink(orm: SystemOrm): LogSink {
  const collection = logCollection(orm.em);
  return {
    async write(records: LogRecord[]) {
      await collection.insertMany(
        records.map((record) => ({ _id: crypto.randomUUID(), ...record })),
        { ordered: false },
      );
    },
  };
}
