/**
 * Writes a Brotli (`.br`) and a gzip (`.gz`) copy beside every compressible file of a build's browser folder, at
 * the strongest levels: done once per build, so the host serves them (express-static-gzip, ssr.ts)
 * without compressing the same bytes again for every visitor. Each app's `build` runs it after `ng build`.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const compressible = /\.(?:js|mjs|css|html|svg|json|txt|xml|ico|map|webmanifest)$/;
/** Below this a compressed copy saves less than its headers cost (the host's on-the-fly threshold is the same). */
const minimumBytes = 1024;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Compresses every file under `folder` worth it; returns how many it compressed. */
export async function precompressFolder(folder: string): Promise<number> {
  const files = (await readdir(folder, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && compressible.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
  let compressed = 0;
  await Promise.all(
    files.map(async (file) => {
      const content = await readFile(file);
      if (content.length < minimumBytes) return;
      const [br, gz] = await Promise.all([
        brotli(content, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
          },
        }),
        gzipped(content, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
      compressed++;
    }),
  );
  return compressed;
}

if (import.meta.main) {
  const folder = process.argv[2] ?? 'dist/browser';
  console.log(`Precompressed ${await precompressFolder(folder)} files in ${folder}.`);
}
