/** Files a page handed to the browser's downloads, read as the person who saved them would open them. */
import type { Download } from '@playwright/test';

export async function downloadedBytes(download: Download): Promise<Buffer> {
  return Buffer.concat(await (await download.createReadStream()).toArray());
}

/** Reads a CSV the way a spreadsheet does: quoted fields, doubled quotes, CRLF rows, a leading byte-order mark. */
export function parseCsv(text: string): string[][] {
  return text
    .replace(/^\ufeff/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replaceAll('""', '"')));
}
