// Loader for the wasm app, kept out of index.html so the Content-Security-Policy can forbid
// inline scripts. Trunk's `pattern_script` (Trunk.toml) emits
//   <script type="module" src="/boot.js" data-js="/fordeling-<hash>.js" data-wasm="/fordeling-<hash>_bg.wasm">
// and preloads both files with Subresource Integrity, so the imports below reuse those fetches.
const tag = document.querySelector('script[data-js][data-wasm]');
if (!tag) throw new Error('boot.js: script tag with data-js/data-wasm not found');

const { default: init } = await import(tag.dataset.js);
const wasm = await init({ module_or_path: tag.dataset.wasm });

// Same event as trunk's default loader, for anything that waits on start-up.
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
