import { expect, test } from '@playwright/test';
import type { AgencySummary, LaunchDetail, LaunchesPage } from '@astro/api';
import { demoAccounts, signInAt } from '../support/sign-in.ts';
import { loadAndHydrate, query, serverHtml, watch } from '../support/server-rendered.ts';

const launches = (request: Parameters<typeof query>[0], input: object) =>
  query<LaunchesPage>(request, '/api/admin/launches.list', { pageSize: 100, ...input });

test('the launches filtered in the address arrive from the server and hydrate without fetching them again', async ({
  page,
}) => {
  await signInAt(page, '/admin/launches', demoAccounts.support);
  const request = page.request;
  const moon = await launches(request, { destination: 'moon' });
  const all = await launches(request, {});
  const moonNames = new Set(moon.launches.map((launch) => launch.missionName));
  const elsewhere = all.launches.find((launch) => launch.destination !== 'moon' && !moonNames.has(launch.missionName))!;
  expect(moon.total).toBeGreaterThan(0);

  const html = await serverHtml(request, '/admin/launches?destination=moon');
  for (const name of moonNames) expect(html).toContain(name);
  expect(html).not.toContain(elsewhere.missionName);

  const watched = watch(page);
  await loadAndHydrate(page, '/admin/launches?destination=moon');
  await expect(page.getByRole('heading', { level: 1, name: 'Launches' })).toBeVisible();
  await expect(page.getByLabel('Destination')).toHaveValue('moon');
  const table = page.getByRole('table', { name: /^Launches, page 1/ });
  await expect(table.getByRole('row')).toHaveCount(Math.min(moon.total, 20) + 1);
  const first = moon.launches[0]!;
  await expect(page.getByRole('meter', { name: `Occupancy of ${first.missionName}` }).first()).toHaveAttribute(
    'aria-valuetext',
    `${first.occupancy.confirmedSeats} confirmed and ${first.occupancy.heldSeats} held of ${first.occupancy.capacity} seats; ${first.occupancy.minimum} confirmed needed to fly`,
  );
  expect(watched.apiRequests).toEqual([]);
  expect(watched.consoleErrors).toEqual([]);
});

test('an employee narrows the list by agency and status, and the address keeps what they chose', async ({ page }) => {
  await signInAt(page, '/admin/launches', demoAccounts.finance);
  const { agencies } = await query<{ agencies: AgencySummary[] }>(page.request, '/api/admin/agencies.list');
  const agency = agencies.find((each) => each.displayName === 'Orbital Horizons')!;
  const expected = await launches(page.request, { agencyId: agency.id, status: ['scheduled'] });

  await page.getByLabel('Agency').selectOption({ label: 'Orbital Horizons' });
  await page.getByLabel('Status').selectOption({ label: 'Scheduled' });
  await page.getByRole('button', { name: 'Show launches' }).click();
  await expect(page).toHaveURL(new RegExp(`agency=${agency.id}.*status=scheduled`));
  await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText(
    `${expected.total} ${expected.total === 1 ? 'launch matches' : 'launches match'}.`,
  );
  const rows = page.getByRole('table', { name: /^Launches/ }).getByRole('row');
  await expect(rows).toHaveCount(expected.launches.length + 1);
  for (const row of (await rows.all()).slice(1)) {
    await expect(row).toContainText('Orbital Horizons');
    await expect(row).toContainText('Scheduled');
  }

  // Sorting is a link too: the sorted list is one more address.
  await page.getByRole('link', { name: 'Mission' }).click();
  await expect(page).toHaveURL(/sort=missionName/);
  await expect(page).toHaveURL(/status=scheduled/);
  const names = expected.launches.map((launch) => launch.missionName).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  await expect(rows.nth(1)).toContainText(names[0]!);
});

test("a launch's page shows its status history and bookings, and links to its audit history", async ({ page }) => {
  await signInAt(page, '/admin/launches', demoAccounts.admin);
  const delayed = await launches(page.request, { status: ['delayed'] });
  const withBookings = [];
  for (const launch of delayed.launches.filter((each) => each.occupancy.confirmedSeats > 0))
    withBookings.push(await query<LaunchDetail>(page.request, '/api/admin/launches.detail', { launchId: launch.id }));
  const launch = withBookings[0]!;
  const delay = launch.history.find((step) => step.to === 'delayed')!;

  const watched = watch(page);
  await loadAndHydrate(page, `/admin/launches/${launch.id}`);
  await expect(page.getByRole('heading', { level: 1, name: launch.missionName })).toBeVisible();
  const history = page.getByRole('region', { name: 'Status history' });
  await expect(history.getByRole('listitem')).toHaveCount(launch.history.length);
  await expect(history.getByRole('listitem').nth(launch.history.indexOf(delay))).toContainText(
    `Delayed (was Scheduled) · ${delay.reason}`,
  );
  await expect(history.getByRole('listitem').nth(launch.history.indexOf(delay))).toContainText(`by ${delay.by}`);

  const bookings = page.getByRole('table', { name: `Bookings of ${launch.missionName}` });
  await expect(bookings.getByRole('row')).toHaveCount(launch.bookings.length + 1);
  const booking = launch.bookings[0]!;
  await expect(bookings.getByRole('link', { name: `Booking ${booking.id.slice(0, 8)}` })).toHaveAttribute(
    'href',
    /\/admin\/bookings\/[0-9a-f-]{36}$/,
  );
  await expect(page.getByRole('link', { name: 'Audit history' })).toHaveAttribute(
    'href',
    `/admin/audit?targetType=launch&targetId=${launch.id}`,
  );
  expect(watched.apiRequests).toEqual([]);
  expect(watched.consoleErrors).toEqual([]);
});

test("support is told why a launch's audit history is not theirs to read", async ({ page }) => {
  await signInAt(page, '/admin/launches', demoAccounts.support);
  await page
    .getByRole('link', { name: (await launches(page.request, {})).launches[0]!.missionName })
    .first()
    .click();
  await expect(page.getByText('Audit history: Your role sees the history of bookings only.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Audit history' })).toHaveCount(0);
});

test('an unknown launch answers 404 with its own message', async ({ page }) => {
  await signInAt(page, '/admin/launches', demoAccounts.support);
  const html = await serverHtml(page.request, `/admin/launches/${crypto.randomUUID()}`, 404);
  expect(html).toContain('That launch does not exist.');
});
