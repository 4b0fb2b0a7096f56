import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const rule = '@typescript-eslint/no-restricted-imports';
const eslint = new ESLint({ cwd: fileURLToPath(new URL('..', import.meta.url)) });

const problemsOf = async (filePath: string, code: string) => {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((message) => message.ruleId === rule || message.fatal);
};

const valueImport = (source: string) => `import { thing } from '${source}';\nexport { thing };\n`;
const typeImport = (source: string) => `import type { Thing } from '${source}';\nexport type { Thing };\n`;

const browserApps = ['customer-web', 'supplier-portal', 'employee-portal', 'ops-dashboard'];
const serverPackages = ['@astro/auth', '@astro/payments', '@astro/logging', '@astro/db', '@astro/jobs'];
const stores = ['customer', 'operational', 'system'];
const notForBookings = [
  '@astro/api',
  '@astro/auth',
  '@astro/jobs',
  '@astro/mail',
  '@astro/db',
  '@astro/db/operational',
  '@trpc/server',
];

const wrongImports = [
  {
    boundary: 'the API importing itself by name',
    file: 'packages/api/src/customer/bookings/holds.ts',
    code: valueImport('@astro/api'),
    message: 'never by its own name (@astro/api)',
  },
  {
    boundary: 'the API root importing itself by name',
    file: 'packages/api/src/trpc.ts',
    code: valueImport('@astro/api'),
    message: 'never by its own name (@astro/api)',
  },
  {
    boundary: 'the Customer API reaching into the Operational DB by a relative path',
    file: 'packages/api/src/customer/bookings/holds.ts',
    code: valueImport('../../../../db/src/operational/launch.entity.ts'),
    message: 'never by a relative path into its files',
  },
  {
    boundary: 'the host reaching into the API by a relative path',
    file: 'apps/host/src/host.ts',
    code: valueImport('../../../packages/api/src/trpc.ts'),
    message: 'never by a relative path into its files',
  },
  {
    boundary: 'a host test reaching into another package beyond its test support',
    file: 'apps/host/src/fuzz.test.ts',
    code: valueImport('../../../packages/api/src/trpc.ts'),
    message: 'never by a relative path into its files',
  },
  {
    boundary: 'production code reaching into the test support of the scripts',
    file: 'packages/jobs/src/scheduler.ts',
    code: valueImport('../../../scripts/test-support/stores.ts'),
    message: 'never by a relative path into its files',
  },
  {
    boundary: 'a browser app reaching into a package by a relative path',
    file: 'apps/customer-web/src/app/app.ts',
    code: valueImport('../../../../packages/db/src/customer/booking.entity.ts'),
    message: 'never by a relative path into its files',
  },
  ...[
    'packages/jobs/src/retention/retention.job.ts',
    'packages/jobs/src/sync/apply/sync-apply.ts',
    'packages/jobs/src/bookings/booking-upkeep.test.ts',
    'packages/jobs/src/sync/apply/targets.test-support.ts',
  ].map((file) => ({
    boundary: `the jobs going through the tRPC routers (${file})`,
    file,
    code: valueImport('@astro/api'),
    message: 'Jobs never go through the tRPC routers',
  })),
  {
    boundary: 'the booking flows importing themselves by name',
    file: 'packages/bookings/src/holds/holds.ts',
    code: valueImport('@astro/bookings'),
    message: 'never by its own name (@astro/bookings)',
  },
  ...notForBookings.flatMap((source) =>
    ['packages/bookings/src/payment/payment.ts', 'packages/bookings/src/recovery/recovery.test.ts'].map((file) => ({
      boundary: `the booking flows importing ${source} (${file})`,
      file,
      code: valueImport(source),
      message: 'The booking flows import only',
    })),
  ),
  {
    boundary: 'the booking flows seeding the demo world outside their tests',
    file: 'packages/bookings/src/holds/holds.ts',
    code: valueImport('@astro/db/seed'),
    message: 'The booking flows import only',
  },
  ...['supplier/launches/launches.service.ts', 'admin/bookings/bookings.service.ts', 'ops/sync/sync.service.ts'].map(
    (file) => ({
      boundary: `the ${file.split('/')[0]} API running the booking flows`,
      file: `packages/api/src/${file}`,
      code: valueImport('@astro/bookings'),
      message: file.startsWith('ops/') ? 'The ops router reads the System DB only' : 'never runs the Customer DB',
    }),
  ),
  ...['@astro/api', '@astro/bookings', '@astro/jobs', '@astro/db/customer', '@astro/db', '@trpc/server'].map(
    (source) => ({
      boundary: `the finance flows importing ${source}`,
      file: 'packages/finance/src/numbering/numbering.ts',
      code: valueImport(source),
      message: 'The finance flows import only',
    }),
  ),
  ...[
    ['customer/bookings/holds.ts', 'never touches the Operational DB, where finance lives'],
    ['ops/sync/sync.service.ts', 'The ops router reads the System DB only'],
    ['partner/catalogue/catalogue.service.ts', 'Partners read the public catalogue only'],
  ].map(([file, message]) => ({
    boundary: `the ${file!.split('/')[0]} API running the finance flows`,
    file: `packages/api/src/${file}`,
    code: valueImport('@astro/finance'),
    message: message!,
  })),
  {
    boundary: 'the partner API running the booking flows',
    file: 'packages/api/src/partner/catalogue/catalogue.service.ts',
    code: valueImport('@astro/bookings'),
    message: 'Partners read the public catalogue only',
  },
  ...['@astro/db', '@astro/auth', '@astro/config', 'node:fs', 'express', '@mikro-orm/core', 'nodemailer'].map(
    (source) => ({
      boundary: `web-kit importing ${source}`,
      file: 'packages/web-kit/src/trpc.ts',
      code: valueImport(source),
      message: 'web-kit imports only Angular',
    }),
  ),
  ...['@astro/api', '@trpc/server'].map((source) => ({
    boundary: `web-kit importing values from ${source}`,
    file: 'packages/web-kit/src/trpc.ts',
    code: valueImport(source),
    message: 'web-kit imports only Angular',
  })),
  {
    boundary: "web-kit's server entry importing a database",
    file: 'packages/web-kit/src/server.ts',
    code: valueImport('@astro/db/system'),
    message: 'web-kit imports only Angular',
  },
  ...browserApps.flatMap((app) =>
    serverPackages.map((source) => ({
      boundary: `${app} importing ${source}`,
      file: `apps/${app}/src/app/app.ts`,
      code: typeImport(source),
      message: 'Browser code never imports server packages',
    })),
  ),
  ...browserApps.map((app) => ({
    boundary: `${app} importing values from @astro/api`,
    file: `apps/${app}/src/app/app.ts`,
    code: valueImport('@astro/api'),
    message: 'The apps use the routers only as types',
  })),
  ...stores.flatMap((self) =>
    stores
      .filter((other) => other !== self)
      .map((other) => ({
        boundary: `the ${self} store's code importing the ${other} store's`,
        file: `packages/db/src/${self}/orm.ts`,
        code: valueImport(`../${other}/orm.ts`),
        message: `never reaches into another store's (${self} → ${other})`,
      })),
  ),
  ...stores.map((store) => ({
    boundary: `the sync contract importing the ${store} store's code`,
    file: 'packages/db/src/sync/messages.ts',
    code: valueImport(`../${store}/orm.ts`),
    message: 'The sync contract is shared by every store and imports none of them',
  })),
  {
    boundary: 'the sync contract importing a store through the package name',
    file: 'packages/db/src/sync/booking-changed.ts',
    code: typeImport('@astro/db/customer'),
    message: 'never by its own name (@astro/db)',
  },
  ...['../stores.ts', '../index.ts', '../seed/demo-world.ts'].map((source) => ({
    boundary: `a store's code importing ${source}, which composes every store`,
    file: 'packages/db/src/system/email-outbox.ts',
    code: valueImport(source),
    message: 'never imports the code that composes every store',
  })),
  {
    boundary: 'web-kit importing the test runner outside its tests',
    file: 'packages/web-kit/src/errors.ts',
    code: valueImport('vitest'),
    message: 'web-kit imports only Angular',
  },
  {
    boundary: 'the Customer DB importing the Operational DB through the package name',
    file: 'packages/db/src/customer/seat-holds.ts',
    code: valueImport('@astro/db/operational'),
    message: 'never by its own name (@astro/db)',
  },
  {
    boundary: "the Supplier API importing the customer site's router",
    file: 'packages/api/src/supplier/launches/launches.router.ts',
    code: valueImport('../../customer/bookings/holds.ts'),
    message: 'never imports another audience',
  },
  {
    boundary: 'the Customer API opening the Operational DB',
    file: 'packages/api/src/customer/bookings/holds.ts',
    code: valueImport('@astro/db/operational'),
    message: 'never touches the Operational DB',
  },
  {
    boundary: 'the domain importing a store',
    file: 'packages/domain/src/seats.ts',
    code: valueImport('@astro/db/customer'),
    message: 'The domain is pure rules',
  },
];

