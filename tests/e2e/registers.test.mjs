// The foundation flows a caseworker does first: set up a district, a club and a contact person,
// create a case, find everything again after a reload and offline, and see a Danish error for a
// bad value. Screenshots at tablet and laptop sizes; axe on every page visited.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertClean, formatAxe, installServiceWorker, launchBrowser, runAxe, screenshots, startApp, waitForApp,
} from './lib/harness.mjs';

// A field by its label; required fields show " *" after the label text.
const field = (page, label) => page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}( \\*)?$`));
const nav = (page, name) => page.getByRole('navigation').getByRole('link', { name, exact: true }).click();

const UNSAVED = 'Du har ændringer, der ikke er gemt. Vil du kassere dem?';

/** Run `action`, answer the dialog it opens (accept or dismiss), and return its type and message. */
async function answerNextDialog(page, accept, action) {
  const dialog = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no dialog opened within 10 s')), 10_000);
    page.once('dialog', async (d) => {
      clearTimeout(timer);
      resolve([d.type(), d.message()]);
      await (accept ? d.accept() : d.dismiss());
    });
  });
  await action();
  const [type, message] = await dialog;
  return type === 'beforeunload' ? [type] : [type, message];
}

async function expectNoSeriousAxe(page, where) {
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, `${where}:\n${formatAxe(violations)}`);
}

test('registers and cases persist, validate in Danish and work offline', async (t) => {
  const app = await startApp();
  const b = await launchBrowser();
  t.after(async () => { await b.close(); await app.close(); });
  const { page, context, findings } = b;

  await page.goto(app.url);
  await waitForApp(page);
  await page.getByRole('heading', { name: 'Oversigt', level: 1 }).waitFor();

  await t.test('set up a district, a club and a contact person', async () => {
    await nav(page, 'Indstillinger');
    // A number a field cannot hold is refused, not rounded or clamped on the quiet.
    const first = field(page, 'Første opfølgning efter (måneder)');
    await first.fill('1,5');
    assert.equal((await page.locator('#followup_first_months-error').textContent()).trim(), 'Skriv et helt tal');
    await field(page, 'Budgetramme pr. år (kr.)').fill('-1');
    assert.equal((await page.locator('#budget_frame_kr-error').textContent()).trim(), 'Må ikke være negativ');
    await first.fill('3');
    await field(page, 'Budgetramme pr. år (kr.)').fill('1.500.000');
    await page.locator('#followup_first_months-error').waitFor({ state: 'detached' });
    await page.locator('#budget_frame_kr-error').waitFor({ state: 'detached' });
    // Leaving with unsaved settings asks first; staying keeps them.
    const asked = await answerNextDialog(page, false, () => nav(page, 'Kontaktpersoner og leverandører'));
    assert.deepEqual(asked, ['confirm', UNSAVED]);
    await page.getByRole('heading', { name: 'Indstillinger', level: 1 }).waitFor();
    assert.equal(await first.inputValue(), '3');
    const settingsForm = page.locator('form', { has: first });
    await settingsForm.getByRole('button', { name: 'Gem', exact: true }).click();
    await settingsForm.getByText('Gemt').waitFor();
    await page.getByRole('button', { name: 'Nyt distrikt' }).click();
    await field(page, 'Navn').fill('Nordbyen');
    await page.locator('form.editor').getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByRole('button', { name: /^Nordbyen/ }).waitFor();
    await expectNoSeriousAxe(page, 'Indstillinger');
    // From the keyboard: Enter on a row opens its editor with the focus in the first field,
    // Escape closes it without saving.
    await page.getByRole('button', { name: /^Nordbyen/ }).focus();
    await page.keyboard.press('Enter');
    await page.locator('form.editor').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), await field(page, 'Navn').getAttribute('id'));
    await page.keyboard.type(' (ændret)');
    await page.keyboard.press('Escape');
    await page.locator('form.editor').waitFor({ state: 'detached' });
    assert.equal(await page.getByRole('button', { name: /ændret/ }).count(), 0, 'nothing saved');
    assert.match(await page.evaluate(() => document.activeElement?.textContent ?? ''), /^Nordbyen/, 'focus back on the row');
    // A second district by the same name (case and spaces aside) is refused.
    await page.getByRole('button', { name: 'Nyt distrikt' }).click();
    await field(page, 'Navn').fill(' nordbyen ');
    await page.locator('form.editor').getByRole('button', { name: 'Gem', exact: true }).click();
    assert.equal((await page.locator('#name-error').textContent()).trim(), 'Navnet er allerede i brug');
    await page.keyboard.press('Escape');
    await page.locator('form.editor').waitFor({ state: 'detached' });
    // Renaming a saved district draws its row anew; the open editor keeps working (no error in
    // the console, checked at the end).
    for (const [from, to] of [['Nordbyen', 'Nordbyen Øst'], ['Nordbyen Øst', 'Nordbyen']]) {
      await page.getByRole('button', { name: new RegExp(`^${from}`) }).click();
      await field(page, 'Navn').fill(to);
      await page.locator('form.editor').getByRole('button', { name: 'Gem', exact: true }).click();
      await page.locator('form.editor').waitFor({ state: 'detached' });
    }
    assert.equal(findings.consoleErrors.length, 0, findings.consoleErrors.join('\n'));

    await nav(page, 'Kontaktpersoner og leverandører');
    await page.getByRole('button', { name: 'Ny leverandør' }).click();
    await field(page, 'Navn').fill('Klub Nord');
    await field(page, 'Distrikt').selectOption({ label: 'Nordbyen' });
    await field(page, 'Loft over kontaktpersontimer pr. uge').fill('30');
    await page.locator('form.editor').getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByRole('button', { name: /^Klub Nord/ }).waitFor();
    // Opening another record over unsaved edits asks first; staying keeps them.
    await page.getByRole('button', { name: /^Klub Nord/ }).click();
    await field(page, 'Navn').fill('Klub Nord (ændret)');
    assert.deepEqual(
      await answerNextDialog(page, false, () => page.getByRole('button', { name: 'Ny leverandør' }).click()),
      ['confirm', UNSAVED]);
    assert.equal(await field(page, 'Navn').inputValue(), 'Klub Nord (ændret)');
    await page.locator('form.editor').getByRole('button', { name: 'Annullér' }).click();
    await page.locator('form.editor').waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Ny kontaktperson' }).click();
    await field(page, 'Navn').fill('Anna Pædagog');
    await field(page, 'Leverandør').selectOption({ label: 'Klub Nord' });
    await field(page, 'Kapacitet, timer pr. uge').fill('7,5');
    await page.locator('form.editor').getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByRole('button', { name: /^Anna Pædagog/ }).waitFor();
    await expectNoSeriousAxe(page, 'Kontaktpersoner');
    await screenshots(page, 'registers');
  });

  await t.test('create a case through the form', async () => {
    await nav(page, 'Sager');
    await page.getByRole('link', { name: 'Ny sag' }).click();
    await field(page, 'Pseudonym/initialer').fill('E.K.');
    // No birth date or district is suggested: saving without them says so next to each.
    assert.equal(await field(page, 'Fødselsdato').inputValue(), '');
    assert.equal(await field(page, 'Distrikt').inputValue(), '');
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    assert.equal((await page.locator('#birth_date-error').textContent()).trim(), 'Skal udfyldes');
    assert.equal((await page.locator('#district-error').textContent()).trim(), 'Skal udfyldes');
    await field(page, 'Fødselsdato').fill('2010-03-04');
    await field(page, 'Distrikt').selectOption({ label: 'Nordbyen' });
    await field(page, 'Timer pr. uge').fill('6');
    await field(page, 'Sagsbehandler').fill('MH');
    // Typed key by key, as on a tablet: spaces, commas and new lines stay where they are typed.
    await field(page, 'Interesser (adskil med komma)').pressSequentially('spille fodbold, tegne ');
    assert.equal(await field(page, 'Interesser (adskil med komma)').inputValue(), 'spille fodbold, tegne ');
    await field(page, 'Mål fra handleplanen (ét pr. linje)').pressSequentially('Går i skole hver dag');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Har en ven i klubben');
    assert.equal(await field(page, 'Mål fra handleplanen (ét pr. linje)').inputValue(), 'Går i skole hver dag\nHar en ven i klubben');
    await expectNoSeriousAxe(page, 'Ny sag');
    await screenshots(page, 'case-form');
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByRole('heading', { name: 'E.K.', level: 1 }).waitFor();
    assert.deepEqual(await page.locator('main li').allTextContents().then((l) => l.filter((t) => /skole|klubben/.test(t))),
      ['Går i skole hver dag', 'Har en ven i klubben']);
    await expectNoSeriousAxe(page, 'Sag');
    await screenshots(page, 'case-view');
  });

  await t.test('a CPR number as pseudonym is refused with a Danish message', async () => {
    await page.getByRole('link', { name: 'Redigér' }).click();
    await field(page, 'Pseudonym/initialer').fill('040310-1234');
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByText('Ligner et CPR-nummer').waitFor();
    await field(page, 'Pseudonym/initialer').fill('E.K.');
  });

  await t.test('too many hours shows the Danish error next to the field and saves nothing', async () => {
    await field(page, 'Timer pr. uge').fill('60');
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    const error = page.locator('#hours_per_week-error');
    await error.waitFor();
    assert.equal((await error.textContent()).trim(), 'Skal være mellem 0,25 og 48');
    assert.equal(await field(page, 'Timer pr. uge').getAttribute('aria-invalid'), 'true');
    await page.getByText('Ret de markerede felter, før du gemmer.').waitFor();
    await screenshots(page, 'case-form-error');
  });

  await t.test('a visited case needs legal basis and visitation date', async () => {
    // The form still holds the refused edits: the browser asks before a reload drops them.
    assert.deepEqual((await answerNextDialog(page, true, () => page.reload()))[0], 'beforeunload');
    await waitForApp(page);
    await nav(page, 'Sager');
    await page.getByRole('link', { name: /E\.K\./ }).click();
    await page.getByRole('button', { name: 'Flyt til visiteret' }).click();
    const problem = page.locator('.status-panel [role=alert]');
    await problem.waitFor();
    assert.match(await problem.textContent(), /Lovgrundlag, Visitationsdato$/);
  });

  await t.test('everything is still there after a reload, with hours unchanged', async () => {
    await page.reload();
    await waitForApp(page);
    await nav(page, 'Sager');
    const row = page.getByRole('link', { name: /E\.K\./ });
    await row.waitFor();
    assert.match(await row.textContent(), /6 t\/uge/);
    await nav(page, 'Kontaktpersoner og leverandører');
    await page.getByRole('button', { name: /^Anna Pædagog/ }).waitFor();
  });

  await t.test('the case list keeps its search and filters on the way back from a case and over a reload', async () => {
    await nav(page, 'Sager');
    await field(page, 'Søg på pseudonym eller sagsbehandler').fill('e.k');
    await page.locator('select[name=filter-district]').selectOption({ label: 'Nordbyen' });
    await page.getByRole('link', { name: /E\.K\./ }).click();
    await page.getByRole('link', { name: 'Tilbage til sagerne' }).click();
    const kept = async () => {
      await page.getByRole('link', { name: /E\.K\./ }).waitFor();
      assert.equal(await field(page, 'Søg på pseudonym eller sagsbehandler').inputValue(), 'e.k');
      assert.equal(await page.locator('select[name=filter-district] option:checked').textContent(), 'Nordbyen');
    };
    await kept();
    await page.reload();
    await waitForApp(page);
    await kept();
    await field(page, 'Søg på pseudonym eller sagsbehandler').fill('zzz');
    await page.getByText('Ingen sager matcher.').waitFor();
    // Typing replaces the address instead of adding to the history: back leads to the case.
    await page.goBack();
    await page.getByRole('heading', { name: 'E.K.', level: 1 }).waitFor();
    await nav(page, 'Sager');
    assert.equal(await field(page, 'Søg på pseudonym eller sagsbehandler').inputValue(), '', 'the navigation opens the whole list');
  });

  await t.test("the browser's Back keeps a case form's unsaved edits for the next visit", async () => {
    await nav(page, 'Sager');
    await page.getByRole('link', { name: /E\.K\./ }).click();
    await page.getByRole('link', { name: 'Redigér' }).click();
    await field(page, 'Sagsbehandler').fill('MH og LK');
    await page.goBack();
    await page.getByRole('heading', { name: 'E.K.', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Redigér' }).click();
    await page.getByText('Dine ændringer fra sidst, der ikke blev gemt, er hentet frem igen.').waitFor();
    assert.equal(await field(page, 'Sagsbehandler').inputValue(), 'MH og LK');
    await page.getByRole('button', { name: 'Kassér dem' }).click();
    assert.equal(await field(page, 'Sagsbehandler').inputValue(), 'MH');
    await page.getByRole('button', { name: 'Annullér' }).click();
    await page.getByRole('heading', { name: 'E.K.', level: 1 }).waitFor();
  });

  await t.test('offline reload keeps the app and its data', async () => {
    await installServiceWorker(page);
    await context.setOffline(true);
    try {
      await page.reload();
      await waitForApp(page);
      await nav(page, 'Sager');
      await page.getByRole('link', { name: /E\.K\./ }).waitFor();
      await screenshots(page, 'cases-offline');
    } finally {
      await context.setOffline(false);
    }
  });

  await t.test('ending a case needs a chosen reason and a confirmation, and the page shows the ending', async () => {
    await nav(page, 'Sager');
    await page.getByRole('link', { name: /E\.K\./ }).click();
    await page.getByText('Afslut sag', { exact: true }).click();
    await page.getByRole('button', { name: 'Afslut sagen' }).click();
    await page.getByText('Vælg en ophørsårsag, før sagen afsluttes.').waitFor();
    await field(page, 'Ophørsårsag').selectOption({ label: 'Fraflyttet' });
    await page.getByRole('button', { name: 'Afslut sagen' }).click();
    await page.getByText('Vil du afslutte sagen?').waitFor();
    await expectNoSeriousAxe(page, 'Afslut sag');
    await page.getByRole('button', { name: 'Ja, afslut sagen' }).click();
    await page.locator('.status', { hasText: 'Afsluttet' }).first().waitFor();
    const panel = await page.locator('main').textContent();
    assert.match(panel, /Ophørsårsag\s*Fraflyttet/);
    assert.match(panel, /Ophørsdato\s*\d{2}-\d{2}-\d{4}/);
    await screenshots(page, 'case-ended');
  });

  await t.test('every area of the navigation renders without accessibility problems', async () => {
    for (const area of ['Oversigt', 'Fordelingsudvalg', 'Opfølgning', 'Evaluering', 'Data']) {
      await nav(page, area);
      await page.getByRole('heading', { level: 1 }).waitFor();
      // The tab's title names the page, and the focus is on its heading (for screen readers).
      const h1 = (await page.getByRole('heading', { level: 1 }).textContent()).trim();
      await page.waitForFunction((name) => document.title === `${name} – Fordeling`, h1);
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', area);
      await expectNoSeriousAxe(page, area);
    }
    await screenshots(page, 'data');
  });

  assertClean(findings, 'registers flow');
});
