import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@astro/auth';
import { Booking, CatalogueLaunch, Customer } from '@astro/db/customer';
import { demoPassword, seedDemoWorld } from '@astro/db/seed';
import { freePort } from '../../../scripts/test-support/free-port.ts';
import { openTestStores, type TestStores } from '../../../scripts/test-support/stores.ts';
import { TestBrowser } from './sessions/browser.test-support.ts';

/** Starts a host process on `port` that calls itself `publicUrl`; resolves once it listens. */
function startHost(world: TestStores, port: number, publicUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./host-process.test-support.ts', import.meta.url))], {
    env: {
      ...process.env,
      PORT: String(port),
      PUBLIC_URL: publicUrl,
      DATABASE_URL: world.config.databaseUrl,
      MONGO_URL: world.config.customerMongoUrl,
      CUSTOMER_DB_NAME: world.config.customerDbName,
      SYSTEM_DB_NAME: world.config.systemDbName,
      SMTP_URL: world.config.smtpUrl,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve(child));
    child.once('exit', (code) => reject(new Error(`host exited with ${code}`)));
  });
}

describe('two host processes selling the same launch', () => {
  let world: TestStores;
  const hosts: ChildProcess[] = [];
  const urls: string[] = [];

  beforeAll(async () => {
    world = await openTestStores();
    await seedDemoWorld(world.stores, new Date(), { passwordHash: await hashPassword(demoPassword) });
    const ports = [await freePort(), await freePort()];
    // Both answer for one public address, as two machines behind one load balancer do.
    const publicUrl = `http://127.0.0.1:${ports[0]}`;
    for (const port of ports) {
      hosts.push(await startHost(world, port, publicUrl));
      urls.push(`http://127.0.0.1:${port}`);
    }
  }, 60_000);
  afterAll(async () => {
    for (const host of hosts) host.kill('SIGTERM');
    await world.drop();
  });

  it('never oversells: 200 hold attempts over HTTP, alternating between the hosts, for the last seats', async () => {
    const travelers = await world.stores.customer.em.fork().find(Customer, {}, { limit: 20 });
    const cookies = await Promise.all(
      travelers.map(async (traveler) => {
        const browser = new TestBrowser(urls[0]!);
        await browser.signIn('customer', traveler.email, demoPassword);
        return browser.cookieHeader();
      }),
    );
    const launch = await world.stores.customer.em.fork().findOneOrFail(
      CatalogueLaunch,
      {
        status: { $in: ['scheduled', 'confirmed'] },
        launchDate: { $gt: new Date(Date.now() + 7 * 86_400_000) },
        seatsLeft: { $gte: 5 },
      },
      // The scarcest seats, so most of the 200 attempts must be turned away.
      { orderBy: { seatsLeft: 'asc' } },
    );

    const attempts = await Promise.all(
      Array.from({ length: 200 }, async (_, n) => {
        const response = await fetch(`${urls[n % 2]}/api/customer/bookings.hold`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: cookies[n % cookies.length]!, origin: urls[0]! },
          body: JSON.stringify({ launchId: launch.id, seats: 1 + (n % 2), idempotencyKey: `two-hosts-${n}` }),
        });
        const body = (await response.json()) as { result?: { data: { seats: number } }; error?: { message: string } };
        return { status: response.status, seats: body.result?.data.seats ?? 0, message: body.error?.message };
      }),
    );
    const held = attempts.filter((attempt) => attempt.status === 200);
    const refused = attempts.filter((attempt) => attempt.status !== 200);
    expect(refused.length).toBeGreaterThan(100);
    for (const refusal of refused) {
      expect(refusal.status).toBe(409);
      expect(refusal.message).toMatch(/^Sold out/);
    }
    const seatsTaken = held.reduce((sum, attempt) => sum + attempt.seats, 0);
    const after = await world.stores.customer.em.fork().findOneOrFail(CatalogueLaunch, launch.id);
    // Every seat that was left is held, none twice; a last single seat may stay when only doubles were left.
    expect(seatsTaken).toBeLessThanOrEqual(launch.seatsLeft);
    expect(after.seatsLeft).toBe(launch.seatsLeft - seatsTaken);
    expect(after.seatsLeft).toBeLessThanOrEqual(1);
    expect(after.seatsHeld + after.seatsConfirmed + after.seatsLeft).toBe(after.capacity);
    const bookings = await world.stores.customer.em.fork().find(Booking, { launchId: launch.id, status: 'held' });
    expect(bookings.reduce((sum, booking) => sum + booking.seats, 0)).toBe(after.seatsHeld);
    expect(Object.keys(after.holds).sort()).toEqual(bookings.map((booking) => booking.id).sort());
  });
});
