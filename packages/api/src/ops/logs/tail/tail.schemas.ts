import { z } from 'zod';
import { logMatch } from '../logs.schemas.ts';

/** The tail follows the lines of the search's filters; `lastEventId` (set by the link on a reconnect) resumes it. */
export const tailInput = logMatch.extend({
  lastEventId: z.string().max(64, 'This is not an event of the live tail.').nullish(),
});
export type TailInput = z.input<typeof tailInput>;
