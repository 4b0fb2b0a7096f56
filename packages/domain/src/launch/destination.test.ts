import { describe, expect, it } from 'vitest';
import { canReach, type Destination, type Range } from './destination.ts';

describe('canReach', () => {
  const cases: [Range, Destination, boolean][] = [
    ['suborbital', 'suborbital', true],
    ['suborbital', 'orbit', false],
    ['orbit', 'suborbital', true],
    ['orbit', 'moon', false],
    ['moon', 'orbit', true],
    ['moon', 'mars', false],
    ['mars', 'mars', true],
    ['mars', 'suborbital', true],
  ];
  it.each(cases)('a %s rocket flying to %s is allowed: %s', (range, destination, expected) => {
    expect(canReach(range, destination)).toBe(expected);
  });
});
