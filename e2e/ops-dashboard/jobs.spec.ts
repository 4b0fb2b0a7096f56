import { expect, test, type Page } from '@playwright/test';
import { demoAccounts, signInAt } from '../support/sign-in.ts';
import { loadAndHydrate, query, serverHtml } from '../support/server-rendered.ts';

interface Job {
  name: string;
  paused: object | null;
  runs: { trigger: 'schedule' | 'manual'; startedAt: string }[];
}
const jobNamed = async (page: Page, name: string) =>
  (await query<Job[]>(page.request, '/api/ops/jobs.list')).find((job) => job.name === name)!;
const rowOf = (page: Page, name: string) =>
  page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}\\b`) }) });

test('the jobs arrive from the server, and a job run now shows its run', async ({ page }) => {
  await signInAt(page, '/ops/jobs', demoAccounts.operator);
  const html = await serverHtml(page.request, '/ops/jobs');
  expect(html).toContain('auth-cleanup');
  expect(html).toContain('Every 5 seconds');

  await loadAndHydrate(page, '/ops/jobs');
  await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible();
  const asked = (await jobNamed(page, 'auth-cleanup')).runs.filter((run) => run.trigger === 'manual').length;
  await page.getByRole('button', { name: 'Run now: auth-cleanup' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Asked for a run of auth-cleanup' })).toBeVisible();

  // A scheduler instance picks the request up within seconds; the page shows the run once refreshed.
  await expect
    .poll(async () => (await jobNamed(page, 'auth-cleanup')).runs.filter((run) => run.trigger === 'manual').length, {
      timeout: 15_000,
    })
    .toBe(asked + 1);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(rowOf(page, 'auth-cleanup')).toContainText('Run now on');
  await expect(rowOf(page, 'auth-cleanup')).toContainText('Succeeded');
});

test('a paused job is not run on its timetable until it is resumed', async ({ page }) => {
  const job = 'waiting-list-offers';
  await signInAt(page, '/ops/jobs', demoAccounts.operator);
  await loadAndHydrate(page, '/ops/jobs');
  await page.getByRole('button', { name: `Pause ${job}` }).click();
  await expect(page.getByRole('heading', { name: `Pause ${job}?` })).toBeFocused();
  await page.getByLabel('Reason').fill('Checking the offers by hand');
  await page.getByRole('button', { name: `Yes, pause ${job}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Paused ${job}` })).toBeVisible();
  await expect(rowOf(page, job)).toContainText('Paused');
  await expect(rowOf(page, job)).toContainText('Checking the offers by hand');

  try {
    // Its timetable says every 5 seconds: a run in progress when it was paused may still finish, and then none.
    await page.waitForTimeout(6_000);
    const before = (await jobNamed(page, job)).runs[0]?.startedAt;
    await page.waitForTimeout(7_000);
    expect((await jobNamed(page, job)).runs[0]?.startedAt).toBe(before);
  } finally {
    // Leave the system as found, whatever the assertions said.
    await page.getByRole('button', { name: `Resume ${job}` }).click();
    await expect(page.getByRole('status').filter({ hasText: `Resumed ${job}` })).toBeVisible();
  }
  await expect(rowOf(page, job)).toContainText('On its timetable');
  expect((await jobNamed(page, job)).paused).toBeNull();
});
