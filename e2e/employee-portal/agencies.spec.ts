import { expect, test, type Page } from '@playwright/test';
import type { AgencySummary, CatalogueEntry } from '@astro/api';
import { demoAgencies } from '@astro/db/seed';
import { auditEntries, auditEntryOf } from '../support/audit-trail.ts';
import { actionLink, latestEmail } from '../support/mailbox.ts';
import { demoAccounts, signInAt } from '../support/sign-in.ts';
import { loadAndHydrate, query, serverHtml, watch } from '../support/server-rendered.ts';

/** The demo agency with a launch of its own, which no other test books on: this file suspends it. */
const cobalt = demoAgencies.find((agency) => agency.ownLaunch)!;
/** The demo agency that is suspended from the start. */
const pioneer = demoAgencies.find((agency) => agency.status === 'suspended')!;

const agencyId = async (page: Page, displayName: string) => {
  const { agencies } = await query<{ agencies: AgencySummary[] }>(page.request, '/api/admin/agencies.list');
  return agencies.find((agency) => agency.displayName === displayName)!.id;
};

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

test("an agency's page arrives with its data and hydrates without fetching it again; support reads and is told why it cannot act", async ({
  page,
}) => {
  await signInAt(page, '/admin/agencies', demoAccounts.support);
  await expect(page.getByRole('link', { name: 'Onboard an agency' })).toHaveCount(0);
  const id = await agencyId(page, pioneer.displayName);
  const html = await serverHtml(page.request, `/admin/agencies/${id}`);
  expect(html).toContain(pioneer.legalName);
  expect(html).toContain(pioneer.taxId);

  const watched = watch(page);
  await loadAndHydrate(page, `/admin/agencies/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: pioneer.displayName })).toBeVisible();
  await expect(page.getByText('Only admins can edit its legal data')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reactivate agency' })).toHaveCount(0);
  await expect(page.getByText('Audit history: Your role sees the history of bookings only.')).toBeVisible();
  expect(watched.apiRequests).toEqual([]);
  expect(watched.consoleErrors).toEqual([]);
});

test('an admin onboards an agency and invites a supplier, who chooses a password from the e-mail and is signed in to the supplier portal', async ({
  page,
  browser,
}) => {
  await signInAt(page, '/admin/agencies', demoAccounts.admin);
  await page.getByRole('link', { name: 'Onboard an agency' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Onboard an agency' })).toBeVisible();

  // A refused form says what to fix at each field and keeps what was typed.
  await page.getByLabel('Display name').fill('Halcyon Orbital');
  await page.getByLabel('Tax id').fill('NZ#42');
  await page.getByRole('button', { name: 'Onboard agency' }).click();
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(page.getByText('Use letters, digits, spaces, dots, dashes or slashes').first()).toBeVisible();
  await expect(page.getByLabel('Display name')).toHaveValue('Halcyon Orbital');

  await page.getByLabel('Legal name').fill('Halcyon Orbital Limited');
  await page.getByLabel('Tax id').fill('NZ-123-456-789');
  await page.getByLabel('Legal address').fill('12 Mahia Peninsula Road, Mahia 4198, New Zealand');
  await page.getByLabel('Contact e-mail').fill('flights@halcyon.example');
  await page.getByLabel('Description').fill('Orbital flights from the Mahia Peninsula.');
  await page.getByRole('button', { name: 'Onboard agency' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Halcyon Orbital' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Onboarded the agency' })).toBeVisible();

  const supplier = { name: 'Rewi Parata', email: 'rewi.parata@halcyon.example' };
  await page.getByLabel('Full name').fill(supplier.name);
  await page.getByLabel('E-mail address').fill(supplier.email);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Sent an invitation to ${supplier.email}` })).toBeVisible();
  await expect(page.getByRole('cell', { name: supplier.email })).toBeVisible();

  const invitation = await latestEmail(supplier.email, 'Your Astro Bookings account is ready');
  const link = actionLink(invitation, 'Choose my password');

  // The supplier opens it in a browser of their own.
  const theirs = await browser.newContext();
  const invited = await theirs.newPage();
  await invited.goto(link);
  await expect(invited.getByRole('heading', { level: 1, name: 'Choose your password' })).toBeVisible();
  await invited.getByLabel('New password').fill('halcyon-skies-2027');
  await invited.getByRole('button', { name: 'Save password and sign in' }).click();
  await expect(invited).toHaveURL(/\/supplier\/$/);
  await expect(invited.getByText(`Signed in as ${supplier.name}`)).toBeVisible();
  await expect(invited.getByRole('heading', { level: 1, name: 'Halcyon Orbital: your rockets' })).toBeVisible();
  await theirs.close();

  // The trail keeps both: the agency as onboarded, and the supplier's account as created.
  await page.getByRole('link', { name: 'Audit history', exact: true }).click();
  const onboarding = await auditEntryOf(page, 'Onboarded an agency');
  await expect(onboarding).toContainText(demoAccounts.admin.email);
  await expect(onboarding.getByRole('row', { name: /^Legal name/ })).toContainText(/—\s*Halcyon Orbital Limited/);
  await expect(onboarding.getByRole('row', { name: /^Tax id/ })).toContainText('NZ-123-456-789');
  await page.goto(`/admin/audit?action=account.create&actor=${encodeURIComponent(demoAccounts.admin.email)}`);
  const invitationEntry = (await auditEntries(page)).filter({ hasText: supplier.email });
  await expect(invitationEntry).toHaveCount(1);
  await expect(invitationEntry.getByRole('row', { name: /^Roles/ })).toContainText('supplier');
});

