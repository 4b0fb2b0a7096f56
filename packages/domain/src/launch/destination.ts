/** How far a rocket can fly, in increasing order: a rocket reaches every destination up to its range. */
export const ranges = ['suborbital', 'orbit', 'moon', 'mars'] as const;
export type Range = (typeof ranges)[number];
export type Destination = Range;

export const destinationLabels: Record<Destination, string> = {
  suborbital: 'Suborbital',
  orbit: 'Earth orbit',
  moon: 'The Moon',
  mars: 'Mars',
};

export function canReach(rocketRange: Range, destination: Destination): boolean {
  return ranges.indexOf(destination) <= ranges.indexOf(rocketRange);
}
