/** Finance as the tests meet it: invoices the issuing job makes within seconds of the system's start. */
import { expect, type Page } from '@playwright/test';
import { query } from './server-rendered.ts';

export interface AgencyInvoice {
  id: string;
  number: string;
  status: string;
}

/** The signed-in supplier's invoices, newest first, once the issuing job has invoiced the agency's flown launches. */
export async function agencyInvoices(page: Page): Promise<AgencyInvoice[]> {
  let invoices: AgencyInvoice[] = [];
  await expect
    .poll(
      async () => {
        ({ invoices } = await query<{ invoices: AgencyInvoice[] }>(page.request, '/api/supplier/invoices.list', {}));
        return invoices.length;
      },
      { message: 'The issuing job invoiced none of the agency’s flown launches', timeout: 60_000 },
    )
    .toBeGreaterThan(0);
  return invoices;
}
