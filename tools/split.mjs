// Code splitting (prototype, issue #2): cut the lazy routes (`#[lazy_route]`, cargo feature
// `split`) out of the main wasm, the way `cargo leptos --split` does:
//
//   cargo artifact (linked with --emit-relocs, see build.rs)
//     → wasm-split-cli  (crates.io `wasm_split_cli_support`, feature build-binary): main module,
//                        one module per split point, shared chunks, and the loader __wasm_split.js
//     → wasm-bindgen --keep-lld-exports on the main module (the chunks import its table, memory
//                        and stack pointer)
//     → wasm-opt -Oz on every module (release only)
//
// Called from tools/post-build.mjs in the staging dir. Trunk has already run wasm-bindgen on the
// unsplit artifact; its fordeling-*.js / *_bg.wasm are replaced here. All outputs are named with
// one hash over the whole set (the main glue and the loader import each other, so per-file hashes
// would be circular), and index.html's script tag and preload links are rewritten to match.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const sri = (buf) => 'sha384-' + createHash('sha384').update(buf).digest('base64');
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });

async function pool(items, n, f) {
  const queue = [...items];
  await Promise.all(Array.from({ length: n }, async () => {
    while (queue.length) await f(queue.shift());
  }));
}

export async function splitWasm(staging, { release, base = '/' }) {
  const targetDir = process.env.CARGO_TARGET_DIR || path.join(process.env.TRUNK_SOURCE_DIR || '.', 'target');
  const artifact = path.join(targetDir, 'wasm32-unknown-unknown', release ? 'wasm-release' : 'debug', 'fordeling.wasm');
  const tmp = await mkdtemp(path.join(tmpdir(), 'fordeling-split-'));
  try {
    const splitDir = path.join(tmp, 'split');
    const bgDir = path.join(tmp, 'bg');
    run('wasm-split-cli', ['--target', 'web', '--out-name', 'fordeling', artifact, splitDir]);
    run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-typescript',
      ...(release ? ['--remove-name-section', '--remove-producers-section'] : []),
      '--out-dir', bgDir, '--out-name', 'fordeling', path.join(splitDir, 'fordeling.wasm')]);

    // name in the split dir → contents
    const out = new Map();
    out.set('fordeling.js', await readFile(path.join(bgDir, 'fordeling.js'), 'utf8'));
    out.set('fordeling_bg.wasm', path.join(bgDir, 'fordeling_bg.wasm'));
    out.set('__wasm_split.js', await readFile(path.join(splitDir, '__wasm_split.js'), 'utf8'));
    for (const f of await readdir(splitDir)) {
      if (f.endsWith('.wasm') && f !== 'fordeling.wasm') out.set(f, path.join(splitDir, f));
    }
    const wasmFiles = [...out.keys()].filter((f) => f.endsWith('.wasm'));
    if (release) {
      const feats = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals'];
      await pool(wasmFiles, 2, async (f) => {
        const src = out.get(f);
        const dst = path.join(tmp, 'opt-' + f);
        await new Promise((resolve, reject) => {
          import('node:child_process').then(({ execFile }) =>
            execFile('wasm-opt', ['-Oz', ...feats, src, '-o', dst], (e) => (e ? reject(e) : resolve())));
        });
        out.set(f, dst);
      });
    }
    for (const f of wasmFiles) out.set(f, await readFile(out.get(f)));

    const h = createHash('sha256');
    for (const [f, c] of [...out.entries()].sort(([a], [b]) => a.localeCompare(b))) h.update(f).update(c);
    const id = h.digest('hex').slice(0, 16);
    const rename = (f) => f.replace(/(\.js|_bg\.wasm|\.wasm)$/, `-${id}$1`);

    // Only the module specifiers: the import object's keys must keep the wasm's import names.
    let glue = out.get('fordeling.js').replaceAll(' from "./__wasm_split.js"', ` from "./${rename('__wasm_split.js')}"`);
    let loader = out.get('__wasm_split.js')
      .replaceAll('"./fordeling.js"', `"./${rename('fordeling.js')}"`)
      .replace(/"\.\/([\w.]+\.wasm)"/g, (m, f) => (out.has(f) ? `"./${rename(f)}"` : m));
    out.set('fordeling.js', glue);
    out.set('__wasm_split.js', loader);

    // Replace trunk's unsplit outputs.
    for (const f of await readdir(staging)) {
      if (/^fordeling-[0-9a-f]+(\.js|_bg\.wasm)$/.test(f)) await rm(path.join(staging, f));
    }
    for (const [f, c] of out) await writeFile(path.join(staging, rename(f)), c);

    const jsName = rename('fordeling.js');
    const wasmName = rename('fordeling_bg.wasm');
    const indexPath = path.join(staging, 'index.html');
    let html = await readFile(indexPath, 'utf8');
    html = html
      .replace(/data-js="[^"]*"/, `data-js="${base}${jsName}"`)
      .replace(/data-wasm="[^"]*"/, `data-wasm="${base}${wasmName}"`)
      .replace(/<link rel="modulepreload" href="[^"]*"([^>]*?)integrity="[^"]*"/,
        `<link rel="modulepreload" href="${base}${jsName}"$1integrity="${sri(Buffer.from(glue))}"`)
      .replace(/<link rel="preload" href="[^"]*_bg\.wasm"([^>]*?)integrity="[^"]*"/,
        `<link rel="preload" href="${base}${wasmName}"$1integrity="${sri(out.get('fordeling_bg.wasm'))}"`);
    await writeFile(indexPath, html);
    const lazy = wasmFiles.filter((f) => f !== 'fordeling_bg.wasm');
    console.log(`split: main ${out.get('fordeling_bg.wasm').length} bytes, ${lazy.length} lazy modules`);
    return { main: [jsName, wasmName, rename('__wasm_split.js')], lazy: lazy.map(rename) };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
