/** Every page of the four apps, and of /auth, as the person who uses it meets WCAG 2.2 AA by axe-core's checks. */
import { expect, test, type Page } from '@playwright/test';
import type {
  AgencyLaunch,
  AgencySummary,
  BookingSearchResult,
  BookingView,
  CatalogueEntry,
  LaunchesPage,
} from '@astro/api';
import { demoAgencies } from '@astro/db/seed';
import { expectNoAxeViolations } from './support/accessibility.ts';
import { agencyInvoices, demoWorldInvoices } from './support/finance.ts';
import { failedCustomerSignIn } from './support/logs.ts';
import { actionLink, failedEmail, failedEmailSubject, latestEmail } from './support/mailbox.ts';
import { hydrated, mutate, query } from './support/server-rendered.ts';
import { demoAccounts, demoTravelers, fillSignInForm, signInAt, signInToCustomerSite } from './support/sign-in.ts';
import { deadLetterOfMissingBooking } from './support/sync.ts';

type Account = { email: string; name: string };

// The portals send a visitor straight to sign in; the customer site lets visitors in and signs in by its own route.
const portal = /^\/(supplier|admin|ops)\//;

/** Opens `path` (signed in as `account` if given) and waits until its heading shows and the network is quiet. */
async function visit(page: Page, path: string, heading: string | RegExp, account?: Account): Promise<void> {
  if (!account) await page.goto(path);
  else if (portal.test(path)) await signInAt(page, path, account);
  else await signInToCustomerSite(page, path, account);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await page.waitForLoadState('networkidle');
}

const catalogue = (page: Page, input: object = {}) =>
  query<{ launches: CatalogueEntry[] }>(page.request, '/api/customer/catalogue.list', input).then(
    ({ launches }) => launches,
  );

/** A supplier's launch, signed in; `pick` chooses it from the agency's launches. */
async function supplierLaunch(page: Page, pick: (launch: AgencyLaunch) => boolean): Promise<AgencyLaunch> {
  await signInAt(page, '/supplier/', demoAccounts.supplier);
  const { launches } = await query<{ launches: AgencyLaunch[] }>(page.request, '/api/supplier/launches.list', {
    pageSize: 100,
  });
  const launch = launches.find(pick);
  expect(launch, 'a launch of the demo agency to check').toBeDefined();
  return launch!;
}

