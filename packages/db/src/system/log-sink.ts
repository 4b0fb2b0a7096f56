import type { LogRecord, LogSink } from '@astro/logging';
import { LogEntry } from './log-entry.entity.ts';
import type { SystemOrm } from './orm.ts';

/** Log records go straight to the capped collection: no unit of work, no identity map, one insert per batch. */
export function systemLogSink(orm: SystemOrm): LogSink {
  const collection = orm.em
    .getConnection()
    .getDb()
    .collection<LogRecord & { _id: string }>(orm.getMetadata().get(LogEntry).collection);
  return {
    async write(records: LogRecord[]) {
      await collection.insertMany(
        records.map((record) => ({ _id: crypto.randomUUID(), ...record })),
        { ordered: false },
      );
    },
  };
}
