/**
 * CSV that spreadsheets open correctly: a header row, every field quoted (quotes doubled), CRLF line ends, and text
 * that a spreadsheet would run as a formula (=, +, -, @) defused with a leading apostrophe. Numbers and amounts stay
 * numbers: a refund of -25.00 is an amount to add up, not a formula, so only text cells are defused.
 * Callers send it as UTF-8 with a byte-order mark, which Excel needs to read non-ASCII names.
 */

/** An amount of money in cents, written as a plain decimal: 1234.50, -25.00. */
export interface CsvAmount {
  cents: number;
}
export const csvAmount = (cents: number): CsvAmount => ({ cents });

export type CsvCell = string | number | CsvAmount;

/** Integer arithmetic, so amounts past 2^53 / 100 keep their last cent. */
function decimalOf(cents: number): string {
  const whole = BigInt(cents);
  const positive = whole < 0n ? -whole : whole;
  return `${whole < 0n ? '-' : ''}${positive / 100n}.${String(positive % 100n).padStart(2, '0')}`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const cell = (value: CsvCell) => {
    const text =
      typeof value === 'object'
        ? decimalOf(value.cents)
        : typeof value === 'number'
          ? String(value)
          : /^[=+\-@\t\r]/.test(value)
            ? `'${value}`
            : value;
    return `"${text.replaceAll('"', '""')}"`;
  };
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
