import { z } from 'zod';

export const resendInput = z.object({ emailId: z.uuid('This is not an e-mail id.') });
export type ResendInput = z.infer<typeof resendInput>;
