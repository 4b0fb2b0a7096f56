import type { EntitySchema } from '@mikro-orm/core';
import { openMongoStore, type StoreEntityManager, type StoreOrm } from '../mongo.ts';
import { AccountGuard, AccountToken, AuthKey, OidcRecord, RateLimit, WebSession } from './auth.entities.ts';
import { Email } from './email.entity.ts';
import { SandboxPayment } from './sandbox-payment.entity.ts';
import { Instance } from './instance.entity.ts';
import { JobControl, JobLease, JobRun } from './job-run.entity.ts';
import { OperatorAuditEntry } from './operator-audit-entry.entity.ts';
import { LogEntry } from './log-entry.entity.ts';
import { StatusSample } from './status-sample.entity.ts';
import { SyncMessage } from './sync-message.entity.ts';
import { User } from './user.entity.ts';

export type SystemOrm = StoreOrm<'system'>;
export type SystemEntityManager = StoreEntityManager<'system'>;

export function openSystemDb(url: string, dbName: string): Promise<SystemOrm> {
  return openMongoStore({
    url,
    dbName,
    contextName: 'system',
    entities: [
      User,
      LogEntry,
      SyncMessage,
      JobRun,
      JobLease,
      JobControl,
      Email,
      AccountToken,
      AccountGuard,
      OidcRecord,
      AuthKey,
      RateLimit,
      WebSession,
      SandboxPayment,
      OperatorAuditEntry,
      Instance,
      StatusSample,
    ] as unknown as EntitySchema[],
  });
}
