import { expect, test } from '@playwright/test';
import { demoAccounts, signInAt } from '../support/sign-in.ts';
import { expectNoAxeViolations } from '../support/accessibility.ts';
import { runJobOnce } from '../support/jobs.ts';
import { loadAndHydrate, serverHtml, watch } from '../support/server-rendered.ts';

const components = ['Operational DB', 'Customer DB', 'System DB', 'SMTP server'];

test('system status arrives from the server with every component up and hydrates without fetching it again', async ({
  page,
}) => {
  await signInAt(page, '/ops/', demoAccounts.operator);
  const request = page.request;
  const html = await serverHtml(request, '/ops/');
  for (const component of components) expect(html).toContain(component);
  expect(html).not.toContain('Down');

  const watched = watch(page);
  await loadAndHydrate(page, '/ops/');
  await expect(page.getByRole('heading', { level: 1, name: 'System status' })).toBeVisible();
  for (const component of components) await expect(page.getByText(component, { exact: true })).toBeVisible();
  expect(watched.apiRequests).toEqual([]);
  expect(watched.consoleErrors).toEqual([]);

  // Refreshing asks the ops router again, over HTTP from the browser.
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect.poll(() => watched.apiRequests.length).toBe(1);
  expect(watched.apiRequests[0]).toContain('/api/ops/status.get');
  await expect(page.getByText('Down')).toHaveCount(0);
  expect(watched.consoleErrors).toEqual([]);
});

test("each component's latency over the last hour is drawn from the Job Scheduler's checks and said in words", async ({
  page,
}) => {
  // The running host checks every 30 s; one more check now, so the page has at least one however soon it runs.
  await runJobOnce('status-samples', new Date());
  await signInAt(page, '/ops/', demoAccounts.operator);
  const html = await serverHtml(page.request, '/ops/');
  expect(html).toMatch(/Last hour: \d+ checks?\./);

  await loadAndHydrate(page, '/ops/');
  for (const component of components) {
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: component }) });
    await expect(
      card.getByText(/^Last hour: \d+ checks?\. Median [\d.]+ ms, slowest [\d.]+ ms\. Every check answered\.$/),
    ).toBeVisible();
    await expect(card.getByRole('img', { name: `Latency of the ${component}, last hour, oldest first` })).toBeVisible();
  }
  await expectNoAxeViolations(page);

  // A longer range, chosen with the picker every ops page shares, is in the address and read at a coarser spacing.
  await page.getByLabel('Time range').selectOption({ label: 'Last 24 hours' });
  await page.getByRole('button', { name: 'Show history' }).click();
  await expect(page).toHaveURL(/[?&]range=24h/);
  const systemDb = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'System DB' }) });
  await expect(
    systemDb.getByText(/^Last 24 hours: \d+ checks? \(one check every 5 minutes\)\.|^Last 24 hours: no checks\./),
  ).toBeVisible();
  await page.goto('/ops/');
  // However many checks, a chart squeezes into a 320 px wide screen rather than pushing the page sideways.
  await page.setViewportSize({ width: 320, height: 800 });
  const chart = page.getByRole('img', { name: 'Latency of the System DB, last hour, oldest first' });
  expect((await chart.boundingBox())!.width).toBeLessThan(320);
});
