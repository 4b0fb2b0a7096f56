import { expect, it } from 'vitest';
import { toCsv } from './csv.ts';

it('writes a header and quoted fields a spreadsheet reads back exactly', () => {
  expect(
    toCsv(
      ['Name', 'Note'],
      [
        ['Zoë "Z" Ōtani', 'a, b'],
        ['José', 'line\nbreak'],
      ],
    ),
  ).toBe('"Name","Note"\r\n"Zoë ""Z"" Ōtani","a, b"\r\n"José","line\nbreak"\r\n');
});

it('defuses cells a spreadsheet would run as formulas', () => {
  expect(toCsv(['x'], [['=HYPERLINK("http://evil")'], ['-2+3'], ['@cmd'], ['+1']])).toBe(
    '"x"\r\n"\'=HYPERLINK(""http://evil"")"\r\n"\'-2+3"\r\n"\'@cmd"\r\n"\'+1"\r\n',
  );
});
