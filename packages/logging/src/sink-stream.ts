/** The pino stream that copies each log line, in batches, to a sink (the System DB), riding out its outages. */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DestinationStream } from 'pino';
import type { LogLevel } from './logger.ts';

/** One log line as the sink stores it: the stdout line's fields, with its time as a date. */
export interface LogRecord {
  at: Date;
  level: LogLevel;
  service: string;
  instance: string;
  message: string;
  correlationId: string | null;
  requestId: string | null;
  fields: Record<string, unknown> | null;
}

export interface LogSink {
  write(records: LogRecord[]): Promise<void>;
}

export interface SinkStream extends DestinationStream {
  /** Writes whatever is buffered. */
  flush(): Promise<void>;
}

export interface SinkEvents {
  /** The sink failed after it last worked (said once per outage). */
  unreachable(error: unknown): void;
  /** The sink works again after `count` records had to be dropped. */
  dropped(count: number): void;
}

/** While the sink is unreachable, keep this many records and drop the oldest beyond it. */
const maxBuffered = 5_000;
const batchSize = 500;

export function sinkStream(sink: LogSink, events: SinkEvents, flushIntervalMs: number): SinkStream {
  let buffer: LogRecord[] = [];
  let dropped = 0;
  let flushing: Promise<void> | null = null;
  let failing = false;

  // A batch holds many requests' lines and belongs to none of them: it is written in the context the sink was made
  // in, so its writes are never counted as the work of the request whose line happened to fill it.
  const outsideRequests = AsyncLocalStorage.snapshot();
  const timer = setInterval(() => void flush(), flushIntervalMs);
  timer.unref();

  async function flushOnce(): Promise<void> {
    while (buffer.length > 0) {
      const batch = buffer.slice(0, batchSize);
      try {
        await sink.write(batch);
      } catch (error) {
        if (!failing) events.unreachable(error);
        failing = true;
        return;
      }
      buffer = buffer.slice(batch.length);
      failing = false;
      if (dropped > 0) {
        const lost = dropped;
        dropped = 0;
        events.dropped(lost);
      }
    }
  }

  function flush(): Promise<void> {
    flushing ??= outsideRequests(flushOnce).finally(() => {
      flushing = null;
    });
    return flushing;
  }

  return {
    write(line) {
      // The line pino wrote to stdout, so the sink keeps exactly what stdout shows.
      const { at, ...rest } = JSON.parse(line) as Omit<LogRecord, 'at'> & { at: string };
      buffer.push({ at: new Date(at), ...rest });
      if (buffer.length > maxBuffered) {
        dropped += buffer.length - maxBuffered;
        buffer = buffer.slice(-maxBuffered);
      }
      if (buffer.length >= batchSize) void flush();
    },
    flush,
  };
}
