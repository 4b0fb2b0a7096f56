import { expect, test } from '@playwright/test';
import { failedCustomerSignIn } from '../support/logs.ts';
import { reloadUntilVisible, serverHtml } from '../support/server-rendered.ts';
import { demoAccounts, signInAt } from '../support/sign-in.ts';

test("an operator searches a customer's failing request by its id and sees every line of it", async ({
  browser,
  page,
}) => {
  const requestId = await failedCustomerSignIn(browser);

  await signInAt(page, '/ops/', demoAccounts.operator);
  await page.getByRole('link', { name: 'Logs', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logs' })).toBeVisible();
  await expect(page.getByLabel('Time range')).toHaveValue('1h');

  await page.getByLabel('Request id').fill(requestId);
  await page.getByRole('button', { name: 'Show lines' }).click();
  await expect(page).toHaveURL(new RegExp(`requestId=${requestId}`));
  const lines = page.getByRole('region', { name: 'Lines, newest first' });
  // The host writes its lines to the System DB in batches, every half second.
  await reloadUntilVisible(page, lines.getByText('Sign-in failed'), 15_000);
  await expect(lines.getByRole('listitem')).toHaveCount(1);
  // The address alone shows the same lines: the server renders them.
  expect(await serverHtml(page.request, page.url())).toContain('Sign-in failed');

  await lines.getByText('Sign-in failed').click();
  await expect(lines.getByText('"reason": "unknown account"')).toBeVisible();
  await lines.getByRole('link', { name: 'Lines around this one' }).click();
  const around = page.getByRole('region', { name: 'Lines around the one chosen' });
  await expect(around.getByRole('listitem').filter({ hasText: requestId })).toContainText('Sign-in failed');

  // From all the warnings of the hour, the line's request id leads to every line of that request alone.
  await page.goto('/ops/logs?level=warn');
  const line = lines.getByRole('listitem').filter({ hasText: requestId });
  await line.getByText('Sign-in failed').click();
  await line.getByRole('link', { name: `Every line of request ${requestId}` }).click();
  await expect(page).toHaveURL(new RegExp(`requestId=${requestId}`));
  await expect(page).not.toHaveURL(/level=warn/);
  await expect(page.getByLabel('Request id')).toHaveValue(requestId);
  await expect(lines.getByRole('listitem')).toHaveCount(1);
});

test("a customer's broken sign-in link shows a reference, and that reference finds the request's line", async ({
  browser,
  page,
}) => {
  // A customer follows a sign-in link the authorization server refuses (for an app it does not know): its error
  // page gives the reference to quote to support.
  const customer = await browser.newContext();
  const customerPage = await customer.newPage();
  await customerPage.goto(
    `/auth/auth?${new URLSearchParams({ client_id: 'no-such-app', response_type: 'code', scope: 'openid' })}`,
  );
  const shown = customerPage.getByText(/Reference: [0-9a-f-]{36}/);
  await expect(shown).toBeVisible();
  const reference = /Reference: ([0-9a-f-]{36})/.exec((await shown.textContent()) ?? '')![1]!;
  await customer.close();

  // Support hands the reference to operations: the address with it shows that request's line from the auth server.
  await signInAt(page, `/ops/logs?requestId=${reference}`, demoAccounts.operator);
  await expect(page.getByLabel('Request id')).toHaveValue(reference);
  const lines = page.getByRole('region', { name: 'Lines, newest first' });
  await reloadUntilVisible(page, lines.getByText('Authorization server refused a request'), 15_000);
  await expect(lines.getByRole('listitem')).toHaveCount(1);
  await lines.getByText('Authorization server refused a request').click();
  await expect(lines.getByText('"error": "invalid_client"')).toBeVisible();
});

test('the time range and the filters live in the address, so a pasted link shows the same lines', async ({ page }) => {
  await signInAt(
    page,
    '/ops/logs?range=custom&from=2026-11-30T08:00&to=2026-11-30T09:30&level=error',
    demoAccounts.operator,
  );
  await expect(page.getByLabel('Time range')).toHaveValue('custom');
  await expect(page.getByLabel('From (UTC)')).toHaveValue('2026-11-30T08:00');
  await expect(page.getByLabel('To (UTC)')).toHaveValue('2026-11-30T09:30');
  await expect(page.getByRole('checkbox', { name: 'Error' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Info' })).not.toBeChecked();

  // By keyboard: a preset instead of the custom range.
  await page.getByLabel('Time range').focus();
  await page.getByLabel('Time range').selectOption('6h');
  await expect(page.getByLabel('From (UTC)')).toHaveCount(0);
  await page.getByRole('button', { name: 'Show lines' }).press('Enter');
  await expect(page).toHaveURL(/range=6h&level=error$/);
  await expect(page.getByRole('heading', { name: 'Lines over time' })).toBeVisible();
  await expect(page.getByText('a bar per minute (UTC)')).toBeVisible();
});
