import { describe, expect, it } from 'vitest';
import { brokenCharacterMessage, text, unprintableMessage } from './text.ts';

const problemOf = (value: unknown, options: Parameters<typeof text>[0] = { max: 20 }) =>
  text(options).safeParse(value).error?.issues[0]?.message ?? null;

describe('text a caller sends', () => {
  it.each([
    ['a name with accents', 'Zoë Ñúñez', null],
    ['an emoji (a surrogate pair)', 'Ride 🚀', null],
    ['a NUL character', 'Ada\u0000', unprintableMessage],
    ['an escape character', '\u001b[31mred', unprintableMessage],
    ['DEL', 'a\u007f', unprintableMessage],
    ['a C1 control character', 'a\u0085b', unprintableMessage],
    ['a line break in a one-line field', 'two\nlines', unprintableMessage],
    ['a lone high surrogate', 'a\ud800', brokenCharacterMessage],
    ['a lone low surrogate', '\udfffa', brokenCharacterMessage],
    ['too many characters', 'x'.repeat(21), 'Use at most 20 characters.'],
    ['a number', 42, 'Enter text here.'],
  ])('%s: %j', (_case, value, problem) => {
    expect(problemOf(value)).toBe(problem);
  });

  it('takes tabs and line breaks in a multi-line field, but no other control character', () => {
    expect(problemOf('1 Launch Way\r\nCape\tCanaveral', { max: 100, multiline: true })).toBeNull();
    expect(problemOf('1 Launch Way\u0000', { max: 100, multiline: true })).toBe(unprintableMessage);
  });
});
