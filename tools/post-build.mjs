// Trunk post_build hook (see Trunk.toml). Runs in $TRUNK_STAGING_DIR for every build.
//
// 1. CSP: index.html must contain no inline script, since the policy is
//    `script-src 'self' 'wasm-unsafe-eval'` with no hashes or nonces. The app loader is already
//    external (Trunk.toml pattern_script + public/boot.js). Under `trunk serve`, trunk appends its
//    live-reload script inline; it is moved to an external file here, so the dev build runs
//    under the very same policy. Inline <style>, style="" and on*="" attributes cannot be moved
//    and fail the build.
// 2. Release builds: inject the service worker's precache list and version (tools/precache.mjs).
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { injectPrecache } from './precache.mjs';
import { splitWasm } from './split.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(2);
}
const release = process.env.TRUNK_PROFILE === 'release';
const base = process.env.TRUNK_PUBLIC_URL || '/';
const indexPath = path.join(staging, 'index.html');
let html = await readFile(indexPath, 'utf8');

const problems = [];
let moved = 0;
const out = [];
html = html.replace(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi, (whole, attrs, body) => {
  if (/\bsrc\s*=/i.test(attrs) || body.trim() === '') return whole;
  const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
  // Data blocks (JSON etc.) are not executed and not subject to script-src.
  if (type && !['module', 'text/javascript', 'application/javascript'].includes(type)) return whole;
  let code = body;
  if (code.includes('{{__TRUNK_ADDRESS__}}')) {
    // trunk serve substitutes these only inside HTML responses; resolve them in the browser.
    code = code
      .replaceAll("'{{__TRUNK_ADDRESS__}}'", 'window.location.host')
      .replaceAll('`{{__TRUNK_ADDRESS__}}`', 'window.location.host')
      .replaceAll('{{__TRUNK_WS_BASE__}}', base);
  }
  if (release) {
    problems.push(`inline <script${attrs}> in a release build (${code.trim().slice(0, 60)}…)`);
    return whole;
  }
  const name = `inline-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
  out.push([name, code]);
  moved += 1;
  const keep = attrs.replace(/\s+nonce\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '');
  return `<script${keep} src="${base}${name}"></script>`;
});
for (const [name, code] of out) await writeFile(path.join(staging, name), code);

if (/<style\b/i.test(html)) problems.push('inline <style> element (style-src \'self\' forbids it)');
if (/<[^>]+\sstyle\s*=/i.test(html)) problems.push('style="" attribute (style-src \'self\' forbids it)');
if (/<[^>]+\son[a-z]+\s*=/i.test(html)) problems.push('inline event handler attribute (on…="")');
if (problems.length) {
  console.error('post-build: index.html would break the Content-Security-Policy:');
  for (const p of problems) console.error('  - ' + p);
  process.exit(1);
}
await writeFile(indexPath, html);
if (moved) console.log(`post-build: moved ${moved} inline script(s) to external files (CSP)`);

// Code splitting when index.html builds with the `split` feature (tools/split.mjs).
const source = await readFile(path.join(process.env.TRUNK_SOURCE_DIR || '.', 'index.html'), 'utf8');
if (/data-cargo-features="[^"]*\bsplit\b/.test(source)) {
  await splitWasm(staging, { release, base });
}

if (release) {
  const { version, files } = await injectPrecache(staging);
  console.log(`post-build: service worker precaches ${files.length} files, cache fordeling-${version}`);
}
