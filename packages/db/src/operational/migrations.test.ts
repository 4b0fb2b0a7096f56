import { afterAll, beforeAll, expect, test } from 'vitest';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';

let world: TestStores;
beforeAll(async () => {
  world = await openTestStores();
});
afterAll(() => world.drop());

test('the committed migrations build exactly the schema the entities describe', async () => {
  // Non-empty means an entity changed without `pnpm --filter @astro/db migration:create`.
  const drift = await world.stores.operational.schema.getUpdateSchemaSQL({ wrap: false });
  expect(drift.trim()).toBe('');
});
