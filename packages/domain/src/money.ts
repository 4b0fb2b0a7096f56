/** Money is always integer cents in one currency; floats never hold an amount. */
export const currencies = ['USD'] as const;
export type Currency = (typeof currencies)[number];

export interface Money {
  readonly cents: number;
  readonly currency: Currency;
}

export function money(cents: number, currency: Currency = 'USD'): Money {
  if (!Number.isSafeInteger(cents)) {
    throw new RangeError(`An amount must be a whole number of cents, got ${cents}`);
  }
  return { cents, currency };
}

const formatters = new Map<Currency, Intl.NumberFormat>();

/** "$1,250.00": the form people read on every page and e-mail. */
export function formatMoney({ cents, currency }: Money): string {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    formatters.set(currency, formatter);
  }
  return formatter.format(cents / 100);
}
