import { describe, expect, it } from 'vitest';
import { cursorAsked, pageAsked, pageCount } from './paging.ts';

describe('pageAsked', () => {
  it.each([
    ['3', 3],
    ['2.7', 2],
    [undefined, 1],
    ['', 1],
    ['0', 1],
    ['-4', 1],
    ['next', 1],
  ])('reads the address page %j as page %i', (value, page) => {
    expect(pageAsked(value)).toBe(page);
  });
});

describe('pageCount', () => {
  it.each([
    [0, 1],
    [undefined, 1],
    [20, 1],
    [21, 2],
    [60, 3],
  ])('puts %j rows at 20 a page on %i pages', (total, pages) => {
    expect(pageCount(total, 20)).toBe(pages);
  });
});

describe('cursorAsked', () => {
  it.each([
    [
      '2026-11-25T12:00:00.000Z~0b9f4c1e-2d3a-4b5c-8d7e-6f5a4b3c2d1e',
      '2026-11-25T12:00:00.000Z~0b9f4c1e-2d3a-4b5c-8d7e-6f5a4b3c2d1e',
    ],
    [undefined, undefined],
    ['', undefined],
    ['yesterday', undefined],
    ['2026-11-25~<script>', undefined],
  ])('reads the address cursor %j as %j', (value, cursor) => {
    expect(cursorAsked(value)).toBe(cursor);
  });
});
