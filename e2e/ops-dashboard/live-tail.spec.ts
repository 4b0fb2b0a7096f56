import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../support/accessibility.ts';
import { failedCustomerSignIn } from '../support/logs.ts';
import { demoAccounts, signInAt } from '../support/sign-in.ts';

const tail = (page: Page) => page.getByRole('region', { name: 'Live tail' });
const lines = (page: Page) => tail(page).getByRole('list', { name: 'Latest lines of the live tail' });
const lineOf = (page: Page, requestId: string) => lines(page).getByRole('listitem').filter({ hasText: requestId });

// Each failed sign-in counts against this address's limit for the whole run (20 in 15 minutes): three here.
test("the live tail shows a fresh request's line within seconds, holds new lines while paused or scrolled away, and shows them on resume, at 320 px", async ({
  page,
  browser,
}) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await signInAt(page, '/ops/logs', demoAccounts.operator);
  await expect(page.getByRole('heading', { level: 1, name: 'Logs' })).toBeVisible();
  await expect(tail(page).getByText('Live: new lines appear at the top.')).toBeVisible();
  await expect(tail(page)).toContainText('showing the latest 500');

  // A request that logs a warning (the e2e system logs warnings and errors only).
  const fresh = await failedCustomerSignIn(browser);
  await expect(lineOf(page, fresh)).toContainText('Sign-in', { timeout: 5_000 });

  await tail(page).getByRole('button', { name: 'Pause' }).click();
  await expect(tail(page).getByText('Live, paused. New lines wait until you resume.')).toBeVisible();
  const whilePaused = await failedCustomerSignIn(browser);
  await expect(tail(page).getByRole('button', { name: /^Resume \(\d+ new\)$/ })).toBeVisible({ timeout: 5_000 });
  await expect(tail(page)).toContainText(/\d+ new lines? (is|are) waiting/);
  await expect(lines(page)).not.toContainText(whilePaused);
  await expectNoAxeViolations(page);

  await tail(page)
    .getByRole('button', { name: /^Resume/ })
    .click();
  await expect(lineOf(page, whilePaused)).toHaveCount(1);
  await expect(tail(page).getByText('Live: new lines appear at the top.')).toBeVisible();

  // Reading: a line opened to its fields, the list scrolled down to it; the tail pauses so it does not move away.
  await lineOf(page, fresh).getByText('Sign-in').click();
  await lines(page).evaluate((list) => list.scrollTo({ top: list.scrollHeight }));
  await expect(tail(page).getByText('Live, paused while you read older lines.')).toBeVisible();
  const whileReading = await failedCustomerSignIn(browser);
  await expect(tail(page).getByRole('button', { name: /^Resume \(\d+ new\)$/ })).toBeVisible({ timeout: 5_000 });
  await expect(lines(page)).not.toContainText(whileReading);
  await expectNoAxeViolations(page);
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(sideways, 'the page scrolls sideways at 320 px').toBe(false);

  await tail(page)
    .getByRole('button', { name: /^Resume/ })
    .click();
  await expect(lineOf(page, whileReading)).toHaveCount(1);
});
