import { z } from 'zod';

/**
 * A moment as the stores keep it: a Date in MongoDB, an ISO string once it has been through PostgreSQL's jsonb (the
 * Operational DB's outbox); either is read as a Date.
 */
export const moment = z
  .union([z.date(), z.iso.datetime({ offset: true })], {
    error: 'Invalid input: expected a date (a Date or an ISO date-time string)',
  })
  .pipe(z.coerce.date());
