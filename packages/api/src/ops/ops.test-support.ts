import type { SystemOrm } from '@astro/db/system';
import { createLogger } from '@astro/logging';
import { viewerAs } from '../personas.test-support.ts';
import { createOpsContext } from './context.ts';
import { opsRouter } from './router.ts';

/** The ops router as a signed-in operator calls it, on a test's System DB, at `now`. */
export const operatorCaller = (system: SystemOrm, now: Date, publicUrl = 'http://localhost') =>
  opsRouter.createCaller(
    createOpsContext({
      system,
      log: createLogger({ service: 'test', level: 'error', write: () => {} }),
      viewer: viewerAs('operator'),
      probeComponents: async () => [],
      publicUrl,
      now: () => now,
    }),
  );
