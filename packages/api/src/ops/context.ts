import type { SystemOrm } from '@astro/db/system';
import type { Logger } from '@astro/logging';
import type { Viewer } from '../access.ts';
import type { BaseContext } from '../trpc.ts';
import type { ComponentStatus } from './status/status.schemas.ts';
import type { LogTail } from './logs/tail/log-tail.ts';

/** A job the host's Job Scheduler has registered, as the scheduler knows it (whether or not it runs here). */
export interface RegisteredJob {
  name: string;
  description: string;
  schedule: string;
  nextRun: Date | null;
}

/**
 * The ops router reads the System DB. It does not open the other stores: the host hands it a probe
 * that pings each one, so the dashboard can say what is up without reaching into anyone's data.
 */
export interface OpsContext extends BaseContext {
  systemDb: SystemOrm['em'];
  probeComponents: () => Promise<ComponentStatus[]>;
  /** The local mailbox's web view, when the system runs its own SMTP server. */
  mailViewUrl: string | null;
  /** Where the product is served from: an e-mail's links point there, as the sender renders them. */
  publicUrl: string;
  registeredJobs: () => RegisteredJob[];
  /** The host's one poller of the logs, shared by every operator's live tail. */
  logTail: LogTail;
}

export function createOpsContext(deps: {
  system: SystemOrm;
  log: Logger;
  viewer: Viewer | null;
  probeComponents: () => Promise<ComponentStatus[]>;
  mailViewUrl?: string | null;
  publicUrl: string;
  registeredJobs?: () => RegisteredJob[];
  logTail: LogTail;
  now?: () => Date;
}): OpsContext {
  return {
    systemDb: deps.system.em.fork(),
    log: deps.log,
    viewer: deps.viewer,
    probeComponents: deps.probeComponents,
    mailViewUrl: deps.mailViewUrl ?? null,
    publicUrl: deps.publicUrl,
    registeredJobs: deps.registeredJobs ?? (() => []),
    logTail: deps.logTail,
    now: deps.now ?? (() => new Date()),
  };
}
