/** The page a list's address asks for (`?page=3`): a whole number from 1, and the first page for anything else. */
export function pageAsked(value: string | undefined): number {
  const page = Math.floor(Number(value));
  return page >= 1 ? page : 1;
}

/** How many pages `total` rows fill at `pageSize` a page: one even when nothing matches, so the pager says "Page 1 of 1". */
export const pageCount = (total: number | undefined, pageSize: number): number =>
  Math.max(1, Math.ceil((total ?? 0) / pageSize));

/**
 * A newest-first list's cursor from the address (`?cursor=2026-11-25T12:00:00.000Z~<id>`), when it looks like one;
 * anything else is no cursor, and the list starts at its newest rows. The API still judges the one it gets.
 */
export const cursorAsked = (value: string | undefined): string | undefined =>
  /^[\dTZ:.-]+~[\da-f-]+$/.test(value ?? '') ? value : undefined;
