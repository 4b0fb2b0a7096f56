/** The embedded infrastructure for development and tests: each service starts only when no URL points elsewhere. */
import { startFerretDb } from './ferretdb.ts';
import { startPostgres } from './postgres.ts';
import { startSmtpServer } from './smtp.ts';

export interface RunningService {
  name: string;
  stop(): Promise<void>;
}

export interface EmbeddedServices {
  urls: { database: string; mongo: string; smtp: string };
  services: RunningService[];
  stop(): Promise<void>;
}

export async function startEmbeddedServices(options: {
  root: string;
  ports: { postgres: number; mongo: number; smtp: number };
  env: NodeJS.ProcessEnv;
}): Promise<EmbeddedServices> {
  const { root, ports, env } = options;
  const [postgres, mongo, smtp] = await Promise.all([
    env['DATABASE_URL'] ? null : startPostgres({ dataDir: `${root}/postgres`, port: ports.postgres }),
    env['MONGO_URL'] ? null : startFerretDb({ dataDir: `${root}/ferretdb`, port: ports.mongo }),
    env['SMTP_URL'] ? null : startSmtpServer({ mailDir: `${root}/mail`, port: ports.smtp }),
  ]);
  const services = [postgres, mongo, smtp].filter((service) => service !== null);
  return {
    urls: {
      database: postgres?.url ?? env['DATABASE_URL']!,
      mongo: mongo?.url ?? env['MONGO_URL']!,
      smtp: smtp?.url ?? env['SMTP_URL']!,
    },
    services,
    async stop() {
      await Promise.allSettled(services.map((service) => service.stop()));
    },
  };
}

export { startFerretDb, ensureFerretDbBinary } from './ferretdb.ts';
export { startPostgres } from './postgres.ts';
export { startSmtpServer } from './smtp.ts';
