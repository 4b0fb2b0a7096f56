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
