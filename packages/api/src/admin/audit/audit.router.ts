import { admin } from '../trpc.ts';
import { listAuditInput } from './audit.schemas.ts';
import { auditChoices, listAuditEntries } from './audit.service.ts';

export const auditRouter = admin.router({
  /**
   * Every audited action, newest first, filtered by actor, action, target and period, a page at a time. An admin sees
   * both trails whole; support and finance see the entries of bookings only (their desk's work), and are refused
   * another target type.
   */
  list: admin
    .allow('support', 'finance', 'admin')
    .input(listAuditInput)
    .query(({ ctx, input }) => listAuditEntries(ctx, input)),
  /** The actions, target types and actors the audit page's filters offer, as far as the viewer may see them. */
  choices: admin.allow('support', 'finance', 'admin').query(({ ctx }) => auditChoices(ctx)),
});
