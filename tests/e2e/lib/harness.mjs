// End-to-end harness: serves the release build (dist/) on 127.0.0.1 and drives the system
// Chromium through playwright-core. Nothing here downloads a browser.
//
//   const app = await startApp();             // { url, close }
//   const b = await launchBrowser();          // fresh profile; b.page, b.context, b.findings
//   await b.page.goto(app.url);
//   await waitForApp(b.page);                 // wasm started (TrunkApplicationStarted)
//   assertClean(b.findings);                  // no foreign requests, console errors, CSP violations
//   await b.close(); await app.close();
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../../tools/serve-dist.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DIST = process.env.FORDELING_DIST ?? path.join(ROOT, 'dist');
export const RESULTS = path.join(ROOT, 'test-results');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

/** Tablet portrait, tablet landscape, laptop (DESIGN.md §5). */
export const VIEWPORTS = {
  'tablet-portrait': { width: 768, height: 1024 },
  'tablet-landscape': { width: 1024, height: 768 },
  laptop: { width: 1440, height: 900 },
};

/** Serve dist/ on a free 127.0.0.1 port. Fails clearly if there is no build. */
export async function startApp({ dist = DIST } = {}) {
  const index = await stat(path.join(dist, 'index.html')).catch(() => null);
  assert.ok(index, `${dist}/index.html missing: run ./x build first`);
  // A dev build (trunk serve / trunk build without --release) has no precache list and an
  // unoptimised wasm; testing it would give misleading results.
  const sw = await readFile(path.join(dist, 'sw.js'), 'utf8').catch(() => '');
  assert.ok(/const BUILD = \{"version":"[0-9a-f]+"/.test(sw),
    `${dist} is not a release build from ./x build (sw.js has no precache list); ` +
    'did something else (trunk serve, trunk build) overwrite dist/ meanwhile?');
  return startServer({ root: dist, host: '127.0.0.1', port: 0 });
}

const isLocal = (url) => {
  const u = new URL(url);
  if (['data:', 'blob:', 'about:'].includes(u.protocol)) return true;
  return u.hostname === '127.0.0.1';
};

/**
 * Launch Chromium with a fresh, temporary user-data-dir (so no service worker, cache or
 * IndexedDB leaks between tests) and start recording findings:
 *   external: every request whose URL is not on 127.0.0.1 (tests assert it stays empty)
 *   consoleErrors: console.error messages and uncaught page errors
 *   csp: Content-Security-Policy violations (securitypolicyviolation events + console reports)
 */
export async function launchBrowser({ viewport = VIEWPORTS.laptop, bypassCSP = false, serviceWorkers = 'allow' } = {}) {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'fordeling-e2e-'));
  // Chromium's own temporary files (its singleton socket, scoped dirs) go inside the profile,
  // so closing removes them too.
  const browserTmp = path.join(userDataDir, 'tmp');
  await mkdir(browserTmp);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    serviceWorkers,
    bypassCSP,
    env: { ...process.env, TMPDIR: browserTmp },
  });
  const findings = { external: [], consoleErrors: [], csp: [] };

  context.on('request', (req) => {
    if (!isLocal(req.url())) findings.external.push(`${req.method()} ${req.url()}`);
  });
  await context.exposeBinding('__fordelingReportCsp', (_source, v) => findings.csp.push(v));
  await context.addInitScript(() => {
    window.__fordelingStarted = false;
    addEventListener('TrunkApplicationStarted', () => { window.__fordelingStarted = true; });
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__fordelingReportCsp(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} ` +
        `(${e.sourceFile || '?'}:${e.lineNumber || '?'}) ${e.sample || ''}`.trim());
    });
  });

  const watch = (page) => {
    page.on('console', (msg) => {
      const text = msg.text();
      if (/Content.Security.Policy/i.test(text)) findings.csp.push(`console: ${text}`);
      else if (msg.type() === 'error') {
        const loc = msg.location();
        findings.consoleErrors.push(`${text}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
      }
    });
    page.on('pageerror', (err) => findings.consoleErrors.push(`uncaught: ${err.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);

  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    findings,
    userDataDir,
    async close() {
      await context.close().catch(() => {});
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh directory for a run's files (exports, crafted imports), removed when the process exits. */
export async function scratchDir() {
  const dir = await mkdtemp(path.join(tmpdir(), 'fordeling-files-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Wait until boot.js has initialised the wasm module (it dispatches TrunkApplicationStarted). */
export async function waitForApp(page, { timeout = 30_000 } = {}) {
  await page.waitForFunction(() => window.__fordelingStarted === true, null, { timeout });
}

/** Assert that nothing left 127.0.0.1, nothing logged an error, and the CSP was never violated. */
export function assertClean(findings, label = '') {
  const at = label ? ` (${label})` : '';
  assert.deepEqual(findings.external, [], `requests outside 127.0.0.1${at}`);
  assert.deepEqual(findings.csp, [], `Content-Security-Policy violations${at}`);
  assert.deepEqual(findings.consoleErrors, [], `console errors${at}`);
}

/**
 * Run axe-core in the page. The app's CSP forbids injected <script> tags, so axe is evaluated
 * through the DevTools protocol (page.evaluate), which CSP does not govern.
 * Returns axe's violations, optionally filtered by impact.
 */
let axeSource;
export async function runAxe(page, { impacts = ['serious', 'critical'], tags } = {}) {
  axeSource ??= await readFile(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  const loaded = await page.evaluate(() => typeof window.axe === 'object');
  if (!loaded) await page.evaluate(axeSource);
  const result = await page.evaluate(
    (runOnly) => window.axe.run(document, runOnly ? { runOnly: { type: 'tag', values: runOnly } } : {}),
    tags ?? ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
  );
  return result.violations.filter((v) => !impacts || impacts.includes(v.impact));
}

/** Human-readable axe violations for assertion messages. */
export const formatAxe = (violations) =>
  violations.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n');

/** Screenshot the page at every viewport into test-results/<name>-<viewport>.png. */
export async function screenshots(page, name) {
  await mkdir(RESULTS, { recursive: true });
  const original = page.viewportSize();
  const files = [];
  for (const [vp, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    const file = path.join(RESULTS, `${name}-${vp}.png`);
    await page.screenshot({ path: file, fullPage: true });
    files.push(file);
  }
  if (original) await page.setViewportSize(original);
  return files;
}

/** Register /sw.js (idempotent with the app's own registration) and wait until it controls the page. */
export async function installServiceWorker(page, { timeout = 30_000 } = {}) {
  const info = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.register('/sw.js');
    await navigator.serviceWorker.ready;
    return { scope: reg.scope };
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout });
  info.caches = await page.evaluate(() => caches.keys());
  return info;
}
