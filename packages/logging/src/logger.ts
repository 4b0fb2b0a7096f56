/** The one logger: JSON lines on stdout, and the same records in batches to a sink (the System DB). */
import { hostname } from 'node:os';
import { currentCorrelation } from './correlation.ts';

export const logLevels = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof logLevels)[number];

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

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** A logger for one part of the system ("customer-api", "jobs") that shares this one's output. */
  child(service: string): Logger;
}

export interface RootLogger extends Logger {
  /** Starts copying records to the sink; until then they only reach stdout. */
  attachSink(sink: LogSink): void;
  /** Writes whatever is buffered; call before the process exits. */
  flush(): Promise<void>;
}

export interface LoggerOptions {
  service: string;
  level: LogLevel;
  instance?: string;
  /** Where the JSON lines go; tests pass their own. */
  write?: (line: string) => void;
  flushIntervalMs?: number;
}

/** While the sink is unreachable, keep this many records and drop the oldest beyond it. */
const maxBuffered = 5_000;
const batchSize = 500;

export function createLogger(options: LoggerOptions): RootLogger {
  const instance = options.instance ?? `${hostname()}:${process.pid}`;
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const threshold = logLevels.indexOf(options.level);
  let sink: LogSink | null = null;
  let buffer: LogRecord[] = [];
  let dropped = 0;
  let flushing: Promise<void> | null = null;
  let sinkFailing = false;

  const timer = setInterval(() => void flush(), options.flushIntervalMs ?? 500);
  timer.unref();

  function emit(service: string, level: LogLevel, message: string, fields?: Record<string, unknown>) {
    if (logLevels.indexOf(level) < threshold) return;
    const ids = currentCorrelation();
    const record: LogRecord = {
      at: new Date(),
      level,
      service,
      instance,
      message,
      correlationId: ids?.correlationId ?? null,
      requestId: ids?.requestId ?? null,
      fields: fields && Object.keys(fields).length > 0 ? serializable(fields) : null,
    };
    write(JSON.stringify({ ...record, at: record.at.toISOString() }));
    if (!sink) return;
    buffer.push(record);
    if (buffer.length > maxBuffered) {
      dropped += buffer.length - maxBuffered;
      buffer = buffer.slice(-maxBuffered);
    }
    if (buffer.length >= batchSize) void flush();
  }

  async function flushOnce(): Promise<void> {
    while (sink && buffer.length > 0) {
      const batch = buffer.slice(0, batchSize);
      try {
        await sink.write(batch);
        buffer = buffer.slice(batch.length);
        if (sinkFailing || dropped > 0) {
          const lost = dropped;
          sinkFailing = false;
          dropped = 0;
          if (lost > 0)
            emit(options.service, 'warn', 'Log records were dropped while the log store was unreachable', {
              dropped: lost,
            });
        }
      } catch (error) {
        if (!sinkFailing) {
          sinkFailing = true;
          // Said once per outage, and only on stdout: the store it would go to is the one failing.
          write(
            JSON.stringify({
              at: new Date().toISOString(),
              level: 'warn',
              service: options.service,
              instance,
              message: 'The log store is unreachable; buffering log records',
              fields: { error: String(error) },
            }),
          );
        }
        return;
      }
    }
  }

  function flush(): Promise<void> {
    flushing ??= flushOnce().finally(() => {
      flushing = null;
    });
    return flushing;
  }

  function loggerFor(service: string): Logger {
    return {
      debug: (message, fields) => emit(service, 'debug', message, fields),
      info: (message, fields) => emit(service, 'info', message, fields),
      warn: (message, fields) => emit(service, 'warn', message, fields),
      error: (message, fields) => emit(service, 'error', message, fields),
      child: (child) => loggerFor(child),
    };
  }

  return {
    ...loggerFor(options.service),
    attachSink(next) {
      sink = next;
    },
    flush,
  };
}

/** Errors become plain objects so their message and stack survive JSON and BSON. */
function serializable(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key.replace(/^\$/, '_').replaceAll('.', '_')] =
      value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
  }
  return out;
}
