import { z } from 'zod';
import { text } from '../../text.ts';

const jobName = text({ max: 100, tooLong: 'There is no job with so long a name.' }).trim().min(1, 'Name the job.');

export const runNowInput = z.object({ job: jobName });
export type RunNowInput = z.infer<typeof runNowInput>;

export const pauseInput = z.object({
  job: jobName,
  reason: text({ max: 500, tooLong: 'Keep the reason under 500 characters.', multiline: true }).trim().optional(),
});
export type PauseInput = z.infer<typeof pauseInput>;
