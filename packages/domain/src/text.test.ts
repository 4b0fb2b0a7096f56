import { describe, expect, it } from 'vitest';
import { brokenCharacterMessage, textProblem, unprintableMessage } from './text.ts';

describe('text a person typed', () => {
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
  ])('%s: %j', (_case, value, problem) => {
    expect(textProblem(value)).toBe(problem);
  });

  it('takes tabs and line breaks in a multi-line field, but no other control character', () => {
    expect(textProblem('1 Launch Way\r\nCape\tCanaveral', true)).toBeNull();
    expect(textProblem('1 Launch Way\u0000', true)).toBe(unprintableMessage);
  });
});
