/**
 * Each workspace package declares what its files import. Node finds a package in any node_modules above the
 * importing file, so one the root (or nothing) declares would still resolve, and the lint boundaries, which name
 * packages, could be dodged by an import its package.json does not admit.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('..', import.meta.url));

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}
const manifestOf = (folder: string): Manifest =>
  JSON.parse(readFileSync(join(repo, folder, 'package.json'), 'utf8')) as Manifest;
const declaredBy = (manifest: Manifest) =>
  new Set(Object.keys({ ...manifest.dependencies, ...manifest.devDependencies, ...manifest.peerDependencies }));

const folders = [
  ...['apps', 'packages'].flatMap((parent) =>
    readdirSync(join(repo, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${parent}/${entry.name}`),
  ),
  'scripts',
  'e2e',
];

const notSources = new Set(['node_modules', 'dist', '.angular']);
const sourcesIn = (folder: string): string[] =>
  readdirSync(join(repo, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return notSources.has(entry.name) ? [] : sourcesIn(path);
    return /\.(ts|js)$/.test(entry.name) ? [path] : [];
  });
// The root's own files are the configuration beside package.json; every folder below belongs to a package.
const rootSources = readdirSync(repo).filter((name) => /\.(ts|js)$/.test(name));

/** The package an import specifier names (`@scope/name` or `name`), or null for a relative path or Node itself. */
const packageNamed = (specifier: string) => {
  if (/^[./]/.test(specifier) || specifier.startsWith('node:') || builtinModules.includes(specifier)) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
};

const undeclaredImports = (manifest: Manifest, files: string[]) => {
  const declared = declaredBy(manifest);
  return files.flatMap((file) =>
    ts
      .preProcessFile(readFileSync(join(repo, file), 'utf8'), true, true)
      .importedFiles.map((reference) => packageNamed(reference.fileName))
      .filter((name) => name !== null && name !== manifest.name && !declared.has(name))
      .map((name) => `${file} imports ${name}`),
  );
};

describe('the workspace packages', () => {
  it('leave every @astro/* package out of the root package.json, so none resolves one it does not declare', () => {
    expect([...declaredBy(manifestOf('.'))].filter((name) => name.startsWith('@astro/'))).toEqual([]);
  });

  it.each(folders)('%s declares every package its files import', (folder) => {
    expect(undeclaredImports(manifestOf(folder), sourcesIn(folder))).toEqual([]);
  });

  it('the root declares every package its configuration files import', () => {
    expect(undeclaredImports(manifestOf('.'), rootSources)).toEqual([]);
  });
});
