import { describe, expect, it } from 'vitest';
import { ageOn, isVip, passengerProblems, seatsProblem } from './rules.ts';

const launchDate = new Date('2027-06-15T09:00:00Z');

describe('seats per booking', () => {
  it.each([
    [1, false, null],
    [4, false, null],
    [5, false, 'A booking holds at most 4 seats (6 for VIP travelers).'],
    [6, true, null],
    [7, true, 'A booking holds at most 6 seats.'],
    [0, false, 'Choose at least 1 seat.'],
    [1.5, false, 'Choose at least 1 seat.'],
  ])('%s seats, VIP %s: %s', (seats, vip, problem) => {
    expect(seatsProblem(seats, vip)).toBe(problem);
  });

  it('makes a customer VIP from the second trip flown', () => {
    expect([0, 1, 2, 3].map(isVip)).toEqual([false, false, true, true]);
  });
});

describe('passenger ages on the launch date', () => {
  it('counts a birthday on the launch day as passed', () => {
    expect(ageOn('2009-06-15', launchDate)).toBe(18);
    expect(ageOn('2009-06-16', launchDate)).toBe(17);
    expect(ageOn('1956-06-16', launchDate)).toBe(70);
    expect(ageOn('1956-06-15', launchDate)).toBe(71);
  });

  it('accepts 18 to 70 and names each problem by its field', () => {
    expect(
      passengerProblems(
        [
          { name: 'Ada Lovelace', birthDate: '2009-06-15' },
          { name: 'Too Young', birthDate: '2009-06-16' },
          { name: '', birthDate: '1956-06-15' },
          { name: 'Bad Date', birthDate: '1990-02-30' },
        ],
        4,
        launchDate,
      ),
    ).toEqual({
      'passengers.1.birthDate': 'Passengers must be at least 18 on the launch date (this one would be 17).',
      'passengers.2.name': 'Enter the passenger’s full name.',
      'passengers.2.birthDate': 'Passengers must be at most 70 on the launch date (this one would be 71).',
      'passengers.3.birthDate': 'Enter a birth date like 1990-04-21.',
    });
  });

  it('wants one passenger per seat', () => {
    expect(passengerProblems([{ name: 'Solo', birthDate: '1990-01-01' }], 2, launchDate)).toEqual({
      passengers: 'Enter 2 passengers, one for each seat.',
    });
  });
});
