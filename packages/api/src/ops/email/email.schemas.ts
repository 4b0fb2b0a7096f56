import { z } from 'zod';
import { emailStatuses } from '@astro/db/system';
import type { Availability } from '@astro/domain';
import { templateNames } from '@astro/mail';
import { timeIdCursor } from '../../cursor.ts';
import { text } from '../../text.ts';

export const emailKinds = templateNames;
export type EmailKind = (typeof emailKinds)[number];
export type EmailStatus = (typeof emailStatuses)[number];

/** Where a page ends: the last e-mail's creation time and id, as `nextCursor` gives it. */
const cursor = timeIdCursor('This is not a page of the e-mail queue.');

export const listEmailsInput = z.object({
  /** Any part of the recipient's address, in any case. */
  recipient: text({ max: 254, tooLong: 'An e-mail address has at most 254 characters.' })
    .trim()
    .min(1)
    .toLowerCase()
    .optional(),
  /** Which e-mail it is: the template it is written from. */
  kind: z.enum(emailKinds, 'There is no e-mail of this kind.').optional(),
  status: z.enum(emailStatuses, 'Choose pending, sent or failed.').optional(),
  limit: z.int().min(1).max(100).default(50),
  /** The previous page's `nextCursor`: the e-mails queued before it. Absent for the newest. */
  cursor: cursor.optional(),
});
export type ListEmailsInput = z.input<typeof listEmailsInput>;
export type ListEmailsQuery = z.output<typeof listEmailsInput>;

/** One e-mail, to read or to resend. */
export const emailInput = z.object({ emailId: z.uuid('This is not an e-mail id.') });
export type EmailInput = z.infer<typeof emailInput>;

/** One e-mail of the queue, as a row of the list. */
export interface EmailRow {
  id: string;
  kind: string;
  recipient: string;
  status: EmailStatus;
  attempts: number;
  /** ISO 8601. */
  createdAt: string;
  sentAt: string | null;
}

export interface EmailPage {
  /** Newest first. */
  emails: EmailRow[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** One e-mail as its recipient sees it, with what the sender made of it. */
export interface EmailView extends EmailRow {
  event: string;
  lastError: string | null;
  availableAt: string;
  smtpMessageId: string | null;
  /** Rendered by the sender's templates; null, with the reason, when its template or data cannot be rendered. */
  message: { subject: string; html: string; text: string } | null;
  renderProblem: string | null;
  /** Whether "Resend" is offered, and if not, why. */
  resend: Availability;
}
