import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncOutboxMessage } from '@astro/db/operational';
import {
  Email,
  emailOutboxCollection,
  JobRun,
  LogEntry,
  StatusSample,
  statusSampleBuckets,
  SyncMessage,
  syncMessageCollection,
} from '@astro/db/system';
import { openTestStores, type TestStores } from '../../../../scripts/test-support/stores.ts';
import { quietLog as log } from '../quiet-log.test-support.ts';
import { unfenced } from '../scheduler.ts';
import { retentionJob } from './retention.job.ts';

const now = new Date('2026-11-25T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

describe('the retention job', () => {
  let test: TestStores;
  const system = () => test.stores.system.em.fork();
  const message = (note: string, status: string, appliedDaysAgo: number | null, createdDaysAgo = 60) => ({
    _id: crypto.randomUUID() as never,
    kind: 'catalogue.launch-changed',
    source: 'operational',
    target: 'customer',
    entityType: 'launch',
    entityId: note,
    entityVersion: 1,
    payload: {},
    status,
    attempts: status === 'dead' ? 8 : 1,
    availableAt: daysAgo(createdDaysAgo),
    claimedBy: null,
    claimedUntil: null,
    lastError: status === 'dead' ? 'No launch' : null,
    correlationId: null,
    createdAt: daysAgo(createdDaysAgo),
    appliedAt: appliedDaysAgo === null ? null : daysAgo(appliedDaysAgo),
    appliedBy: appliedDaysAgo === null ? null : 'east',
  });
  const email = (note: string, status: string, sentDaysAgo: number | null) => ({
    _id: crypto.randomUUID() as never,
    dedupeKey: note,
    event: 'test',
    recipient: 'elena.petrova@example.com',
    template: 'hold-expired',
    templateData: {},
    status,
    attempts: 1,
    availableAt: daysAgo(60),
    claimedBy: null,
    claimedUntil: null,
    smtpMessageId: null,
    lastError: status === 'failed' ? '550 No such mailbox' : null,
    createdAt: daysAgo(60),
    sentAt: sentDaysAgo === null ? null : daysAgo(sentDaysAgo),
  });

  beforeAll(async () => {
    test = await openTestStores();
  });
  afterAll(() => test.drop());

  it('deletes applied messages, relayed outbox rows, sent e-mails, job runs, status checks and logs past their retention, and keeps dead letters, failed e-mails and pending work', async () => {
    await syncMessageCollection(test.stores.system.em).insertMany([
      message('applied 31 days ago', 'applied', 31),
      message('applied 29 days ago', 'applied', 29),
      message('dead for 40 days', 'dead', null, 40),
      message('pending for 40 days', 'pending', null, 40),
    ]);
    await emailOutboxCollection(test.stores.system.em).insertMany([
      email('sent 31 days ago', 'sent', 31),
      email('sent 29 days ago', 'sent', 29),
      email('failed 40 days ago', 'failed', null),
      email('pending for 40 days', 'pending', null),
    ]);
    const operational = test.stores.operational.em.fork();
    const outbox = (note: string, createdDaysAgo: number, relayedDaysAgo: number | null) =>
      operational.create(SyncOutboxMessage, {
        id: crypto.randomUUID(),
        kind: 'catalogue.launch-changed',
        target: 'customer',
        entityType: 'launch',
        entityId: note,
        entityVersion: 1,
        payload: {},
        correlationId: null,
        createdAt: daysAgo(createdDaysAgo),
        relayedAt: relayedDaysAgo === null ? null : daysAgo(relayedDaysAgo),
      });
    outbox('relayed 31 days ago', 31, 31);
    outbox('relayed 29 days ago', 31, 29);
    outbox('not relayed for 40 days', 40, null);
    await operational.flush();
    const em = system();
    for (const days of [31, 29])
      em.create(JobRun, {
        job: `${days} days ago`,
        instance: 'east',
        trigger: 'schedule',
        startedAt: daysAgo(days),
        finishedAt: daysAgo(days),
        durationMs: 3,
        outcome: 'succeeded',
        counts: null,
        error: null,
        leaseToken: 1,
      });
    for (const days of [31, 29])
      em.create(StatusSample, {
        at: daysAgo(days),
        ...statusSampleBuckets(daysAgo(days)),
        instance: `${days} days ago`,
        components: [{ component: 'System DB', up: true, latencyMs: 1.5, problem: null }],
      });
    for (const days of [15, 13])
      em.create(LogEntry, {
        at: daysAgo(days),
        level: 'info',
        service: 'host',
        instance: 'east',
        message: `${days} days ago`,
        correlationId: null,
        requestId: null,
        fields: null,
      });
    await em.flush();

    const job = retentionJob(test.stores, { days: 30, logDays: 14 });
    expect(await job.run({ log, now: () => now, fence: unfenced })).toEqual({
      syncMessages: 1,
      outboxRows: 1,
      emails: 1,
      jobRuns: 1,
      statusSamples: 1,
      logs: 1,
    });

    expect((await system().find(SyncMessage, {}, { orderBy: { createdAt: 'asc' } })).map((m) => m.entityId)).toEqual(
      expect.arrayContaining(['applied 29 days ago', 'dead for 40 days', 'pending for 40 days']),
    );
    expect(await system().count(SyncMessage, {})).toBe(3);
    expect((await system().find(Email, {})).map((e) => e.dedupeKey).sort()).toEqual([
      'failed 40 days ago',
      'pending for 40 days',
      'sent 29 days ago',
    ]);
    expect(
      (await test.stores.operational.em.fork().find(SyncOutboxMessage, {})).map((row) => row.entityId).sort(),
    ).toEqual(['not relayed for 40 days', 'relayed 29 days ago']);
    expect((await system().find(JobRun, {})).map((run) => run.job)).toEqual(['29 days ago']);
    expect((await system().find(StatusSample, {})).map((sample) => sample.instance)).toEqual(['29 days ago']);
    expect((await system().find(LogEntry, {})).map((entry) => entry.message)).toEqual(['13 days ago']);

    // A second run finds nothing more to delete.
    expect(await job.run({ log, now: () => now, fence: unfenced })).toEqual({
      syncMessages: 0,
      outboxRows: 0,
      emails: 0,
      jobRuns: 0,
      statusSamples: 0,
      logs: 0,
    });
  });

  it('deletes a backlog a bounded number of batches at a time, over as many runs as it takes', async () => {
    await syncMessageCollection(test.stores.system.em).insertMany(
      Array.from({ length: 250 }, (_, i) => message(`backlog ${i}`, 'applied', 45)),
    );
    const job = retentionJob(test.stores, { days: 30, logDays: 14 }, { batch: 100, batches: 2 });
    const deleted = async () => (await job.run({ log, now: () => now, fence: unfenced }))?.['syncMessages'];
    expect(await deleted()).toBe(200);
    expect(await system().count(SyncMessage, { entityId: /^backlog / } as never)).toBe(50);
    expect(await deleted()).toBe(50);
    expect(await system().count(SyncMessage, { entityId: /^backlog / } as never)).toBe(0);
  });
});
