/**
 * The start command's system (scripts/system.ts) on the databases its environment names, as a process of its
 * own (runSystem owns its process: it exits when stopped). Run by system.test.ts.
 */
import { runSystem } from '../system.ts';

// The databases come from DATABASE_URL, MONGO_URL and SMTP_URL, so no embedded service starts and no port is used.
await runSystem({
  dataDir: '.data/system-test',
  fresh: false,
  ports: { postgres: 0, mongo: 0, smtp: 0 },
  env: process.env,
});
