import { admin } from '../trpc.ts';
import { listAuditInput } from './audit.schemas.ts';
import { listAuditEntries } from './audit.service.ts';

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
});
