// @ts-check
// Lint for the whole workspace. The import rules below are the architecture: a wrong import fails CI.
import tseslint from 'typescript-eslint';
import angular from 'angular-eslint';

const otherAudiences = (self) =>
  ['customer', 'supplier', 'admin', 'ops']
    .filter((audience) => audience !== self)
    .map((audience) => ({
      group: [`../${audience}/*`, `../../${audience}/*`, `../../../${audience}/*`],
      message: `An audience's router never imports another audience's code (${self} → ${audience}).`,
    }));

const boundary = (files, { paths = [], patterns = [] }) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }] },
});

const allStores = {
  name: '@astro/db',
  message:
    'Only composition code (host, jobs, scripts) opens every store; import the store you own: @astro/db/<store>.',
};

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
  boundary(['packages/domain/src/**'], {
    patterns: [
      {
        group: ['@astro/*', 'node:*', '@mikro-orm/*', '@trpc/*', 'express'],
        message: 'The domain is pure rules: no I/O, no framework, nothing of ours.',
      },
    ],
  }),
  boundary(['packages/api/src/customer/**'], {
    paths: [
      allStores,
      {
        name: '@astro/db/operational',
        message: 'The Customer API never touches the Operational DB: record a sync message instead.',
      },
    ],
    patterns: otherAudiences('customer'),
  }),
  boundary(['packages/api/src/supplier/**'], {
    paths: [
      allStores,
      {
        name: '@astro/db/customer',
        message: 'The Supplier API never touches the Customer DB: record a sync message instead.',
      },
    ],
    patterns: otherAudiences('supplier'),
  }),
  boundary(['packages/api/src/admin/**'], {
    paths: [
      allStores,
      {
        name: '@astro/db/customer',
        message: 'The Admin API never touches the Customer DB: record a sync message instead.',
      },
    ],
    patterns: otherAudiences('admin'),
  }),
  boundary(['packages/api/src/ops/**'], {
    paths: [
      allStores,
      { name: '@astro/db/operational', message: 'The ops router reads the System DB only.' },
      { name: '@astro/db/customer', message: 'The ops router reads the System DB only.' },
    ],
    patterns: otherAudiences('ops'),
  }),
  boundary(['packages/api/src/partner/**'], {
    paths: [
      allStores,
      { name: '@astro/db/operational', message: 'Partners read the public catalogue only.' },
      { name: '@astro/db/system', message: 'Partners read the public catalogue only.' },
    ],
    patterns: [
      {
        group: [
          '../supplier/*',
          '../admin/*',
          '../ops/*',
          '../customer/*.ts',
          '../customer/*/*',
          '!../customer/catalogue/*',
        ],
        message: "Partners read the customer site's catalogue, nothing else of another audience.",
      },
    ],
  }),
  boundary(['packages/auth/src/**'], {
    paths: [
      allStores,
      {
        name: '@astro/db/operational',
        message: 'The Authentication Service keeps its data in the System DB only.',
      },
      { name: '@astro/db/customer', message: 'The Authentication Service keeps its data in the System DB only.' },
    ],
  }),
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
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@astro/api',
              allowTypeImports: true,
              message: 'The apps use the routers only as types; calls go through tRPC.',
            },
          ],
          patterns: [
            {
              group: ['@astro/db', '@astro/db/*', '@astro/jobs', '@astro/mail', '@astro/config'],
              message: 'Browser code never imports server packages.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/{customer-web,supplier-portal,employee-portal,ops-dashboard}/src/**/*.html'],
    extends: [...angular.configs.templateRecommended, ...angular.configs.templateAccessibility],
  },
);
