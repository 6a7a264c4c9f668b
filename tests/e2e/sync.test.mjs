// Sync by file between two devices (two browser profiles): export, import with preview, the
// same field edited on both (one value wins everywhere, the other is kept as a conflict),
// a malformed file refused with its reason, undo, and an encrypted file with a wrong passphrase.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  assertClean, formatAxe, launchBrowser, runAxe, scratchDir, screenshots, startApp, waitForApp,
} from './lib/harness.mjs';

const FILES = await scratchDir();

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const field = (scope, label) => scope.getByLabel(new RegExp(`^${esc(label)}( \\*)?$`));
const nav = (page, name) => page.getByRole('navigation').getByRole('link', { name, exact: true }).click();

async function exportFile(page, { passphrase = '' } = {}) {
  await nav(page, 'Data');
  if (passphrase) {
    await field(page, 'Adgangskode (valgfri)').fill(passphrase);
    await field(page, 'Gentag adgangskoden').fill(passphrase);
  }
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Eksportér', exact: true }).click(),
  ]);
  await page.getByText(/^Eksporteret: /).waitFor();
  const file = path.join(FILES, `${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  await download.saveAs(file);
  assert.match(download.suggestedFilename(), /^fordeling-kommune-fuld-\d{4}-\d{2}-\d{2}\.json$/);
  return file;
}

async function importFile(page, file, { apply = true } = {}) {
  await nav(page, 'Data');
  await page.locator('#import-file').setInputFiles(file);
  if (apply) {
    await page.getByRole('heading', { name: 'Det vil importen gøre' }).waitFor();
    await page.getByRole('button', { name: 'Anvend import' }).click();
    await page.getByText('Importeret.').waitFor();
  }
}

async function factOf(page, pseudonym, label) {
  await nav(page, 'Sager');
  await page.getByRole('link', { name: new RegExp(esc(pseudonym)) }).click();
  const dd = page.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
  return (await dd.textContent()).trim();
}
const caseworkerOf = (page, pseudonym) => factOf(page, pseudonym, 'Sagsbehandler');

async function editCase(page, pseudonym, label, value) {
  await nav(page, 'Sager');
  await page.getByRole('link', { name: new RegExp(esc(pseudonym)) }).click();
  await page.getByRole('link', { name: 'Redigér' }).click();
  await field(page, label).fill(value);
  await page.getByRole('button', { name: 'Gem', exact: true }).click();
  await page.getByRole('heading', { name: pseudonym, level: 1 }).waitFor();
}
const editCaseworker = (page, pseudonym, value) => editCase(page, pseudonym, 'Sagsbehandler', value);

test('two devices exchange files and converge without losing an edit', async (t) => {
  const app = await startApp();
  const a = await launchBrowser();
  const b = await launchBrowser({ viewport: { width: 768, height: 1024 } });
  t.after(async () => { await a.close(); await b.close(); await app.close(); });
  for (const d of [a, b]) {
    await d.page.goto(app.url);
    await waitForApp(d.page);
  }

  await t.test('device A creates a district and a case and exports everything', async () => {
    const { page } = a;
    await nav(page, 'Indstillinger');
    await page.getByRole('button', { name: 'Nyt distrikt' }).click();
    await field(page.locator('form.editor'), 'Navn').fill('Nordbyen');
    await page.locator('form.editor').getByRole('button', { name: 'Gem', exact: true }).click();
    await page.locator('form.editor').waitFor({ state: 'detached' });
    await nav(page, 'Sager');
    await page.getByRole('link', { name: 'Ny sag' }).click();
    await field(page, 'Pseudonym/initialer').fill('S.Y.');
    await field(page, 'Fødselsdato').fill('2009-02-01');
    await field(page, 'Distrikt').selectOption({ label: 'Nordbyen' });
    await field(page, 'Sagsbehandler').fill('MH');
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByRole('heading', { name: 'S.Y.', level: 1 }).waitFor();
    a.file = await exportFile(page);
    const doc = JSON.parse(await readFile(a.file, 'utf8'));
    assert.equal(doc.format, 'fordeling-export');
    assert.equal(doc.records.cases.length, 1);
  });

  await t.test('device B previews and imports it', async () => {
    const { page } = b;
    await importFile(page, a.file, { apply: false });
    await page.getByRole('heading', { name: 'Det vil importen gøre' }).waitFor();
    const preview = await page.locator('.preview').textContent();
    assert.match(preview, /Nye: [1-9]/);
    assert.match(preview, /Sag: S\.Y\./, 'a new case is listed by its pseudonym');
    assert.match(preview, /Distrikt: Nordbyen/);
    const violations = await runAxe(page);
    assert.equal(violations.length, 0, formatAxe(violations));
    await screenshots(page, 'import-preview');
    await page.getByRole('button', { name: 'Anvend import' }).click();
    await page.getByText('Importeret.').waitFor();
    // At once, on the same page (the next file merges into what the import wrote, not read
    // back): the same file again changes nothing.
    await page.locator('#import-file').setInputFiles(a.file);
    await page.getByText('Filen indeholder intet nyt.').waitFor();
    assert.equal(await caseworkerOf(page, 'S.Y.'), 'MH');
    // Both devices seeded the same default vocabulary (fixed ids): merged, not doubled.
    await nav(page, 'Data');
    const row = page.locator('tr', { hasText: 'Problemstillinger og fordeling' }).locator('td');
    assert.equal((await row.textContent()).trim(), '31');
    await page.getByText('Ingen konflikter.').waitFor();
  });

  await t.test('the same field edited on both devices converges to one value, the other is a conflict', async () => {
    await editCaseworker(a.page, 'S.Y.', 'Anne');
    await editCaseworker(b.page, 'S.Y.', 'Bent');
    const fromA = await exportFile(a.page);
    const fromB = await exportFile(b.page);
    await importFile(a.page, fromB);
    await importFile(b.page, fromA);
    const [ca, cb] = [await caseworkerOf(a.page, 'S.Y.'), await caseworkerOf(b.page, 'S.Y.')];
    assert.equal(ca, cb, 'both devices end with the same value');
    assert.ok(['Anne', 'Bent'].includes(ca));
    const loser = ca === 'Anne' ? 'Bent' : 'Anne';
    for (const d of [a, b]) {
      await nav(d.page, 'Data');
      await d.page.locator('.conflicts').getByText(new RegExp(`Tabt: ${loser}`)).waitFor();
      // Named as the forms name it: the case by its youth, the field by its label.
      await d.page.locator('.conflicts').getByText('Sag: S.Y. · Sagsbehandler').waitFor();
    }
    // Importing the same file again changes nothing.
    await importFile(a.page, fromB, { apply: false });
    await a.page.getByText('Filen indeholder intet nyt.').waitFor();
    await screenshots(a.page, 'conflicts');
  });

  await t.test('a malformed file is refused with a visible reason and changes nothing', async () => {
    const { page } = b;
    const broken = path.join(FILES, `broken-${Date.now()}.json`);
    const doc = JSON.parse(await readFile(a.file, 'utf8'));
    doc.records.cases[0].hours_per_week = 'mange';
    delete doc.records.youths[0].birth_date;
    await writeFile(broken, JSON.stringify(doc));
    const before = await caseworkerOf(page, 'S.Y.');
    await importFile(page, broken, { apply: false });
    await page.getByText('Filen blev afvist. Intet er ændret.').waitFor();
    const problems = await page.locator('.problems').textContent();
    // Located in Danish: record type, shortened id, the field's label; no serde English.
    assert.match(problems, /Sag [0-9a-f]{8}…, felt «Timer pr\. uge»: forkert type eller værdi: forventede et tal, fandt teksten «mange»/);
    assert.match(problems, /Barn\/ung [0-9a-f]{8}…, felt «Fødselsdato»: feltet mangler/);
    assert.doesNotMatch(problems, /hours_per_week|birth_date|cases|youths|invalid type|expected|missing field/);
    await writeFile(broken, '{"format": "fordeling-export", ');
    await importFile(page, broken, { apply: false });
    await page.getByText(/ikke gyldig JSON/).waitFor();
    const truncated = await page.locator('.problems').textContent();
    assert.match(truncated, /linje 1, kolonne \d+\): den slutter midt i en værdi \(er den blevet afkortet\?\)/);
    assert.doesNotMatch(truncated, /EOF|while parsing|at line/);
    assert.equal(await caseworkerOf(page, 'S.Y.'), before);
  });

  await t.test('undo restores the state before the import', async () => {
    const { page } = a;
    await editCaseworker(b.page, 'S.Y.', 'Carl');
    const fromB = await exportFile(b.page);
    const before = await caseworkerOf(page, 'S.Y.');
    await importFile(page, fromB);
    assert.equal(await caseworkerOf(page, 'S.Y.'), 'Carl');
    // Beside a new file's preview there is no undo (it would read as "cancel this preview");
    // the preview closes with its own button ("Annullér", or "Luk" when the file brings nothing).
    await importFile(page, a.file, { apply: false });
    await page.getByRole('heading', { name: 'Det vil importen gøre' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Fortryd import' }).count(), 0);
    await page.getByRole('button', { name: /^(Annullér|Luk)$/ }).click();
    await page.getByRole('heading', { name: 'Det vil importen gøre' }).waitFor({ state: 'detached' });
    // Undo asks first; saying no changes nothing.
    const undo = async (accept) => {
      const asked = new Promise((resolve) => page.once('dialog', async (d) => {
        resolve(d.message());
        await (accept ? d.accept() : d.dismiss());
      }));
      await page.getByRole('button', { name: 'Fortryd import' }).click();
      assert.match(await asked, /^Fortryd den seneste import\?/);
    };
    await undo(false);
    assert.equal(await caseworkerOf(page, 'S.Y.'), 'Carl');
    await nav(page, 'Data');
    await undo(true);
    await page.getByText('Importen er fortrudt; data er som før.').waitFor();
    assert.equal(await caseworkerOf(page, 'S.Y.'), before);
  });

  await t.test('an edit in another tab between preview and apply is kept: the import merges again', async () => {
    await editCaseworker(b.page, 'S.Y.', 'Dora');
    const fromB = await exportFile(b.page);
    const other = await a.context.newPage();
    await other.goto(app.url);
    await waitForApp(other);
    await importFile(a.page, fromB, { apply: false });
    await a.page.getByRole('heading', { name: 'Det vil importen gøre' }).waitFor();
    await editCase(other, 'S.Y.', 'Timer pr. uge', '4');
    await a.page.getByRole('button', { name: 'Anvend import' }).click();
    await a.page.getByText('Importeret.').waitFor();
    assert.equal(await caseworkerOf(a.page, 'S.Y.'), 'Dora', "the file's edit");
    assert.match(await factOf(a.page, 'S.Y.', 'Timer pr. uge'), /^4\b/, "the other tab's edit");
    await other.close();
  });

  await t.test('an edit in another tab while the Data page is open counts in the preview', async () => {
    await editCaseworker(b.page, 'S.Y.', 'Gert');
    const fromB = await exportFile(b.page);
    // A opens the Data page first: it reads ahead the data an import will merge into.
    await nav(a.page, 'Sager');
    await nav(a.page, 'Data');
    const other = await a.context.newPage();
    await other.goto(app.url);
    await waitForApp(other);
    await editCaseworker(other, 'S.Y.', 'Hanne');
    await a.page.locator('#import-file').setInputFiles(fromB);
    // Against the data as it is now, both sides changed the caseworker: a conflict, not a change.
    await a.page.locator('.preview summary', { hasText: 'I konflikt (begge værdier gemmes): 1' }).waitFor();
    await a.page.getByRole('button', { name: 'Anvend import' }).click();
    await a.page.getByText('Importeret.').waitFor();
    assert.equal(await caseworkerOf(a.page, 'S.Y.'), 'Hanne', "the later edit, the other tab's, wins");
    await nav(a.page, 'Data');
    await a.page.locator('.conflicts').getByText(/Tabt: Gert/).waitFor();
    await other.close();
  });

  await t.test("another tab's save shows here at once, without a reload", async () => {
    const other = await a.context.newPage();
    await other.goto(app.url);
    await waitForApp(other);
    await caseworkerOf(a.page, 'S.Y.');
    await editCaseworker(other, 'S.Y.', 'Eva');
    await a.page.locator('dt', { hasText: 'Sagsbehandler' }).locator('xpath=following-sibling::dd[1]', { hasText: /^Eva$/ }).waitFor();
    await other.close();
  });

  await t.test('a case form left open while another tab saves the case keeps both edits', async () => {
    await nav(a.page, 'Sager');
    await a.page.getByRole('link', { name: /S\.Y\./ }).click();
    await a.page.getByRole('link', { name: 'Redigér' }).click();
    await field(a.page, 'Timer pr. uge').fill('7');
    const other = await a.context.newPage();
    await other.goto(app.url);
    await waitForApp(other);
    await editCaseworker(other, 'S.Y.', 'Ida');
    await a.page.getByRole('button', { name: 'Gem', exact: true }).click();
    await a.page.getByRole('heading', { name: 'S.Y.', level: 1 }).waitFor();
    assert.match(await factOf(a.page, 'S.Y.', 'Timer pr. uge'), /^7\b/, "this tab's edit");
    assert.equal(await caseworkerOf(a.page, 'S.Y.'), 'Ida', "the other tab's edit");
    assert.equal(await caseworkerOf(other, 'S.Y.'), 'Ida');
    assert.match(await factOf(other, 'S.Y.', 'Timer pr. uge'), /^7\b/);
    await other.close();
  });

  await t.test('an encrypted file needs the right passphrase', async () => {
    const sealed = await exportFile(a.page, { passphrase: 'korrekt hest batteri' });
    const text = await readFile(sealed, 'utf8');
    assert.match(text, /"format":"fordeling-encrypted"/);
    assert.doesNotMatch(text, /S\.Y\./, 'no plain text in the encrypted file');
    const { page } = b;
    await importFile(page, sealed, { apply: false });
    await field(page, 'Filen er krypteret. Skriv adgangskoden.').fill('forkert');
    await page.getByRole('button', { name: 'Åbn filen' }).click();
    await page.getByText(/Forkert adgangskode/).waitFor();
    // The file and the field stay: try again without choosing the file anew.
    assert.equal(await page.getByText('Filen blev afvist. Intet er ændret.').count(), 0);
    await field(page, 'Filen er krypteret. Skriv adgangskoden.').fill('korrekt hest batteri');
    await page.getByRole('button', { name: 'Åbn filen' }).click();
    await page.getByRole('heading', { name: 'Det vil importen gøre' }).waitFor();
  });

  await t.test('erasing a youth removes them here, and on the other device with the next file, for good', async () => {
    const { page } = a;
    await nav(page, 'Sager');
    await page.getByRole('link', { name: /S\.Y\./ }).click();
    await page.getByText('Slet barnet/den unge for altid (GDPR)').click();
    await page.getByText('Slettes: S.Y., 1 sag, 0 afgørelser og 0 opfølgninger.').waitFor();
    await page.getByRole('button', { name: 'Slet for altid …' }).click();
    await page.getByText('Vil du slette oplysningerne for altid?').waitFor();
    const violations = await runAxe(page);
    assert.equal(violations.length, 0, formatAxe(violations));
    await page.getByRole('button', { name: 'Ja, slet for altid' }).click();
    await page.getByRole('heading', { name: 'Sager', level: 1 }).waitFor();
    assert.equal(await page.getByRole('link', { name: /S\.Y\./ }).count(), 0);
    const file = await exportFile(page);
    const text = await readFile(file, 'utf8');
    assert.doesNotMatch(text, /S\.Y\./, 'only tombstones are left of the youth');
    assert.deepEqual(JSON.parse(text).tombstones.map((t) => t.store).sort(), ['cases', 'youths']);
    // Device B still has the youth; the file erases them there, and undo does not bring them back.
    await importFile(b.page, file, { apply: false });
    await b.page.getByText(/Slettes \(GDPR\)/).first().waitFor();
    await b.page.getByRole('button', { name: 'Anvend import' }).click();
    await b.page.getByText('Importeret.').waitFor();
    b.page.once('dialog', (d) => d.accept());
    await b.page.getByRole('button', { name: 'Fortryd import' }).click();
    await b.page.getByText('Importen er fortrudt; data er som før.').waitFor();
    await nav(b.page, 'Sager');
    await b.page.getByRole('heading', { name: 'Sager', level: 1 }).waitFor();
    assert.equal(await b.page.getByRole('link', { name: /S\.Y\./ }).count(), 0);
    assert.doesNotMatch(await readFile(await exportFile(b.page), 'utf8'), /S\.Y\./);
  });

  await t.test('a reload in the middle of a large import leaves the old data or the new, never a mix', async () => {
    const { page } = b;
    const base = JSON.parse(await readFile(a.file, 'utf8'));
    const count = () => page.evaluate(() => new Promise((ok, fail) => {
      const r = indexedDB.open('fordeling');
      r.onerror = () => fail(r.error);
      r.onsuccess = () => {
        const tx = r.result.transaction(['cases', 'youths'], 'readonly');
        const c = tx.objectStore('cases').count();
        const y = tx.objectStore('youths').count();
        tx.oncomplete = () => { r.result.close(); ok([c.result, y.result]); };
      };
    }));
    for (const delay of [0, 150, 600]) {
      // A file with 2,000 new cases (and their youths), copied from A's case with new ids.
      const doc = structuredClone(base);
      const [c0, y0] = [doc.records.cases[0], doc.records.youths[0]];
      doc.records.cases = [];
      doc.records.youths = [];
      for (let i = 0; i < 2000; i++) {
        const y = { ...structuredClone(y0), pseudonym: `L${i}` };
        y.meta.id = crypto.randomUUID();
        const c = { ...structuredClone(c0), youth: y.meta.id };
        c.meta.id = crypto.randomUUID();
        doc.records.youths.push(y);
        doc.records.cases.push(c);
      }
      doc.records.cases.sort((p, q) => p.meta.id.localeCompare(q.meta.id));
      doc.records.youths.sort((p, q) => p.meta.id.localeCompare(q.meta.id));
      const big = path.join(FILES, `big-${Date.now()}.json`);
      await writeFile(big, JSON.stringify(doc));
      const [before] = await count();
      await importFile(page, big, { apply: false });
      await page.getByRole('heading', { name: 'Det vil importen gøre' }).waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Anvend import' }).click();
      if (delay === 0) {
        // While it is written (4,000 records take a while), the page says so and takes neither
        // another file nor an undo.
        const saving = await page.evaluate(() => ({
          said: document.body.innerText.includes('Gemmer importen …'),
          fileDisabled: document.querySelector('#import-file').disabled,
          undo: [...document.querySelectorAll('button')].some((b) => b.textContent.includes('Fortryd import')),
        }));
        assert.deepEqual(saving, { said: true, fileDisabled: true, undo: false });
      }
      await page.waitForTimeout(delay);
      await page.reload();
      await waitForApp(page);
      const [cases, youths] = await count();
      assert.ok(cases === before || cases === before + 2000, `delay ${delay} ms: ${cases} cases, before ${before}`);
      assert.equal(youths, cases, 'every case keeps its youth');
    }
  });

  assertClean(a.findings, 'device A');
  assertClean(b.findings, 'device B');
});
