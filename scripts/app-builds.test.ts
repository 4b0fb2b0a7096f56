import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBuildCurrent, staleApps } from './app-builds.ts';

describe('whether the apps must be built again', () => {
  it.each([
    { case: 'never built', builtAt: null, sources: [100], current: false },
    { case: 'built after every source changed', builtAt: 500, sources: [100, 400, 499], current: true },
    { case: 'a source changed after the build', builtAt: 500, sources: [100, 501], current: false },
    { case: 'a source changed in the same millisecond', builtAt: 500, sources: [500], current: false },
  ])('$case: current is $current', ({ builtAt, sources, current }) => {
    expect(isBuildCurrent(builtAt, sources)).toBe(current);
  });

  describe('in a workspace', () => {
    let root: string;
    const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));
    const file = async (path: string, seconds: number, text = '') => {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
      await utimes(join(root, path), at(seconds), at(seconds));
    };

    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), 'app-builds-'));
      await file('pnpm-lock.yaml', 1);
      await file('apps/host/package.json', 1, '{}');
      await file('apps/web/angular.json', 1, '{}');
      await file('apps/web/package.json', 1, JSON.stringify({ dependencies: { '@astro/kit': 'workspace:*' } }));
      await file('apps/web/src/main.ts', 2);
      await file('packages/kit/package.json', 1, JSON.stringify({ dependencies: { '@astro/rules': 'workspace:*' } }));
      await file('packages/kit/src/tokens.css', 2);
      await file('packages/rules/package.json', 1, '{}');
      await file('packages/rules/src/seats.ts', 2);
      await file('packages/db/src/unbundled.ts', 2);
    });
    afterAll(() => rm(root, { recursive: true, force: true }));

    it('builds an app that was never built, and skips it once its build is newer than its sources', async () => {
      expect(staleApps(root)).toEqual(['web']);
      await file('apps/web/dist/server/server.mjs', 10);
      expect(staleApps(root)).toEqual([]);
    });

    it('ignores build output, installed packages and packages the app does not bundle', async () => {
      await file('apps/web/dist/browser/main.js', 20);
      await file('apps/web/node_modules/x/index.js', 20);
      await file('apps/web/.angular/cache/x', 20);
      await file('packages/db/src/unbundled.ts', 20);
      expect(staleApps(root)).toEqual([]);
    });

    it('builds again after a change to the app, a package it bundles (however deep), or the lockfile', async () => {
      const sources = ['apps/web/src/main.ts', 'packages/rules/src/seats.ts', 'pnpm-lock.yaml'];
      for (const [round, source] of sources.entries()) {
        await file('apps/web/dist/server/server.mjs', 30 + 2 * round);
        expect(staleApps(root), `before ${source} changed`).toEqual([]);
        await file(source, 31 + 2 * round);
        expect(staleApps(root), source).toEqual(['web']);
      }
    });
  });
});
