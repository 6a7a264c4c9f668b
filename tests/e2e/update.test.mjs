// A new build while the app is installed: the updated service worker waits, the app offers
// "Ny version er klar — genindlæs", and the button switches to the new version (its cache
// replaces the old one).  Run: ./x test  (or ./x build && node --test tests/e2e/update.test.mjs)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  assertClean, DIST, installServiceWorker, launchBrowser, screenshots, startApp, waitForApp,
} from './lib/harness.mjs';

const VERSION = /"version":"([0-9a-f]+)"/;

test('update: a waiting worker is offered and taken on request', async (t) => {
  // A private copy of the build, so the test can publish a "new version" of it.
  const dist = await mkdtemp(path.join(tmpdir(), 'fordeling-update-'));
  await cp(DIST, dist, { recursive: true });
  const app = await startApp({ dist });
  const b = await launchBrowser();
  t.after(async () => { await b.close(); await app.close(); await rm(dist, { recursive: true, force: true }); });
  const { page, findings } = b;

  await page.goto(app.url);
  await waitForApp(page);
  const sw = await installServiceWorker(page);
  const swFile = path.join(dist, 'sw.js');
  const old = (await readFile(swFile, 'utf8')).match(VERSION)[1];
  assert.ok(sw.caches.includes(`fordeling-${old}`), `caches: ${sw.caches}`);
  const prompt = page.getByRole('button', { name: 'Ny version er klar — genindlæs' });
  assert.equal(await prompt.count(), 0, 'no prompt while the running version is the newest');

  // Publish a new build: same files, new version (as every ./x build with changes yields).
  const next = old.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
  await writeFile(swFile, (await readFile(swFile, 'utf8')).replace(VERSION, `"version":"${next}"`));
  await page.reload();
  await waitForApp(page);
  await prompt.waitFor({ timeout: 30_000 });
  await screenshots(page, 'update-prompt');

  await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), prompt.click()]);
  await waitForApp(page);
  const caches = await page.evaluate(() => caches.keys());
  assert.deepEqual(caches.filter((c) => c.startsWith('fordeling-')), [`fordeling-${next}`], 'the new version took over');
  assert.equal(await prompt.count(), 0, 'no prompt after switching');
  assertClean(findings, 'update');
});
