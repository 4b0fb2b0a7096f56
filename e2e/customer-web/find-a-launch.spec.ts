import { expect, test } from '@playwright/test';
import type { CatalogueEntry } from '@astro/api';
import { query, serverHtml, watch } from '../support/server-rendered.ts';

test('a visitor filters the catalogue, the filters live in a shareable URL rendered on the server', async ({
  page,
  request,
}) => {
  const { launches: mars } = await query<{ launches: CatalogueEntry[] }>(request, '/api/customer/catalogue.list', {
    destination: 'mars',
  });
  const { launches: all } = await query<{ launches: CatalogueEntry[] }>(request, '/api/customer/catalogue.list', {});
  const elsewhere = all.find((launch) => launch.destination !== 'mars')!;

  await page.goto('/');
  await page.getByLabel('Destination').selectOption({ label: 'Mars' });
  await page.getByLabel('Sort by').selectOption({ label: 'Price' });
  await page.getByRole('button', { name: 'Show launches' }).click();
  await expect(page).toHaveURL(/destination=mars/);
  await expect(page.getByRole('list', { name: 'Launches' }).getByRole('listitem')).toHaveCount(mars.length);

  const html = await serverHtml(request, new URL(page.url()).pathname + new URL(page.url()).search);
  for (const launch of mars) expect(html).toContain(launch.missionName);
  expect(html).not.toContain(elsewhere.missionName);
});

test("a launch's page arrives with its title, description, canonical link and Open Graph tags", async ({
  page,
  request,
  baseURL,
}) => {
  const { launches } = await query<{ launches: CatalogueEntry[] }>(request, '/api/customer/catalogue.list', {});
  const launch = launches[0]!;
  const html = await serverHtml(request, `/launches/${launch.slug}`);
  expect(html).toMatch(new RegExp(`<title>${launch.missionName} to [^<]+ · Astro Bookings</title>`));
  expect(html).toMatch(/<meta name="description" content="[^"]*seats left\.">/);
  expect(html).toContain(`<link rel="canonical" href="${baseURL}/launches/${launch.slug}">`);
  expect(html).toContain(`<meta property="og:url" content="${baseURL}/launches/${launch.slug}">`);
  expect(html).toMatch(/<meta property="og:title" content="[^"]+">/);

  const watched = watch(page);
  await page.goto('/');
  await page.getByRole('link', { name: launch.missionName }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: launch.missionName })).toBeVisible();
  await expect(page.getByText('your time')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Status history' })).toBeVisible();
  expect(watched.consoleErrors).toEqual([]);
});
