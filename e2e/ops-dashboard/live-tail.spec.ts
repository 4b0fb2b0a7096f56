import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../support/accessibility.ts';
import { demoAccounts, fillSignInForm, signInAt } from '../support/sign-in.ts';

/**
 * A request that logs a warning (the e2e system logs warnings and errors only): a sign-in with an unknown e-mail,
 * from another browser. Answers the request id the host gave it, which its log line carries.
 */
async function failedSignIn(browser: Browser): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/ops/');
  const answered = page.waitForResponse((response) => response.request().method() === 'POST');
  await fillSignInForm(page, `nobody.${Date.now().toString(36)}@example.com`, 'not-the-password');
  const requestId = (await answered).headers()['x-request-id']!;
  await context.close();
  return requestId;
}

const tail = (page: Page) => page.getByRole('region', { name: 'Live tail' });
const lines = (page: Page) => tail(page).getByRole('list', { name: 'Latest lines of the live tail' });

async function openLiveTail(page: Page): Promise<void> {
  await signInAt(page, '/ops/logs', demoAccounts.operator);
  await expect(page.getByRole('heading', { level: 1, name: 'Logs' })).toBeVisible();
  await expect(tail(page).getByText('Live: new lines appear at the top.')).toBeVisible();
}

test("the live tail shows a fresh request's line within seconds, holds new lines while paused, and shows them on resume", async ({
  page,
  browser,
}) => {
  await openLiveTail(page);
  await expect(tail(page)).toContainText('showing the latest 500');

  const fresh = await failedSignIn(browser);
  // "Sign-in failed", or "refused" once this address has failed too often in the whole run.
  await expect(lines(page).getByRole('listitem').filter({ hasText: fresh })).toContainText('Sign-in', {
    timeout: 5_000,
  });

  await tail(page).getByRole('button', { name: 'Pause' }).click();
  await expect(tail(page).getByText('Live, paused. New lines wait until you resume.')).toBeVisible();
  const whilePaused = await failedSignIn(browser);
  await expect(tail(page)).toContainText(/\d+ new lines? (is|are) waiting/, { timeout: 5_000 });
  await expect(lines(page)).not.toContainText(whilePaused);

  await tail(page)
    .getByRole('button', { name: /^Resume/ })
    .click();
  await expect(lines(page).getByRole('listitem').filter({ hasText: whilePaused })).toBeVisible();
  await expect(tail(page).getByText('Live: new lines appear at the top.')).toBeVisible();
  // Each line once: the one that waited is not shown twice.
  await expect(lines(page).getByRole('listitem').filter({ hasText: whilePaused })).toHaveCount(1);
});

test('the live tail pauses while the operator reads older lines, and its states pass axe and fit 320 px', async ({
  page,
  browser,
}) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await openLiveTail(page);
  // Enough lines that the list scrolls.
  let last = '';
  for (let n = 0; n < 5; n += 1) last = await failedSignIn(browser);
  await expect(lines(page)).toContainText(last, { timeout: 5_000 });
  await expectNoAxeViolations(page);

  await lines(page).evaluate((list) => list.scrollTo({ top: list.scrollHeight }));
  await expect(tail(page).getByText('Live, paused while you read older lines.')).toBeVisible();
  const whilePaused = await failedSignIn(browser);
  await expect(tail(page).getByRole('button', { name: /^Resume \(\d+ new\)$/ })).toBeVisible({ timeout: 5_000 });
  await expectNoAxeViolations(page);
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(sideways, 'the page scrolls sideways at 320 px').toBe(false);

  await tail(page)
    .getByRole('button', { name: /^Resume/ })
    .click();
  await expect(lines(page)).toContainText(whilePaused);
});
