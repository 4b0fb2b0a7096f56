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

/**
 * The cents of an amount as a person types it ("1,250.5", "$1250", "0.05"), or null when it is not one: no more
 * than two decimals, thousands separators only between groups of three. Exact, with no float in between.
 */
export function centsOfTyped(typed: string): number | null {
  const match = /^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{0,2}))?$/.exec(typed.trim());
  if (!match) return null;
  const cents = Number(match[1]!.replaceAll(',', '')) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}
