/** The System DB's collections as the driver sees them, for the few conditional updates the ORM cannot express. */
import type { Document } from 'mongodb';
import { collectionOf, type StoredDocument } from '../mongo.ts';
import { AccountGuard, OidcRecord, RateLimit } from './auth.entities.ts';
import { Email } from './email.entity.ts';
import { JobControl, JobLease, JobRun } from './job-run.entity.ts';
import { LogEntry } from './log-entry.entity.ts';
import { OperatorAuditEntry } from './operator-audit-entry.entity.ts';
import type { SystemEntityManager } from './orm.ts';
import { SandboxPayment } from './sandbox-payment.entity.ts';
import { StatusSample } from './status-sample.entity.ts';
import { SyncMessage } from './sync-message.entity.ts';
import { User } from './user.entity.ts';

/** `Shape`: the stored message as the caller reads it (the message's id is its `_id`). */
export const syncMessageCollection = <Shape extends Document = StoredDocument>(systemDb: SystemEntityManager) =>
  collectionOf<Shape>(systemDb, SyncMessage);
/** `Shape`: the stored e-mail as the caller reads it (its id is its `_id`). */
export const emailOutboxCollection = <Shape extends Document = StoredDocument>(systemDb: SystemEntityManager) =>
  collectionOf<Shape>(systemDb, Email);
export const jobRunCollection = (systemDb: SystemEntityManager) => collectionOf(systemDb, JobRun);
export const jobLeaseCollection = (systemDb: SystemEntityManager) =>
  collectionOf<{ _id: string; holder: string; until: Date; token?: number }>(systemDb, JobLease);
export const jobControlCollection = (systemDb: SystemEntityManager) =>
  collectionOf<{
    _id: string;
    pausedAt?: Date | null;
    pausedBy?: string | null;
    pauseReason?: string | null;
    runRequestedAt?: Date | null;
  }>(systemDb, JobControl);
export const logCollection = (systemDb: SystemEntityManager) => collectionOf(systemDb, LogEntry);
export const sandboxLedgerCollection = (systemDb: SystemEntityManager) => collectionOf(systemDb, SandboxPayment);
export const rateLimitCollection = (systemDb: SystemEntityManager) => collectionOf(systemDb, RateLimit);
/** Read only: the operators' trail is insert-only, and recordOperatorAudit is its one writer. */
export const operatorAuditCollection = (systemDb: SystemEntityManager) => collectionOf(systemDb, OperatorAuditEntry);
export const oidcRecordCollection = (systemDb: SystemEntityManager) => collectionOf(systemDb, OidcRecord);
export const accountGuardCollection = (systemDb: SystemEntityManager) =>
  collectionOf<{ _id: string; count: number }>(systemDb, AccountGuard);
export const userCollection = (systemDb: SystemEntityManager) => collectionOf(systemDb, User);
export const statusSampleCollection = (systemDb: SystemEntityManager) => collectionOf(systemDb, StatusSample);
