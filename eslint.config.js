// @ts-check
// Lint for the whole workspace. The import rules below are the architecture: a wrong import fails CI.
// scripts/lint-boundaries.test.ts lints one wrong import per boundary, so a rule cannot quietly open again.
import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';
import angular from 'angular-eslint';

const directoriesOf = (parent) =>
  readdirSync(new URL(parent, import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
const packageNames = directoriesOf('packages');
const appNames = directoriesOf('apps');

// A relative path that climbs out of a package into another one (or into apps/ or scripts/) dodges every
// boundary below, which all name packages.
const reachingAcross = (allowed = '') => ({
  regex: `^(\\.\\./)+${allowed}(packages/|apps/|scripts/|(${[...packageNames, ...appNames].join('|')})/src/)`,
  message:
    'Import another package by its name (@astro/…), never by a relative path into its files; only tests reach the test support and services of scripts/.',
});
// Tests share the scripts' real databases and each other's *.test-support.ts helpers, which no package exports.
const reachingAcrossFromTests = reachingAcross('(?!scripts/test-support/|scripts/services/|.*\\.test-support\\.ts$)');

const tests = '**/*.{test,test-support}.ts';

const boundary = (files, { paths = [], patterns = [] }) => [
  {
    files,
    ignores: [tests],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns: [...patterns, reachingAcross()] }],
    },
  },
  {
    files: files.map((file) => [file, tests]),
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths, patterns: [...patterns, reachingAcrossFromTests] },
      ],
    },
  },
];

// Every file of a package matches its package's general boundary first and then at most one narrower one,
// which replaces it; so each carries the ban on the package importing itself by name.
const inPackage = (name, folders, { paths = [], patterns = [] } = {}) =>
  boundary(
    folders.map((folder) => `packages/${name}/src/${folder}`),
    {
      paths,
      patterns: [
        ...patterns,
        {
          regex: `^@astro/${name}(/|$)`,
          message: `A package imports its own files by relative path, never by its own name (@astro/${name}).`,
        },
      ],
    },
  );

const otherAudiences = (self) =>
  ['customer', 'supplier', 'admin', 'ops']
    .filter((audience) => audience !== self)
    .map((audience) => ({
      group: [`../${audience}/*`, `../../${audience}/*`, `../../../${audience}/*`],
      message: `An audience's router never imports another audience's code (${self} → ${audience}).`,
    }));

// Each store's code in packages/db knows its own database only, and the sync contract (src/sync/) that every store
// shares; src/stores.ts, src/index.ts and the seed compose them.
const otherStores = (self) =>
  ['customer', 'operational', 'system']
    .filter((store) => store !== self)
    .map((store) => ({
      regex: `^(\\.\\./)+${store}/`,
      message: `A store's code never reaches into another store's (${self} → ${store}): the sync carries data between them.`,
    }))
    .concat({
      regex: '^(\\.\\./)+((stores|index)\\.ts$|seed/)',
      message: "A store's code never imports the code that composes every store (stores.ts, index.ts, the seed).",
    });

// The sync contract (src/sync/) is what the stores share, so it imports none of them.
const syncContract = (alsoAllowed = '') => ({
  patterns: [
    {
      regex: `^(?!\\./|zod$|@astro/domain$${alsoAllowed})`,
      message:
        'The sync contract is shared by every store and imports none of them, nor the code composing them: only zod, @astro/domain and its own files.',
    },
  ],
});

const allStores = {
  name: '@astro/db',
  message:
    'Only composition code (host, jobs, scripts) opens every store; import the store you own: @astro/db/<store>.',
};

// web-kit is what the Angular apps share, in the browser and in server-side rendering: Angular, the tRPC client,
// the pure domain rules and the routers' types; nothing that talks to a database, a mailer or the host's process.
const webKitMessage =
  'web-kit imports only Angular, @trpc/client (and @trpc/server/observable), @astro/domain and types from @astro/api or @trpc/server.';
const webKit = (alsoAllowed = '') => ({
  patterns: [
    {
      regex: `^(?!\\.{1,2}/|@angular/|@trpc/client$|@trpc/server/observable$|@astro/domain$|@astro/api$|@trpc/server$${alsoAllowed})`,
      message: webKitMessage,
    },
    { regex: '^(@astro/api|@trpc/server)$', allowTypeImports: true, message: webKitMessage },
  ],
});

// The booking flows are the Customer DB's and know no transport: the API and the jobs call them, never the reverse.
const bookingsMessage =
  'The booking flows import only @astro/domain, @astro/db/customer, @astro/db/sync, @astro/db/system, @astro/db/recent-copies, @astro/logging, @astro/payments and @astro/config: never the API, tRPC, auth or the jobs.';
const bookings = (alsoAllowed = '') => ({
  patterns: [
    {
      regex: `^@astro/(?!(domain|db/customer|db/sync|db/system|db/recent-copies|logging|payments|config${alsoAllowed})$)`,
      message: bookingsMessage,
    },
    { regex: '^@trpc/', message: bookingsMessage },
  ],
});
const noBookings = (message) => ({ name: '@astro/bookings', message });

// The finance flows are the Operational DB's (invoices, credit notes, payments, statements) and know no transport.
const financeMessage =
  'The finance flows import only @astro/domain, @astro/db/operational, @astro/db/system, @astro/logging and @astro/config: never the API, tRPC, auth, the booking flows or the jobs.';
