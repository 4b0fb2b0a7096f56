/**
 * A second scheduler process issuing invoices on the same Operational DB: it issues every launch awaiting its invoice
 * as of ISSUED_AT once it reads "go" on stdin (so two start together), prints its counts and exits. Run by
 * invoicing.test.ts.
 */
import { openOperationalDb } from '@astro/db/operational';
import { issueInvoices, launchesAwaitingInvoice } from './invoicing.ts';

const orm = await openOperationalDb(process.env['DATABASE_URL'] ?? '');
process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
const em = orm.em.fork();
const counts = await issueInvoices(em, await launchesAwaitingInvoice(em), new Date(process.env['ISSUED_AT'] ?? ''));
process.stdout.write(`${JSON.stringify(counts)}\n`);
await orm.close();