test('an admin suspends an agency with a reason and its launch page says "Sales paused"; reactivating sells again', async ({
  page,
  browser,
}) => {
  await signInAt(page, '/admin/agencies', demoAccounts.admin);
  await page.getByRole('link', { name: cobalt.displayName }).click();
  await expect(page.getByRole('heading', { level: 1, name: cobalt.displayName })).toBeVisible();
  const id = await agencyId(page, cobalt.displayName);
  await expect(page.getByRole('link', { name: 'Audit history' })).toHaveAttribute(
    'href',
    `/admin/audit?targetType=agency&targetId=${id}`,
  );

  await page.getByRole('button', { name: 'Suspend agency' }).click();
  await expect(page.getByRole('heading', { name: `Suspend ${cobalt.displayName}?` })).toBeVisible();
  await page.getByRole('button', { name: `Yes, suspend ${cobalt.displayName}` }).click();
  await expect(page.getByText('Give the reason in a few words').first()).toBeVisible();
  await page.getByLabel('Reason').fill('Launch licence under review');
  await page.getByRole('button', { name: `Yes, suspend ${cobalt.displayName}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Suspended ${cobalt.displayName}` })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Launch licence under review' })).toBeVisible();

  const visitor = await (await browser.newContext()).newPage();
  const { launches } = await query<{ launches: CatalogueEntry[] }>(visitor.request, '/api/customer/catalogue.list', {
    limit: 100,
  });
  const launch = launches.find((each) => each.missionName === cobalt.ownLaunch!.missionName)!;
  // The sync job applies the suspension to the catalogue within seconds.
  await expect(async () => {
    await visitor.goto(`/launches/${launch.slug}`);
    await expect(visitor.getByText('Sales paused')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(visitor.getByRole('button', { name: 'Book seats' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Reactivate agency' }).click();
  await page.getByLabel('Reason').fill('Licence renewed');
  await page.getByRole('button', { name: `Yes, reactivate ${cobalt.displayName}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Reactivated ${cobalt.displayName}` })).toBeVisible();
  await expect(async () => {
    await visitor.goto(`/launches/${launch.slug}`);
    await expect(visitor.getByRole('button', { name: 'Book seats' })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(visitor.getByText('Sales paused')).toHaveCount(0);

  await page.getByRole('link', { name: 'Audit history', exact: true }).click();
  const suspension = await auditEntryOf(page, 'Suspended an agency');
  await expect(suspension).toContainText('Launch licence under review');
  await expect(suspension.getByRole('row', { name: /^Status/ })).toContainText(/active\s*suspended/);
  const reactivation = await auditEntryOf(page, 'Reactivated an agency');
  await expect(reactivation).toContainText('Licence renewed');
  await expect(reactivation.getByRole('row', { name: /^Status/ })).toContainText(/suspended\s*active/);
});

test('a supplier of a suspended agency is told so and offered no change', async ({ page }) => {
  await signInAt(page, '/supplier/', pioneer.supplier);
  await expect(page.getByRole('note')).toContainText('Your agency is suspended');
  await expect(page.getByRole('button', { name: 'Add a rocket' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Edit / })).toHaveCount(0);
  await page.getByRole('link', { name: 'Launches' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Launches' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Schedule a launch' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Agency profile' }).click();
  await expect(page.getByRole('button', { name: 'Save profile' })).toHaveCount(0);
});
