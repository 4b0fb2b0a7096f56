import { expect, it } from 'vitest';
import { csvAmount, toCsv } from './csv.ts';

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

it('keeps numbers and amounts as numbers, negative ones too, and writes amounts as plain decimals', () => {
  expect(
    toCsv(
      ['n', 'amount', 'text'],
      [
        [-3, csvAmount(-2_500), '-25.00'],
        [0, csvAmount(123_450), '1234.50'],
      ],
    ),
  ).toBe('"n","amount","text"\r\n"-3","-25.00","\'-25.00"\r\n"0","1234.50","1234.50"\r\n');
  expect(toCsv(['amount'], [[csvAmount(5)], [csvAmount(-1)], [csvAmount(9_000_000_000_000_050)]])).toBe(
    '"amount"\r\n"0.05"\r\n"-0.01"\r\n"90000000000000.50"\r\n',
  );
});
