/** A failing request of a customer's that the log keeps a line of, as the operator's log search finds it. */
import { expect, type Browser } from '@playwright/test';

/**
 * A visitor of the customer site signs in with an address no account has: the host answers with the request's id
 * (`x-request-id`) and logs "Sign-in failed" under it (a warning, so also at the e2e system's LOG_LEVEL=warn).
 * In a browser of its own, so the caller's page stays signed out. Returns the failing request's id.
 */
export async function failedCustomerSignIn(browser: Browser): Promise<string> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto('/session/sign-in?returnTo=/');
    await page.getByLabel('E-mail address').fill(`nobody.${Date.now().toString(36)}@example.com`);
    await page.getByLabel('Password').fill('not-the-password');
    const [response] = await Promise.all([
      page.waitForResponse((each) => each.request().method() === 'POST'),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    await expect(page.getByText('That e-mail and password do not match an account.')).toBeVisible();
    const requestId = await response.headerValue('x-request-id');
    expect(requestId).toBeTruthy();
    return requestId!;
  } finally {
    await context.close();
  }
}
