// Smoke test of the release build in dist/: loads, stays on 127.0.0.1, obeys the CSP, renders
// <main>, reloads offline from the service worker, and opens every area offline.  Run: ./x test  (or ./x build && node --test tests/e2e/)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import {
  assertClean, DIST, formatAxe, installServiceWorker, launchBrowser, runAxe, screenshots, startApp, waitForApp,
} from './lib/harness.mjs';

test('smoke: load, CSP, offline reload', async (t) => {
  const app = await startApp();
  const b = await launchBrowser();
  t.after(async () => { await b.close(); await app.close(); });
  const { page, context, findings } = b;

  await t.test('the wasm app starts without leaving 127.0.0.1, console errors or CSP violations', async () => {
    const res = await page.goto(app.url);
    assert.equal(res.status(), 200);
    await waitForApp(page);
    await page.waitForLoadState('networkidle');
    await screenshots(page, 'smoke');
    assertClean(findings, 'first load');
  });

  await t.test('renders <main>', async () => {
    await page.waitForSelector('main', { state: 'visible', timeout: 15_000 });
    assertClean(findings, 'after render');
    await screenshots(page, 'smoke');
  });

  await t.test('no serious or critical accessibility violations (axe)', async () => {
    const violations = await runAxe(page);
    assert.equal(violations.length, 0, formatAxe(violations));
  });

  await t.test('the service worker precaches the build and the app reloads offline', async () => {
    const hadMain = (await page.locator('main').count()) > 0;
    const sw = await installServiceWorker(page);
    assert.ok(sw.caches.some((c) => /^fordeling-[0-9a-f]{16}$/.test(c)), `caches: ${sw.caches}`);

    await context.setOffline(true);
    try {
      await page.reload();
      await waitForApp(page);
      if (hadMain) await page.waitForSelector('main', { state: 'visible', timeout: 15_000 });
      assert.match(await page.title(), / – Fordeling$/, 'the page names itself in the tab');
      await screenshots(page, 'smoke-offline');
    } finally {
      await context.setOffline(false);
    }
    assertClean(findings, 'offline reload');
  });

  await t.test('offline, every area opens (its lazy module comes from the cache)', async () => {
    // The worker fetches the lazy modules after activation, and again at each start of the app
    // for what a lost connection (the offline reload above) left out.
    const lazy = (await readdir(DIST)).filter((f) => /^(chunk|split)_.*\.wasm$/.test(f));
    assert.ok(lazy.length > 0, 'the build has lazy modules');
    await page.reload();
    await waitForApp(page);
    const missing = () => page.evaluate(async (files) => {
      const name = (await caches.keys()).find((k) => k.startsWith('fordeling-'));
      const have = new Set((await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname.slice(1)));
      return files.filter((f) => !have.has(f));
    }, lazy);
    for (let waited = 0; (await missing()).length > 0; waited += 250) {
      assert.ok(waited < 60_000, `lazy modules still not cached: ${await missing()}`);
      await page.waitForTimeout(250);
    }
    await context.setOffline(true);
    try {
      await page.reload();
      await waitForApp(page);
      const nav = page.getByRole('navigation');
      for (const name of ['Sager', 'Kontaktpersoner og leverandører', 'Fordelingsudvalg', 'Opfølgning',
        'Evaluering', 'Data', 'Indstillinger', 'Oversigt']) {
        await nav.getByRole('link', { name, exact: true }).click();
        await page.getByRole('heading', { level: 1, name, exact: true }).waitFor({ timeout: 15_000 });
      }
    } finally {
      await context.setOffline(false);
    }
    assertClean(findings, 'offline areas');
  });
});

test('a page whose code cannot be fetched says so, and opens once it can', async (t) => {
  const app = await startApp();
  // Without a service worker, so the test decides which module the network refuses.
  const b = await launchBrowser({ serviceWorkers: 'block' });
  t.after(async () => { await b.close(); await app.close(); });
  const { page, context } = b;
  await page.goto(app.url);
  await waitForApp(page);
  await context.route(/split_data-/, (route) => route.abort());
  const nav = page.getByRole('navigation');
  await nav.getByRole('link', { name: 'Data', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'Siden kunne ikke hentes' }).waitFor({ timeout: 15_000 });
  await screenshots(page, 'page-not-loaded');
  // The app still runs, and the next visit tries again.
  await nav.getByRole('link', { name: 'Oversigt', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Oversigt', exact: true }).waitFor({ timeout: 15_000 });
  await context.unroute(/split_data-/);
  await nav.getByRole('link', { name: 'Data', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Data', exact: true }).waitFor({ timeout: 15_000 });
});
