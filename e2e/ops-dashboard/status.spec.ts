import { expect, test } from '@playwright/test';
import { demoAccounts, signInAt } from '../support/sign-in.ts';
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
