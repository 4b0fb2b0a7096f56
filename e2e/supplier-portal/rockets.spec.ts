import { expect, test } from '@playwright/test';
import { demoAccounts, signInAt } from '../support/sign-in.ts';
import { loadAndHydrate, serverHtml, watch } from '../support/server-rendered.ts';

test("the agency's rockets arrive from the server and hydrate without fetching them again", async ({ page }) => {
  await signInAt(page, '/supplier/', demoAccounts.supplier);
  const request = page.request;
  const html = await serverHtml(request, '/supplier/');
  expect(html).toContain('Orbital Horizons');
  expect(html).toContain('Horizon Heavy');
  // Signed in on the server too: the header arrives with the person's name.
  expect(html).toMatch(/Signed in as <strong[^>]*>Maya Chen<\/strong>/);

  const watched = watch(page);
  await loadAndHydrate(page, '/supplier/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('rockets');
  await expect(page.getByRole('cell', { name: 'Horizon Heavy', exact: true })).toBeVisible();
  expect(watched.apiRequests).toEqual([]);
  expect(watched.consoleErrors).toEqual([]);
});
