/** Steps in the supplier portal that several tests take on their way to what they check. */
import { expect, type Page } from '@playwright/test';

/** Adds a rocket on the rockets page, as a supplier does, and waits for it to be confirmed. */
export async function addRocket(page: Page, rocket: { name: string; seats: number; reaches: string }): Promise<void> {
  await page.getByRole('button', { name: 'Add a rocket' }).click();
  await page.getByLabel('Name').fill(rocket.name);
  await page.getByLabel('Seats').fill(String(rocket.seats));
  await page.getByLabel('Reaches').selectOption({ label: rocket.reaches });
  await page.getByRole('button', { name: 'Add rocket' }).click();
  await expect(page.getByRole('status')).toHaveText(`Added ${rocket.name}.`);
}
