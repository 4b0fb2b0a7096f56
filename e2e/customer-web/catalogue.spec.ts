import { expect, test } from '@playwright/test';
import type { CatalogueEntry } from '@astro/api';
import { loadAndHydrate, query, serverHtml, watch } from '../support/server-rendered.ts';

test('the launch catalogue arrives from the server with its launches and hydrates without fetching them again', async ({
  page,
  request,
}) => {
  const { launches } = await query<{ launches: CatalogueEntry[] }>(request, '/api/customer/catalogue.list', {});
  const first = launches[0]!;

  const html = await serverHtml(request, '/');
  expect(html).toContain('Upcoming launches');
  expect(html).toContain(first.missionName);
  expect(html).toContain(first.agencyName);

  const watched = watch(page);
  await loadAndHydrate(page, '/');
  await expect(page.getByRole('heading', { level: 1, name: 'Upcoming launches' })).toBeVisible();
  await expect(page.getByText(first.missionName).first()).toBeVisible();
  expect(watched.apiRequests).toEqual([]);
  expect(watched.consoleErrors).toEqual([]);
});
