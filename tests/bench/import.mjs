// Browser timing (not a test): importing a 10,000-case export through the Data screen — file
// chosen to preview shown (parse, validate, merge in wasm) and "Anvend import" to "Importeret."
// (one IndexedDB transaction) — in four situations, each in a fresh browser profile:
//   - into an empty store;
//   - the usual sync: the same 10,000-case workspace back from another device that edited
//     1,000 of its cases;
//   - mixed, as the native criterion bench (benches/sync.rs): half the file's cases are already
//     here, 1,000 of those edited elsewhere, the other half new;
//   - the worst case: 10,000 new cases into the 10,000-case store.
// Times are taken in the page (the event's time stamp → first frame showing the result), at
// machine speed and at a person's pace (see PACE). Run by `./x bench` after
// `./x build`; RUNS runs each, medians printed.
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser, scratchDir, startApp, waitForApp, ROOT } from '../e2e/lib/harness.mjs';

const N = Number(process.env.FORDELING_BENCH_CASES ?? 10000);
const RUNS = Number(process.env.FORDELING_BENCH_RUNS ?? 3);
// Only the scenarios whose label contains this text (e.g. `mixed`), for a quick comparison.
const ONLY = process.env.FORDELING_BENCH_SCENARIO ?? '';
// How fast the user goes. At machine speed the file is chosen as soon as the Data page opens
// (the page is still reading ahead the data the import merges into, and the import waits for
// it) and "Anvend import" clicked as soon as the preview shows (the writes are still being made
// ready, and the click waits for that). At a person's pace the file is chosen after 2 s, about
// the least anyone takes in a file dialog, and the preview read for 1 s: both are done by then.
const PACE = [
  { pick: 0, read: 0, label: 'at machine speed' },
  { pick: 2000, read: 1000, label: "at a person's pace (file after 2 s, preview read 1 s)" },
];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const stores = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'sample_workspace', '--', String(N)],
  { cwd: ROOT, maxBuffer: 1 << 30, encoding: 'utf8' }));
const doc = (records) => ({
  format: 'fordeling-export', schema_version: 2, exported_at: new Date().toISOString().slice(0, 19) + 'Z',
  device: 'bench', scope: { kind: 'full' }, municipality: 'Kommune',
  records: { districts: [], schools: [], concerns: [], legal_bases: [], providers: [], persons: [], members: [],
    youths: [], cases: [], meetings: [], decisions: [], followups: [], ...records },
  settings: null, tombstones: [], conflicts: [],
});
const byId = (a, b) => a.meta.id.localeCompare(b.meta.id);

// `cases` with new ids, and new youths for them.
const renew = (cases) => {
  const youthOf = new Map(stores.youths.map((y) => [y.meta.id, y]));
  const youths = [];
  const renewed = structuredClone(cases).map((c) => {
    const y = structuredClone(youthOf.get(c.youth));
    y.meta.id = crypto.randomUUID();
    youths.push(y);
    return { ...c, meta: { ...c.meta, id: crypto.randomUUID() }, youth: y.meta.id };
  });
  return { youths, cases: renewed };
};
// `cases` with the first `n` given a new note by another device.
const EDITED = Math.min(1000, N);
const edit = (cases, n) => {
  const t = Date.now();
  const out = structuredClone(cases);
  for (const c of out.slice(0, n)) {
    c.note = 'Opdateret på den anden enhed';
    c.meta.revs.note = { t, c: 0, d: 'bench-other-device' };
  }
  return out;
};
const FILES = await scratchDir();
const files = async (records) => {
  const file = path.join(FILES, `${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, JSON.stringify(doc(records)));
  return file;
};

const SCENARIOS = [
  { label: `${N} cases into an empty store`, setup: false, records: () => stores },
  {
    label: `the usual sync: the same ${N}-case workspace, ${EDITED} cases edited on another device`,
    setup: true,
    records: () => ({ ...stores, cases: edit(stores.cases, EDITED) }),
  },
  {
    label: `mixed: ${N / 2} of the store's cases (${EDITED} edited elsewhere) and ${N / 2} new ones`,
    setup: true,
    records: () => {
      const half = stores.cases.slice(0, N / 2);
      const fresh = renew(stores.cases.slice(N / 2));
      const kept = new Set(half.map((c) => c.youth));
      return {
        ...stores,
        youths: [...stores.youths.filter((y) => kept.has(y.meta.id)), ...fresh.youths].sort(byId),
        cases: [...edit(half, EDITED), ...fresh.cases].sort(byId),
      };
    },
  },
  {
    label: `worst case: ${N} new cases into the ${N}-case store`,
    setup: true,
    records: () => {
      const fresh = renew(stores.cases);
      return { ...stores, youths: fresh.youths.sort(byId), cases: fresh.cases.sort(byId) };
    },
  },
];

