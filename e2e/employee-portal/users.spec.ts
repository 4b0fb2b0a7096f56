import { expect, test, type Page } from '@playwright/test';
import { actionLink, latestEmail } from '../support/mailbox.ts';
import { hydrated, loadAndHydrate, serverHtml, watch } from '../support/server-rendered.ts';
import { demoAccounts, fillSignInForm, signInAt } from '../support/sign-in.ts';

const newPassword = 'launch-window-2031';

/** A person no other test knows, so deactivating them changes nothing another test reads. */
const freshPerson = (role: string) => {
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  return { name: `Rue ${role} ${stamp}`, email: `rue.${role}.${stamp}@astrobookings.example` };
};

async function invite(page: Page, person: { name: string; email: string }, role: string): Promise<void> {
  // The form is the browser app's: what is typed before the page hydrates is not its yet.
  await hydrated(page);
  const form = page.getByRole('region', { name: 'Invite a person' });
  await form.getByLabel('Full name').fill(person.name);
  await form.getByLabel('E-mail').fill(person.email);
  await form.getByRole('checkbox', { name: role }).check();
  await form.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${person.email}.`)).toBeVisible();
}

test('the accounts arrive from the server, filtered by the address, and hydrate without fetching them again', async ({
  page,
}) => {
  await signInAt(page, '/admin/users?role=operator', demoAccounts.admin);
  const html = await serverHtml(page.request, '/admin/users?role=operator');
  expect(html).toContain(demoAccounts.operator.name);
  expect(html).not.toContain(demoAccounts.support.name);

  const watched = watch(page);
  await loadAndHydrate(page, '/admin/users?role=operator');
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await expect(page.getByRole('link', { name: demoAccounts.operator.name })).toBeVisible();
  await expect(page.getByLabel('Role')).toHaveValue('operator');
  expect(watched.apiRequests).toEqual([]);
  expect(watched.consoleErrors).toEqual([]);

  await page.getByLabel('Role').selectOption('');
  await page.getByLabel('Name or e-mail').fill(demoAccounts.support.email);
  await page.getByRole('button', { name: 'Show accounts' }).click();
  await expect(page).toHaveURL(/\/admin\/users\?q=sam\.reyes/);
  await expect(page.getByRole('link', { name: demoAccounts.support.name })).toBeVisible();
  await expect(page.getByText('1 account matches.')).toBeVisible();
});

test("an admin's own account page offers neither deactivating it nor dropping the admin role, and says why", async ({
  page,
}) => {
  await signInAt(page, '/admin/users?role=admin', demoAccounts.admin);
  await page.getByRole('link', { name: demoAccounts.admin.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: demoAccounts.admin.name })).toBeVisible();
  await expect(page.getByText('You cannot deactivate your own account.')).toBeVisible();
  await expect(page.getByRole('button', { name: /Deactivate account/ })).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: 'Admin' })).toBeDisabled();
  await expect(page.getByRole('checkbox', { name: 'Admin' })).toHaveAccessibleDescription(
    'You cannot take the admin role from yourself.',
  );
  await expect(page.getByRole('link', { name: 'Audit history' })).toHaveAttribute(
    'href',
    /\/admin\/audit\?targetType=account&targetId=/,
  );
});

test('an admin invites a person and deactivates them while they are signed in elsewhere: their next page load signs them out and their sign-in is refused', async ({
  page,
  browser,
}) => {
  const person = freshPerson('support');
  await signInAt(page, '/admin/users', demoAccounts.admin);
  await invite(page, person, 'Support');

  // The person sets a password from the e-mailed invitation and signs in, in a browser of their own.
  const theirs = await browser.newContext();
  const them = await theirs.newPage();
  const invitation = await latestEmail(person.email, 'Your Astro Bookings account is ready');
  await them.goto(actionLink(invitation, 'Choose my password'));
  await them.getByLabel('New password').fill(newPassword);
  await them.getByRole('button', { name: 'Save password' }).click();
  await them.goto('/admin/');
  if (await them.getByRole('heading', { level: 1, name: 'Sign in' }).isVisible())
    await fillSignInForm(them, person.email, newPassword);
  await expect(them.getByText(`Signed in as ${person.name}`)).toBeVisible();

  // The admin finds the account and deactivates it, with a reason and a confirmation.
  await page.getByRole('link', { name: 'Open the account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: person.name })).toBeVisible();
  await page.getByLabel('Reason').fill('Left the company');
  await page.getByRole('button', { name: 'Deactivate account…' }).click();
  await page.getByRole('button', { name: `Yes, deactivate ${person.name}` }).click();
  await expect(page.getByText('Account deactivated.')).toBeVisible();
  await expect(page.getByText(/Deactivated on .*: Left the company/)).toBeVisible();

  await them.reload();
  await expect(them.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await fillSignInForm(them, person.email, newPassword);
  await expect(them.getByText('This account has been deactivated.')).toBeVisible();

  // Reactivated, they may sign in again.
  await page.getByLabel('Reason').fill('Came back');
  await page.getByRole('button', { name: 'Reactivate account…' }).click();
  await page.getByRole('button', { name: `Yes, reactivate ${person.name}` }).click();
  await expect(page.getByText('Account reactivated.')).toBeVisible();
  await fillSignInForm(them, person.email, newPassword);
  await expect(them.getByText(`Signed in as ${person.name}`)).toBeVisible();
  await theirs.close();
});
