/**
 * Every procedure of every router with a valid input and the kinds of person allowed to call it, and the demo
 * world those inputs refer to. The authorization matrix asserts these cells; the host's fuzz test starts from them.
 */
import type { AnyRouter } from '@trpc/server';
import type { Stores } from '@astro/db';
import { Agency, Launch } from '@astro/db/operational';
import { User } from '@astro/db/system';
import { adminRouter } from './admin/router.ts';
import { customerRouter } from './customer/router.ts';
import { opsRouter } from './ops/router.ts';
import { supplierRouter } from './supplier/router.ts';

export const personas = [
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
export type Persona = (typeof personas)[number];

const everyone = personas;
const only = (...allowed: Persona[]) => allowed;

/** A persona's own agency's things (agency A's for everybody but the supplier of B). */
export interface Own {
  agencyId: string;
  rocketId: string;
  launchId: string;
  /** An operator's account, whose roles an admin may set. */
  operatorAccountId: string;
}

export interface Row {
  /** A valid input for the persona, made fresh for each call. */
  input?: (own: Own) => unknown;
  allowed: readonly Persona[];
}

let unique = 0;
const suppliers = only('supplier of A', 'supplier of B');
const travelers = only('customer', 'another customer');
const financeDesk = only('finance', 'admin');
const november = { from: '2026-11-01', until: '2026-11-30' };
/** A range for the log procedures. */
const lastHour = { from: '2026-11-25T11:00:00.000Z', to: '2026-11-25T12:00:00.000Z' };
const statementOf = (own: Own) => ({ agencyId: own.agencyId, ...november });
const launchFields = (own: Own) => ({
  rocketId: own.rocketId,
  missionName: `Matrix Mission ${++unique}`,
  destination: 'suborbital',
  spaceport: 'Test Spaceport',
  launchDate: new Date(Date.UTC(2030, 0, unique)),
  pricePerSeatCents: 100_000,
  minimumPassengers: 1,
});
export type RouterName = 'customer' | 'supplier' | 'admin' | 'ops';

export const matrix: Record<RouterName, Record<string, Row>> = {
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
    // Another agency's invoice or credit note answers "not found", like one that does not exist.
    'invoices.list': { input: () => ({}), allowed: suppliers },
    'invoices.detail': { input: () => ({ invoiceId: crypto.randomUUID() }), allowed: suppliers },
    'invoices.pdf': { input: () => ({ invoiceId: crypto.randomUUID() }), allowed: suppliers },
    'invoices.creditNotePdf': { input: () => ({ creditNoteId: crypto.randomUUID() }), allowed: suppliers },
    'statements.show': { input: () => november, allowed: suppliers },
    'statements.csv': { input: () => november, allowed: suppliers },
    'statements.pdf': { input: () => november, allowed: suppliers },
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
    'agencies.detail': { input: (own) => ({ agencyId: own.agencyId }), allowed: only('support', 'finance', 'admin') },
    'agencies.onboard': {
      input: () => ({
        displayName: `Matrix Agency ${++unique}`,
        legalName: `Matrix Agency ${unique} LLC`,
        taxId: `MATRIX-${unique}`,
        legalAddress: '1 Test Road, Testville',
        contactEmail: `agency.${unique}@example.com`,
        description: 'Flights for tests.',
      }),
      allowed: only('admin'),
    },
    // An unknown agency answers "not found" past authorization, so the matrix suspends none of the agencies it uses.
    'agencies.suspend': {
      input: () => ({ agencyId: crypto.randomUUID(), reason: 'Matrix test' }),
      allowed: only('admin'),
    },
    'agencies.reactivate': {
      input: () => ({ agencyId: crypto.randomUUID(), reason: 'Matrix test' }),
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
    'bookings.search': { input: () => ({}), allowed: only('support', 'finance', 'admin') },
    'bookings.detail': {
      input: () => ({ bookingId: crypto.randomUUID() }),
      allowed: only('support', 'finance', 'admin'),
    },
    'bookings.quoteCancellation': {
      input: () => ({ bookingId: crypto.randomUUID() }),
      allowed: only('support', 'finance', 'admin'),
    },
    'bookings.resendConfirmation': {
      input: () => ({ bookingId: crypto.randomUUID(), idempotencyKey: crypto.randomUUID() }),
      allowed: only('support', 'finance', 'admin'),
    },
    // Support and finance are answered with the entries of bookings only.
    'audit.list': { input: () => ({}), allowed: only('support', 'finance', 'admin') },
    'audit.choices': { allowed: only('support', 'finance', 'admin') },
    'launches.list': { input: () => ({}), allowed: only('support', 'finance', 'admin') },
    'launches.detail': { input: (own) => ({ launchId: own.launchId }), allowed: only('support', 'finance', 'admin') },
    'users.setRoles': {
      input: (own) => ({ userId: own.operatorAccountId, roles: ['operator'] }),
      allowed: only('admin'),
    },
    'users.list': { input: () => ({ search: 'a', status: 'active' }), allowed: only('admin') },
    'users.detail': { input: (own) => ({ userId: own.operatorAccountId }), allowed: only('admin') },
    // The operator is deactivated, then reactivated; a second call of either is refused past authorization.
    'users.deactivate': {
      input: (own) => ({ userId: own.operatorAccountId, reason: 'Matrix test' }),
      allowed: only('admin'),
    },
    'users.reactivate': {
      input: (own) => ({ userId: own.operatorAccountId, reason: 'Matrix test' }),
      allowed: only('admin'),
    },
    'users.unlock': { input: (own) => ({ userId: own.operatorAccountId }), allowed: only('admin') },
    'users.sendPasswordReset': { input: (own) => ({ userId: own.operatorAccountId }), allowed: only('admin') },
    // Finance's desk: support is refused. Unknown ids answer "not found", past authorization.
    'finance.invoices.list': { input: () => ({}), allowed: financeDesk },
    'finance.invoices.detail': { input: () => ({ invoiceId: crypto.randomUUID() }), allowed: financeDesk },
    'finance.invoices.recordPayment': {
      input: () => ({ invoiceId: crypto.randomUUID(), amountCents: 100, paidOn: '2026-11-20', reference: 'Matrix' }),
      allowed: financeDesk,
    },
    'finance.invoices.issueCreditNote': {
      input: () => ({ invoiceId: crypto.randomUUID(), amountCents: 100, reason: 'Matrix test' }),
      allowed: financeDesk,
    },
    'finance.invoices.pdf': { input: () => ({ invoiceId: crypto.randomUUID() }), allowed: financeDesk },
    'finance.creditNotes.pdf': { input: () => ({ creditNoteId: crypto.randomUUID() }), allowed: financeDesk },
    'finance.statements.show': { input: (own) => statementOf(own), allowed: financeDesk },
    'finance.statements.csv': { input: (own) => statementOf(own), allowed: financeDesk },
    'finance.statements.pdf': { input: (own) => statementOf(own), allowed: financeDesk },
    'finance.reports.show': { input: () => november, allowed: financeDesk },
    'finance.reports.csv': { input: () => november, allowed: financeDesk },
  },
  ops: {
    me: { allowed: everyone },
    'status.get': { allowed: only('operator') },
    'status.history': { input: () => ({ range: '1h' }), allowed: only('operator') },
    'sync.metrics': { allowed: only('operator') },
    'sync.deadLetters': { allowed: only('operator') },
    'sync.replay': { input: () => ({ messageId: crypto.randomUUID() }), allowed: only('operator') },
    'sync.overview': { allowed: only('operator') },
    'sync.retries': { allowed: only('operator') },
    'sync.replaySelected': { input: () => ({ messageIds: [crypto.randomUUID()] }), allowed: only('operator') },
    'sync.messagesOf': { input: () => ({ entityId: crypto.randomUUID() }), allowed: only('operator') },
    'email.queue': { allowed: only('operator') },
    'email.resend': { input: () => ({ emailId: crypto.randomUUID() }), allowed: only('operator') },
    stats: { allowed: only('operator') },
    'instances.list': { allowed: only('operator') },
    'email.counts': { allowed: only('operator') },
    'email.list': { input: () => ({}), allowed: only('operator') },
    'email.get': { input: () => ({ emailId: crypto.randomUUID() }), allowed: only('operator') },
    'jobs.list': { allowed: only('operator') },
    'jobs.runNow': { input: () => ({ job: 'no-such-job' }), allowed: only('operator') },
    'jobs.pause': { input: () => ({ job: 'no-such-job' }), allowed: only('operator') },
    'jobs.resume': { input: () => ({ job: 'no-such-job' }), allowed: only('operator') },
    'logs.search': { input: () => lastHour, allowed: only('operator') },
    'logs.volume': { input: () => lastHour, allowed: only('operator') },
    'logs.context': { input: () => ({ lineId: crypto.randomUUID() }), allowed: only('operator') },
    'logs.tail': { input: () => ({}), allowed: only('operator') },
  },
};

export const routers: Record<RouterName, AnyRouter> = {
  customer: customerRouter,
  supplier: supplierRouter,
  admin: adminRouter,
  ops: opsRouter,
};

/** Agency A's things for everybody but the supplier of B, who has agency B's. */
export const ownOf = (world: Record<'A' | 'B', Own>, persona: Persona): Own =>
  world[persona === 'supplier of B' ? 'B' : 'A'];

/** The first two active agencies of the demo world (A and B), each with a scheduled launch and its rocket. */
export async function ownThings(stores: Stores): Promise<Record<'A' | 'B', Own>> {
  const operational = stores.operational.em.fork();
  const agencies = await operational.find(Agency, { status: 'active' }, { orderBy: { legalName: 'asc' }, limit: 2 });
  const operatorAccountId = (await stores.system.em.fork().findOneOrFail(User, { roles: 'operator' } as never)).id;
  const own = async (agency: Agency): Promise<Own> => {
    const launch = await operational.findOneOrFail(
      Launch,
      { agency: agency.id, status: 'scheduled' },
      { orderBy: { launchDate: 'desc' } },
    );
    return { agencyId: agency.id, rocketId: launch.rocket.id, launchId: launch.id, operatorAccountId };
  };
  return { A: await own(agencies[0]!), B: await own(agencies[1]!) };
}
