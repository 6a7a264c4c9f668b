// Service-worker precache list: the exact files of a build plus a version hash over their
// names and contents, injected into <dir>/sw.js in place of `/*@FORDELING_BUILD@*/ null`.
//
//   import { injectPrecache } from './precache.mjs'   (used by tools/post-build.mjs)
//   node tools/precache.mjs [dir]                      (CLI; dir defaults to dist)
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PLACEHOLDER = '/*@FORDELING_BUILD@*/ null';
const SW = 'sw.js';
// Never precached: the worker itself, source maps, pre-compressed variants.
const skip = (rel) => rel === SW || /\.(map|br|gz)$/.test(rel);

async function walk(dir, base = dir) {
  const out = [];
  for (const ent of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, ent.name);
    if (ent.isDirectory()) out.push(...(await walk(full, base)));
    else if (ent.isFile()) out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out;
}

export async function injectPrecache(dir) {
  const swPath = path.join(dir, SW);
  const sw = await readFile(swPath, 'utf8');
  if (!sw.includes(PLACEHOLDER)) {
    throw new Error(`${swPath}: placeholder ${PLACEHOLDER} not found (already injected?)`);
  }
  const files = (await walk(dir)).filter((f) => !skip(f)).sort();
  if (!files.includes('index.html')) throw new Error(`${dir}: no index.html to precache`);

  const h = createHash('sha256');
  for (const f of files) {
    h.update(f).update('\0');
    h.update(createHash('sha256').update(await readFile(path.join(dir, f))).digest()).update('\0');
  }
  const version = h.digest('hex').slice(0, 16);
  // Code splitting (tools/split.mjs): the lazy wasm modules are not part of the install; the
  // worker caches each on first use and warms the rest in the background once active.
  const isLazy = (f) => /^(chunk|split)_.*\.wasm$/.test(f);
  const build = { version, files: files.filter((f) => !isLazy(f)), lazy: files.filter(isLazy) };
  await writeFile(swPath, sw.replace(PLACEHOLDER, JSON.stringify(build)));
  return build;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'dist';
  const { version, files } = await injectPrecache(dir);
  console.log(`precache: ${files.length} files, cache fordeling-${version}`);
}
