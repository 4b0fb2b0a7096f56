import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatusSample, statusSampleBuckets, type ComponentSample } from '@astro/db/system';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import { fieldsRefused } from '../../refusals.test-support.ts';
import { operatorCaller } from '../operator.test-support.ts';
import { historyStepFor } from './status.service.ts';

const now = new Date('2026-11-25T12:00:10Z');
const minutesAgo = (minutes: number) => new Date(Date.parse('2026-11-25T12:00:00Z') - minutes * 60_000);

const check = (component: string, latencyMs: number | null): ComponentSample => ({
  component,
  up: latencyMs !== null,
  latencyMs,
  problem: latencyMs === null ? 'connect ECONNREFUSED 127.0.0.1:1025' : null,
});

describe('ops.status.history', () => {
  let world: TestStores;
  const operator = () => operatorCaller(world, now);

  beforeAll(async () => {
    world = await openTestStores();
    const em = world.stores.system.em.fork();
    const sample = (at: Date, smtpMs: number | null, systemMs: number) =>
      em.create(StatusSample, {
        at,
        ...statusSampleBuckets(at),
        instance: 'jobs-1:42',
        components: [
          check('Operational DB', 2),
          check('Customer DB', 3),
          check('System DB', systemMs),
          check('SMTP server', smtpMs),
        ],
      });
    sample(minutesAgo(90), 9, 9); // before the last hour
    sample(minutesAgo(30), 4, 1.5);
    sample(minutesAgo(29.5), null, 2.5);
    sample(minutesAgo(29), 6, 4);
    // Every 30 s for the two days before, for the longer ranges.
    for (let at = minutesAgo(48 * 60).getTime(); at < minutesAgo(120).getTime(); at += 30_000)
      sample(new Date(at), 5, 5);
    await em.flush();
  });
  afterAll(() => world.drop());

  it("gives each component's checks of the last hour, oldest first, with how often it was down and how slow", async () => {
    const history = await operator().status.history();
    expect(history).toMatchObject({
      from: new Date(now.getTime() - 3_600_000).toISOString(),
      to: now.toISOString(),
      range: '1h',
      problem: null,
      everySeconds: 30,
    });
    expect(history.components.map((component) => component.component)).toEqual([
      'Operational DB',
      'Customer DB',
      'System DB',
      'SMTP server',
    ]);
    const smtp = history.components.find((component) => component.component === 'SMTP server')!;
    expect(smtp.checks).toEqual([
      { at: minutesAgo(30).toISOString(), up: true, latencyMs: 4, problem: null },
      {
        at: minutesAgo(29.5).toISOString(),
        up: false,
        latencyMs: null,
        problem: 'connect ECONNREFUSED 127.0.0.1:1025',
      },
      { at: minutesAgo(29).toISOString(), up: true, latencyMs: 6, problem: null },
    ]);
    expect(smtp.summary).toEqual({ checks: 3, down: 1, medianMs: 5, highestMs: 6 });
    const system = history.components.find((component) => component.component === 'System DB')!;
    expect(system.summary).toEqual({ checks: 3, down: 0, medianMs: 2.5, highestMs: 4 });
  });

  it('reads a longer range at a coarser spacing, so a week is a few hundred checks', async () => {
    const day = await operator().status.history({ range: '24h' });
    expect(day.everySeconds).toBe(300);
    // 12:00 back to 14:00 yesterday every 5 min, and the 12:00 – 11:30 checks that fall on one.
    expect(day.components[0]!.checks.map((each) => each.at)).toContain(minutesAgo(30).toISOString());
    expect(day.components[0]!.checks.every((each) => Date.parse(each.at) % 300_000 === 0)).toBe(true);

    const week = await operator().status.history({ range: '7d' });
    expect(week.everySeconds).toBe(3600);
    expect(week.components[0]!.checks).toHaveLength(46);
  });

  it('gives a custom range from the address, and no checks for a range before any were taken', async () => {
    const history = await operator().status.history({
      range: 'custom',
      from: '2026-11-20T10:00',
      to: '2026-11-20T11:00',
    });
    expect(history).toMatchObject({
      from: '2026-11-20T10:00:00.000Z',
      to: '2026-11-20T11:00:00.000Z',
      range: 'custom',
    });
    expect(history.components.every((component) => component.checks.length === 0)).toBe(true);
    expect(history.components[0]!.summary).toEqual({ checks: 0, down: 0, medianMs: null, highestMs: null });
  });

  it('shows the last hour, saying why, for a custom range that cannot be read', async () => {
    const history = await operator().status.history({
      range: 'custom',
      from: '2026-11-25T13:00',
      to: '2026-11-25T12:00',
    });
    expect(history).toMatchObject({ range: '1h', problem: 'The start of the range must be before its end.' });
  });

  it('refuses a range it does not offer with a message that says what to choose', async () => {
    const refusal = await operator()
      .status.history({ range: '3w' as never })
      .catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'BAD_REQUEST' });
    expect(fieldsRefused(refusal as never)).toEqual({ range: 'Choose one of the time ranges offered.' });
  });
});

describe('historyStepFor', () => {
  const hours = (count: number) => [new Date(0), new Date(count * 3_600_000)] as const;
  it.each([
    [1, 30],
    [6, 30],
    [24, 300],
    [60, 300],
    [7 * 24, 3600],
    [14 * 24, 3600],
  ])('reads %i hours at one check every %i s', (count, step) => {
    expect(historyStepFor(...hours(count))).toBe(step);
  });
});
