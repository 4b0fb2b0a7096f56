import { expect, test } from '@playwright/test';
import type { AgencyLaunch } from '@astro/api';
import { downloadedBytes, parseCsv } from '../support/downloads.ts';
import { query } from '../support/server-rendered.ts';
import { demoAccounts, signInAt } from '../support/sign-in.ts';

test('a supplier adds a rocket, schedules a launch on it, delays it with a reason, sees the history, and so do travelers', async ({
  page,
}) => {
  const rocketName = `Kestrel ${Date.now().toString(36)}`;
  await signInAt(page, '/supplier/', demoAccounts.supplier);

  await page.getByRole('button', { name: 'Add a rocket' }).click();
  await page.getByLabel('Name').fill(rocketName);
  await page.getByLabel('Seats').fill('120');
  await page.getByLabel('Reaches').selectOption({ label: 'Up to Earth orbit' });
  await page.getByRole('button', { name: 'Add rocket' }).click();
  await expect(page.getByText('A rocket has at most 100 seats.')).toBeVisible();
  await page.getByLabel('Seats').fill('6');
  await page.getByRole('button', { name: 'Add rocket' }).click();
  await expect(page.getByRole('status')).toHaveText(`Added ${rocketName}.`);
  await expect(page.getByRole('cell', { name: rocketName, exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'Launches' }).click();
  await page.getByRole('link', { name: 'Schedule a launch' }).click();
  // Submitted empty, the form says at its top what is missing, takes focus there, and links to each field.
  await page.getByRole('button', { name: 'Schedule launch' }).click();
  const problems = page.getByRole('alert');
  await expect(problems).toBeFocused();
  await expect(problems.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await problems.getByRole('link', { name: 'Rocket', exact: true }).click();
  await expect(page.getByLabel('Rocket')).toBeFocused();
  await page.getByLabel('Mission name').fill('Morning Glory');
  await page.getByLabel('Rocket').selectOption({ label: `${rocketName} (6 seats, up to Earth orbit)` });
  await page.getByLabel('Destination').selectOption({ label: 'The Moon' });
  await page.getByLabel('Spaceport').fill('Kennedy LC-39A');
  await page.getByLabel('Launch date and time (UTC)').fill('2028-05-04T09:30');
  await page.getByLabel('Price per seat (USD)').fill('185000');
  await page.getByLabel('Minimum passengers to fly').fill('3');
  await page.getByRole('button', { name: 'Schedule launch' }).click();
  await expect(page.getByText(`${rocketName} cannot reach The Moon; its range ends at Earth orbit.`)).toBeVisible();
  await page.getByLabel('Destination').selectOption({ label: 'Earth orbit' });
  await page.getByRole('button', { name: 'Schedule launch' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Morning Glory' })).toBeVisible();
  await expect(page.getByText('Not yet viable: 3 more confirmed seats needed.')).toBeVisible();

  // While scheduled, the terms can still change.
  await page.getByRole('link', { name: 'Edit terms' }).click();
  await expect(page.getByLabel('Price per seat (USD)')).toHaveValue('185000');
  await page.getByLabel('Price per seat (USD)').fill('175000');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Morning Glory' })).toBeVisible();
  await expect(page.getByText('$175,000.00 a seat')).toBeVisible();
  await page.getByLabel('New launch date and time (UTC)').fill('2028-05-11T09:30');
  await page.getByLabel('Reason').first().fill('Range safety review');
  await page.getByRole('button', { name: 'Delay launch' }).click();
  await expect(page.getByRole('status')).toHaveText('Delayed the launch.');

  const history = page.getByRole('region', { name: 'Status history' });
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByRole('listitem').nth(1)).toContainText('Delayed (was Scheduled) · Range safety review');
  await expect(history.getByRole('listitem').nth(1)).toContainText('11 May 2028, 09:30 UTC');
  await expect(history.getByRole('listitem').nth(1)).toContainText(`by ${demoAccounts.supplier.email}`);

  // Travelers see it within seconds: the change travels to the Customer DB's catalogue by sync (the launch may
  // first show at its old date, as scheduled, until the delay arrives).
  await expect(async () => {
    await page.goto('/?destination=orbit&month=2028-05');
    await page.getByRole('link', { name: 'Morning Glory' }).click({ timeout: 1_000 });
    await expect(page.getByRole('heading', { level: 1, name: 'Morning Glory' })).toBeVisible({ timeout: 1_000 });
    await expect(page.getByText(/11 May 2028/).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByText('Range safety review')).toBeVisible();
});

test('a supplier exports a launch manifest that opens as a spreadsheet with one row per passenger', async ({
  page,
}) => {
  await signInAt(page, '/supplier/', demoAccounts.supplier);
  const { launches } = await query<{ launches: AgencyLaunch[] }>(page.request, '/api/supplier/launches.list', {
    pageSize: 100,
  });
  const booked = launches.find((launch) => launch.occupancy.confirmedSeats > 0)!;
  const manifest = await query<{ passengers: { name: string; birthDate: string; bookedBy: string }[] }>(
    page.request,
    '/api/supplier/launches.manifest',
    { launchId: booked.id },
  );

  await page.goto(`/supplier/launches/${booked.id}`);
  await expect(page.getByRole('heading', { level: 1, name: booked.missionName })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download manifest (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^manifest-.*\.csv$/);
  const rows = parseCsv((await downloadedBytes(download)).toString('utf8'));
  expect(rows[0]).toEqual(['Passenger', 'Birth date', 'Booking', 'Booked by', 'Contact e-mail']);
  expect(rows.slice(1).map((row) => [row[0], row[1], row[3]])).toEqual(
    manifest.passengers.map((p) => [p.name, p.birthDate, p.bookedBy]),
  );
  expect(rows.length - 1).toBe(booked.occupancy.confirmedSeats);
});

test('a supplier keeps the agency contact details up to date, but cannot change its legal data', async ({ page }) => {
  await signInAt(page, '/supplier/', demoAccounts.supplier);
  await page.getByRole('link', { name: 'Agency profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Orbital Horizons' })).toBeVisible();
  await page.getByLabel('Contact e-mail').fill('not-an-address');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Enter an e-mail address like bookings@agency.example.')).toBeVisible();
  await page.getByLabel('Contact e-mail').fill('flights@orbital-horizons.example');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved your agency profile.');
  await expect(page.getByRole('textbox', { name: 'Legal name' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('Contact e-mail')).toHaveValue('flights@orbital-horizons.example');
});
