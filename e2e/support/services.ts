/** Where the e2e system's services are (e2e/server.ts writes it when they have started). */
import { readFile } from 'node:fs/promises';

export const e2eServicesFile = 'test-results/e2e-services.json';

export interface E2eServices {
  mongoUrl: string;
  /** MailDev's web UI and REST API. */
  mailViewUrl: string;
  /** The host's connection settings, for running one of its jobs once beside it. */
  hostEnv: Record<string, string>;
}

export const e2eServices = async () => JSON.parse(await readFile(e2eServicesFile, 'utf8')) as E2eServices;
