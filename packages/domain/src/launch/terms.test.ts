import { describe, expect, it } from 'vitest';
import { launchTermsProblems } from './terms.ts';

const now = new Date('2026-11-25T12:00:00Z');
const rocket = { name: 'Horizon 9', capacity: 8, range: 'orbit' as const, active: true };
const terms = {
  destination: 'orbit' as const,
  launchDate: new Date('2027-03-01T09:00:00Z'),
  pricePerSeatCents: 250_000_00,
  minimumPassengers: 4,
};

describe('launch terms against the rocket', () => {
  it('accepts terms the rocket can fly', () => {
    expect(launchTermsProblems(terms, rocket, now)).toEqual({});
  });

  it('names every problem by its field', () => {
    expect(
      launchTermsProblems(
        { destination: 'moon', launchDate: now, pricePerSeatCents: 0, minimumPassengers: 9 },
        { ...rocket, active: false },
        now,
      ),
    ).toEqual({
      rocketId: 'Horizon 9 is deactivated; choose an active rocket.',
      destination: 'Horizon 9 cannot reach The Moon; its range ends at Earth orbit.',
      launchDate: 'The launch date must be in the future.',
      pricePerSeatCents: 'The price per seat must be more than zero.',
      minimumPassengers: "The minimum must be between 1 and Horizon 9's 8 seats.",
    });
  });
});
