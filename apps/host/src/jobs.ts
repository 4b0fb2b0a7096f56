/** Every job the host runs, registered in one place: the running host and a one-off `--run-job` run get the same ones. */
import type { Config } from '@astro/config';
import type { Stores } from '@astro/db';
import {
  abortCascadeJob,
  authCleanupJob,
  bookingRecoveryJob,
  bookingRelayJob,
  emailSenderJob,
  holdExpiryJob,
  invoiceDunningJob,
  invoicingJob,
  launchRemindersJob,
  outboxRelayJob,
  retentionJob,
  statusSamplesJob,
  syncApplyJob,
  tripsFlownJob,
  waitingListOffersJob,
  type Scheduler,
} from '@astro/jobs';
import { createSmtpTransport } from '@astro/mail';
import type { PaymentGateway } from '@astro/payments';
import { componentProbes } from './status.ts';

export function registerJobs(
  scheduler: Pick<Scheduler, 'register'>,
  {
    config,
    stores,
    payments,
    instance,
  }: { config: Config; stores: Stores; payments: PaymentGateway; instance: string },
): void {
  scheduler.register(retentionJob(stores, config.retention));
  scheduler.register(authCleanupJob(stores.system));
  scheduler.register(outboxRelayJob(stores.operational, stores.system));
  scheduler.register(holdExpiryJob(stores.customer, stores.system));
  scheduler.register(bookingRecoveryJob(stores.customer, payments));
  scheduler.register(bookingRelayJob(stores.customer, stores.system));
  scheduler.register(syncApplyJob({ ...stores, payments }, instance));
  scheduler.register(abortCascadeJob(stores.customer, payments));
  scheduler.register(waitingListOffersJob(stores.customer, stores.system));
  scheduler.register(tripsFlownJob(stores.customer));
  scheduler.register(launchRemindersJob(stores.customer, stores.system));
  scheduler.register(
    emailSenderJob({
      system: stores.system,
      transport: createSmtpTransport(config.smtpUrl, { pooled: true }),
      publicUrl: config.publicUrl,
      from: config.mailFrom,
      instance,
    }),
  );
  scheduler.register(invoicingJob(stores));
  scheduler.register(invoiceDunningJob(stores));
  scheduler.register(statusSamplesJob(stores.system, componentProbes(config, stores), instance));
}
