import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatusSample } from '@astro/db/system';
import { createLogger } from '@astro/logging';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import { unfenced } from '../scheduler.ts';
import { statusSamplesJob } from './status-samples.job.ts';

const now = new Date('2026-11-25T12:00:00Z');

describe('the status samples job', () => {
  let test: TestStores;
  beforeAll(async () => {
    test = await openTestStores();
  });
  afterAll(() => test.drop());

  it('keeps one check of every component, and warns of each one that is down', async () => {
    const lines: Record<string, unknown>[] = [];
    const log = createLogger({
      service: 'test',
      level: 'info',
      write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>),
    });
    const job = statusSamplesJob(
      test.stores.system,
      async () => [
        { component: 'System DB', target: 'MongoDB 127.0.0.1:27027/system', up: true, latencyMs: 1.5, problem: null },
        { component: 'SMTP server', target: 'SMTP 127.0.0.1:1025', up: false, latencyMs: null, problem: 'timeout' },
      ],
      'jobs-1:42',
    );

    expect(await job.run({ log, now: () => now, fence: unfenced })).toEqual({ down: 1 });

    const [sample, ...others] = await test.stores.system.em.fork().find(StatusSample, {});
    expect(others).toEqual([]);
    expect(sample).toMatchObject({
      at: now,
      // 12:00:00 is on the hour: the check is in the 5-minute and the hourly series too.
      hour: '2026-11-25T12',
      day: '2026-11-25',
      month: '2026-11',
      instance: 'jobs-1:42',
      components: [
        { component: 'System DB', up: true, latencyMs: 1.5, problem: null },
        { component: 'SMTP server', up: false, latencyMs: null, problem: 'timeout' },
      ],
    });
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'warn',
        message: 'SMTP server is down',
        fields: { component: 'SMTP server', problem: 'timeout' },
      }),
    ]);
  });
});
