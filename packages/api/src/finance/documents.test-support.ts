/** Reading back what a download gives, as a person's PDF viewer or spreadsheet would. */
import { extractText, getDocumentProxy } from 'unpdf';
import type { CsvFile, DocumentFile } from './finance.schemas.ts';

/** The PDF's text, every page, with runs of white space as one space. */
export async function pdfText(file: DocumentFile): Promise<string> {
  const bytes = Buffer.from(file.base64, 'base64');
  if (bytes.subarray(0, 5).toString() !== '%PDF-') throw new Error('Not a PDF');
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

/** RFC 4180 as toCsv writes it: quoted fields, doubled quotes, CRLF rows; the header row first. */
export function parseCsv({ csv }: CsvFile): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted && c === '"' && csv[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted) field += c;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  const [header, ...body] = rows;
  return body.map((cells) => Object.fromEntries(header!.map((name, n) => [name, cells[n] ?? ''])));
}

/** A column's decimals added up, in cents. */
export const sumCents = (rows: Record<string, string>[], column: string) =>
  rows.reduce((total, row) => total + Math.round(Number(row[column]) * 100), 0);
