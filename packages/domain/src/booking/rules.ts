/** The booking rules of SPEC.md §3 as plain functions: seats per booking, passengers' ages, VIP, holds. */

export const holdMinutes = 10;
/** Seats that come back go to the first on the waiting list as a hold this long. */
export const priorityHoldHours = 24;
/** How long a hold of `minutes` lasts, as a traveler reads it: "10 minutes", "24 hours", "1 hour 30 minutes". */
export function holdLengthInWords(minutes: number): string {
  const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;
  const [hours, rest] = [Math.floor(minutes / 60), minutes % 60];
  if (hours === 0) return plural(rest, 'minute');
  return rest === 0 ? plural(hours, 'hour') : `${plural(hours, 'hour')} ${plural(rest, 'minute')}`;
}
export const seatLimits = { regular: 4, vip: 6 } as const;
export const passengerAges = { min: 18, max: 70 } as const;
/** A customer with at least this many trips on launched launches is a VIP. */
export const vipTrips = 2;

export const isVip = (tripsFlown: number): boolean => tripsFlown >= vipTrips;

export function seatsProblem(seats: number, vip: boolean): string | null {
  const limit = vip ? seatLimits.vip : seatLimits.regular;
  if (!Number.isInteger(seats) || seats < 1) return 'Choose at least 1 seat.';
  if (seats > limit)
    return vip
      ? `A booking holds at most ${limit} seats.`
      : `A booking holds at most ${limit} seats (${seatLimits.vip} for VIP travelers).`;
  return null;
}

/** Whole years between a birth date (YYYY-MM-DD) and a moment, counted on the UTC calendar. */
export function ageOn(birthDate: string, on: Date): number {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  const birthdayPassed = on.getUTCMonth() + 1 > month || (on.getUTCMonth() + 1 === month && on.getUTCDate() >= day);
  return on.getUTCFullYear() - year - (birthdayPassed ? 0 : 1);
}

const isCalendarDate = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
};

export interface Passenger {
  name: string;
  birthDate: string;
}

/** Problems by field path (`passengers.1.birthDate`), so a form can show each next to its field. */
export function passengerProblems(passengers: Passenger[], seats: number, launchDate: Date): Record<string, string> {
  const problems: Record<string, string> = {};
  if (passengers.length !== seats)
    problems['passengers'] = `Enter ${seats} ${seats === 1 ? 'passenger' : 'passengers'}, one for each seat.`;
  passengers.forEach((passenger, index) => {
    const at = `passengers.${index}`;
    if (!passenger.name.trim()) problems[`${at}.name`] = 'Enter the passenger’s full name.';
    if (!isCalendarDate(passenger.birthDate)) {
      problems[`${at}.birthDate`] = 'Enter a birth date like 1990-04-21.';
      return;
    }
    const age = ageOn(passenger.birthDate, launchDate);
    if (age < passengerAges.min)
      problems[`${at}.birthDate`] =
        `Passengers must be at least ${passengerAges.min} on the launch date (this one would be ${age}).`;
    else if (age > passengerAges.max)
      problems[`${at}.birthDate`] =
        `Passengers must be at most ${passengerAges.max} on the launch date (this one would be ${age}).`;
  });
  return problems;
}