const pages: { name: string; open: (page: Page) => Promise<void> }[] = [
  { name: 'the catalogue', open: (page) => visit(page, '/', 'Upcoming launches') },
  {
    name: "a launch's page, to a visitor",
    open: async (page) => {
      const [launch] = await catalogue(page);
      await visit(page, `/launches/${launch!.slug}`, launch!.missionName);
    },
  },
  {
    name: "a launch's page with its booking form, signed in",
    open: async (page) => {
      const launch = (await catalogue(page)).find((each) => each.bookable)!;
      await visit(page, `/launches/${launch.slug}`, launch.missionName, demoTravelers.kwame);
    },
  },
  {
    name: "a sold-out launch's page with its waiting list, signed in",
    open: async (page) => {
      const launch = (await catalogue(page)).find((each) => each.seatsLeft === 0)!;
      await visit(page, `/launches/${launch.slug}`, launch.missionName, demoTravelers.kwame);
    },
  },
  { name: 'my bookings', open: (page) => visit(page, '/bookings', 'My bookings', demoTravelers.rafael) },
  {
    name: 'a confirmed booking on a launch that has flown',
    open: async (page) => {
      await signInToCustomerSite(page, '/bookings', demoTravelers.rafael);
      const mine = await query<BookingView[]>(page.request, '/api/customer/bookings.mine');
      const booking = mine.find((each) => each.status === 'confirmed')!;
      await visit(page, `/bookings/${booking.id}`, /./);
    },
  },
  { name: 'the account page', open: (page) => visit(page, '/account', 'Account', demoTravelers.kwame) },
  { name: 'the sign-in page', open: (page) => visit(page, '/session/sign-in', 'Sign in') },
  {
    name: 'the sign-in page telling of a wrong password',
    open: async (page) => {
      await visit(page, '/session/sign-in', 'Sign in');
      await fillSignInForm(page, demoTravelers.kwame.email, 'not the password');
      await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    },
  },
  { name: 'the register page', open: (page) => visit(page, '/auth/register', 'Create your account') },
  {
    name: 'the forgotten-password page',
    open: (page) => visit(page, '/auth/forgot-password', 'Forgot your password?'),
  },
  { name: "the supplier's rockets", open: (page) => visit(page, '/supplier/', /your rockets$/, demoAccounts.supplier) },
  {
    name: "the supplier's launches",
    open: (page) => visit(page, '/supplier/launches', 'Launches', demoAccounts.supplier),
  },
  {
    name: 'scheduling a launch',
    open: (page) => visit(page, '/supplier/launches/new', 'Schedule a launch', demoAccounts.supplier),
  },
  {
    name: 'the schedule form listing its problems',
    open: async (page) => {
      await visit(page, '/supplier/launches/new', 'Schedule a launch', demoAccounts.supplier);
      await hydrated(page);
      await page.getByRole('button', { name: 'Schedule launch' }).click();
      await expect(page.getByRole('alert')).toBeFocused();
    },
  },
  {
    name: 'the form that adds a rocket',
    open: async (page) => {
      await visit(page, '/supplier/', /your rockets$/, demoAccounts.supplier);
      await hydrated(page);
      await page.getByRole('button', { name: 'Add a rocket' }).click();
      await expect(page.getByLabel('Seats')).toBeVisible();
    },
  },
  {
    name: "a supplier's launch",
    open: async (page) => {
      const launch = await supplierLaunch(page, (each) => each.occupancy.confirmedSeats > 0);
      await visit(page, `/supplier/launches/${launch.id}`, launch.missionName);
    },
  },
  {
    name: "editing a launch's terms",
    open: async (page) => {
      const launch = await supplierLaunch(page, (each) => each.status === 'scheduled');
      await visit(page, `/supplier/launches/${launch.id}/edit`, `Edit ${launch.missionName}`);
    },
  },
  {
    name: "the supplier's agency profile",
    open: (page) => visit(page, '/supplier/agency', /./, demoAccounts.supplier),
  },
  {
    name: "the supplier's invoices",
    open: (page) => visit(page, '/supplier/invoices', 'Invoices', demoAccounts.supplier),
  },
  {
    name: "an invoice of the supplier's agency, with its rule, payments and how to pay",
    open: async (page) => {
      await signInAt(page, '/supplier/invoices', demoAccounts.supplier);
      const [invoice] = await agencyInvoices(page);
      await visit(page, `/supplier/invoices/${invoice!.id}`, `Invoice ${invoice!.number}`);
    },
  },
  {
    name: "the supplier's statement of this month",
    open: (page) => visit(page, '/supplier/statements', 'Statements', demoAccounts.supplier),
  },
  { name: "the employee portal's agencies", open: (page) => visit(page, '/admin/', 'Agencies', demoAccounts.admin) },
  { name: "the employee portal's users", open: (page) => visit(page, '/admin/users', 'Users', demoAccounts.admin) },
  {
    name: "an account's page in the employee portal",
    open: async (page) => {
      await signInAt(page, '/admin/users', demoAccounts.admin);
      const { users } = await query<{ users: { id: string }[] }>(page.request, '/api/admin/users.list', {
        role: 'operator',
      });
      await visit(page, `/admin/users/${users[0]!.id}`, demoAccounts.operator.name);
    },
  },
  {
    name: 'onboarding an agency',
    open: (page) => visit(page, '/admin/agencies/new', 'Onboard an agency', demoAccounts.admin),
  },
  {
    name: 'the onboarding form listing its problems',
    open: async (page) => {
      await visit(page, '/admin/agencies/new', 'Onboard an agency', demoAccounts.admin);
      await page.getByRole('button', { name: 'Onboard agency' }).click();
      await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    },
  },
  {
    name: "an agency's page with its actions, asking to confirm a suspension",
    open: async (page) => {
      await signInAt(page, '/admin/agencies', demoAccounts.admin);
      const { agencies } = await query<{ agencies: AgencySummary[] }>(page.request, '/api/admin/agencies.list');
      const agency = agencies.find((each) => each.status === 'active')!;
      await visit(page, `/admin/agencies/${agency.id}`, agency.displayName);
      await page.getByRole('button', { name: 'Suspend agency' }).click();
      await expect(page.getByRole('heading', { name: `Suspend ${agency.displayName}?` })).toBeVisible();
    },
  },
  {
    name: "a suspended agency's page, to support",
    open: async (page) => {
      await signInAt(page, '/admin/agencies', demoAccounts.support);
      const { agencies } = await query<{ agencies: AgencySummary[] }>(page.request, '/api/admin/agencies.list');
      const agency = agencies.find((each) => each.status === 'suspended')!;
      await visit(page, `/admin/agencies/${agency.id}`, agency.displayName);
    },
  },
  {
    name: "an invitation's password step",
    open: async (page) => {
      await signInAt(page, '/admin/agencies', demoAccounts.admin);
      const { agencies } = await query<{ agencies: AgencySummary[] }>(page.request, '/api/admin/agencies.list');
      const email = `invited.${Date.now()}@orbital-horizons.example`;
      await mutate(page.request, '/api/admin/users.create', {
        name: 'Invited Person',
        email,
        roles: ['supplier'],
        agencyId: agencies[0]!.id,
      });
      const link = actionLink(await latestEmail(email, 'Your Astro Bookings account is ready'), 'Choose my password');
      await page.context().clearCookies();
      await visit(page, link, 'Choose your password');
    },
  },
  {
    name: "the employee portal's bookings search",
    open: (page) => visit(page, '/admin/bookings?status=confirmed', 'Bookings', demoAccounts.support),
  },
  {
    name: 'a booking at the desk, with the refund finance may set',
    open: async (page) => {
      await signInAt(page, '/admin/bookings', demoAccounts.finance);
      // Confirmed on a launch far ahead, so the cancel form shows; never one of the desk's own, which its test cancels.
      const { bookings } = await query<BookingSearchResult>(page.request, '/api/admin/bookings.search', {
        status: 'confirmed',
        sort: 'launchDate',
        direction: 'desc',
      });
      const desk = [demoTravelers.nadia.email, demoTravelers.tobias.email];
      const booking = bookings.find((each) => !desk.includes(each.customerEmail))!;
      await visit(page, `/admin/bookings/${booking.id}`, /^Booking /);
    },
  },
  {
    name: "the employee portal's launches",
    open: (page) => visit(page, '/admin/launches', 'Launches', demoAccounts.support),
  },
  {
    name: 'a launch with its bookings in the employee portal',
    open: async (page) => {
      await signInAt(page, '/admin/launches', demoAccounts.support);
      const { launches } = await query<LaunchesPage>(page.request, '/api/admin/launches.list', { pageSize: 100 });
      const launch = launches.find((each) => each.occupancy.confirmedSeats > 0 && each.status === 'delayed')!;
      await visit(page, `/admin/launches/${launch.id}`, launch.missionName);
    },
  },
  {
    name: "the audit trail with an admin's change",
    open: async (page) => {
      // Aurora Space's legal address: no other test reads it (the audit page's own test changes Selene's).
      await signInAt(page, '/admin/audit', demoAccounts.admin);
      const { agencies } = await query<{ agencies: AgencySummary[] }>(page.request, '/api/admin/agencies.list');
      const agency = agencies.find((each) => each.displayName === 'Aurora Space')!;
      const seeded = demoAgencies.find((each) => each.displayName === 'Aurora Space')!;
      await mutate(page.request, '/api/admin/agencies.updateLegal', {
        agencyId: agency.id,
        legalName: seeded.legalName,
        taxId: seeded.taxId,
        legalAddress: `${Date.now()} Aurora Way, Kiruna`,
      });
      await visit(page, `/admin/audit?targetType=agency&targetId=${agency.id}`, 'Audit trail');
    },
  },
  {
    name: "the operations dashboard's status",
    open: (page) => visit(page, '/ops/', 'System status', demoAccounts.operator),
  },
  {
    name: "the operations dashboard's instances",
    open: (page) => visit(page, '/ops/instances', 'Instances', demoAccounts.operator),
  },
  {
    name: "the operations dashboard's e-mail queue",
    open: (page) => visit(page, '/ops/email', 'E-mail queue', demoAccounts.operator),
  },
  {
    name: 'a failed e-mail with its message and resend',
    open: async (page) => {
      const emailId = await failedEmail(`a11y.${Date.now().toString(36)}@example.com`);
      await visit(page, `/ops/email/${emailId}`, failedEmailSubject, demoAccounts.operator);
    },
  },
  {
    name: "the operations dashboard's jobs",
    open: (page) => visit(page, '/ops/jobs', 'Jobs', demoAccounts.operator),
  },
  {
    name: "the operations dashboard's logs, with a line open and the lines around it",
    open: async (page) => {
      const requestId = await failedCustomerSignIn(page.context().browser()!);
      await visit(page, '/ops/logs', 'Logs', demoAccounts.operator);
      // The histogram and a line opened to its fields, beside the lines written just before and after it.
      await expect(async () => {
        await page.goto(`/ops/logs?requestId=${requestId}`);
        await page.getByText('Sign-in failed').click({ timeout: 1_000 });
      }).toPass({ timeout: 15_000 });
      await page.getByRole('link', { name: 'Lines around this one' }).click();
      await expect(page.getByRole('heading', { name: 'Lines around the one chosen' })).toBeVisible();
      await page.getByText('Lines per minute as a table').click();
    },
  },
  {
    name: "the operations dashboard's sync, with a dead letter open and an entity's messages",
    open: async (page) => {
      const { bookingId } = await deadLetterOfMissingBooking();
      await visit(page, `/ops/sync?entity=${bookingId}`, 'Sync', demoAccounts.operator);
      await hydrated(page);
      await page.getByText(`Payload and error of booking.cancel ${bookingId}`).click();
    },
  },
  { name: "the customer site's 404 page", open: (page) => visit(page, '/nope', 'Page not found') },
  {
    name: "the employee portal's invoices",
    open: (page) => visit(page, '/admin/finance/invoices', 'Invoices', demoAccounts.finance),
  },
  {
    name: 'an invoice with its payment and credit note forms',
    open: async (page) => {
      await signInAt(page, '/admin/finance/invoices', demoAccounts.finance);
      const [, invoice] = await demoWorldInvoices(page);
      await visit(page, `/admin/finance/invoices/${invoice!.id}`, `Invoice ${invoice!.number}`);
    },
  },
  {
    name: 'an invoice with a payment, a credit note and their history',
    open: async (page) => {
      await signInAt(page, '/admin/finance/invoices', demoAccounts.finance);
      // Its own invoice (see demoWorldInvoices).
      const invoice = (await demoWorldInvoices(page)).at(-2)!;
      const paidOn = new Date().toISOString().slice(0, 10);
      await mutate(page.request, '/api/admin/finance.invoices.recordPayment', {
        invoiceId: invoice.id,
        amountCents: 100,
        paidOn,
        reference: 'A11Y-CHECK',
      });
      await mutate(page.request, '/api/admin/finance.invoices.issueCreditNote', {
        invoiceId: invoice.id,
        amountCents: 100,
        reason: 'The accessibility check credits a dollar.',
      });
      await visit(page, `/admin/finance/invoices/${invoice.id}`, `Invoice ${invoice.number}`);
    },
  },
  {
    name: "an agency's statement of this month",
    open: async (page) => {
      await signInAt(page, '/admin/finance/statements', demoAccounts.finance);
      const [invoice] = await demoWorldInvoices(page);
      await visit(page, `/admin/finance/statements?agency=${invoice!.agency.id}`, 'Statements');
    },
  },
  {
    name: 'the finance reports with their chart',
    open: (page) => visit(page, '/admin/finance/reports', 'Finance reports', demoAccounts.finance),
  },
  {
    name: 'the finance pages, refused to support',
    open: (page) => visit(page, '/admin/finance/invoices', 'Finance', demoAccounts.support),
  },
  { name: "a portal's 404 page", open: (page) => visit(page, '/admin/nope', 'Page not found', demoAccounts.admin) },
];

