import { expect, test } from '@playwright/test';
import type { AgencySummary } from '@astro/api';
import { demoAgencies } from '@astro/db/seed';
import { demoAccounts, signInAt } from '../support/sign-in.ts';
import { loadAndHydrate, mutate, query, watch } from '../support/server-rendered.ts';

/** Selene's legal data: no other test changes it (the accessibility check changes Aurora Space's). */
const agencyName = 'Selene Launch Co.';

test("the audit page shows an admin's change of an agency's legal data, who made it, before and after", async ({
  page,
}) => {
  await signInAt(page, '/admin/audit', demoAccounts.admin);
  const { agencies } = await query<{ agencies: AgencySummary[] }>(page.request, '/api/admin/agencies.list');
  const agency = agencies.find((each) => each.displayName === agencyName)!;
  // The fresh demo world's legal data, which no other test changes.
  const seeded = demoAgencies.find((each) => each.displayName === agencyName)!;
  const newAddress = `${Date.now()} Mare Tranquillitatis, The Moon`;
  const correlationId = `audit-e2e-${Date.now()}`;
  await mutate(
    page.request,
    '/api/admin/agencies.updateLegal',
    { agencyId: agency.id, legalName: agency.legalName, taxId: seeded.taxId, legalAddress: newAddress },
    { 'x-correlation-id': correlationId },
  );

  const watched = watch(page);
  await loadAndHydrate(page, `/admin/audit?targetType=agency&targetId=${agency.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  await expect(page.getByLabel('Done to')).toHaveValue('agency');
  await expect(page.getByLabel('Its id')).toHaveValue(agency.id);
  const entry = page.getByRole('listitem').filter({ hasText: correlationId });
  await expect(entry.getByRole('heading', { name: /Changed the agency's legal data/ })).toBeVisible();
  await expect(entry).toContainText(`${demoAccounts.admin.email} (admin)`);
  await expect(entry.getByRole('row', { name: /Legal address/ })).toHaveText(
    new RegExp(`Legal address\\s*${escaped(seeded.legalAddress)}\\s*${escaped(newAddress)}`),
  );
  await expect(entry).toContainText('None given');
  expect(watched.apiRequests).toEqual([]);
  expect(watched.consoleErrors).toEqual([]);

  // The same entry found through the form: by who and what; the address then holds those filters.
  await loadAndHydrate(page, '/admin/audit');
  await page.getByLabel('Who').selectOption(demoAccounts.admin.email);
  await page.getByLabel('Action').selectOption({ label: "Changed the agency's legal data" });
  await page.getByRole('button', { name: 'Show entries' }).click();
  await expect(page).toHaveURL(/actor=ada\.okonkwo(@|%40)astrobookings\.example.*action=agency\.updateLegal/);
  await expect(page.getByRole('listitem').filter({ hasText: correlationId })).toBeVisible();
  for (const heading of await page.getByRole('list', { name: 'Audit entries' }).getByRole('heading').all())
    await expect(heading).toContainText("Changed the agency's legal data");
});

test('support sees the history of bookings only, and is told so', async ({ page }) => {
  await signInAt(page, '/admin/audit', demoAccounts.support);
  await expect(page.getByText('Your role sees the history of bookings only.')).toBeVisible();
  await expect(page.getByLabel('Done to').getByRole('option')).toHaveText(['Anything', 'Booking']);
});

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
