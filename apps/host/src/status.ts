/** Pings each component the system depends on, with a deadline, for /readyz and the ops dashboard. */
import type { Component, ComponentStatus } from '@astro/api';
import type { Config } from '@astro/config';
import { pingMongo, pingOperational, type Stores } from '@astro/db';
import { describeSmtpUrl, verifySmtp } from '@astro/mail';

const deadlineMs = 2_000;

async function probe(component: Component, target: string, ping: () => Promise<void>): Promise<ComponentStatus> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${deadlineMs / 1000} s`)), deadlineMs);
      }),
    ]);
    return {
      component,
      target,
      up: true,
      latencyMs: Math.round((performance.now() - started) * 10) / 10,
      problem: null,
    };
  } catch (error) {
    return {
      component,
      target,
      up: false,
      latencyMs: null,
      problem: error instanceof Error ? error.message : String(error),
    };
  } finally {
    clearTimeout(timer);
  }
}

function hostOf(url: string): string {
  const parsed = new URL(url);
  return parsed.host || parsed.pathname;
}

export function databaseProbes(config: Config, stores: Stores): () => Promise<ComponentStatus[]> {
  return () =>
    Promise.all([
      probe('Operational DB', `PostgreSQL ${hostOf(config.databaseUrl)}`, () => pingOperational(stores.operational)),
      probe('Customer DB', `MongoDB ${hostOf(config.customerMongoUrl)}/${config.customerDbName}`, () =>
        pingMongo(stores.customer),
      ),
      probe('System DB', `MongoDB ${hostOf(config.systemMongoUrl)}/${config.systemDbName}`, () =>
        pingMongo(stores.system),
      ),
    ]);
}

export function componentProbes(config: Config, stores: Stores): () => Promise<ComponentStatus[]> {
  const databases = databaseProbes(config, stores);
  return async () => {
    const [dbs, smtp] = await Promise.all([
      databases(),
      probe('SMTP server', describeSmtpUrl(config.smtpUrl), () => verifySmtp(config.smtpUrl)),
    ]);
    return [...dbs, smtp];
  };
}
