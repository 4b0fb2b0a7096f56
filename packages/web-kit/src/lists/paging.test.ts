import { describe, expect, it } from 'vitest';
import { pageAsked, pageCount } from './paging.ts';

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
