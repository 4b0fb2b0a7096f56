import type { Destination } from './destination.ts';

/** The launch page's address: readable, stable for a given mission, destination and day. */
export function launchSlug(missionName: string, destination: Destination, launchDate: Date): string {
  const mission = missionName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const day = launchDate.toISOString().slice(0, 10);
  return [mission || 'launch', destination, day].join('-');
}
