import { createLogger } from '@astro/logging';

/** A logger for the jobs' tests: only errors, and those kept out of the test output. */
export const quietLog = createLogger({ service: 'test', level: 'error', write: () => {} });
