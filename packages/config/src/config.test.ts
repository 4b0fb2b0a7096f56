import { describe, expect, it } from 'vitest';
import { loadConfig, loadEmbeddedServicesConfig } from './index.ts';

const minimal = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/astro',
  MONGO_URL: 'mongodb://127.0.0.1:27017/',
  SMTP_URL: 'smtp://127.0.0.1:1025',
};

describe('loadConfig', () => {
  it('fills defaults around the three required service URLs', () => {
    const config = loadConfig(minimal);
    expect(config.port).toBe(4000);
    expect(config.publicUrl).toBe('http://localhost:4000');
    expect(config.customerMongoUrl).toBe(minimal.MONGO_URL);
    expect(config.systemDbName).toBe('astro_system');
    expect(config.jobs).toBe('inline');
  });

  it('lets each Mongo database point at its own server', () => {
    const config = loadConfig({ ...minimal, SYSTEM_MONGO_URL: 'mongodb://10.0.0.9:27017/' });
    expect(config.systemMongoUrl).toBe('mongodb://10.0.0.9:27017/');
    expect(config.customerMongoUrl).toBe(minimal.MONGO_URL);
  });

  it('names every missing or malformed variable in one message', () => {
    const attempt = () => loadConfig({ MONGO_URL: 'http://wrong', PORT: 'abc' });
    expect(attempt).toThrow('DATABASE_URL: is required');
    expect(attempt).toThrow('SMTP_URL: is required');
    expect(attempt).toThrow('MONGO_URL: must start with mongodb:// or mongodb+srv://');
    expect(attempt).toThrow('PORT: must be a port number');
  });

  it('keeps records 30 days and logs 14 by default, and takes other periods in whole days', () => {
    expect(loadConfig(minimal).retention).toEqual({ days: 30, logDays: 14 });
    expect(loadConfig({ ...minimal, RETENTION_DAYS: '90', LOG_RETENTION_DAYS: '7' }).retention).toEqual({
      days: 90,
      logDays: 7,
    });
    expect(() => loadConfig({ ...minimal, LOG_RETENTION_DAYS: '0' })).toThrow(
      'LOG_RETENTION_DAYS: must be at least 1 day',
    );
  });
});

describe('which proxies may name the address of a request', () => {
  it("trusts none unless told, so the address is the connection's", () => {
    expect(loadConfig(minimal).trustProxy).toBe(false);
    expect(loadConfig({ ...minimal, TRUST_PROXY: '' }).trustProxy).toBe(false);
  });

  it('takes a number of proxies, or a comma-separated list of addresses, ranges and loopback', () => {
    expect(loadConfig({ ...minimal, TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ ...minimal, TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8 , 192.0.2.7' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '192.0.2.7',
    ]);
  });

  it('refuses to trust every proxy, and names what is not an address or range', () => {
    expect(() => loadConfig({ ...minimal, TRUST_PROXY: 'true' })).toThrow(
      'TRUST_PROXY: trusting every proxy lets any client choose its address',
    );
    expect(() => loadConfig({ ...minimal, TRUST_PROXY: 'loopback, 10.0.0.0/33, proxy.internal' })).toThrow(
      'TRUST_PROXY: "10.0.0.0/33", "proxy.internal": not a number of proxies, an address, a range such as 10.0.0.0/8',
    );
  });
});

describe('loadEmbeddedServicesConfig', () => {
  it('lets no scraper read /metrics unless a token is set, and refuses a token short enough to guess', () => {
    expect(loadConfig(minimal).metricsToken).toBeNull();
    const token = 'a'.repeat(32);
    expect(loadConfig({ ...minimal, METRICS_TOKEN: token }).metricsToken).toBe(token);
    expect(() => loadConfig({ ...minimal, METRICS_TOKEN: 'secret' })).toThrow(
      'METRICS_TOKEN: must have at least 32 characters',
    );
  });

  it('gives a write 10 seconds at the embedded write gate unless told otherwise', () => {
    expect(loadEmbeddedServicesConfig({})).toEqual({ ferretDbWriteTimeoutMs: 10_000 });
    expect(loadEmbeddedServicesConfig({ FERRETDB_WRITE_TIMEOUT_MS: '500' })).toEqual({ ferretDbWriteTimeoutMs: 500 });
    expect(() => loadEmbeddedServicesConfig({ FERRETDB_WRITE_TIMEOUT_MS: 'soon' })).toThrow(
      'FERRETDB_WRITE_TIMEOUT_MS: must be a number of milliseconds',
    );
  });

  it('prints the demo issuer on invoices unless told who issues them, with line breaks written as \\n', () => {
    expect(loadConfig(minimal).issuer.legalName).toBe('Astro Bookings Inc.');
    const issuer = loadConfig({
      ...minimal,
      ISSUER_LEGAL_NAME: 'Astro Bookings GmbH',
      ISSUER_TAX_ID: 'DE123456789',
      ISSUER_ADDRESS: 'Raumfahrtweg 1\\n10115 Berlin',
      ISSUER_EMAIL: 'billing@astro.example',
    }).issuer;
    expect(issuer).toMatchObject({
      legalName: 'Astro Bookings GmbH',
      taxId: 'DE123456789',
      email: 'billing@astro.example',
    });
    expect(issuer.address).toBe('Raumfahrtweg 1\n10115 Berlin');
    expect(() => loadConfig({ ...minimal, ISSUER_EMAIL: 'nobody' })).toThrow('ISSUER_EMAIL: must be an e-mail address');
  });
});
