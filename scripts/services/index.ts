/** The embedded infrastructure for development and tests: each service starts only when no URL points elsewhere. */
import { loadEmbeddedServicesConfig } from '@astro/config';
import { startFerretDb } from './ferretdb.ts';
import { startPostgres } from './postgres.ts';
import { startMailView } from './mail-view.ts';
import { startSmtpServer } from './smtp.ts';

export interface RunningService {
  name: string;
  stop(): Promise<void>;
}

export interface EmbeddedServices {
  /** `mailView`: the web view of the local SMTP server's mail, when it runs one. */
  urls: { database: string; mongo: string; smtp: string; mailView: string | null };
  services: RunningService[];
  stop(): Promise<void>;
}

export async function startEmbeddedServices(options: {
  root: string;
  /** `mailView`: also serve the local SMTP server's mail on the web at this port. */
  ports: { postgres: number; mongo: number; smtp: number; mailView?: number };
  env: NodeJS.ProcessEnv;
}): Promise<EmbeddedServices> {
  const { root, ports, env } = options;
  const postgres = env['DATABASE_URL']
    ? null
    : await startPostgres({ dataDir: `${root}/postgres`, port: ports.postgres });
  const [mongo, smtp, mailView] = await Promise.all([
    // FerretDB keeps its data in the embedded PostgreSQL (a database of its own) when there is one.
    env['MONGO_URL']
      ? null
      : startFerretDb({
          dataDir: `${root}/ferretdb`,
          port: ports.mongo,
          postgresUrl: postgres?.ferretDbUrl,
          writeTimeoutMs: loadEmbeddedServicesConfig(env).ferretDbWriteTimeoutMs,
        }),
    env['SMTP_URL'] ? null : startSmtpServer({ mailDir: `${root}/mail`, port: ports.smtp }),
    env['SMTP_URL'] || !ports.mailView ? null : startMailView({ mailDir: `${root}/mail`, port: ports.mailView }),
  ]);
  const services = [mongo, smtp, mailView, postgres].filter((service) => service !== null);
  return {
    urls: {
      database: postgres?.url ?? env['DATABASE_URL']!,
      mongo: mongo?.url ?? env['MONGO_URL']!,
      smtp: smtp?.url ?? env['SMTP_URL']!,
      mailView: mailView?.url ?? null,
    },
    services,
    async stop() {
      // PostgreSQL last: FerretDB keeps its data there.
      await Promise.allSettled(services.filter((service) => service !== postgres).map((service) => service.stop()));
      await postgres?.stop();
    },
  };
}

export { startFerretDb, ensureFerretDbBinary } from './ferretdb.ts';
export { startPostgres } from './postgres.ts';
export { startSmtpServer } from './smtp.ts';
export { startMailView } from './mail-view.ts';
