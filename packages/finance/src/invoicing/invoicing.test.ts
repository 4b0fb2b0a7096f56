import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Invoice } from '@astro/db/operational';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import { issueInvoices, launchesAwaitingInvoice } from './invoicing.ts';
import { writeLaunchedLaunches } from './launched-launches.test-support.ts';

let world: TestStores;
beforeAll(async () => {
  world = await openTestStores();
});
afterAll(() => world.drop());

const em = () => world.stores.operational.em.fork();
const issueAwaiting = async (at: Date) => issueInvoices(em(), await launchesAwaitingInvoice(em()), at);
const sequencesOf = async (year: number) =>
  (await em().find(Invoice, { year }, { orderBy: { sequence: 'asc' } })).map((invoice) => invoice.sequence);
const upTo = (count: number) => Array.from({ length: count }, (_, n) => n + 1);

/** A scheduler process that issues every launch awaiting its invoice once told to go. */
function startIssuer(issuedAt: Date) {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./issuer-process.test-support.ts', import.meta.url))], {
    env: { ...process.env, DATABASE_URL: world.config.databaseUrl, ISSUED_AT: issuedAt.toISOString() },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let output = '';
  const ready = new Promise<void>((resolve) =>
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready')) resolve();
    }),
  );
  const done = new Promise<{ issued: number; alreadyIssued: number }>((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(output.trim().split('\n').at(-1)!)) : reject(new Error(`issuer exited ${code}`)),
    ),
  );
  return { ready, done, go: () => child.stdin.end('go\n') };
}