// One import through the Data page at `pace`, timed in the page: from the file input's change
// event to the first frame that shows the preview, and from the click on "Anvend import" to the
// first frame that shows "Importeret.". At machine speed the page clicks in the frame that first
// shows the preview; otherwise the click comes `pace.read` ms later, through the browser's input.
async function importOnce(page, file, pace) {
  await page.getByRole('navigation').getByRole('link', { name: 'Data', exact: true }).click();
  await page.waitForTimeout(pace.pick);
  await page.evaluate((atOnce) => {
    const span = (window.__span = {});
    const whenShown = (selector, text, then) => {
      const tick = () => {
        const el = document.querySelector(selector);
        if (el && el.textContent.includes(text)) then(performance.now());
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    };
    document.addEventListener('change', (ev) => {
      span.chosen = ev.timeStamp;
      whenShown('.preview h3', 'Det vil importen gøre', (t) => {
        span.preview = t;
        if (atOnce) [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Anvend import').click();
      });
    }, { capture: true, once: true });
    document.addEventListener('click', (ev) => {
      // The time stamp: a click that waits for a busy page counts from the click.
      span.clicked = ev.timeStamp;
      whenShown('p.ok', 'Importeret.', (t) => { span.done = t; });
    }, { capture: true, once: true });
  }, pace.read === 0);
  await page.locator('#import-file').setInputFiles(file);
  if (pace.read !== 0) {
    await page.locator('.preview h3').waitFor({ timeout: 120_000 });
    await page.waitForTimeout(pace.read);
    await page.getByRole('button', { name: 'Anvend import' }).click();
  }
  await page.waitForFunction(() => window.__span.done !== undefined, null, { timeout: 120_000, polling: 100 });
  const span = await page.evaluate(() => window.__span);
  const preview = Math.round(span.preview - span.chosen);
  const apply = Math.round(span.done - span.clicked);
  return { preview, apply, total: preview + apply };
}

const app = await startApp();
try {
  const base = await files(stores);
  for (const s of SCENARIOS.filter((s) => s.label.includes(ONLY))) {
    const file = await files(s.records());
    for (const pace of PACE) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        const b = await launchBrowser();
        try {
          await b.page.goto(app.url);
          await waitForApp(b.page);
          if (s.setup) {
            await importOnce(b.page, base, PACE[0]);
            // A fresh start, as a user's: the page keeps what an import wrote for the next file,
            // which would spare the measured import its read of the store.
            await b.page.reload();
            await waitForApp(b.page);
          }
          runs.push(await importOnce(b.page, file, pace));
        } finally {
          await b.close();
        }
      }
      const m = (k) => median(runs.map((r) => r[k]));
      console.log(`import, ${s.label}, ${pace.label}: median file → preview ${m('preview')} ms, ` +
        `apply → done ${m('apply')} ms, total ${m('total')} ms over ${RUNS} runs [${runs.map((r) => r.total).join(', ')}]`);
    }
  }
} finally {
  await app.close();
}
