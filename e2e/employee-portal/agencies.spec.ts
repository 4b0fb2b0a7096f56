import { expect, test } from '@playwright/test';
import { demoAccounts, signInAt } from '../support/sign-in.ts';
import { loadAndHydrate, serverHtml, watch } from '../support/server-rendered.ts';

test('the agencies arrive from the server and hydrate without fetching them again', async ({ page }) => {
  await signInAt(page, '/admin/', demoAccounts.support);
  const request = page.request;
  const html = await serverHtml(request, '/admin/');
  for (const agency of ['Orbital Horizons', 'Red Frontier', 'Pioneer Rocketworks']) expect(html).toContain(agency);

  const watched = watch(page);
  await loadAndHydrate(page, '/admin/');
  await expect(page.getByRole('heading', { level: 1, name: 'Agencies' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Pioneer Rocketworks', exact: true })).toBeVisible();
  expect(watched.apiRequests).toEqual([]);
  expect(watched.consoleErrors).toEqual([]);
});
