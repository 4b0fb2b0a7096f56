import { expect, test } from '@playwright/test';
import { demoAccounts, signInAt } from '../support/sign-in.ts';

test('instances shows the running host as alive, with its version and the job leases it holds', async ({ page }) => {
  await signInAt(page, '/ops/', demoAccounts.operator);
  await page.getByRole('link', { name: 'Instances' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Instances' })).toBeVisible();
  const instances = page.getByRole('list', { name: 'Instances' }).getByRole('listitem');
  // The e2e system runs one host with the jobs inline: it heartbeats, so it is alive, and it is a host.
  const host = instances.filter({ hasText: 'Alive' }).filter({ hasText: 'Host' }).first();
  await expect(host).toBeVisible();
  await expect(host.getByText('dev', { exact: true })).toBeVisible();
  await expect(host.getByText('Job leases held')).toBeVisible();
});
