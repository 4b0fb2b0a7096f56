import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, withCorrelation } from '@astro/logging';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import { LogEntry } from './log-entry.entity.ts';
import { systemLogSink } from './log-sink.ts';

describe('the System DB log sink', () => {
  let test: TestStores;

  beforeAll(async () => {
    test = await openTestStores();
  });
  afterAll(() => test.drop());

  it("keeps a child logger's lines with the request and correlation ids that stdout shows", async () => {
    const stdout: Record<string, unknown>[] = [];
    const log = createLogger({
      service: 'host',
      level: 'info',
      instance: 'host-1',
      write: (line) => stdout.push(JSON.parse(line) as Record<string, unknown>),
    });
    log.attachSink(systemLogSink(test.stores.system));
    withCorrelation({ correlationId: 'trace-7', requestId: 'req-7' }, () =>
      log.child('customer-api').info('Held seats', { seats: 2 }),
    );
    await log.flush();

    const line = {
      level: 'info',
      service: 'customer-api',
      instance: 'host-1',
      message: 'Held seats',
      correlationId: 'trace-7',
      requestId: 'req-7',
      fields: { seats: 2 },
    };
    expect(stdout).toEqual([{ ...line, at: expect.any(String) }]);
    const stored = await test.stores.system.em.fork().find(LogEntry, {});
    expect(stored).toEqual([expect.objectContaining({ ...line, at: new Date(String(stdout[0]?.['at'])) })]);
  });
});