const finance = {
  patterns: [
    { regex: '^@astro/(?!(domain|db/operational|db/system|logging|config)$)', message: financeMessage },
    { regex: '^@trpc/', message: financeMessage },
  ],
};
const noFinance = (message) => ({ name: '@astro/finance', message });
export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/.angular/**',
      '**/node_modules/**',
      '.data/**',
      '.tools/**',
      'test-results/**',
      'playwright-report/**',
      'packages/db/src/operational/migrations/**',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  packageNames.map((name) => inPackage(name, ['**'])),
  boundary(['apps/*/src/**/*.ts'], {}),
  inPackage('domain', ['**'], {
    patterns: [
      {
        group: ['@astro/*', 'node:*', '@mikro-orm/*', '@trpc/*', 'express'],
        message: 'The domain is pure rules: no I/O, no framework, nothing of ours.',
      },
    ],
  }),
  inPackage('api', ['customer/**'], {
    paths: [
      allStores,
      {
        name: '@astro/db/operational',
        message: 'The Customer API never touches the Operational DB: record a sync message instead.',
      },
      noFinance('The Customer API never touches the Operational DB, where finance lives.'),
    ],
    patterns: otherAudiences('customer'),
  }),
  inPackage('api', ['supplier/**'], {
    paths: [
      allStores,
      {
        name: '@astro/db/customer',
        message: 'The Supplier API never touches the Customer DB: record a sync message instead.',
      },
      noBookings('The Supplier API never runs the Customer DB’s booking flows: record a sync message instead.'),
    ],
    patterns: otherAudiences('supplier'),
  }),
  inPackage('api', ['admin/**'], {
    paths: [
      allStores,
      {
        name: '@astro/db/customer',
        message: 'The Admin API never touches the Customer DB: record a sync message instead.',
      },
      noBookings('The Admin API never runs the Customer DB’s booking flows: record a sync message instead.'),
    ],
    patterns: otherAudiences('admin'),
  }),
  inPackage('api', ['ops/**'], {
    paths: [
      allStores,
      { name: '@astro/db/operational', message: 'The ops router reads the System DB only.' },
      { name: '@astro/db/customer', message: 'The ops router reads the System DB only.' },
      noBookings('The ops router reads the System DB only.'),
      noFinance('The ops router reads the System DB only.'),
    ],
    patterns: otherAudiences('ops'),
  }),
  inPackage('api', ['partner/**'], {
    paths: [
      allStores,
      { name: '@astro/db/operational', message: 'Partners read the public catalogue only.' },
      { name: '@astro/db/system', message: 'Partners read the public catalogue only.' },
      noBookings('Partners read the public catalogue only.'),
      noFinance('Partners read the public catalogue only.'),
    ],
    patterns: [
      {
        // From partner/ itself and from its feature folders.
        group: ['../', '../../'].flatMap((up) => [
          `${up}supplier/*`,
          `${up}admin/*`,
          `${up}ops/*`,
          `${up}customer/*.ts`,
          `${up}customer/*/*`,
          `!${up}customer/catalogue/*`,
        ]),
        message: "Partners read the customer site's catalogue, nothing else of another audience.",
      },
    ],
  }),
  inPackage('auth', ['**'], {
    paths: [
      allStores,
      {
        name: '@astro/db/operational',
        message: 'The Authentication Service keeps its data in the System DB only.',
      },
      { name: '@astro/db/customer', message: 'The Authentication Service keeps its data in the System DB only.' },
    ],
  }),
  inPackage('bookings', ['**'], bookings()),
  // Tests seed the demo world.
  inPackage('bookings', ['**/*.{test,test-support}.ts'], bookings('|db/seed')),
  inPackage('finance', ['**'], finance),
  inPackage('db', ['customer/**'], { patterns: otherStores('customer') }),
  inPackage('db', ['operational/**'], { patterns: otherStores('operational') }),
  inPackage('db', ['system/**'], { patterns: otherStores('system') }),
  inPackage('db', ['sync/**'], syncContract()),
  inPackage('db', ['sync/**/*.test.ts'], syncContract('|vitest$')),
  inPackage('jobs', ['**'], {
    patterns: [
      {
        group: ['@astro/api', '@astro/api/*'],
        message: 'Jobs never go through the tRPC routers: they call the flows they run (@astro/bookings) directly.',
      },
    ],
  }),
  inPackage('web-kit', ['**'], webKit()),
  // The server-side rendering entry is the one file of web-kit that runs only in Node.
  inPackage('web-kit', ['server.ts'], webKit('|node:')),
  inPackage('web-kit', ['**/*.test.ts'], webKit('|vitest$')),
  {
    files: ['packages/*/src/**/*.ts', 'apps/host/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test-support.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@astro/db/seed', message: 'Demo data is for start-up and tests only.' }] },
      ],
    },
  },
  {
    files: ['apps/{customer-web,supplier-portal,employee-portal,ops-dashboard}/src/**/*.ts'],
    extends: [...angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
  },
  boundary(['apps/{customer-web,supplier-portal,employee-portal,ops-dashboard}/src/**/*.ts'], {
    paths: [
      {
        name: '@astro/api',
        allowTypeImports: true,
        message: 'The apps use the routers only as types; calls go through tRPC.',
      },
    ],
    patterns: [
      {
        regex: '^@astro/(?!api$|domain$|web-kit(/|$))',
        message:
          'Browser code never imports server packages: only @astro/web-kit, @astro/domain and the types of @astro/api.',
      },
    ],
  }),
  {
    files: ['apps/{customer-web,supplier-portal,employee-portal,ops-dashboard}/src/**/*.html'],
    extends: [...angular.configs.templateRecommended, ...angular.configs.templateAccessibility],
  },
);
