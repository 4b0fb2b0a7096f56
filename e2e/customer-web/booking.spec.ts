import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { BookingView, CatalogueEntry } from '@astro/api';
import { hydrated, loadAndHydrate, query, watch } from '../support/server-rendered.ts';
import { demoTravelers, fillSignInForm, signInToCustomerSite } from '../support/sign-in.ts';

// The payment sandbox's test cards (packages/payments).
const cards = { succeeds: '4242 4242 4242 4242', declined: '4000 0000 0000 0002' };
const usd = (cents: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);

/**
 * The first bookable launch to a destination with the seats a test needs. Tests run side by side on one
 * system, so each books its own destination (and traveler) and never meets another's seats.
 */
async function launchTo(
  request: APIRequestContext,
  destination: CatalogueEntry['destination'],
  seats: number,
): Promise<CatalogueEntry> {
  const { launches } = await query<{ launches: CatalogueEntry[] }>(request, '/api/customer/catalogue.list', {
    destination,
    minSeatsLeft: seats,
  });
  const launch = launches.find((each) => each.bookable);
  expect(launch, `a bookable launch to ${destination} with ${seats} seats`).toBeDefined();
  return launch!;
}

/** From a launch's page, signed in: holds the seats and arrives on the booking's page at its passengers step. */
async function holdSeats(page: Page, seats: number): Promise<void> {
  await page.getByLabel('Number of seats').fill(String(seats));
  await page.getByRole('button', { name: 'Book seats' }).click();
  await expect(page).toHaveURL(/\/bookings\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Book your seats' })).toBeVisible();
  await expect(page.getByRole('timer', { name: 'Your seats are held for' })).toHaveText(/^\d{1,2}:\d{2}$/);
}

async function enterPassengers(page: Page, passengers: { name: string; birthDate: string }[]): Promise<void> {
  for (const [index, passenger] of passengers.entries()) {
    const group = page.getByRole('group', { name: `Passenger ${index + 1}` });
    await group.getByLabel('Full name').fill(passenger.name);
    await group.getByLabel('Birth date').fill(passenger.birthDate);
  }
  await page.getByRole('button', { name: 'Continue to payment' }).click();
}

async function pay(page: Page, cardNumber: string): Promise<void> {
  await page.getByLabel('Card number').fill(cardNumber);
  await page.getByLabel('Expiry date (MM/YY)').fill('12/30');
  await page.getByLabel('Security code').fill('123');
  await page.getByRole('button', { name: /^Pay \$/ }).click();
}

test('a visitor finds a launch, signs in, books two seats, finds the booking in My bookings and cancels it for the quoted refund', async ({
  page,
  request,
}) => {
  const traveler = demoTravelers.aiko;
  const launch = await launchTo(request, 'mars', 2);
  const passengers = [
    { name: traveler.name, birthDate: '1985-05-05' },
    { name: 'Kenji Tanaka', birthDate: '1987-02-03' },
  ];

  await page.goto('/');
  await page.getByLabel('Destination').selectOption({ label: 'Mars' });
  await page.getByLabel('Seats needed').fill('2');
  await page.getByRole('button', { name: 'Show launches' }).click();
  await expect(page).toHaveURL(/destination=mars/);
  await page.getByRole('list', { name: 'Launches' }).getByRole('link', { name: launch.missionName }).click();
  await expect(page.getByRole('heading', { level: 1, name: launch.missionName })).toBeVisible();

  // A visitor is sent to sign in, and comes back to the launch with the seats they chose.
  await page.getByLabel('Number of seats').fill('2');
  await page.getByRole('button', { name: 'Book seats' }).click();
  await fillSignInForm(page, traveler.email);
  await expect(page).toHaveURL(`/launches/${launch.slug}?seats=2`);
  await expect(page.getByText(`Signed in as ${traveler.name}`)).toBeVisible();
  await hydrated(page);
  await expect(page.getByLabel('Number of seats')).toHaveValue('2');
  await holdSeats(page, 2);

  await enterPassengers(page, passengers);
  await expect(page.getByRole('heading', { level: 2, name: 'Payment' })).toBeFocused();
  await pay(page, cards.succeeds);

  const total = usd(launch.pricePerSeatCents * 2);
  await expect(page.getByRole('heading', { level: 1, name: 'Booking confirmed' })).toBeFocused();
  const receipt = page.getByRole('region', { name: 'Receipt' });
  await expect(receipt).toContainText(launch.missionName);
  await expect(receipt).toContainText(`2 × ${usd(launch.pricePerSeatCents)}`);
  await expect(receipt).toContainText(`Paid ${total}`);
  for (const passenger of passengers) await expect(receipt).toContainText(passenger.name);
  const bookingPath = new URL(page.url()).pathname;
  await expect(receipt).toContainText(bookingPath.split('/').at(-1)!);

  // My bookings arrives from the server already signed in, with the new booking on top, and hydrates as it is.
  expect(await (await page.request.get('/bookings')).text()).toContain(launch.missionName);
  const watched = watch(page);
  await loadAndHydrate(page, '/bookings');
  expect(watched.apiRequests).toEqual([]);
  expect(watched.consoleErrors).toEqual([]);
  const bookings = page.getByRole('region', { name: 'Bookings' });
  const row = bookings.getByRole('row').filter({ hasText: launch.missionName }).first();
  await expect(row).toContainText('Confirmed');
  await expect(row).toContainText(total);
  await row.getByRole('link', { name: launch.missionName }).click();
  await expect(page).toHaveURL(bookingPath);
  await expect(page.getByRole('heading', { level: 1, name: 'Booking confirmed' })).toBeVisible();

  // The refund is quoted first; only the second, explicit button cancels, for exactly that amount.
  const cancel = page.getByRole('region', { name: 'Cancel booking' });
  const quote = (await cancel.getByText('If you cancel now').textContent()) ?? '';
  const quoted = /get back (\$[\d,]+\.\d{2})/.exec(quote)?.[1];
  expect(quoted, quote).toBeDefined();
  await cancel.getByRole('button', { name: 'Cancel booking' }).click();
  await expect(cancel.getByRole('button', { name: 'Cancel booking' })).toHaveAttribute('aria-expanded', 'true');
  await cancel.getByRole('button', { name: 'Confirm cancellation' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Booking cancelled' })).toBeVisible();
  await expect(page.getByText(`${quoted} has been refunded to the card it was paid with.`)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Receipt' })).toContainText(`Refunded ${quoted}`);
});

test('a declined card shows the decline and keeps the hold, and then a good card pays', async ({ page, request }) => {
  const traveler = demoTravelers.sofia;
  const launch = await launchTo(request, 'moon', 1);
  await signInToCustomerSite(page, `/launches/${launch.slug}`, traveler);
  await hydrated(page);
  await holdSeats(page, 1);
  await enterPassengers(page, [{ name: traveler.name, birthDate: '1979-11-30' }]);
  await expect(page.getByRole('heading', { level: 2, name: 'Payment' })).toBeVisible();

  // Leaving and coming back resumes the hold at its payment step, rendered by the server and hydrated as it is.
  const bookingPath = new URL(page.url()).pathname;
  await page.goto('/');
  const watched = watch(page);
  await loadAndHydrate(page, bookingPath);
  expect(watched.apiRequests).toEqual([]);
  expect(watched.consoleErrors).toEqual([]);
  await expect(page.getByRole('heading', { level: 2, name: 'Payment' })).toBeVisible();

  await pay(page, cards.declined);
  await expect(page.getByRole('alert')).toHaveText(/Your card was declined.*Your seats are still held\./);
  // The error summary at the top of the form takes focus, so a screen reader reads the decline first.
  await expect(page.getByRole('alert')).toBeFocused();
  await expect(page.getByRole('heading', { level: 1, name: 'Book your seats' })).toBeVisible();
  await expect(page.getByRole('timer', { name: 'Your seats are held for' })).toHaveText(/^\d{1,2}:\d{2}$/);
  await expect(page.getByLabel('Card number')).toHaveValue(cards.declined);

  await pay(page, cards.succeeds);
  await expect(page.getByRole('heading', { level: 1, name: 'Booking confirmed' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Receipt' })).toContainText(`Paid ${usd(launch.pricePerSeatCents)}`);
  await expect(page.getByRole('timer')).toHaveCount(0);
});

test('an under-age passenger is refused at their birth date, on a 320 px wide screen', async ({ page, request }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const traveler = demoTravelers.noah;
  const launch = await launchTo(request, 'suborbital', 2);
  await signInToCustomerSite(page, `/launches/${launch.slug}`, traveler);
  await hydrated(page);

  // Too many seats is refused at the seats field (4 a booking, 6 for VIP travelers).
  await page.getByLabel('Number of seats').fill('7');
  await page.getByRole('button', { name: 'Book seats' }).click();
  await expect(page.getByLabel('Number of seats')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Number of seats')).toHaveAccessibleDescription(/A booking holds at most \d seats/);

  await holdSeats(page, 2);
  const born = new Date(launch.launchDate);
  born.setUTCFullYear(born.getUTCFullYear() - 10);
  const tenYearsBefore = born.toISOString().slice(0, 10);
  await enterPassengers(page, [
    { name: traveler.name, birthDate: '1990-04-21' },
    { name: 'Mia Fischer', birthDate: tenYearsBefore },
  ]);

  const young = page.getByRole('group', { name: 'Passenger 2' }).getByLabel('Birth date');
  await expect(young).toHaveAttribute('aria-invalid', 'true');
  await expect(young).toHaveAccessibleDescription(/must be at least 18 on the launch date/);
  await expect(young).toBeFocused();
  await expect(
    page.getByRole('group', { name: 'Passenger 2' }).getByText('Passengers must be at least 18'),
  ).toBeVisible();
  await expect(page.getByRole('group', { name: 'Passenger 1' }).getByLabel('Birth date')).not.toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(page.getByLabel('Card number')).toHaveCount(0);

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('a hold that runs out says so where the traveler is, and offers to book the launch again', async ({
  page,
  request,
}) => {
  const traveler = demoTravelers.grace;
  const launch = await launchTo(request, 'orbit', 1);
  // The browser's clock, moved on below; the server's hold keeps its own time.
  await page.clock.install();
  await signInToCustomerSite(page, `/launches/${launch.slug}`, traveler);
  await hydrated(page);
  await holdSeats(page, 1);
  await expect(page.getByRole('group', { name: 'Passenger 1' })).toBeVisible();

  await page.clock.fastForward('10:00');
  await expect(page.getByRole('heading', { level: 1, name: 'Your hold has lapsed' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Your hold has lapsed' })).toBeAttached();
  await expect(page.getByRole('group', { name: 'Passenger 1' })).toHaveCount(0);
  await expect(page.getByRole('timer')).toHaveCount(0);
  await page.getByRole('link', { name: `Book ${launch.missionName} again` }).click();
  await expect(page.getByRole('heading', { level: 1, name: launch.missionName })).toBeVisible();
});

test('a traveler joins the waiting list of a sold-out launch, sees the place in line in My bookings and leaves it', async ({
  page,
  request,
}) => {
  const traveler = demoTravelers.hannah;
  const { launches } = await query<{ launches: CatalogueEntry[] }>(request, '/api/customer/catalogue.list', {});
  const soldOut = launches.find(
    (launch) => launch.seatsLeft === 0 && Date.parse(launch.launchDate) - Date.now() > 3 * 86_400_000,
  );
  expect(soldOut, 'a sold-out launch still selling').toBeDefined();

  await signInToCustomerSite(page, `/launches/${soldOut!.slug}`, traveler);
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Waiting list' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Book seats' })).toHaveCount(0);
  await page.getByLabel('Number of seats').fill('2');
  await page.getByRole('button', { name: 'Join the waiting list' }).click();
  await expect(page.getByText(/You are number \d+ in line for 2 seats\./)).toBeFocused();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My bookings' }).click();
  const waiting = page.getByRole('region', { name: 'Waiting lists' });
  await expect(waiting.getByRole('listitem').filter({ hasText: soldOut!.missionName })).toContainText(
    /Number \d+ in line for 2 seats\./,
  );

  await waiting.getByRole('link', { name: soldOut!.missionName }).click();
  await page.getByRole('button', { name: 'Leave the waiting list' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'You have left the waiting list.' })).toBeAttached();
  await expect(page.getByRole('button', { name: 'Join the waiting list' })).toBeVisible();
});

test('a booking on a launch that has flown offers no cancellation, and says why', async ({ page }) => {
  const traveler = demoTravelers.rafael;
  await signInToCustomerSite(page, '/bookings', traveler);
  const mine = await query<BookingView[]>(page.request, '/api/customer/bookings.mine');
  const flown = mine.find((booking) => booking.status === 'confirmed' && booking.launch?.status === 'launched');
  expect(flown, 'a confirmed booking on a launch that flew').toBeDefined();

  await hydrated(page);
  await page.getByRole('link', { name: flown!.launch!.missionName }).click();
  await expect(page).toHaveURL(new RegExp(`/bookings/${flown!.id}$`));
  const cancellation = page.getByRole('region', { name: 'Cancellation' });
  await expect(cancellation).toContainText(
    'This launch has already flown, so its bookings can no longer be cancelled.',
  );
  await expect(page.getByRole('button', { name: 'Cancel booking' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Confirm cancellation' })).toHaveCount(0);
});
