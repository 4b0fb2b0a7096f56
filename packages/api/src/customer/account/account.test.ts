import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStores, type TestStores } from '../../../../../scripts/test-support/stores.ts';
import { travelerCallers } from '../travelers.test-support.ts';

describe('the traveler profile', () => {
  let world: TestStores;
  const traveler = (n: number) => travelerCallers(world, () => new Date())(n);

  beforeAll(async () => {
    world = await openTestStores();
  });
  afterAll(() => world.drop());

  it('keeps the traveler profile, refusing a phone number it cannot call', async () => {
    const caller = traveler(11);
    const profile = {
      name: 'Mae Jemison',
      phone: '+1 555 010 2030',
      emergencyContact: { name: 'Dorothy Jemison', phone: '+1 555 010 9999', relationship: 'Mother' },
      preferences: { timeZone: 'America/Chicago', newsletter: true },
    };
    await expect(caller.account.updateProfile({ ...profile, phone: 'call me' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('country code'),
    });
    await expect(
      caller.account.updateProfile({ ...profile, preferences: { timeZone: 'Mars/Olympus', newsletter: true } }),
    ).rejects.toMatchObject({ message: expect.stringContaining('Choose a time zone from the list.') });
    await caller.account.updateProfile(profile);
    expect(await traveler(11).account.profile()).toMatchObject({ ...profile, vip: false, tripsFlown: 0 });
  });
});
