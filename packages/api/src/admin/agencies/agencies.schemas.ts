import { z } from 'zod';
import { text } from '../../text.ts';

export const legalInput = z.object({
  agencyId: z.uuid('Choose an agency.'),
  legalName: text({ max: 200 }).trim().min(1, 'Enter the legal name.'),
  taxId: text({ max: 40 }).trim().min(3, 'Enter the tax id.'),
  legalAddress: text({ max: 500, multiline: true }).trim().min(5, 'Enter the full legal address.'),
});
export type LegalInput = z.infer<typeof legalInput>;

export interface AgencySummary {
  id: string;
  displayName: string;
  legalName: string;
  contactEmail: string;
  status: 'active' | 'suspended';
  rockets: number;
  upcomingLaunches: number;
  /** ISO 8601. */
  onboardedAt: string;
}