const allowedImports = [
  {
    case: 'a web-kit test importing the test runner',
    file: 'packages/web-kit/src/errors.test.ts',
    code: valueImport('vitest'),
  },
  {
    case: "the Operational DB's code importing the catalogue projection",
    file: 'packages/db/src/operational/index.ts',
    code: valueImport('../catalogue-projection.ts'),
  },
  {
    case: 'a browser app importing the routers as types',
    file: 'apps/customer-web/src/app/trpc.ts',
    code: typeImport('@astro/api'),
  },
  {
    case: 'a browser app importing web-kit',
    file: 'apps/supplier-portal/src/app/app.ts',
    code: valueImport('@astro/web-kit'),
  },
  {
    case: "a browser app importing web-kit's server entry",
    file: 'apps/ops-dashboard/src/server.ts',
    code: valueImport('@astro/web-kit/server'),
  },
  {
    case: 'a browser app importing the domain rules',
    file: 'apps/employee-portal/src/app/app.ts',
    code: valueImport('@astro/domain'),
  },
  { case: 'web-kit importing Angular', file: 'packages/web-kit/src/errors.ts', code: valueImport('@angular/core') },
  {
    case: 'web-kit importing the tRPC client',
    file: 'packages/web-kit/src/trpc.ts',
    code: valueImport('@trpc/client'),
  },
  {
    case: 'web-kit importing the routers as types',
    file: 'packages/web-kit/src/trpc.ts',
    code: typeImport('@astro/api'),
  },
  {
    case: "web-kit's server entry importing Node",
    file: 'packages/web-kit/src/server.ts',
    code: valueImport('node:http'),
  },
  {
    case: "a store's code importing the shared Mongo helpers",
    file: 'packages/db/src/customer/orm.ts',
    code: valueImport('../mongo.ts'),
  },
  ...stores.map((store) => ({
    case: `the ${store} store's code importing the sync contract`,
    file: `packages/db/src/${store}/orm.ts`,
    code: valueImport('../sync/messages.ts'),
  })),
  {
    case: 'the sync contract importing the domain rules',
    file: 'packages/db/src/sync/launch-changed.ts',
    code: valueImport('@astro/domain'),
  },
  {
    case: 'the stores composed in stores.ts',
    file: 'packages/db/src/stores.ts',
    code: valueImport('./operational/orm.ts'),
  },
  {
    case: 'the Customer API importing its store',
    file: 'packages/api/src/customer/bookings/holds.ts',
    code: valueImport('@astro/db/customer'),
  },
  { case: 'the jobs opening every store', file: 'packages/jobs/src/scheduler.ts', code: valueImport('@astro/db') },
  ...[
    '@astro/domain',
    '@astro/db/customer',
    '@astro/db/sync',
    '@astro/db/system',
    '@astro/logging',
    '@astro/payments',
  ].map((source) => ({
    case: `the booking flows importing ${source}`,
    file: 'packages/bookings/src/payment/payment.ts',
    code: valueImport(source),
  })),
  {
    case: 'a booking test seeding the demo world',
    file: 'packages/bookings/src/holds/holds.test.ts',
    code: valueImport('@astro/db/seed'),
  },
  {
    case: 'the jobs running the booking flows',
    file: 'packages/jobs/src/bookings/booking-recovery.job.ts',
    code: valueImport('@astro/bookings'),
  },
  {
    case: 'the Customer API running the booking flows',
    file: 'packages/api/src/customer/bookings/bookings.service.ts',
    code: valueImport('@astro/bookings'),
  },
  {
    case: "a jobs test acting as a traveler through the booking flows' test support",
    file: 'packages/jobs/src/bookings/booking-upkeep.test.ts',
    code: valueImport('../../../bookings/src/travelers.test-support.ts'),
  },
  {
    case: 'a jobs test importing the test stores',
    file: 'packages/jobs/src/claims.test.ts',
    code: valueImport('../../../scripts/test-support/stores.ts'),
  },
  {
    case: "a host test importing the API's test support",
    file: 'apps/host/src/fuzz.test.ts',
    code: valueImport('../../../packages/api/src/authorization-matrix.test-support.ts'),
  },
];

describe('the import boundaries', () => {
  it.each(wrongImports)('refuse $boundary', async ({ file, code, message }) => {
    const problems = await problemsOf(file, code);
    expect(problems.map((problem) => problem.message)).toContainEqual(expect.stringContaining(message));
  });

  it.each(allowedImports)('let through $case', async ({ file, code }) => {
    expect(await problemsOf(file, code)).toEqual([]);
  });
});
