/** The system Playwright tests run against: fresh embedded databases with demo data, the built apps, port 4100 (or E2E_PORT). */
import { mkdir, writeFile } from 'node:fs/promises';
import { freePort } from '../scripts/test-support/free-port.ts';
import { runSystem } from '../scripts/system.ts';
import { e2eServicesFile, type E2eServices } from './support/services.ts';

const port = process.env['E2E_PORT'] ?? '4100';
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: port,
  PUBLIC_URL: `http://localhost:${port}`,
  LOG_LEVEL: 'warn',
};
delete env['DATABASE_URL'];
delete env['MONGO_URL'];
delete env['SMTP_URL'];
const ports = {
  postgres: await freePort(),
  mongo: await freePort(),
  smtp: await freePort(),
  mailView: await freePort(),
};
const hostEnv = await runSystem({ dataDir: '.data/e2e', fresh: true, ports, env });
// Tests read the e-mails the system delivered from MailDev, and set up a few states in the Mongo stores.
await mkdir('test-results', { recursive: true });
const services: E2eServices = {
  mongoUrl: `mongodb://127.0.0.1:${ports.mongo}/`,
  mailViewUrl: `http://127.0.0.1:${ports.mailView}`,
  // What a one-off run of the host (`--run-job`) needs to reach the same stores.
  hostEnv: Object.fromEntries(
    ['DATABASE_URL', 'MONGO_URL', 'SMTP_URL', 'PUBLIC_URL'].map((name) => [name, hostEnv[name] ?? '']),
  ),
};
await writeFile(e2eServicesFile, JSON.stringify(services));
