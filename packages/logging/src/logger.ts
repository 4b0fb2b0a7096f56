/** The one logger: pino's JSON lines on stdout, and the same lines in batches to a sink (the System DB). */
import { hostname } from 'node:os';
import pino from 'pino';
import { currentCorrelation } from './correlation.ts';
import { sinkStream, type LogSink, type SinkStream } from './sink-stream.ts';

export const logLevels = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof logLevels)[number];

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
  /** Where the JSON lines go, one line (without its newline) per call; tests pass their own. */
  write?: (line: string) => void;
  flushIntervalMs?: number;
}

export function createLogger(options: LoggerOptions): RootLogger {
  const instance = options.instance ?? `${hostname()}:${process.pid}`;
  const { write } = options;
  const stdout: pino.DestinationStream = write ? { write: (line) => write(line.slice(0, -1)) } : pino.destination(1);
  // The line every record becomes, in the shape the System DB's `logs` collection keeps.
  const shape = {
    level: options.level,
    messageKey: 'message',
    base: { instance },
    timestamp: () => `,"at":"${new Date().toISOString()}"`,
    formatters: { level: (label: string) => ({ level: label }) },
  } satisfies pino.LoggerOptions;
  const streams = pino.multistream([{ level: options.level, stream: stdout }]);
  const root = pino(
    {
      ...shape,
      // Loggers are handed out when the host is composed, not per request: a line takes the ids of the request or
      // job run it is written in.
      mixin: () => {
        const ids = currentCorrelation();
        return { correlationId: ids?.correlationId ?? null, requestId: ids?.requestId ?? null };
      },
    },
    streams,
  );
  let sink: SinkStream | null = null;

  function loggerFor(service: string): Logger {
    // A child of the root, never of another child, so a line names one service.
    const target = root.child({ service });
    const at =
      (level: LogLevel) =>
      (message: string, fields?: Record<string, unknown>): void =>
        target[level]({ fields: fields && Object.keys(fields).length > 0 ? serializable(fields) : null }, message);
    return {
      debug: at('debug'),
      info: at('info'),
      warn: at('warn'),
      error: at('error'),
      child: loggerFor,
    };
  }

  const log = loggerFor(options.service);
  // Said only on stdout: the store it would go to is the one failing.
  const stdoutOnly = pino({ ...shape, base: { instance, service: options.service } }, stdout);
  return {
    ...log,
    attachSink(next) {
      sink = sinkStream(
        next,
        {
          unreachable: (error) =>
            stdoutOnly.warn(
              { fields: { error: String(error) } },
              'The log store is unreachable; buffering log records',
            ),
          dropped: (count) =>
            log.warn('Log records were dropped while the log store was unreachable', { dropped: count }),
        },
        options.flushIntervalMs ?? 500,
      );
      streams.add({ level: options.level, stream: sink });
    },
    flush: () => sink?.flush() ?? Promise.resolve(),
  };
}

/** Errors become plain objects so their message and stack survive JSON and BSON; keys become valid BSON names. */
function serializable(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key.replace(/^\$/, '_').replaceAll('.', '_')] =
      value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
  }
  return out;
}
