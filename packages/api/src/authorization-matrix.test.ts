/**
 * Who may call what: every procedure of every router, called as each kind of person. The expected cell is
 * written down here; a procedure added without its row fails the first test, so nothing ships unruled.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AnyRouter } from '@trpc/server';
import { createAccounts } from '@astro/auth/accounts';
import { Agency } from '@astro/db/operational';
import { seedDemoWorld } from '@astro/db/seed';
import { User } from '@astro/db/system';
import { createLogger } from '@astro/logging';
import { openTestStores, type TestStores } from '../../../scripts/test-support/stores.ts';
import type { Viewer } from './access.ts';
import { createAdminContext } from './admin/context.ts';
import { adminRouter } from './admin/router.ts';
import { createCustomerContext } from './customer/context.ts';
import { customerRouter } from './customer/router.ts';
import { createOpsContext } from './ops/context.ts';
import { opsRouter } from './ops/router.ts';
import { viewerAs } from './personas.test-support.ts';
import { createSupplierContext } from './supplier/context.ts';
import { supplierRouter } from './supplier/router.ts';

const personas = [
  'visitor',
  'customer',
  'another customer',
  'supplier of A',
  'supplier of B',
  'support',
  'finance',
  'admin',
  'operator',
] as const;
type Persona = (typeof personas)[number];

const everyone = personas;
const only = (...allowed: Persona[]) => allowed;

interface Row {
  /** A valid input, so that an allowed call succeeds; a function when each call needs a fresh one. */
  input?: () => unknown;
  allowed: readonly Persona[];
}

let unique = 0;
let operatorAccountId = '';
const matrix: Record<'customer' | 'supplier' | 'admin' | 'ops', Record<string, Row>> = {
  customer: {
    me: { allowed: everyone },
    'catalogue.list': { input: () => ({}), allowed: everyone },
  },
  supplier: {
    me: { allowed: everyone },
    'rockets.list': { allowed: only('supplier of A', 'supplier of B') },
  },
  admin: {
    me: { allowed: everyone },
    'agencies.list': { allowed: only('support', 'finance', 'admin') },
    'users.create': {
      input: () => ({ name: 'New Operator', email: `operator.${++unique}@example.com`, roles: ['operator'] }),
      allowed: only('admin'),
    },
    'users.setRoles': {
      input: () => ({ userId: operatorAccountId, roles: ['operator'] }),
      allowed: only('admin'),
    },
  },
  ops: {
    me: { allowed: everyone },
    'status.get': { allowed: only('operator') },
  },
};

describe('the authorization matrix', () => {
  let world: TestStores;
  const now = new Date('2026-11-25T12:00:00Z');
  const log = createLogger({ service: 'test', level: 'error', write: () => {} });
  const viewers = {} as Record<Persona, Viewer | null>;

  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, now);
    const [agencyA, agencyB] = await world.stores.operational.em
      .fork()
      .find(Agency, { status: 'active' }, { orderBy: { legalName: 'asc' }, limit: 2 });
    operatorAccountId = (await world.stores.system.em.fork().findOneOrFail(User, { roles: 'operator' } as never)).id;
    Object.assign(viewers, {
      visitor: null,
      customer: viewerAs('customer', { id: 'customer-1' }),
      'another customer': viewerAs('customer', { id: 'customer-2' }),
      'supplier of A': viewerAs('supplier', { agencyId: agencyA!.id }),
      'supplier of B': viewerAs('supplier', { agencyId: agencyB!.id }),
      support: viewerAs('support'),
      finance: viewerAs('finance'),
      admin: viewerAs('admin'),
      operator: viewerAs('operator'),
    });
  });
  afterAll(() => world.drop());

  const callerFor = (router: keyof typeof matrix, viewer: Viewer | null) => {
    const { customer, operational, system } = world.stores;
    const base = { system, log, viewer, now: () => now };
    switch (router) {
      case 'customer':
        return customerRouter.createCaller(createCustomerContext({ ...base, customer }));
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
        return opsRouter.createCaller(createOpsContext({ ...base, probeComponents: async () => [] }));
    }
  };
  const routers: Record<keyof typeof matrix, AnyRouter> = {
    customer: customerRouter,
    supplier: supplierRouter,
    admin: adminRouter,
    ops: opsRouter,
  };

  test.each(Object.keys(matrix) as (keyof typeof matrix)[])(
    'every procedure of the %s router has its row (a new one must be added here first)',
    (router) => {
      expect(Object.keys(matrix[router]).sort()).toEqual(Object.keys(routers[router]._def.procedures).sort());
    },
  );

  const cells = Object.entries(matrix).flatMap(([router, rows]) =>
    Object.entries(rows).flatMap(([path, row]) =>
      personas.map((persona) => ({ router: router as keyof typeof matrix, path, row, persona })),
    ),
  );

  test.each(cells)('$router.$path as $persona', async ({ router, path, row, persona }) => {
    const caller = callerFor(router, viewers[persona]) as unknown as Record<string, unknown>;
    const procedure = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
    const call = (procedure as (input: unknown) => Promise<unknown>)(row.input?.());
    if (row.allowed.includes(persona)) {
      await expect(call).resolves.toBeDefined();
    } else {
      await expect(call).rejects.toMatchObject({
        code: viewers[persona] ? 'FORBIDDEN' : 'UNAUTHORIZED',
      });
    }
  });
});
