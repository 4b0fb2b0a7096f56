import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatusSample, type ComponentSample } from '@astro/db/system';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import { fieldsRefused } from '../../refusals.test-support.ts';
import { operatorCaller } from '../operator.test-support.ts';

const now = new Date('2026-11-25T12:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

const check = (component: string, latencyMs: number | null): ComponentSample => ({
  component,
  up: latencyMs !== null,
  latencyMs,
  problem: latencyMs === null ? 'connect ECONNREFUSED 127.0.0.1:1025' : null,
});

describe('ops.status.history', () => {
  let world: TestStores;
  const operator = () => operatorCaller(world, now);
  const lastHour = { from: minutesAgo(60).toISOString(), to: now.toISOString() };

  beforeAll(async () => {
    world = await openTestStores();
    const em = world.stores.system.em.fork();
    const sample = (at: Date, smtpMs: number | null, systemMs: number) =>
      em.create(StatusSample, {
        at,
        instance: 'jobs-1:42',
        components: [
          check('Operational DB', 2),
          check('Customer DB', 3),
          check('System DB', systemMs),
          check('SMTP server', smtpMs),
        ],
      });
    sample(minutesAgo(90), 9, 9); // before the hour
    sample(minutesAgo(30), 4, 1.5);
    sample(minutesAgo(29.5), null, 2.5);
    sample(minutesAgo(29), 6, 4);
    await em.flush();
  });
  afterAll(() => world.drop());

  it("gives each component's checks in the range, oldest first, with how often it was down and how slow", async () => {
    const history = await operator().status.history(lastHour);
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

  it('gives the last hour when asked for no range', async () => {
    const history = await operator().status.history();
    expect(history).toMatchObject(lastHour);
    expect(history.components[3]!.checks).toHaveLength(3);
  });

  it('gives a component no checks for a range before any were taken', async () => {
    const history = await operator().status.history({
      from: minutesAgo(300).toISOString(),
      to: minutesAgo(240).toISOString(),
    });
    expect(history.components.every((component) => component.checks.length === 0)).toBe(true);
    expect(history.components[0]!.summary).toEqual({ checks: 0, down: 0, medianMs: null, highestMs: null });
  });

  it.each([
    [{ from: now.toISOString(), to: minutesAgo(60).toISOString() }, { to: 'The start must be before the end.' }],
    [
      { from: minutesAgo(25 * 60).toISOString(), to: now.toISOString() },
      { from: 'Choose at most 24 hours of history.' },
    ],
    [
      { from: 'yesterday', to: now.toISOString() },
      { from: 'Enter the start as a date and time, like 2026-11-25T12:00:00Z.' },
    ],
  ])('refuses the range %j with a message that says what to change', async (range, fields) => {
    const refusal = await operator()
      .status.history(range)
      .catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'BAD_REQUEST' });
    expect(fieldsRefused(refusal as never)).toEqual(fields);
  });
});
