import { z } from 'zod';
import { text } from '../../text.ts';

export const profileInput = z.object({
  contactEmail: z.email('Enter an e-mail address like bookings@agency.example.').max(254),
  description: text({
    max: 2000,
    tooLong: 'Use at most 2,000 characters for the description.',
    multiline: true,
  }).trim(),
});
export type ProfileInput = z.infer<typeof profileInput>;
