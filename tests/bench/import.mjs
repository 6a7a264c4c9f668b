// Browser timing (not a test): importing a 10,000-case export into IndexedDB through the Data
// screen — file to preview (parse, validate, merge in wasm) and "Anvend import" to done (one
// transaction) — first into an empty store; then the usual sync into that 10,000-case store, the
// same workspace back with 1,000 cases edited elsewhere; then the worst case, 10,000 new cases
// into it. Run by `./x bench` after `./x build`. Single runs, printed.
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser, startApp, waitForApp, ROOT } from '../e2e/lib/harness.mjs';

const N = Number(process.env.FORDELING_BENCH_CASES ?? 10000);
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
// The same workspace again with new ids for youths and cases: 10,000 more cases.
const renewed = () => {
  const youths = structuredClone(stores.youths);
  const ids = new Map(youths.map((y) => [y.meta.id, (y.meta.id = crypto.randomUUID())]));
  const cases = structuredClone(stores.cases).map((c) => ({ ...c, meta: { ...c.meta, id: crypto.randomUUID() }, youth: ids.get(c.youth) }));
  return { ...stores, youths: youths.sort(byId), cases: cases.sort(byId) };
};

// The same workspace as exported by another device that edited 1,000 of its cases (a note
// each, stamped by that device): the usual sync, where most records are already here.
const EDITED = Math.min(1000, N);
const editedElsewhere = () => {
  const cases = structuredClone(stores.cases);
  const t = Date.now();
  for (const c of cases.slice(0, EDITED)) {
    c.note = 'Opdateret på den anden enhed';
    c.meta.revs.note = { t, c: 0, d: 'bench-other-device' };
  }
  return { ...stores, cases };
};

const app = await startApp();
const b = await launchBrowser();
const { page } = b;
const nav = (name) => page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
async function timedImport(label, records) {
  const file = path.join(tmpdir(), `fordeling-bench-${Date.now()}.json`);
  await writeFile(file, JSON.stringify(doc(records)));
  await nav('Data');
  let t0 = Date.now();
  await page.locator('#import-file').setInputFiles(file);
  await page.getByRole('heading', { name: 'Det vil importen gøre' }).waitFor({ timeout: 120_000 });
  const preview = Date.now() - t0;
  t0 = Date.now();
  await page.getByRole('button', { name: 'Anvend import' }).click();
  await page.getByText('Importeret.').waitFor({ timeout: 120_000 });
  const apply = Date.now() - t0;
  console.log(`import ${label}: file → preview ${preview} ms, apply → done ${apply} ms, total ${preview + apply} ms`);
}
try {
  await page.goto(app.url);
  await waitForApp(page);
  await timedImport(`${N} cases into an empty store`, stores);
  await timedImport(`the same ${N}-case workspace with ${EDITED} cases edited on another device`, editedElsewhere());
  await timedImport(`${N} new cases into a ${N}-case store`, renewed());
} finally {
  await b.close();
  await app.close();
}
