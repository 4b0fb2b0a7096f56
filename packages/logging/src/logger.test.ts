import { describe, expect, it } from 'vitest';
import { withCorrelation } from './correlation.ts';
import { createLogger } from './logger.ts';
import type { LogRecord } from './sink-stream.ts';

function capture() {
  const lines: Record<string, unknown>[] = [];
  return { lines, write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) };
}

describe('logger', () => {
  it('writes one JSON line per record with the request and correlation ids of the current request', () => {
    const out = capture();
    const log = createLogger({ service: 'host', level: 'info', write: out.write });
    withCorrelation({ correlationId: 'corr-1', requestId: 'req-1' }, () =>
      log.child('customer-api').info('Listed launches', { count: 3 }),
    );
    expect(out.lines).toEqual([
      expect.objectContaining({
        level: 'info',
        service: 'customer-api',
        message: 'Listed launches',
        correlationId: 'corr-1',
        requestId: 'req-1',
        fields: { count: 3 },
      }),
    ]);
  });

  it('leaves out records below the configured level', () => {
    const out = capture();
    const log = createLogger({ service: 'host', level: 'warn', write: out.write });
    log.info('not shown');
    log.error('shown');
    expect(out.lines.map((line) => line['message'])).toEqual(['shown']);
  });

  it('keeps records while the sink fails and delivers them once it recovers', async () => {
    const out = capture();
    const log = createLogger({ service: 'host', level: 'info', write: out.write, flushIntervalMs: 60_000 });
    const delivered: LogRecord[] = [];
    let up = false;
    log.attachSink({
      async write(records) {
        if (!up) throw new Error('connection refused');
        delivered.push(...records);
      },
    });
    log.info('first');
    await log.flush();
    expect(delivered).toEqual([]);
    expect(out.lines.at(-1)).toMatchObject({
      level: 'warn',
      message: 'The log store is unreachable; buffering log records',
    });
    up = true;
    log.info('second');
    await log.flush();
    expect(delivered.map((record) => record.message)).toEqual(['first', 'second']);
  });

  it('turns errors into plain fields that survive serialisation', () => {
    const out = capture();
    const log = createLogger({ service: 'host', level: 'info', write: out.write });
    log.error('Request failed', { error: new Error('boom') });
    expect(out.lines[0]?.['fields']).toMatchObject({ error: { name: 'Error', message: 'boom' } });
  });
});
