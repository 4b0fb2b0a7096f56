/**
 * Builds the Angular apps only when their build is out of date: a start with unchanged sources reuses the last
 * build (four apps take about a minute to build). An app's build is current when its server bundle is newer
 * than every file of the app and of the workspace packages it bundles, and than the lockfile.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
/** What a build or an install writes: never a source. */
const generated = new Set(['dist', 'node_modules', '.angular']);

/** Whether a build made at `builtAtMs` (null: never built) still reflects sources last changed at `sourceTimesMs`. */
export function isBuildCurrent(builtAtMs: number | null, sourceTimesMs: Iterable<number>): boolean {
  if (builtAtMs === null) return false;
  for (const changedAt of sourceTimesMs) if (changedAt >= builtAtMs) return false;
  return true;
}

function* fileTimes(folder: string): Generator<number> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (generated.has(entry.name)) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* fileTimes(path);
    else if (entry.isFile()) yield statSync(path).mtimeMs;
  }
}

/** The folders of the workspace packages a package bundles (its `dependencies`, and theirs). */
function bundledPackages(root: string, packageFolder: string, seen = new Set<string>()): Set<string> {
  const manifest = JSON.parse(readFileSync(join(packageFolder, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  for (const [name, version] of Object.entries(manifest.dependencies ?? {})) {
    if (!version.startsWith('workspace:')) continue;
    const folder = join(root, 'packages', name.replace(/^@astro\//, ''));
    if (seen.has(folder) || !existsSync(folder)) continue;
    seen.add(folder);
    bundledPackages(root, folder, seen);
  }
  return seen;
}

/** The Angular apps (those with an angular.json) under `root`/apps whose build is out of date. */
export function staleApps(root = repo): string[] {
  const apps = readdirSync(join(root, 'apps')).filter((app) => existsSync(join(root, 'apps', app, 'angular.json')));
  return apps.filter((app) => {
    const folder = join(root, 'apps', app);
    const bundle = join(folder, 'dist', 'server', 'server.mjs');
    const builtAt = existsSync(bundle) ? statSync(bundle).mtimeMs : null;
    const sources = function* () {
      yield* fileTimes(folder);
      for (const pkg of bundledPackages(root, folder)) yield* fileTimes(pkg);
      for (const file of ['pnpm-lock.yaml', 'tsconfig.base.json'])
        if (existsSync(join(root, file))) yield statSync(join(root, file)).mtimeMs;
    };
    return !isBuildCurrent(builtAt, sources());
  });
}

/** Builds the apps that need it, one at a time (as `pnpm build` does), and says which it skipped. */
export function buildStaleApps(root = repo): void {
  const stale = staleApps(root);
  if (stale.length === 0) {
    console.log('The apps are built and up to date; not building them again.');
    return;
  }
  console.log(`Building ${stale.join(', ')} ...`);
  for (const app of stale)
    execFileSync('pnpm', ['--filter', `./apps/${app}`, 'build'], { cwd: root, stdio: 'inherit' });
}

if (import.meta.main) buildStaleApps();
