/** The one place the environment is read: parsed and checked once at start, with messages a person can act on. */
import { isIP } from 'node:net';
import { z } from 'zod';

const url = (protocols: string[]) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
    .url({ error: 'must be a URL' })
    .refine((value) => protocols.some((p) => value.startsWith(`${p}:`)), {
      message: `must start with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    });

const days = z.coerce.number({ error: 'must be a number of days' }).int({ error: 'must be whole days' }).min(1, {
  error: 'must be at least 1 day',
});

/**
 * Which proxies in front of the host may say who their client is (`X-Forwarded-For`), in what Express's `trust
 * proxy` accepts: how many proxies there are (the address is the one the outermost of them saw), or their
 * addresses and ranges. Off, the address is the connection's. "Trust every proxy" is refused: it lets any client
 * choose its own address, and with it escape every per-address limit.
 */
export type TrustProxy = false | number | string[];

const proxyNames = ['loopback', 'linklocal', 'uniquelocal'];
const isProxyAddress = (entry: string) => {
  if (proxyNames.includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
};

const trustProxy = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx): TrustProxy => {
    if (!value) return false;
    if (/^\d+$/.test(value)) return Number(value);
    if (value === 'true') {
      ctx.addIssue({
        code: 'custom',
        message:
          'trusting every proxy lets any client choose its address; give the number of proxies in front of the host, or their addresses',
      });
      return z.NEVER;
    }
    const entries = value.split(',').map((entry) => entry.trim());
    const wrong = entries.filter((entry) => !isProxyAddress(entry));
    if (wrong.length > 0)
      ctx.addIssue({
        code: 'custom',
        message: `${wrong.map((entry) => `"${entry}"`).join(', ')}: not a number of proxies, an address, a range such as 10.0.0.0/8, or ${proxyNames.join(', ')}`,
      });
    return entries;
  });

const schema = z
  .object({
    PORT: z.coerce.number({ error: 'must be a port number' }).int().min(1).max(65_535).default(4000),
    PUBLIC_URL: z.string().url().optional(),
    DATABASE_URL: url(['postgres', 'postgresql']),
    MONGO_URL: url(['mongodb', 'mongodb+srv']),
    CUSTOMER_MONGO_URL: url(['mongodb', 'mongodb+srv']).optional(),
    SYSTEM_MONGO_URL: url(['mongodb', 'mongodb+srv']).optional(),
    CUSTOMER_DB_NAME: z
      .string()
      .regex(/^[a-zA-Z0-9_-]{1,63}$/)
      .default('astro_customer'),
    SYSTEM_DB_NAME: z
      .string()
      .regex(/^[a-zA-Z0-9_-]{1,63}$/)
      .default('astro_system'),
    SMTP_URL: url(['smtp', 'smtps']),
    /** Where people read the mail the local MailDev received (the start command's); linked from the ops dashboard. */
    MAIL_VIEW_URL: z.string().url().optional(),
    /** Who e-mails come from. */
    MAIL_FROM: z.string().min(3).default('Astro Bookings <no-reply@astro-bookings.example>'),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    /** `inline` runs the Job Scheduler inside the host; `off` leaves it to a separate `jobs` process. */
    JOBS: z.enum(['inline', 'off']).default('inline'),
    /** Where the built Angular apps live; each app's build output is `<APPS_DIST>/<app>/`. */
    APPS_DIST: z.string().optional(),
    /** Set by `scripts/bench/web` only: the folder of static page copies its /bench routes serve. */
    BENCH_WEB_DIR: z.string().optional(),
    /** The first admin, created on a start that finds no admin account (e.g. a fresh production database). */
    FIRST_ADMIN_EMAIL: z.email({ error: 'must be an e-mail address' }).optional(),
    FIRST_ADMIN_PASSWORD: z.string().min(10, { error: 'must have at least 10 characters' }).optional(),
    FIRST_ADMIN_NAME: z.string().min(1).default('Administrator'),
    /** How long applied sync messages, relayed outbox rows, sent e-mails and job runs are kept (SPEC.md §8). */
    RETENTION_DAYS: days.default(30),
    LOG_RETENTION_DAYS: days.default(14),
    TRUST_PROXY: trustProxy,
    /** The release this process runs (e.g. a git tag or commit), shown on the ops dashboard's instances page. */
    APP_VERSION: z.string().trim().min(1).max(100).default('dev'),
    /** The bearer token a Prometheus scraper sends for `/metrics`; unset, only signed-in operators read it. */
    METRICS_TOKEN: z
      .string()
      .trim()
      .min(32, { error: 'must have at least 32 characters (e.g. `openssl rand -hex 32`)' })
      .optional(),
    /** Who issues invoices, credit notes and statements: the legal data printed on each (SPEC.md §6). */
    ISSUER_LEGAL_NAME: z.string().trim().min(1).max(200).default('Astro Bookings Inc.'),
    ISSUER_TAX_ID: z.string().trim().min(1).max(40).default('US-88-1234567'),
    ISSUER_ADDRESS: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .default('1 Launch Plaza, Suite 400, Cape Canaveral, FL 32920, USA'),
    ISSUER_EMAIL: z.email({ error: 'must be an e-mail address' }).default('finance@astrobookings.example'),
    /** How agencies pay: the bank account printed on invoices. */
    ISSUER_PAYMENT_DETAILS: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .default('Orbital Bank, account 0012 3456 7890, routing 021000021, SWIFT ORBKUS33'),
  })
  .refine((env) => Boolean(env.FIRST_ADMIN_EMAIL) === Boolean(env.FIRST_ADMIN_PASSWORD), {
    path: ['FIRST_ADMIN_PASSWORD'],
    message: 'set FIRST_ADMIN_EMAIL and FIRST_ADMIN_PASSWORD together, or neither',
  });

export type Config = {
  port: number;
  publicUrl: string;
  databaseUrl: string;
  customerMongoUrl: string;
  systemMongoUrl: string;
  customerDbName: string;
  systemDbName: string;
  smtpUrl: string;
  mailFrom: string;
  mailViewUrl: string | null;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  jobs: 'inline' | 'off';
  appsDist: string | undefined;
  /** `BENCH_WEB_DIR`: the web benchmark's comparison routes are mounted only when it is set. */
  benchWebDir?: string;
  firstAdmin: { email: string; password: string; name: string } | null;
  retention: Retention;
  trustProxy: TrustProxy;
  issuer: Issuer;
  /** What a scraper sends as `Authorization: Bearer …` to read `/metrics`; null: no scraper may. */
  metricsToken: string | null;
  /** The release this process runs (`APP_VERSION`). */
  version: string;
};

/** Astro Bookings as the issuer of its invoices; multi-line values use `\n` in the environment. */
export interface Issuer {
  legalName: string;
  taxId: string;
  address: string;
  email: string;
  paymentDetails: string;
}

/** Days each kind of record is kept; dead letters, failed e-mails and pending work are kept regardless. */
export interface Retention {
  days: number;
  logDays: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function parse<T extends z.ZodType>(shape: T, env: NodeJS.ProcessEnv): z.infer<T> {
  const parsed = shape.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`The environment is not a valid configuration:\n${problems.join('\n')}`);
  }
  return parsed.data;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = parse(schema, env);
  return {
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    databaseUrl: e.DATABASE_URL,
    customerMongoUrl: e.CUSTOMER_MONGO_URL ?? e.MONGO_URL,
    systemMongoUrl: e.SYSTEM_MONGO_URL ?? e.MONGO_URL,
    customerDbName: e.CUSTOMER_DB_NAME,
    systemDbName: e.SYSTEM_DB_NAME,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mailViewUrl: e.MAIL_VIEW_URL ?? null,
    logLevel: e.LOG_LEVEL,
    jobs: e.JOBS,
    appsDist: e.APPS_DIST,
    ...(e.BENCH_WEB_DIR ? { benchWebDir: e.BENCH_WEB_DIR } : {}),
    firstAdmin:
      e.FIRST_ADMIN_EMAIL && e.FIRST_ADMIN_PASSWORD
        ? { email: e.FIRST_ADMIN_EMAIL, password: e.FIRST_ADMIN_PASSWORD, name: e.FIRST_ADMIN_NAME }
        : null,
    retention: { days: e.RETENTION_DAYS, logDays: e.LOG_RETENTION_DAYS },
    trustProxy: e.TRUST_PROXY,
    metricsToken: e.METRICS_TOKEN ?? null,
    version: e.APP_VERSION,
    issuer: {
      legalName: e.ISSUER_LEGAL_NAME,
      taxId: e.ISSUER_TAX_ID,
      address: e.ISSUER_ADDRESS.replaceAll('\\n', '\n'),
      email: e.ISSUER_EMAIL,
      paymentDetails: e.ISSUER_PAYMENT_DETAILS.replaceAll('\\n', '\n'),
    },
  };
}

const embeddedSchema = z.object({
  /** How long a client waits for a write to the embedded FerretDB before it fails (scripts/services/ferretdb/gate.go). */
  FERRETDB_WRITE_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int()
    .min(1, { error: 'must be at least 1 ms' })
    .default(10_000),
});

/** The settings of the embedded services the start and test commands run, read before any URL exists. */
export function loadEmbeddedServicesConfig(env: NodeJS.ProcessEnv = process.env): { ferretDbWriteTimeoutMs: number } {
  return { ferretDbWriteTimeoutMs: parse(embeddedSchema, env).FERRETDB_WRITE_TIMEOUT_MS };
}