const viewports = {
  desktop: { width: 1280, height: 800 },
  // WCAG 1.4.10 Reflow: the narrowest screen every page must still serve.
  '320 px': { width: 320, height: 640 },
};

/** Checks the page at every width, ending at the last. */
async function expectNoViolationsAtEveryWidth(page: Page): Promise<void> {
  for (const [width, size] of Object.entries(viewports)) {
    await page.setViewportSize(size);
    await test.step(`at ${width}`, () => expectNoAxeViolations(page));
  }
}

for (const { name, open } of pages) {
  test(`${name} has no WCAG 2.2 AA violations on a desktop or a 320 px screen`, async ({ page }) => {
    await open(page);
    await expectNoViolationsAtEveryWidth(page);
  });
}

test('the passengers and payment steps of a booking have no WCAG 2.2 AA violations at either width', async ({
  page,
}) => {
  // A traveler no other test books for, on a launch with seats to spare: the hold meets no other test and lapses.
  const launch = (await catalogue(page, { minSeatsLeft: 4 })).findLast((each) => each.bookable)!;
  await visit(page, `/launches/${launch.slug}`, launch.missionName, demoTravelers.arjun);
  await hydrated(page);
  await page.getByLabel('Number of seats').fill('1');
  await page.getByRole('button', { name: 'Book seats' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Book your seats' })).toBeVisible();
  await expectNoViolationsAtEveryWidth(page);

  const passenger = page.getByRole('group', { name: 'Passenger 1' });
  await passenger.getByLabel('Full name').fill(demoTravelers.arjun.name);
  await passenger.getByLabel('Birth date').fill('1990-01-01');
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await expect(page.getByLabel('Card number')).toBeVisible();
  await expectNoViolationsAtEveryWidth(page);
});
