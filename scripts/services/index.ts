/** The embedded infrastructure for development and tests: each service starts only when no URL points elsewhere. */
import { loadEmbeddedServicesConfig } from '@astro/config';
import { startFerretDb } from './ferretdb.ts';
import { startPostgres } from './postgres.ts';
import { startMailDev } from './maildev.ts';

export interface RunningService {
  name: string;
  stop(): Promise<void>;
}

export interface EmbeddedServices {
  /** `mailView`: MailDev's web UI and REST API, when it serves them. */
  urls: { database: string; mongo: string; smtp: string; mailView: string | null };
  services: RunningService[];
  stop(): Promise<void>;
}

export async function startEmbeddedServices(options: {
  root: string;
  /** `mailView`: also serve MailDev's web UI and REST API at this port. */
  ports: { postgres: number; mongo: number; smtp: number; mailView?: number };
  env: NodeJS.ProcessEnv;
}): Promise<EmbeddedServices> {
  const { root, ports, env } = options;
  const postgres = env['DATABASE_URL']
    ? null
    : await startPostgres({ dataDir: `${root}/postgres`, port: ports.postgres });
  const [mongo, mail] = await Promise.all([
    // FerretDB keeps its data in the embedded PostgreSQL (a database of its own) when there is one.
    env['MONGO_URL']
      ? null
      : startFerretDb({
          dataDir: `${root}/ferretdb`,
          port: ports.mongo,
          postgresUrl: postgres?.ferretDbUrl,
          writeTimeoutMs: loadEmbeddedServicesConfig(env).ferretDbWriteTimeoutMs,
        }),
    env['SMTP_URL'] ? null : startMailDev({ mailDir: `${root}/mail`, smtpPort: ports.smtp, webPort: ports.mailView }),
  ]);
  const services = [mongo, mail, postgres].filter((service) => service !== null);
  return {
    urls: {
      database: postgres?.url ?? env['DATABASE_URL']!,
      mongo: mongo?.url ?? env['MONGO_URL']!,
      smtp: mail?.smtpUrl ?? env['SMTP_URL']!,
      mailView: mail?.webUrl ?? null,
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
export { startMailDev } from './maildev.ts';
