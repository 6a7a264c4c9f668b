// Fordeling service worker: offline-first app shell.
//
// `./x build` (tools/post-build.mjs, release builds only) replaces the BUILD placeholder below
// with { version, files }: the build's exact, hashed file names and a hash over their contents.
// Every build therefore yields a byte-different sw.js, the browser installs it as a *waiting*
// worker, and the app offers "Ny version er klar — genindlæs", which posts {type: "SKIP_WAITING"}.
//
// Without a precache list (dev builds under `trunk serve`) the worker caches nothing and
// leaves every request to the network.
'use strict';

const BUILD = /*@FORDELING_BUILD@*/ null;

const PREFIX = 'fordeling-';
const CACHE = BUILD ? PREFIX + BUILD.version : null;
const INDEX = 'index.html';

const url = (path) => new URL(path, self.registration.scope).href;

self.addEventListener('install', (event) => {
  if (!BUILD) {
    self.skipWaiting();
    return;
  }
  // Fetch everything for this version up front, bypassing the HTTP cache; if any file fails the
  // install fails and the previous version stays in charge.
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(BUILD.files.map((f) => new Request(url(f), { cache: 'reload' }))),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)),
      );
      await self.clients.claim();
      // Lazy wasm modules (code splitting): not part of the install, so the first render needs
      // only the app shell. Once this version is in charge, fetch the rest in the background
      // (inside waitUntil, so the browser keeps the worker alive until every page works
      // offline). Whatever a lost connection leaves out is fetched at the next start of the
      // app, or on first use (cacheFirst).
      if (BUILD && BUILD.lazy) await warmLazy();
    })(),
  );
});

async function warmLazy() {
  const cache = await caches.open(CACHE);
  for (const f of BUILD.lazy) {
    if (await cache.match(url(f))) continue;
    try {
      const res = await fetch(url(f));
      if (res.ok) await cache.put(url(f), res);
    } catch {
      return; // offline: cacheFirst fills the gaps later
    }
  }
}

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  if (!CACHE) return;
  const req = event.request;
  if (req.method !== 'GET') return;
  const reqUrl = new URL(req.url);
  if (reqUrl.origin !== self.location.origin) return;

  if (req.mode === 'navigate') {
    event.respondWith(navigate(req, reqUrl));
    // Every start of the app completes the lazy modules a lost connection left out.
    if (BUILD.lazy) event.waitUntil(warmLazy());
    return;
  }
  event.respondWith(cacheFirst(req));
});

// Cache-first for the precached, content-hashed assets of this version.
async function cacheFirst(req) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(req, { ignoreSearch: false });
  if (hit) return hit;
  const res = await fetch(req);
  const path = new URL(req.url).pathname.slice(new URL(self.registration.scope).pathname.length);
  if (res.ok && BUILD.lazy && BUILD.lazy.includes(path)) await cache.put(req, res.clone());
  return res;
}

// App shell: a navigation gets this version's index.html (matching the cached, hashed assets),
// so the page always runs the version of the active worker, online or offline. A navigation to
// another precached file (e.g. /manifest.webmanifest) gets that file. Only if the cache is
// missing (e.g. cleared by the user) does the network answer.
async function navigate(req, reqUrl) {
  const cache = await caches.open(CACHE);
  const direct = reqUrl.pathname.endsWith('/') ? null : await cache.match(reqUrl.href);
  if (direct) return direct;
  const shell = await cache.match(url(INDEX));
  if (shell) return shell;
  return fetch(req);
}