describe('issuing invoices', () => {
  it('gives 50 invoices issued at once by two scheduler processes 50 consecutive numbers, one invoice per launch', async () => {
    const { launchIds } = await writeLaunchedLaunches(em(), {
      tag: 'Twin',
      launches: 50,
      agencies: 5,
      firstLaunch: new Date('2031-01-05T10:00:00Z'),
    });
    const issuers = [startIssuer(new Date('2031-03-01T09:00:00Z')), startIssuer(new Date('2031-03-01T09:00:00Z'))];
    await Promise.all(issuers.map((issuer) => issuer.ready));
    for (const issuer of issuers) issuer.go();
    const counts = await Promise.all(issuers.map((issuer) => issuer.done));

    expect(counts.reduce((sum, { issued }) => sum + issued, 0)).toBe(50);
    expect(await sequencesOf(2031)).toEqual(upTo(50));
    const invoices = await em().find(Invoice, { year: 2031 });
    expect(new Set(invoices.map((invoice) => invoice.number)).size).toBe(50);
    expect(invoices.map((invoice) => invoice.launch.id).sort()).toEqual([...launchIds].sort());
    expect(invoices.map((invoice) => invoice.number)).toContain('AB-2031-000050');
  }, 60_000);

  it('issues each launch once when two schedulers in one process race, leaving no gap for the one that lost', async () => {
    await writeLaunchedLaunches(em(), { tag: 'Race', launches: 20, agencies: 4, firstLaunch: new Date('2032-01-05') });
    const at = new Date('2032-02-01T09:00:00Z');
    const runs = await Promise.all([issueAwaiting(at), issueAwaiting(at), issueAwaiting(at)]);
    expect(runs.reduce((sum, { issued }) => sum + issued, 0)).toBe(20);
    expect(await sequencesOf(2032)).toEqual(upTo(20));
    expect(await issueAwaiting(at)).toEqual({ issued: 0, alreadyIssued: 0, nothingToInvoice: 0 });
  });

  it('charges 1% of net seat revenue, 0.8% from the third launched launch, 1,000.00 for an abort, and nothing for 0', async () => {
    const { launchIds } = await writeLaunchedLaunches(em(), {
      tag: 'Fees',
      launches: 4,
      firstLaunch: new Date('2030-01-05T10:00:00Z'),
      capturedCents: 300_000_00,
      refundedCents: 50_000_50,
    });
    const [first, second, third, fourth] = launchIds as [string, string, string, string];
    await em().execute(`update launch set status = 'aborted' where id = ?`, [fourth]);
    const { launchIds: refundedInFull } = await writeLaunchedLaunches(em(), {
      tag: 'Free',
      launches: 1,
      firstLaunch: new Date('2030-01-05T10:00:00Z'),
      capturedCents: 90_000_00,
      refundedCents: 90_000_00,
    });
    const at = new Date('2030-06-15T22:30:00Z');
    expect(await issueAwaiting(at)).toEqual({ issued: 4, alreadyIssued: 0, nothingToInvoice: 1 });

    const invoiceOf = (launchId: string) => em().findOneOrFail(Invoice, { launch: launchId });
    // Net 249,999.50: 1% is 2,499.995, half up to the cent.
    expect((await invoiceOf(first)).amountCents).toBe(2_500_00);
    expect((await invoiceOf(second)).amountCents).toBe(2_500_00);
    const reliable = await invoiceOf(third);
    expect(reliable.amountCents).toBe(2_000_00);
    expect(reliable.feeRule).toEqual({
      kind: 'seat-revenue',
      rateBasisPoints: 80,
      capturedCents: 300_000_00,
      refundedCents: 50_000_50,
      netRevenueCents: 249_999_50,
      earlierLaunchedLaunches: 2,
      reliable: true,
    });
    expect(reliable.lines).toEqual([
      {
        description: expect.stringContaining('0.8% of net seat revenue (reliable agency'),
        amountCents: 2_000_00,
      },
    ]);
    expect(reliable.lines[0]!.description).toContain('Fees Flight 3');
    expect(reliable.billedTo).toEqual({
      legalName: 'Fees Spaceflight 1, Inc.',
      taxId: 'Fees-1',
      legalAddress: '1 Pad Road, Spaceport City',
    });
    expect([reliable.issueDate, reliable.dueDate, reliable.status]).toEqual(['2030-06-15', '2030-07-15', 'issued']);
    expect(await invoiceOf(fourth)).toMatchObject({ amountCents: 1_000_00, feeRule: { kind: 'abort' } });
    expect(await em().count(Invoice, { launch: refundedInFull[0]! })).toBe(0);
  });

  it('starts the sequence of a new UTC year at 000001', async () => {
    await writeLaunchedLaunches(em(), { tag: 'Eve', launches: 2, firstLaunch: new Date('2033-12-01') });
    await issueAwaiting(new Date('2033-12-31T23:59:59Z'));
    await writeLaunchedLaunches(em(), { tag: 'Dawn', launches: 1, firstLaunch: new Date('2033-12-20') });
    await issueAwaiting(new Date('2034-01-01T00:00:00Z'));
    const numbers = (await em().find(Invoice, { year: { $in: [2033, 2034] } }, { orderBy: { number: 'asc' } })).map(
      (invoice) => invoice.number,
    );
    expect(numbers).toEqual(['AB-2033-000001', 'AB-2033-000002', 'AB-2034-000001']);
  });

  it('refuses to change an issued invoice’s amount, number, dates or lines, or to delete it, but follows its payments', async () => {
    const invoice = await em().findOneOrFail(Invoice, { number: 'AB-2033-000001' });
    const refused = 'An issued invoice never changes its number, dates, lines or amount';
    for (const change of [
      'amount_cents = amount_cents + 1',
      `number = 'AB-2033-999999'`,
      `due_date = due_date + 30`,
      `issue_date = issue_date - 1`,
      `lines = '[]'::jsonb`,
      `billed_to = '{}'::jsonb`,
    ])
      await expect(em().execute(`update invoice set ${change} where id = ?`, [invoice.id])).rejects.toThrow(refused);
    await expect(em().execute('delete from invoice where id = ?', [invoice.id])).rejects.toThrow('never deleted');

    await em().execute(`update invoice set paid_cents = 100, status = 'partially_paid' where id = ?`, [invoice.id]);
    expect(await em().findOneOrFail(Invoice, invoice.id)).toMatchObject({
      paidCents: 100,
      status: 'partially_paid',
      amountCents: invoice.amountCents,
    });
  });
});
