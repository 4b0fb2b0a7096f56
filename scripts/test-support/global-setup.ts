/** Starts real PostgreSQL, FerretDB and MailDev's SMTP server once for the whole vitest run, in a fresh folder. */
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { freePort } from './free-port.ts';
import { startEmbeddedServices } from '../services/index.ts';
import './stores.ts';

export default async function setup(project: TestProject) {
  const root = fileURLToPath(new URL('../../.data/vitest', import.meta.url));
  await rm(root, { recursive: true, force: true });
  const env = { ...process.env };
  // The suite always runs on its own embedded services, never on a developer's configured databases.
  delete env['DATABASE_URL'];
  delete env['MONGO_URL'];
  delete env['SMTP_URL'];
  const running = await startEmbeddedServices({
    root,
    ports: { postgres: await freePort(), mongo: await freePort(), smtp: await freePort() },
    env,
  });
  project.provide('services', running.urls);
  return () => running.stop();
}
