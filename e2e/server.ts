/** The system Playwright tests run against: fresh embedded databases with demo data, the built apps, port 4100. */
import { freePort } from '../scripts/test-support/free-port.ts';
import { runSystem } from '../scripts/system.ts';

const env: NodeJS.ProcessEnv = { ...process.env, PORT: '4100', PUBLIC_URL: 'http://localhost:4100', LOG_LEVEL: 'warn' };
delete env['DATABASE_URL'];
delete env['MONGO_URL'];
delete env['SMTP_URL'];
await runSystem({
  dataDir: '.data/e2e',
  fresh: true,
  ports: { postgres: await freePort(), mongo: await freePort(), smtp: await freePort() },
  env,
});
