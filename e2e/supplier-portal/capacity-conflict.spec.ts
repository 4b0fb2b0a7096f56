import { expect, test } from '@playwright/test';
import { CatalogueLaunch, openCustomerDb } from '@astro/db/customer';
import { e2eServices } from '../support/services.ts';
import { demoAccounts, signInAt } from '../support/sign-in.ts';
import { addRocket } from '../support/supplier-portal.ts';

/**
 * Seats taken in the Customer DB that the Operational DB's booking copies have not heard of yet: what a traveler's
 * hold is in the seconds before its copy arrives, made to last for the test.
 */
async function takeSeatsUnseen(launchId: string, seats: number): Promise<boolean> {
  const { mongoUrl } = await e2eServices();
  const customer = await openCustomerDb(mongoUrl, 'astro_customer');
  try {
    const catalogue = customer.em.getConnection().getCollection(customer.getMetadata().get(CatalogueLaunch).collection);
    const taken = await catalogue.updateOne(
      { _id: launchId as never, seatsLeft: { $gte: seats } },
      {
        $inc: { seatsLeft: -seats, seatsHeld: seats },
        $set: { [`holds.${crypto.randomUUID()}`]: { seats, expiresAt: new Date(Date.now() + 3_600_000) } },
      },
    );
    return taken.modifiedCount === 1;
  } finally {
    await customer.close();
  }
}

test('a supplier who cut a rocket below the seats travelers had just taken sees the conflict on the launch', async ({
  page,
}) => {
  const rocketName = `Frigate ${Date.now().toString(36)}`;
  await signInAt(page, '/supplier/', demoAccounts.supplier);
  await addRocket(page, { name: rocketName, seats: 8, reaches: 'Up to Earth orbit' });

  await page.getByRole('link', { name: 'Launches' }).click();
  await page.getByRole('link', { name: 'Schedule a launch' }).click();
  await page.getByLabel('Mission name').fill('Standing Room');
  await page.getByLabel('Rocket').selectOption({ label: `${rocketName} (8 seats, up to Earth orbit)` });
  await page.getByLabel('Destination').selectOption({ label: 'Earth orbit' });
  await page.getByLabel('Spaceport').fill('Vandenberg SLC-4E');
  await page.getByLabel('Launch date and time (UTC)').fill('2029-03-14T10:00');
  await page.getByLabel('Price per seat (USD)').fill('95000');
  await page.getByLabel('Minimum passengers to fly').fill('2');
  await page.getByRole('button', { name: 'Schedule launch' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Standing Room' })).toBeVisible();
  const launchPath = new URL(page.url()).pathname;
  const launchId = launchPath.split('/').at(-1)!;

  // Once the launch is in the catalogue, travelers take six seats.
  await expect.poll(() => takeSeatsUnseen(launchId, 6), { timeout: 30_000 }).toBe(true);

  await page.getByRole('link', { name: 'Rockets' }).click();
  await page.getByRole('button', { name: `Edit ${rocketName}` }).click();
  await page.getByLabel('Seats').fill('4');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status')).toHaveText(`Saved ${rocketName}.`);

  await expect(async () => {
    await page.goto(launchPath);
    await expect(page.getByRole('alert')).toContainText(
      `Capacity conflict: 6 seats were already held or sold when ${rocketName} went down to 4 seats.`,
      { timeout: 1_000 },
    );
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole('alert')).toContainText(`Give ${rocketName} at least 6 seats again`);
});
