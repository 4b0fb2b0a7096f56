import { describe, expect, it } from 'vitest';
import { blobPartsOf } from './download.ts';

describe('a downloaded file', () => {
  it('is a CSV that starts with the byte-order mark, so spreadsheets read its accents as UTF-8', async () => {
    const { parts, type } = blobPartsOf({ filename: 'manifest.csv', csv: 'name\r\nZoë\r\n' });
    expect(type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await new Blob(parts).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('name\r\nZoë\r\n');
  });

  it('is a PDF with exactly the bytes the base64 carried', async () => {
    const pdf = '%PDF-1.7\n\u00e2\u00e3\u00cf\u00d3';
    const bytes = Uint8Array.from(pdf, (char) => char.charCodeAt(0));
    const { parts, type } = blobPartsOf({ filename: 'AB-2026-000001.pdf', base64: btoa(pdf) });
    expect(type).toBe('application/pdf');
    expect(new Uint8Array(await new Blob(parts).arrayBuffer())).toEqual(bytes);
  });
});
