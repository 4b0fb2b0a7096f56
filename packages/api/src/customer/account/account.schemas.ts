import { z } from 'zod';
import { text } from '../../text.ts';

const phone = text({ max: 40 })
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{6,19}$/, 'Enter a phone number with its country code, like +1 555 010 2030.');

const timeZone = text({ max: 100 }).refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'Choose a time zone from the list.');

/** The e-mail is the sign-in name and changes with the account, not here. */
export const profileInput = z.object({
  name: text({ max: 200, tooLong: 'A name is at most 200 characters.' }).trim().min(1, 'Enter your full name.'),
  phone: phone.nullable(),
  emergencyContact: z
    .object({
      name: text({ max: 200 }).trim().min(1, 'Enter the emergency contact’s name.'),
      phone,
      relationship: text({ max: 100 }).trim().min(1, 'Say how this person is related to you.'),
    })
    .nullable(),
  preferences: z.object({ timeZone, newsletter: z.boolean() }),
});
