/**
 * CSV that spreadsheets open correctly: a header row, every field quoted (quotes doubled), CRLF line ends,
 * and cells that a spreadsheet would run as a formula (=, +, -, @) defused with a leading apostrophe.
 * Callers send it as UTF-8 with a byte-order mark, which Excel needs to read non-ASCII names.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cell = (value: string | number) => {
    const text = String(value);
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return `"${safe.replaceAll('"', '""')}"`;
  };
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
