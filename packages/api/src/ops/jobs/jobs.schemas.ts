import { z } from 'zod';

const jobName = z.string().trim().min(1, 'Name the job.').max(100, 'There is no job with so long a name.');

export const runNowInput = z.object({ job: jobName });
export type RunNowInput = z.infer<typeof runNowInput>;

export const pauseInput = z.object({
  job: jobName,
  reason: z.string().trim().max(500, 'Keep the reason under 500 characters.').optional(),
});
export type PauseInput = z.infer<typeof pauseInput>;
