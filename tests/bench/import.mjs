// Browser timing (not a test): importing a 10,000-case export through the Data screen — file
// chosen to preview shown (parse, validate, merge in wasm) and "Anvend import" to "Importeret."
// (one IndexedDB transaction) — in four situations, each in a fresh browser profile:
//   - into an empty store;
//   - the usual sync: the same 10,000-case workspace back from another device that edited
//     1,000 of its cases;
//   - mixed, as the native criterion bench (benches/sync.rs): half the file's cases are already
//     here, 1,000 of those edited elsewhere, the other half new;
//   - the worst case: 10,000 new cases into the 10,000-case store.
// Times are taken in the page (event → first frame showing the result), with the file chosen at
// once and 2 s after the Data page opened (see PICK). Run by `./x bench` after
// `./x build`; RUNS runs each, medians printed.
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser, startApp, waitForApp, ROOT } from '../e2e/lib/harness.mjs';

const N = Number(process.env.FORDELING_BENCH_CASES ?? 10000);
const RUNS = Number(process.env.FORDELING_BENCH_RUNS ?? 3);
// When the file is chosen after the Data page opened: at once (the page is still reading ahead
// the data the import merges into, and the import waits for it), or after 2 s, about the least a
// person takes to pick a file (the read-ahead is done).
const PICK = [{ ms: 0, label: 'file chosen at once' }, { ms: 2000, label: 'file chosen after 2 s' }];
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
const files = async (records) => {
  const file = path.join(tmpdir(), `fordeling-bench-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
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

// In the page: when `event` next fires on the document (the start), and the first frame in which
// `selector` shows `text` (the end).
async function timeInPage(page, event, selector, text, act) {
  await page.evaluate(({ event, selector, text }) => {
    window.__span = {};
    document.addEventListener(event, () => {
      window.__span.start = performance.now();
      const tick = () => {
        const el = document.querySelector(selector);
        if (el && el.textContent.includes(text)) window.__span.end = performance.now();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, { capture: true, once: true });
  }, { event, selector, text });
  await act();
  await page.waitForFunction(() => window.__span.end !== undefined, null, { timeout: 120_000, polling: 100 });
  return page.evaluate(() => Math.round(window.__span.end - window.__span.start));
}

async function importOnce(page, file, pick = 0) {
  await page.getByRole('navigation').getByRole('link', { name: 'Data', exact: true }).click();
  await page.waitForTimeout(pick);
  const preview = await timeInPage(page, 'change', '.preview h3', 'Det vil importen gøre',
    () => page.locator('#import-file').setInputFiles(file));
  const apply = await timeInPage(page, 'click', 'p.ok', 'Importeret.',
    () => page.getByRole('button', { name: 'Anvend import' }).click());
  return { preview, apply, total: preview + apply };
}

const app = await startApp();
try {
  const base = await files(stores);
  for (const s of SCENARIOS) {
    const file = await files(s.records());
    for (const pick of PICK) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        const b = await launchBrowser();
        try {
          await b.page.goto(app.url);
          await waitForApp(b.page);
          if (s.setup) await importOnce(b.page, base);
          runs.push(await importOnce(b.page, file, pick.ms));
        } finally {
          await b.close();
        }
      }
      const m = (k) => median(runs.map((r) => r[k]));
      console.log(`import, ${s.label}, ${pick.label}: median file → preview ${m('preview')} ms, ` +
        `apply → done ${m('apply')} ms, total ${m('total')} ms over ${RUNS} runs [${runs.map((r) => r.total).join(', ')}]`);
    }
  }
} finally {
  await app.close();
}
