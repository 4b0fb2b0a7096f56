import { describe, expect, it } from 'vitest';
import { launchSlug } from './slug.ts';

describe('launchSlug', () => {
  it('joins mission, destination and UTC day in lower-case words', () => {
    expect(launchSlug('Artemis Dawn II', 'moon', new Date('2027-03-14T23:30:00Z'))).toBe(
      'artemis-dawn-ii-moon-2027-03-14',
    );
  });
  it('drops accents and punctuation so the address stays readable', () => {
    expect(launchSlug('Étoile — Première!', 'orbit', new Date('2027-01-02T00:00:00Z'))).toBe(
      'etoile-premiere-orbit-2027-01-02',
    );
  });
  it('still gives an address when the mission name has no letters', () => {
    expect(launchSlug('***', 'mars', new Date('2028-07-01T10:00:00Z'))).toBe('launch-mars-2028-07-01');
  });
});
