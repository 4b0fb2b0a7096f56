/** What both audiences' invoice lists share: the list's input as the finance flow's filter. */
import type { InvoiceFilter } from '@astro/finance';
import type { ListInvoicesInput, ListOwnInvoicesInput } from './finance.schemas.ts';

export const invoiceFilterOf = (
  input: ListInvoicesInput | (ListOwnInvoicesInput & { agencyId: string }),
): InvoiceFilter => ({
  status: input.status,
  agencyId: input.agencyId,
  issued: { from: input.issuedFrom, until: input.issuedUntil },
  number: input.number,
  sort: input.sort,
  direction: input.direction,
  page: input.page,
  pageSize: input.pageSize,
});
