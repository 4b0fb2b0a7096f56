/**
 * Who may call what: every procedure of every router, called as each kind of person. The expected cell is
 * written down here; a procedure added without its row fails the first test, so nothing ships unruled.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AnyRouter } from '@trpc/server';
import { createAccounts } from '@astro/auth/accounts';
import { Agency, Launch } from '@astro/db/operational';
import { seedDemoWorld } from '@astro/db/seed';
import { User } from '@astro/db/system';
import { createLogger } from '@astro/logging';
import { sandboxGateway } from '@astro/payments';
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

/** A persona's own agency's things (agency A's for everybody but the supplier of B). */
interface Own {
  agencyId: string;
  rocketId: string;
  launchId: string;
}

interface Row {
  /** A valid input for the persona, made fresh for each call. */
  input?: (own: Own) => unknown;
  allowed: readonly Persona[];
}

let unique = 0;
const suppliers = only('supplier of A', 'supplier of B');
const travelers = only('customer', 'another customer');
const launchFields = (own: Own) => ({
  rocketId: own.rocketId,
  missionName: `Matrix Mission ${++unique}`,
  destination: 'suborbital',
  spaceport: 'Test Spaceport',
  launchDate: new Date(Date.UTC(2030, 0, unique)),
  pricePerSeatCents: 100_000,
  minimumPassengers: 1,
});
let operatorAccountId = '';
const matrix: Record<'customer' | 'supplier' | 'admin' | 'ops', Record<string, Row>> = {
  customer: {
    me: { allowed: everyone },
    'catalogue.list': { input: () => ({}), allowed: everyone },
    'catalogue.launch': { input: () => ({ slug: 'no-such-launch' }), allowed: everyone },
    'bookings.hold': {
      input: (own) => ({ launchId: own.launchId, seats: 1, idempotencyKey: `matrix-${++unique}` }),
      allowed: travelers,
    },
    'bookings.mine': { allowed: travelers },
    // Someone else's booking reference answers "not found", never the booking.
    'bookings.get': { input: () => ({ bookingId: crypto.randomUUID() }), allowed: travelers },
    'bookings.passengers': {
      input: () => ({ bookingId: crypto.randomUUID(), passengers: [{ name: 'A. Traveler', birthDate: '1990-01-01' }] }),
      allowed: travelers,
    },
    'bookings.pay': {
      input: () => ({
        bookingId: crypto.randomUUID(),
        attemptKey: `matrix-${++unique}`,
        card: { number: '4242 4242 4242 4242', expiry: '12/30', cvc: '123' },
      }),
      allowed: travelers,
    },
    'bookings.cancel': { input: () => ({ bookingId: crypto.randomUUID(), quotedRefundCents: 0 }), allowed: travelers },
    'waitingList.mine': { allowed: travelers },
    'waitingList.join': { input: (own) => ({ launchId: own.launchId, seats: 1 }), allowed: travelers },
    'waitingList.leave': { input: (own) => ({ launchId: own.launchId }), allowed: travelers },
    'account.profile': { allowed: travelers },
    'account.updateProfile': {
      input: () => ({
        name: 'Matrix Traveler',
        phone: null,
        emergencyContact: null,
        preferences: { timeZone: 'UTC', newsletter: false },
      }),
      allowed: travelers,
    },
  },
  supplier: {
    me: { allowed: everyone },
    'agency.get': { allowed: suppliers },
    'agency.update': {
      input: () => ({ contactEmail: 'flights@agency.example', description: 'We fly.' }),
      allowed: suppliers,
    },
    'rockets.list': { allowed: suppliers },
    'rockets.create': {
      input: () => ({ name: `Test Rocket ${++unique}`, capacity: 6, range: 'orbit' }),
      allowed: suppliers,
    },
    'rockets.update': {
      input: (own) => ({ rocketId: own.rocketId, name: `Renamed ${++unique}`, capacity: 100, range: 'mars' }),
      allowed: suppliers,
    },
    'rockets.deactivate': { input: (own) => ({ rocketId: own.rocketId }), allowed: suppliers },
    'launches.list': { input: () => ({}), allowed: suppliers },
    'launches.get': { input: (own) => ({ launchId: own.launchId }), allowed: suppliers },
    'launches.manifest': { input: (own) => ({ launchId: own.launchId }), allowed: suppliers },
    'launches.manifestCsv': { input: (own) => ({ launchId: own.launchId }), allowed: suppliers },
    'launches.schedule': { input: (own) => launchFields(own), allowed: suppliers },
    'launches.edit': { input: (own) => ({ launchId: own.launchId, ...launchFields(own) }), allowed: suppliers },
    'launches.changeStatus': {
      input: (own) => ({ launchId: own.launchId, to: 'delayed', newDate: new Date('2031-01-01'), reason: 'Test' }),
      allowed: suppliers,
    },
  },
  admin: {
    me: { allowed: everyone },
    'agencies.list': { allowed: only('support', 'finance', 'admin') },
    'agencies.updateLegal': {
      input: (own) => ({
        agencyId: own.agencyId,
        legalName: 'Renamed Legal Name Inc.',
        taxId: `TAX-${++unique}`,
        legalAddress: '1 Test Road, Testville',
      }),
      allowed: only('admin'),
    },
    'users.create': {
      input: () => ({ name: 'New Operator', email: `operator.${++unique}@example.com`, roles: ['operator'] }),
      allowed: only('admin'),
    },
    // An unknown booking answers "not found" past authorization.
    'bookings.cancel': {
      input: () => ({ bookingId: crypto.randomUUID(), reason: 'Matrix test' }),
      allowed: only('support', 'finance', 'admin'),
    },
    'users.setRoles': {
      input: () => ({ userId: operatorAccountId, roles: ['operator'] }),
      allowed: only('admin'),
    },
  },
  ops: {
    me: { allowed: everyone },
    'status.get': { allowed: only('operator') },
    'sync.metrics': { allowed: only('operator') },
    'sync.deadLetters': { allowed: only('operator') },
    'sync.replay': { input: () => ({ messageId: crypto.randomUUID() }), allowed: only('operator') },
    'email.queue': { allowed: only('operator') },
    'email.resend': { input: () => ({ emailId: crypto.randomUUID() }), allowed: only('operator') },
  },
};

describe('the authorization matrix', () => {
  let world: TestStores;
  const now = new Date('2026-11-25T12:00:00Z');
  const log = createLogger({ service: 'test', level: 'error', write: () => {} });
  const viewers = {} as Record<Persona, Viewer | null>;
  const owned = {} as Record<'A' | 'B', Own>;

  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, now);
    const [agencyA, agencyB] = await world.stores.operational.em
      .fork()
      .find(Agency, { status: 'active' }, { orderBy: { legalName: 'asc' }, limit: 2 });
    for (const [key, agency] of [
      ['A', agencyA!],
      ['B', agencyB!],
    ] as const) {
      const launch = await world.stores.operational.em
        .fork()
        .findOneOrFail(Launch, { agency: agency.id, status: 'scheduled' }, { orderBy: { launchDate: 'desc' } });
      owned[key] = { agencyId: agency.id, rocketId: launch.rocket.id, launchId: launch.id };
    }
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
    const call = (procedure as (input: unknown) => Promise<unknown>)(
      row.input?.(owned[persona === 'supplier of B' ? 'B' : 'A']),
    );
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
