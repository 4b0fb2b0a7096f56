/** Signing in as a person does: open the portal, get sent to the sign-in page, fill it in by its labels. */
import { expect, type Page } from '@playwright/test';
import { demoAgencies, demoEmployees, demoPassword } from '@astro/db/seed';

export const demoAccounts = {
  supplier: demoAgencies[0]!.supplier,
  admin: demoEmployees.find((employee) => employee.role === 'admin')!,
  support: demoEmployees.find((employee) => employee.role === 'support')!,
  finance: demoEmployees.find((employee) => employee.role === 'finance')!,
  operator: demoEmployees.find((employee) => employee.role === 'operator')!,
};

/** Demo travelers (README: `first.last@example.com`); each test that books uses its own, so none sees another's. */
const traveler = (name: string) => ({ name, email: `${name.toLowerCase().replace(' ', '.')}@example.com` });
export const demoTravelers = {
  aiko: traveler('Aiko Tanaka'),
  sofia: traveler('Sofia Rossi'),
  noah: traveler('Noah Fischer'),
  hannah: traveler('Hannah Berg'),
  kwame: traveler('Kwame Mensah'),
  lucas: traveler('Lucas Novak'),
  grace: traveler('Grace Kim'),
  /** Holds a seat in the accessibility check of the booking steps, and never pays. */
  arjun: traveler('Arjun Mehta'),
  elena: traveler('Elena Petrova'),
  /** Has a confirmed booking on a launch that has flown. */
  rafael: traveler('Rafael Souza'),
  /** The bookings desk's own (the seed's `deskTravelerNames`): support cancels Nadia's booking. */
  nadia: traveler('Nadia Okafor'),
  /** Finance refunds Tobias's booking. */
  tobias: traveler('Tobias Wren'),
};

export async function fillSignInForm(page: Page, email: string, password = demoPassword): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Opens `path` and signs in on the way; ends on `path`, signed in. */
export async function signInAt(page: Page, path: string, account: { email: string; name: string }): Promise<void> {
  await page.goto(path);
  await fillSignInForm(page, account.email);
  await expect(page.getByText(`Signed in as ${account.name}`)).toBeVisible();
}

/** The customer site lets visitors in, so signing in there goes through its sign-in route and back to `path`. */
export const signInToCustomerSite = (page: Page, path: string, account: { email: string; name: string }) =>
  signInAt(page, `/session/sign-in?returnTo=${encodeURIComponent(path)}`, account);
