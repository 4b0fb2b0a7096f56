import { expect, test } from '@playwright/test';
import { loadAndHydrate, query, serverHtml } from '../support/server-rendered.ts';
import { demoAccounts, signInAt } from '../support/sign-in.ts';
import { deadLetterOfMissingBooking, restoreBooking } from '../support/sync.ts';

test('an operator reads a dead letter, fixes its cause, replays it and finds it applied', async ({ page }) => {
  const { bookingId } = await deadLetterOfMissingBooking();
  const error = `Booking ${bookingId} is not in the Customer DB`;

  await signInAt(page, '/ops/', demoAccounts.operator);
  await page.getByRole('link', { name: 'Sync', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sync' })).toBeVisible();
  // The page arrives with its figures and dead letters rendered by the server.
  const html = await serverHtml(page.request, '/ops/sync');
  expect(html).toContain('Apply lag p99');
  expect(html).toContain(error);

  await loadAndHydrate(page, '/ops/sync');
  await expect(page.getByRole('img', { name: /Apply lag p99 per minute over the last hour/ })).toBeVisible();
  const letter = page
    .getByRole('list', { name: 'Dead letters, newest first' })
    .getByRole('listitem')
    .filter({ hasText: bookingId });
  await expect(letter).toContainText(error);
  await letter.getByText(`Payload and error of booking.cancel ${bookingId}`).click();
  await expect(letter.getByText('"reason": "The launch date no longer suits the traveler"')).toBeVisible();

  // The cause: the booking is missing from the Customer DB. Once it is back, the letter can be replayed.
  await restoreBooking(bookingId);
  await letter.getByRole('button', { name: `Replay booking.cancel of booking ${bookingId}` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Replayed the dead letter' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Dead letters, newest first' })).not.toContainText(bookingId);

  // The entity's messages, found by its id (which goes into the address), show the replayed one applied.
  await page.getByLabel('Entity id').fill(bookingId);
  await page.getByRole('button', { name: 'Find messages' }).click();
  await expect(page).toHaveURL(new RegExp(`entity=${bookingId}`));
  const messages = page.getByRole('region', { name: `Messages of ${bookingId}, oldest first` });
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(messages.getByRole('row').nth(1)).toContainText('Applied', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(messages.getByRole('row')).toHaveCount(2);
  await expect(messages).toContainText('booking.cancel');
  expect(await serverHtml(page.request, page.url())).toContain('Applied');
});

test('an operator finds the messages of an entity from a link, and is told when there are none', async ({ page }) => {
  const { bookingId } = await deadLetterOfMissingBooking();
  await signInAt(page, `/ops/sync?entity=${bookingId}`, demoAccounts.operator);
  const messages = page.getByRole('region', { name: `Messages of ${bookingId}, oldest first` });
  await expect(messages.getByRole('row').nth(1)).toContainText('Dead letter');
  await expect(messages).toContainText(`Booking ${bookingId} is not in the Customer DB`);
  await expect(page.getByLabel('Entity id')).toHaveValue(bookingId);

  const nobody = crypto.randomUUID();
  await page.getByLabel('Entity id').fill(nobody);
  await page.getByRole('button', { name: 'Find messages' }).click();
  await expect(page.getByRole('region', { name: `Messages of ${nobody}, oldest first` })).toContainText(
    'No sync message was recorded for this entity.',
  );
});

test('an operator replays the dead letters they select, and each is applied', async ({ page }) => {
  const letters = await Promise.all([deadLetterOfMissingBooking(), deadLetterOfMissingBooking()]);
  await Promise.all(letters.map(({ bookingId }) => restoreBooking(bookingId)));
  await signInAt(page, '/ops/sync', demoAccounts.operator);
  await loadAndHydrate(page, '/ops/sync');
  for (const { bookingId } of letters)
    await page.getByRole('checkbox', { name: `booking.cancel booking ${bookingId} (version 1)` }).check();
  await page.getByRole('button', { name: 'Replay selected (2)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Replayed 2 dead letters' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Replay selected (0)' })).toBeDisabled();

  for (const { bookingId } of letters)
    await expect
      .poll(
        async () =>
          (
            await query<{ messages: { status: string }[] }>(page.request, '/api/ops/sync.messagesOf', {
              entityId: bookingId,
            })
          ).messages.map((message) => message.status),
        { timeout: 20_000 },
      )
      .toEqual(['applied']);
});
