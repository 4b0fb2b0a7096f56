import { expect, test } from '@playwright/test';
import type { AgencyLaunch, AgencyRocket } from '@astro/api';
import { query } from '../support/server-rendered.ts';
import { demoAccounts, signInAt } from '../support/sign-in.ts';
import { addRocket } from '../support/supplier-portal.ts';

test('a supplier is not offered "Mark as launched" before the launch date, and is told from when it can be', async ({
  page,
}) => {
  await signInAt(page, '/supplier/', demoAccounts.supplier);
  const { launches } = await query<{ launches: AgencyLaunch[] }>(page.request, '/api/supplier/launches.list', {
    status: ['confirmed'],
    pageSize: 100,
  });
  const ahead = launches.find((launch) => new Date(launch.launchDate) > new Date() && launch.occupancy.viable)!;

  await page.goto(`/supplier/launches/${ahead.id}`);
  await expect(page.getByRole('heading', { level: 1, name: ahead.missionName })).toBeVisible();
  // The date as the page's header shows it.
  const shownDate = /\d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC/.exec(
    await page
      .getByRole('paragraph')
      .filter({ hasText: ` · ${ahead.rocket.name} · ` })
      .innerText(),
  )![0];
  const changes = page.getByRole('region', { name: 'Change the status' });
  await expect(changes.getByRole('button', { name: 'Delay launch' })).toBeVisible();
  await expect(changes.getByRole('button', { name: 'Mark as launched' })).toHaveCount(0);
  await expect(changes.getByRole('button', { name: 'Confirm launch' })).toHaveCount(0);
  await expect(changes.getByText(`Can be marked as launched from ${shownDate}, its launch date.`)).toBeVisible();
  // Its confirmed seats have reached the minimum: an economic abort is no longer one of the reasons on offer.
  await expect(changes.getByRole('option', { name: 'economic' })).toBeDisabled();
  await expect(changes.getByRole('combobox', { name: 'Reason' })).toHaveAccessibleDescription(
    'A launch cannot be aborted for economic reasons once its confirmed seats reach the minimum.',
  );
});

test('a supplier is offered to deactivate only a rocket with no launch ahead, and told why not for the others', async ({
  page,
}) => {
  await signInAt(page, '/supplier/', demoAccounts.supplier);
  const { rockets } = await query<{ rockets: AgencyRocket[] }>(page.request, '/api/supplier/rockets.list');
  const busy = rockets.filter((rocket) => rocket.active).sort((a, b) => b.upcomingLaunches - a.upcomingLaunches)[0]!;
  expect(busy.upcomingLaunches).toBeGreaterThan(1);

  const busyRow = page.getByRole('row').filter({ has: page.getByRole('cell', { name: busy.name, exact: true }) });
  await expect(busyRow.getByRole('button', { name: `Edit ${busy.name}` })).toBeVisible();
  await expect(busyRow.getByRole('button', { name: `Deactivate ${busy.name}` })).toHaveCount(0);
  await expect(
    busyRow.getByText(`Has ${busy.upcomingLaunches} launches ahead; move or abort them first.`),
  ).toBeVisible();

  const idleName = `Albatross ${Date.now().toString(36)}`;
  await addRocket(page, { name: idleName, seats: 4, reaches: 'Up to Earth orbit' });
  await page.getByRole('button', { name: `Deactivate ${idleName}` }).click();
  await page.getByRole('button', { name: `Yes, deactivate ${idleName}` }).click();
  await expect(page.getByRole('status')).toHaveText(`Deactivated ${idleName}.`);
});
