// A committee meeting from start to minutes: three visited cases go on the agenda, the
// committee sees who attends, decides one case against the recommendation (a rationale is
// demanded), and the printable minutes show only pseudonym, age, district and the decision.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClean, formatAxe, launchBrowser, runAxe, screenshots, startApp, waitForApp } from './lib/harness.mjs';

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const field = (scope, label) => scope.getByLabel(new RegExp(`^${esc(label)}( \\*)?$`));
const nav = (page, name) => page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
const save = (scope) => scope.getByRole('button', { name: 'Gem', exact: true }).click();

async function register(page, area, button, fill) {
  await nav(page, area);
  await page.getByRole('button', { name: button }).click();
  const form = page.locator('form.editor');
  await fill(form);
  await save(form);
  await form.waitFor({ state: 'detached' });
}

async function visitedCase(page, pseudonym) {
  await nav(page, 'Sager');
  await page.getByRole('link', { name: 'Ny sag' }).click();
  await field(page, 'Pseudonym/initialer').fill(pseudonym);
  await field(page, 'Fødselsdato').fill('2011-05-06');
  await field(page, 'Distrikt').selectOption({ label: 'Nordbyen' });
  await field(page, 'Lovgrundlag').selectOption({ label: 'Fast kontaktperson for barnet/den unge' });
  await field(page, 'Timer pr. uge').fill('3');
  await field(page, 'Visitationsdato').fill('2026-01-10');
  await field(page, 'Sagsbehandler').fill('MH');
  await field(page, 'Mål fra handleplanen (ét pr. linje)').fill('Kommer i klub to gange om ugen');
  await page.getByRole('checkbox', { name: 'Skoleproblematikker' }).check();
  await save(page);
  await page.getByRole('heading', { name: pseudonym, level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Flyt til visiteret' }).click();
  await page.locator('.page-head .status', { hasText: 'Visiteret' }).waitFor();
}

test('a committee meeting: agenda, decision against the recommendation, minutes', async (t) => {
  const app = await startApp();
  const b = await launchBrowser();
  t.after(async () => { await b.close(); await app.close(); });
  const { page, findings } = b;
  await page.goto(app.url);
  await waitForApp(page);

  await t.test('set up the district, its leaders, a club and two contact persons', async () => {
    await register(page, 'Indstillinger', 'Nyt distrikt', (f) => field(f, 'Navn').fill('Nordbyen'));
    await register(page, 'Kontaktpersoner og leverandører', 'Ny leverandør', async (f) => {
      await field(f, 'Navn').fill('Klub Nord');
      await field(f, 'Distrikt').selectOption({ label: 'Nordbyen' });
      await field(f, 'Timepris (kr.)').fill('350');
    });
    for (const name of ['Anna Pædagog', 'Bo Pædagog']) {
      await register(page, 'Kontaktpersoner og leverandører', 'Ny kontaktperson', async (f) => {
        await field(f, 'Navn').fill(name);
        await field(f, 'Leverandør').selectOption({ label: 'Klub Nord' });
        await field(f, 'Kapacitet, timer pr. uge').fill('10');
        await field(f, 'Straffeattest indhentet').fill('2026-01-05');
        await field(f, 'Børneattest indhentet').fill('2026-01-05');
        await field(f, 'Tavshedserklæring underskrevet').fill('2026-01-05');
      });
    }
    await register(page, 'Fordelingsudvalg', 'Nyt medlem', async (f) => {
      await field(f, 'Navn').fill('Sara Skoleleder');
      await field(f, 'Distrikt').selectOption({ label: 'Nordbyen' });
    });
  });

  await t.test('three visited cases', async () => {
    for (const p of ['A.A.', 'B.B.', 'C.C.']) await visitedCase(page, p);
  });

  await t.test('a meeting with the three cases on its agenda, reorderable', async () => {
    await nav(page, 'Fordelingsudvalg');
    await page.getByRole('button', { name: 'Nyt møde' }).click();
    await page.getByRole('heading', { name: /^Møde / , level: 1 }).waitFor();
    for (let i = 0; i < 3; i++) {
      await page.getByRole('button', { name: 'Sæt på dagsordenen' }).first().click();
      await page.locator('article.agenda-case').nth(i).waitFor();
    }
    assert.equal(await page.getByRole('button', { name: 'Sæt på dagsordenen' }).count(), 0);
    // The button that did its work is gone: the focus went to the case's card on the agenda.
    assert.match(await page.evaluate(() => document.activeElement?.id ?? ''), /^agenda-[0-9a-f]{8}-/);
    const first = await page.locator('article.agenda-case h3').first().textContent();
    await page.getByRole('button', { name: 'Flyt ned' }).first().click();
    await page.waitForFunction((f) => document.querySelectorAll('article.agenda-case h3')[1]?.textContent === f, first);
    await page.getByText('Sara Skoleleder (Skoleleder)').first().waitFor();
    const violations = await runAxe(page);
    assert.equal(violations.length, 0, formatAxe(violations));
    await screenshots(page, 'meeting');
  });

  await t.test('each case shows ranked recommendations with their score terms', async () => {
    const card = page.locator('article.agenda-case').first();
    const ranked = card.locator('ol.ranked > li');
    assert.equal(await ranked.count(), 2);
    const top = await ranked.first().textContent();
    assert.match(top, /point/);
    assert.match(top, /Skoleproblematikker: foretræk for denne type\s*\+15/);
    assert.match(top, /Timepris 350 kr\.\s*-7/);
    assert.match(top, /8 point/);
  });

  await t.test('deciding against the recommendation demands a rationale, then allocates', async () => {
    // Every card's fields have their own ids, so each label names its own field.
    const ids = await page.locator('article.agenda-case [id]').evaluateAll((els) => els.map((e) => e.id));
    assert.equal(new Set(ids).size, ids.length, `duplicate ids on the agenda: ${ids}`);
    const card = page.locator('article.agenda-case').first();
    const select = field(card, 'Vælg kontaktperson');
    const recommended = await select.inputValue();
    assert.ok(recommended, 'the top recommendation is preselected');
    const options = await select.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
    await select.selectOption(options.find((v) => v !== recommended));
    await card.getByRole('button', { name: 'Træf afgørelse' }).click();
    const error = card.locator('[id$="-rationale-error"]');
    await error.waitFor();
    assert.equal((await error.textContent()).trim(), 'Skal udfyldes');
    await field(card, 'Begrundelse').fill('Barnet kender Bo fra klubben');
    await card.getByRole('button', { name: 'Træf afgørelse' }).click();
    await card.getByText('Afgjort').waitFor();
    await page.waitForFunction(() => document.activeElement?.id.startsWith('decided-'));
  });

  await t.test('the decision is in the audit trail of the case, with its rationale', async () => {
    const name = (await page.locator('article.agenda-case h3').first().textContent()).split(' ')[0];
    await nav(page, 'Sager');
    await page.getByRole('link', { name: new RegExp(esc(name)) }).click();
    const trail = page.locator('section', { has: page.getByRole('heading', { name: 'Afgørelser (revisionsspor)' }) });
    await trail.getByText('Begrundelse: Barnet kender Bo fra klubben').waitFor();
    await trail.getByText(/Anbefalet:/).waitFor();
    await page.goBack();
  });

  await t.test('archiving a person or provider who carries the case asks first', async () => {
    await nav(page, 'Kontaktpersoner og leverandører');
    // The person's hours in use are the allocated case's 3; the other person has none.
    const rows = page.locator('section.register li.row');
    await rows.filter({ hasText: '3 / 10 timer i brug' }).waitFor();
    assert.equal(await rows.filter({ hasText: '0 / 10 timer i brug' }).count(), 1);
    const ask = async (row, expected) => {
      await row.getByRole('button').click();
      const form = page.locator('form.editor');
      const question = new Promise((resolve) => page.once('dialog', async (d) => { resolve(d.message()); await d.dismiss(); }));
      await form.getByRole('button', { name: 'Arkivér' }).click();
      assert.match(await question, expected);
      // Not archived: the editor stays open with the record as it was.
      await form.getByRole('button', { name: 'Arkivér' }).waitFor();
      await form.getByRole('button', { name: 'Annullér' }).click();
      await form.waitFor({ state: 'detached' });
    };
    await ask(rows.filter({ hasText: '3 / 10 timer i brug' }), /^(Anna|Bo) Pædagog har 1 sag i gang\. .*Arkivér alligevel\?$/);
    await ask(rows.filter({ has: page.locator('.row-title', { hasText: /^Klub Nord$/ }) }), /^Klub Nord har 2 aktive kontaktpersoner og 1 sag i gang\. .*Arkivér alligevel\?$/);
    assert.equal(await page.getByText('Arkiveret').count(), 0);
  });

  await t.test('the case list searches, filters by status, concern, district and legal basis, and sorts', async () => {
    await nav(page, 'Sager');
    const count = page.locator('p.count');
    const names = () => page.locator('ul.cases .row-title').allTextContents();
    await count.getByText('3 sager').waitFor();
    await page.getByLabel('Søg på pseudonym eller sagsbehandler').fill('b.b');
    await count.getByText('1 sag', { exact: true }).waitFor();
    assert.deepEqual(await names(), ['B.B.']);
    await page.getByLabel('Søg på pseudonym eller sagsbehandler').fill('');
    await field(page, 'Status').selectOption({ label: 'Fordelt' });
    await count.getByText('1 sag', { exact: true }).waitFor();
    assert.deepEqual(await page.locator('ul.cases .status').allTextContents(), ['Fordelt']);
    await field(page, 'Status').selectOption({ index: 0 });
    await field(page, 'Problemstillinger').selectOption({ label: 'Skoleproblematikker' });
    await count.getByText('3 sager').waitFor();
    await field(page, 'Problemstillinger').selectOption({ label: 'Autisme' });
    await page.getByText('Ingen sager').waitFor();
    await field(page, 'Problemstillinger').selectOption({ index: 0 });
    await field(page, 'Distrikt').selectOption({ label: 'Nordbyen' });
    await count.getByText('3 sager').waitFor();
    await field(page, 'Lovgrundlag').selectOption({ label: 'Efterværn' });
    await count.getByText('0 sager').waitFor();
    await field(page, 'Lovgrundlag').selectOption({ label: 'Fast kontaktperson for barnet/den unge' });
    await count.getByText('3 sager').waitFor();
    await field(page, 'Sortér efter').selectOption({ label: 'Pseudonym' });
    await count.getByText('3 sager').waitFor();
    assert.deepEqual(await names(), ['A.A.', 'B.B.', 'C.C.']);
  });

  await t.test('the minutes print view lists the decision without more personal data', async () => {
    await nav(page, 'Fordelingsudvalg');
    await page.getByRole('link', { name: /^Møde / }).click();
    await page.getByRole('link', { name: 'Referat' }).click();
    await page.getByRole('heading', { name: /^Referat/ }).waitFor();
    const text = await page.locator('article.minutes').textContent();
    assert.match(text, /Nordbyen/);
    assert.match(text, /Sara Skoleleder/);
    assert.match(text, /Afveg fra anbefalingen: Barnet kender Bo fra klubben/);
    assert.match(text, /Ikke afgjort/, 'the cases not yet decided say so');
    assert.doesNotMatch(text, /2011-05-06|06-05-2011/, 'no birth dates in the minutes');
    await page.emulateMedia({ media: 'print' });
    await screenshots(page, 'minutes-print');
    await page.emulateMedia({ media: 'screen' });
  });

  await t.test('changing a weight under Indstillinger changes the recommendations at once', async () => {
    await nav(page, 'Indstillinger');
    await field(page, 'Fradrag pr. 100 kr. timepris').fill('4');
    await page.locator('form', { hasText: 'Modellens vægte' }).getByRole('button', { name: 'Gem', exact: true }).click();
    await page.locator('form', { hasText: 'Modellens vægte' }).getByText('Gemt').waitFor();
    await nav(page, 'Fordelingsudvalg');
    await page.getByRole('link', { name: /^Møde / }).click();
    const top = page.locator('article.agenda-case ol.ranked > li').first();
    await top.getByText('1 point').waitFor();
    assert.match(await top.textContent(), /Timepris 350 kr\.\s*-14/);
    await nav(page, 'Indstillinger');
    await page.getByRole('button', { name: 'Nulstil til standard' }).click();
    await page.waitForFunction(() => document.getElementById('f-cost_per_100kr')?.value === '2');
  });

  await t.test('the batch suggestion places the undecided cases, and following it needs no rationale', async () => {
    await nav(page, 'Fordelingsudvalg');
    await page.getByRole('link', { name: /^Møde / }).click();
    await page.getByRole('button', { name: 'Beregn forslag' }).click();
    await page.getByText('Bevist optimalt').waitFor();
    assert.equal(await page.locator('table.batch tr').count(), 2);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Hent instansen (JSON)' }).click(),
    ]);
    const instance = JSON.parse(await (await import('node:fs/promises')).readFile(await download.path(), 'utf8'));
    assert.equal(instance.cases.length, 2);
    assert.equal(instance.persons.length, 2);
    assert.ok(instance.scores.length > 0);
    // Each undecided card preselects the suggestion's person and says so; deciding with it
    // follows a recommendation, so no rationale is asked for.
    const cards = page.locator('article.agenda-case');
    const withSuggestion = await cards.evaluateAll((els) => els.map((e) => e.textContent.includes('Samlet forslag')));
    const card = cards.nth(withSuggestion.lastIndexOf(true));
    const suggested = (await card.getByText(/^Samlet forslag: /).textContent()).replace('Samlet forslag: ', '').trim();
    const select = field(card, 'Vælg kontaktperson');
    const chosen = await select.locator('option:checked').textContent();
    assert.ok(chosen.startsWith(suggested), `${chosen} preselected, suggested ${suggested}`);
    // What is typed on the other card survives this decision and a reorder of the agenda.
    const otherName = (await cards.nth(withSuggestion.indexOf(true)).locator('h3').textContent()).split(' ')[0];
    const other = cards.filter({ has: page.locator('h3', { hasText: otherName }) });
    await field(other, 'Begrundelse').fill('Kladde');
    await card.getByRole('button', { name: 'Træf afgørelse' }).click();
    await card.getByText(`Afgjort: ${suggested}`).waitFor();
    await other.getByText(/^Samlet forslag: /).waitFor();
    assert.equal(await field(other, 'Begrundelse').inputValue(), 'Kladde');
    const move = other.getByRole('button', { name: (await other.getByRole('button', { name: 'Flyt op' }).isDisabled()) ? 'Flyt ned' : 'Flyt op' });
    const before = await cards.locator('h3').allTextContents();
    await move.click();
    await page.waitForFunction((b) => [...document.querySelectorAll('article.agenda-case h3')].map((h) => h.textContent).join() !== b.join(), before);
    assert.equal(await field(other, 'Begrundelse').inputValue(), 'Kladde');
    assert.match(await page.evaluate(() => document.activeElement?.id ?? ''), /^move-(up|down)-/, 'the focus stays on the moved card');
    assert.equal(await page.evaluate(() => document.activeElement?.closest('article')?.querySelector('h3')?.textContent.split(' ')[0]), otherName);
    // Departing from the suggestion voids the rest of it (it counted on the hours now taken).
    const otherSelect = field(other, 'Vælg kontaktperson');
    const current = await otherSelect.inputValue();
    const values = await otherSelect.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
    await otherSelect.selectOption(values.find((v) => v !== current));
    await other.getByRole('button', { name: 'Træf afgørelse' }).click();
    await other.getByText(/^Afgjort: /).waitFor();
    await page.getByText('Forslaget gælder ikke længere').waitFor();
    assert.equal(await page.locator('table.batch').count(), 0);
  });

  await t.test('a re-allocation keeps the contact person until the committee decides; calling it off resumes the course', async () => {
    await nav(page, 'Sager');
    await page.locator('ul.cases li', { hasText: 'Fordelt' }).first().getByRole('link').click();
    const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
    await page.locator('#start-date').fill(today);
    await page.getByRole('button', { name: 'Start forløbet' }).click();
    const status = page.locator('.page-head .status');
    await status.filter({ hasText: 'Aktiv' }).waitFor();
    const person = async () => (await page.locator('dt', { hasText: 'Nuværende kontaktperson' })
      .locator('xpath=following-sibling::dd[1]').textContent()).trim();
    const working = await person();
    assert.match(working, /Pædagog$/);
    await page.getByRole('button', { name: 'Sæt på dagsorden' }).click();
    await status.filter({ hasText: 'På dagsorden' }).waitFor();
    assert.equal(await person(), working, 'the person works on until the committee decides');
    await page.getByRole('button', { name: 'Tag af dagsordenen' }).click();
    await status.filter({ hasText: 'Aktiv' }).waitFor();
    assert.equal(await person(), working);
  });

  await t.test('a follow-up on the running case records progress and changes the granted hours', async () => {
    // Still on the case page of the running case (3 h per week).
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Opfølgninger' }) });
    await section.getByText(/^Næste opfølgning: \d{2}-\d{2}-\d{4}$/).waitFor();
    await section.getByText('Registrér opfølgning').click();
    await field(section, 'Deltagere (initialer eller roller, adskilt af komma)').fill('MH, Bo');
    await section.locator('select[id^="f-followup-goal-"]').first().selectOption({ label: '4 – god fremgang' });
    const change = field(section, 'Ændring af timer pr. uge (fx -2 eller 1,5)');
    await change.fill('-5');
    await section.getByRole('button', { name: 'Gem opfølgning' }).click();
    assert.equal((await section.locator('[id$="hours_change-error"]').textContent()).trim(), 'Skal være mellem -2,75 og 45');
    await change.fill('-1');
    await section.getByRole('button', { name: 'Gem opfølgning' }).click();
    assert.equal((await section.locator('[id$="hours_reason-error"]').textContent()).trim(), 'Skal udfyldes');
    await field(section, 'Begrundelse for ændringen').fill('Går godt i klubben');
    const violations = await runAxe(page);
    assert.equal(violations.length, 0, formatAxe(violations));
    await section.getByRole('button', { name: 'Gem opfølgning' }).click();
    await section.getByText('Timer pr. uge -1: Går godt i klubben').waitFor();
    await section.getByText('Kommer i klub to gange om ugen: 4 – god fremgang').waitFor();
    const hours = (await page.locator('dt', { hasText: 'Timer pr. uge' }).locator('xpath=following-sibling::dd[1]').textContent()).trim();
    assert.match(hours, /^2\b/, `the case now has 2 hours: ${hours}`);
    await screenshots(page, 'case-followup');
  });

  assertClean(findings, 'meeting flow');
});
