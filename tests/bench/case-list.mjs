// Browser timing (not a test): first render of the case list with 10,000 stored cases, and one
// keystroke of filtering it. Run by `./x bench` after `./x build`. Prints medians.
import { execFileSync } from 'node:child_process';
import { launchBrowser, startApp, waitForApp, ROOT } from '../e2e/lib/harness.mjs';

const N = Number(process.env.FORDELING_BENCH_CASES ?? 10000);
const RUNS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const json = execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'sample_workspace', '--', String(N)],
  { cwd: ROOT, maxBuffer: 1 << 30, encoding: 'utf8' });
const app = await startApp();
const b = await launchBrowser();
const { page } = b;
// Timed in the page: the first animation frame in which the list's count is on screen.
// (Timing after Playwright's waitFor would add its polling delay, up to 500 ms.)
await b.context.addInitScript((n) => {
  addEventListener('TrunkApplicationStarted', () => { window.__wasmStartedAt = performance.now(); });
  const watch = () => {
    if (document.querySelector('.count')?.textContent === `${n} sager`) window.__listShownAt = performance.now();
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
}, N);
try {
  await page.goto(app.url);
  await waitForApp(page);
  await page.getByRole('heading', { name: 'Oversigt', level: 1 }).waitFor();
  // Fill the app's database directly, one transaction.
  await page.evaluate(async (workspace) => {
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open('fordeling');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const stores = Object.keys(workspace);
    const tx = db.transaction(stores, 'readwrite');
    for (const s of stores) for (const rec of workspace[s]) tx.objectStore(s).put(rec);
    await new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); });
    db.close();
  }, JSON.parse(json));

  const loads = [];
  const wasmStarts = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto(`${app.url}sager`);
    await page.getByText(`${N} sager`, { exact: true }).waitFor({ timeout: 60_000 });
    // Both measured in the page from navigation start.
    const [shown, started] = await page.evaluate(() => [window.__listShownAt, window.__wasmStartedAt]);
    loads.push(Math.round(shown));
    wasmStarts.push(Math.round(started));
  }

  const keystrokes = await page.evaluate(async () => {
    const input = document.getElementById('case-search');
    const count = document.querySelector('.count');
    const times = [];
    for (const value of ['U1', 'U', 'U2', 'U', 'U3', 'U', 'U4', 'U', 'U5', 'U', 'U6']) {
      const before = count.textContent;
      const t0 = performance.now();
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      while (count.textContent === before) await new Promise((r) => setTimeout(r, 0));
      await new Promise((r) => requestAnimationFrame(() => r()));
      times.push(performance.now() - t0);
    }
    return times;
  });

  console.log(`case list, ${N} cases: first render (navigation start → list shown) median ${median(loads)} ms over ${RUNS} runs [${loads.join(', ')}]`);
  console.log(`  of which wasm loaded and started (navigation start → app start) median ${median(wasmStarts)} ms [${wasmStarts.join(', ')}]`);
  console.log(`case list, ${N} cases: one filter keystroke (input → DOM updated → next frame) median ${median(keystrokes).toFixed(1)} ms over ${keystrokes.length} [${keystrokes.map((t) => t.toFixed(1)).join(', ')}]`);
} finally {
  await b.close();
  await app.close();
}
