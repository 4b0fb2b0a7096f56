/** Hands a file a procedure returned to the browser's downloads, as a link the person clicked would. */

/** A CSV export as the API sends it: text, which spreadsheets read as UTF-8 only with a byte-order mark. */
export interface CsvFile {
  filename: string;
  csv: string;
}

/** A PDF as the API sends it: its bytes in base64, since tRPC carries JSON. */
export interface PdfFile {
  filename: string;
  base64: string;
}

/** The file's contents and type, ready for a Blob. */
export function blobPartsOf(file: CsvFile | PdfFile): { parts: BlobPart[]; type: string } {
  if ('csv' in file) return { parts: ['\ufeff', file.csv], type: 'text/csv;charset=utf-8' };
  return { parts: [Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0))], type: 'application/pdf' };
}

/** Saves the file under its name; browser only (call it from a click). */
export function saveFile(file: CsvFile | PdfFile): void {
  const { parts, type } = blobPartsOf(file);
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: file.filename });
  link.click();
  // The download has started by then; the address only has to outlive the click.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
