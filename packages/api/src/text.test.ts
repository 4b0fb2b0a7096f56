import { describe, expect, it } from 'vitest';
import { unprintableMessage } from '@astro/domain';
import { text } from './text.ts';

const problemOf = (value: unknown, options: Parameters<typeof text>[0] = { max: 20 }) =>
  text(options).safeParse(value).error?.issues[0]?.message ?? null;

describe('a text field of an API', () => {
  it.each([
    ['a name', 'Zoë Ñúñez', null],
    ['a NUL character', 'Ada\u0000', unprintableMessage],
    ['too many characters', 'x'.repeat(21), 'Use at most 20 characters.'],
    ['a number', 42, 'Enter text here.'],
  ])('%s: %j', (_case, value, problem) => {
    expect(problemOf(value)).toBe(problem);
  });

  it('takes line breaks only where the field is multi-line', () => {
    expect(problemOf('two\nlines', { max: 100, multiline: true })).toBeNull();
    expect(problemOf('two\nlines')).toBe(unprintableMessage);
  });
});
