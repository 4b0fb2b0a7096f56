/** `./scripts/start`: the whole system on embedded defaults with demo data; data in .data/dev survives restarts. */
import { runSystem } from './system.ts';

await runSystem({
  dataDir: '.data/dev',
  fresh: false,
  ports: { postgres: 54329, mongo: 27027, smtp: 1025, mailView: 1080 },
  env: process.env,
});
