import { expect, test } from '@playwright/test';
import { hydrated } from '../support/server-rendered.ts';
import { demoTravelers, signInToCustomerSite } from '../support/sign-in.ts';

test('a traveler updates the emergency contact; a phone number without digits is refused at its field', async ({
  page,
}) => {
  const traveler = demoTravelers.lucas;
  await signInToCustomerSite(page, '/account', traveler);
  await hydrated(page);
  await expect(page.getByText(traveler.email)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Change your password' })).toHaveAttribute(
    'href',
    '/auth/forgot-password',
  );

  const contact = page.getByRole('group', { name: 'Emergency contact' });
  await contact.getByLabel('Name').fill('Petra Novak');
  await contact.getByLabel('Phone').fill('call me');
  await contact.getByLabel('Relationship').fill('Sister');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(contact.getByLabel('Phone')).toHaveAttribute('aria-invalid', 'true');
  await expect(contact.getByLabel('Phone')).toHaveAccessibleDescription(/country code/);
  await expect(contact.getByLabel('Phone')).toBeFocused();

  await contact.getByLabel('Phone').fill('+420 555 010 203');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Profile saved.' })).toBeVisible();
  await expect(contact.getByLabel('Phone')).not.toHaveAttribute('aria-invalid', 'true');

  await page.reload();
  await expect(contact.getByLabel('Name')).toHaveValue('Petra Novak');
  await expect(contact.getByLabel('Relationship')).toHaveValue('Sister');
});
