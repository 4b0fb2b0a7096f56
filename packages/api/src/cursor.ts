import { z } from 'zod';

/**
 * Where a page of a newest-first list ends: the last row's time and id (`2026-11-25T12:00:00.000Z~<uuid>`), so the
 * next page starts after it however many rows are written meanwhile; `message` names the list it is no page of.
 */
export const timeIdCursor = (message: string) =>
  z
    .string()
    .regex(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z~[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      message,
    );

/**
 * The cursor of a row of a newest-first list: its time and id, as `timeIdCursor` reads it. ISO times of one length
 * sort as text, and the stores order lowercase UUIDs as text does.
 */
export const cursorAt = (at: Date, id: string) => `${at.toISOString()}~${id}`;

/**
 * The rows after a cursor in a list ordered newest first by `field`, then by id: older than its time, or as old with
 * a smaller id. No cursor: every row.
 */
export function olderThanCursor<Field extends string>(
  field: Field,
  cursor: string | undefined,
): { $or?: ({ [F in Field]: { $lt: Date } } | ({ [F in Field]: Date } & { id: { $lt: string } }))[] } {
  if (!cursor) return {};
  const [at, id] = cursor.split('~') as [string, string];
  const moment = new Date(at);
  return {
    $or: [
      { [field]: { $lt: moment } } as { [F in Field]: { $lt: Date } },
      { [field]: moment, id: { $lt: id } } as { [F in Field]: Date } & { id: { $lt: string } },
    ],
  };
}
