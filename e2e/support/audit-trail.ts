/** Reading the employee portal's audit trail page as a person does: its list of entries, one entry by its action. */
import { expect, type Page } from '@playwright/test';

export async function auditEntries(page: Page) {
  await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  return page.getByRole('list', { name: 'Audit entries' }).getByRole('listitem');
}

/** The one entry of this action on the trail the page shows (e.g. an entity's history). */
export async function auditEntryOf(page: Page, action: string) {
  const entries = (await auditEntries(page)).filter({ hasText: action });
  await expect(entries).toHaveCount(1);
  return entries;
}
