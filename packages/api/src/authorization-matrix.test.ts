/**
 * Who may call what: every procedure of every router, called as each kind of person. The expected cells are
 * written down in authorization-matrix.test-support.ts; a procedure added without its row fails the first test,
 * so nothing ships unruled.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAccounts } from '@astro/auth/accounts';
import { seedDemoWorld } from '@astro/db/seed';
import { createLogger } from '@astro/logging';
import { sandboxGateway } from '@astro/payments';
import { openTestStores, type TestStores } from '../../../scripts/test-support/stores.ts';
import type { Viewer } from './access.ts';
import { createAdminContext } from './admin/context.ts';
import {
  matrix,
  ownOf,
  ownThings,
  personas,
  routers,
  type Own,
  type Persona,
  type RouterName,
} from './authorization-matrix.test-support.ts';
import { adminRouter } from './admin/router.ts';
import { createCustomerContext } from './customer/context.ts';
import { customerRouter } from './customer/router.ts';
import { createOpsContext } from './ops/context.ts';
import { createLogTail } from './ops/logs/tail/log-tail.ts';
import { opsRouter } from './ops/router.ts';
import { viewerAs } from './personas.test-support.ts';
import { createSupplierContext } from './supplier/context.ts';
import { supplierRouter } from './supplier/router.ts';

describe('the authorization matrix', () => {
  let world: TestStores;
  const now = new Date('2026-11-25T12:00:00Z');
  const log = createLogger({ service: 'test', level: 'error', write: () => {} });
  const viewers = {} as Record<Persona, Viewer | null>;
  let owned: Record<'A' | 'B', Own>;

  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, now);
    owned = await ownThings(world.stores);
    Object.assign(viewers, {
      visitor: null,
      customer: viewerAs('customer', { id: 'customer-1' }),
      'another customer': viewerAs('customer', { id: 'customer-2' }),
      'supplier of A': viewerAs('supplier', { agencyId: owned.A.agencyId }),
      'supplier of B': viewerAs('supplier', { agencyId: owned.B.agencyId }),
      support: viewerAs('support'),
      finance: viewerAs('finance'),
      admin: viewerAs('admin'),
      operator: viewerAs('operator'),
    });
  });
  afterAll(() => world.drop());

  const callerFor = (router: RouterName, viewer: Viewer | null) => {
    const { customer, operational, system } = world.stores;
    const base = { system, log, viewer, now: () => now };
    switch (router) {
      case 'customer':
        return customerRouter.createCaller(
          createCustomerContext({ ...base, customer, payments: sandboxGateway(system, () => now) }),
        );
      case 'supplier':
        return supplierRouter.createCaller(createSupplierContext({ ...base, operational }));
      case 'admin':
        return adminRouter.createCaller(
          createAdminContext({
            ...base,
            operational,
            accounts: createAccounts({ system, log, publicUrl: 'http://localhost' }),
          }),
        );
      case 'ops':
        return opsRouter.createCaller(
          createOpsContext({
            ...base,
            probeComponents: async () => [],
            publicUrl: 'http://localhost',
            logTail: createLogTail(system),
          }),
        );
    }
  };
  test.each(Object.keys(matrix) as RouterName[])(
    'every procedure of the %s router has its row (a new one must be added here first)',
    (router) => {
      expect(Object.keys(matrix[router]).sort()).toEqual(Object.keys(routers[router]._def.procedures).sort());
    },
  );

  const cells = Object.entries(matrix).flatMap(([router, rows]) =>
    Object.entries(rows).flatMap(([path, row]) =>
      personas.map((persona) => ({ router: router as RouterName, path, row, persona })),
    ),
  );

  test.each(cells)('$router.$path as $persona', async ({ router, path, row, persona }) => {
    const caller = callerFor(router, viewers[persona]) as unknown as Record<string, unknown>;
    const procedure = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
    const call = (procedure as (input: unknown) => Promise<unknown>)(row.input?.(ownOf(owned, persona)));
    if (row.allowed.includes(persona)) {
      // Allowed: the call gets past authorization (a product rule may still say no, e.g. an ownership check).
      await call.catch((error: { code?: string }) => {
        expect(['UNAUTHORIZED', 'FORBIDDEN']).not.toContain(error.code);
      });
    } else {
      await expect(call).rejects.toMatchObject({
        code: viewers[persona] ? 'FORBIDDEN' : 'UNAUTHORIZED',
      });
    }
  });
});
