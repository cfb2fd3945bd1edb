// The public portal as citizens use it: searching from the home page on a phone, filtering and
// paging the catalogue, reading an innovation and finding whom to contact, switching to English,
// and downloading the open data. Everything here is public: no test signs in except to make a
// draft that the open data must not show.

import assert from 'node:assert/strict';

import {
  clickAndWaitForPage,
  expectNoSideScroll,
  expectStatus,
  newSignedInPage,
  parseCsv,
  resultRange,
} from './support.mjs';

// A word of everyday Indonesian that many demo titles and summaries hold ("service").
const EVERYDAY_WORD = 'layanan';

// The titles of the result cards on the page as it is, in order.
function resultTitles(page) {
  return page.getByRole('main').getByRole('heading', { level: 3 }).allInnerTexts();
}

// Where the result cards on the page lead, in order: one address per innovation.
function resultLinks(page) {
  return page
    .getByRole('main')
    .getByRole('heading', { level: 3 })
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
}

// The options of a <select>, as { value, text }.
function optionsOf(select) {
  return select.locator('option').evaluateAll((options) =>
    options.map((option) => ({ value: option.value, text: option.textContent.trim() })),
  );
}

// The facts of an innovation page (its <dl class="facts">) as a Map from term to description.
async function factsOf(page) {
  const pairs = await page.getByRole('main').locator('dl').first().evaluate((list) =>
    [...list.querySelectorAll('dt')].map((term) => [
      term.textContent.trim(),
      term.nextElementSibling?.textContent.trim() ?? '',
    ]),
  );
  return new Map(pairs);
}

export const tests = [
  {
    name: 'a citizen on a phone searches from the home page, filters and opens an innovation',
    async run({ baseUrl, newPhonePage }) {
      const page = await newPhonePage();
      expectStatus(await page.goto(`${baseUrl}/`), 200);
      await expectNoSideScroll(page, 'the home page on a phone');

      // Search from the home page's search box.
      await page.getByRole('searchbox', { name: 'Cari inovasi' }).fill(EVERYDAY_WORD);
      const searched = await clickAndWaitForPage(
        page,
        page.getByRole('search').getByRole('button', { name: 'Cari', exact: true }),
      );
      expectStatus(searched, 200);
      const url = new URL(page.url());
      assert.equal(url.pathname, '/inovasi');
      assert.equal(url.searchParams.get('q'), EVERYDAY_WORD);
      assert.equal(
        await page.getByRole('searchbox', { name: 'Cari inovasi' }).inputValue(),
        EVERYDAY_WORD,
        'the catalogue keeps the searched word in its search box',
      );
      const all = await resultRange(page);
      assert.ok(all.total > 0, `"${EVERYDAY_WORD}" finds nothing: ${all.text}`);
      const firstTitles = await resultTitles(page);
      assert.equal(firstTitles.length, Math.min(all.total, 20), all.text);
      await expectNoSideScroll(page, 'the catalogue on a phone');

      // Narrow with the "Bentuk" filter: its option says how many results it keeps.
      // The filters fold away under "Saring hasil"; unfold them if they are folded.
      if (!(await page.getByLabel('Bentuk', { exact: true }).isVisible())) {
        await page.getByText('Saring hasil', { exact: true }).click();
      }
      const form = page.getByLabel('Bentuk', { exact: true });
      const options = await optionsOf(form);
      const publicService = options.find((o) => o.text.startsWith('Pelayanan publik'));
      assert.ok(publicService, 'the "Bentuk" filter offers "Pelayanan publik"');
      const expected = Number(/\((\d+)\)\s*$/.exec(publicService.text)?.[1]);
      assert.ok(expected > 0 && expected < all.total, `"${publicService.text}" vs ${all.text}`);
      await form.selectOption(publicService.value);
      const apply = page.getByRole('button', { name: 'Terapkan', exact: true });
      expectStatus(await clickAndWaitForPage(page, apply), 200);
      const narrowed = new URL(page.url()).searchParams;
      assert.equal(narrowed.get('q'), EVERYDAY_WORD, 'filtering keeps the searched word');
      assert.equal(narrowed.get('form'), publicService.value);
      const filtered = await resultRange(page);
      assert.equal(filtered.total, expected, `the option promised ${expected}: ${filtered.text}`);
      assert.equal(
        await page.getByLabel('Bentuk', { exact: true }).inputValue(),
        publicService.value,
        'the filter shows what it is set to',
      );

      // Open the first result: its page shows what matched, its sections and whom to contact.
      const firstResult = page.getByRole('main').getByRole('heading', { level: 3 }).first();
      const title = (await firstResult.innerText()).trim();
      expectStatus(await clickAndWaitForPage(page, firstResult.getByRole('link')), 200);
      assert.match(new URL(page.url()).pathname, /^\/inovasi\/\d+$/);
      assert.equal((await page.getByRole('heading', { level: 1 }).innerText()).trim(), title);
      const facts = await factsOf(page);
      assert.equal(facts.get('Bentuk inovasi'), 'Pelayanan publik', 'the filter kept this form');
      assert.match(
        await page.getByRole('main').innerText(),
        new RegExp(EVERYDAY_WORD, 'i'),
        'the innovation holds the searched word',
      );
      for (const section of ['Latar belakang dan masalah', 'Rancang bangun', 'Tujuan', 'Manfaat']) {
        await page.getByRole('heading', { level: 2, name: section, exact: true }).waitFor();
      }
      const contact = page.getByRole('region', { name: 'Ingin mereplikasi?' });
      await contact.waitFor();
      const agencyLink = contact.getByRole('link').first();
      const agency = (await agencyLink.innerText()).trim();
      assert.ok(agency.length > 0, 'the contact box names the agency');
      await expectNoSideScroll(page, 'an innovation page on a phone');

      // The contact box leads to the agency's page, which lists this innovation.
      expectStatus(await clickAndWaitForPage(page, agencyLink), 200);
      assert.match(new URL(page.url()).pathname, /^\/perangkat-daerah\/\d+$/);
      assert.equal((await page.getByRole('heading', { level: 1 }).innerText()).trim(), agency);
      await page.getByRole('main').getByRole('link', { name: title, exact: true }).waitFor();
      await expectNoSideScroll(page, 'an agency page on a phone');
    },
  },
  {
    name: 'the catalogue pages through every result once, forward and back',
    async run({ page, baseUrl }) {
      expectStatus(await page.goto(`${baseUrl}/inovasi?q=${EVERYDAY_WORD}`), 200);
      const first = await resultRange(page);
      assert.ok(first.total > 40, `"${EVERYDAY_WORD}" should fill three pages: ${first.text}`);
      assert.deepEqual([first.from, first.to], [1, 20], first.text);
      const pages = page.getByRole('navigation', { name: 'Halaman hasil' });
      assert.equal(await pages.getByRole('link', { name: 'Sebelumnya' }).count(), 0);

      // Forward with "Berikutnya" to the end: every result shows up exactly once.
      const firstPageTitles = await resultTitles(page);
      const seen = await resultLinks(page);
      for (let number = 2; ; number += 1) {
        const next = pages.getByRole('link', { name: 'Berikutnya', exact: true });
        if ((await next.count()) === 0) break;
        expectStatus(await clickAndWaitForPage(page, next), 200);
        const url = new URL(page.url());
        assert.equal(url.searchParams.get('page'), String(number));
        assert.equal(url.searchParams.get('q'), EVERYDAY_WORD, 'paging keeps the search');
        const range = await resultRange(page);
        assert.equal(range.from, (number - 1) * 20 + 1, range.text);
        assert.equal(range.to, Math.min(number * 20, first.total), range.text);
        assert.equal(range.total, first.total, range.text);
        assert.equal(
          (await pages.locator('[aria-current="page"]').innerText()).trim(),
          String(number),
          'the current page number is marked',
        );
        seen.push(...(await resultLinks(page)));
        assert.ok(number < 100, 'paging does not end');
      }
      assert.equal(seen.length, first.total, 'the pages together show every result');
      const twice = seen.filter((href, index) => seen.indexOf(href) !== index);
      assert.deepEqual(twice, [], 'no result shows on two pages');

      // Back with "Sebelumnya", then straight to page 1 by its number.
      const lastNumber = Number(new URL(page.url()).searchParams.get('page'));
      const previous = pages.getByRole('link', { name: 'Sebelumnya', exact: true });
      expectStatus(await clickAndWaitForPage(page, previous), 200);
      assert.equal(new URL(page.url()).searchParams.get('page'), String(lastNumber - 1));
      await page.goto(`${baseUrl}/inovasi?q=${EVERYDAY_WORD}&page=2`);
      const one = pages.getByRole('link', { name: '1', exact: true });
      expectStatus(await clickAndWaitForPage(page, one), 200);
      assert.deepEqual(await resultTitles(page), firstPageTitles, 'page 1 is the same again');
    },
  },
  {
    name: 'a search that matches nothing says so plainly',
    async run({ page, baseUrl }) {
      expectStatus(await page.goto(`${baseUrl}/inovasi?q=zzqxwv`), 200);
      await page.getByText('Tidak ada inovasi yang cocok').waitFor();
      assert.equal(await resultTitles(page).then((titles) => titles.length), 0);
      assert.equal(await page.getByRole('navigation', { name: 'Halaman hasil' }).count(), 0);
      // One plain sentence, not a range such as "Menampilkan 0–-1 dari 0 inovasi".
      const line = await page.getByRole('status').filter({ hasText: /inovasi|innovation/i }).innerText();
      assert.equal(line.trim(), 'Tidak ada inovasi yang ditemukan.');
    },
  },
  {
    name: 'a page number past the last page does not claim an impossible range',
    async run({ page, baseUrl }) {
      const response = await page.goto(`${baseUrl}/inovasi?q=${EVERYDAY_WORD}&page=99`);
      // A 404 is a fine answer; a page of results must tell the truth about them.
      if (response.status() === 404) return;
      expectStatus(response, 200);
      const range = await resultRange(page);
      assert.ok(range.total > 0, range.text);
      assert.ok(
        range.from === null || (range.from <= range.to && range.to <= range.total),
        `the result line shows an impossible range: "${range.text}"`,
      );
      assert.equal(
        await page.getByText('Tidak ada inovasi yang cocok').count(),
        0,
        `the page says nothing matches although ${range.total} innovations do`,
      );
    },
  },
  {
    name: 'the English switch turns the pages to English and is remembered',
    async run({ page, context, baseUrl }) {
      expectStatus(await page.goto(`${baseUrl}/inovasi?q=${EVERYDAY_WORD}`), 200);
      assert.equal(await page.locator('html').getAttribute('lang'), 'id');
      const english = page.getByRole('link', { name: 'English', exact: true });
      assert.equal(await english.getAttribute('lang'), 'en', 'the link says its language');
      expectStatus(await clickAndWaitForPage(page, english), 200);

      // The same page, search included, now in English.
      const url = new URL(page.url());
      assert.equal(url.pathname, '/inovasi');
      assert.equal(url.searchParams.get('q'), EVERYDAY_WORD, 'the switch returns to the same page');
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      await page.getByRole('heading', { level: 1, name: 'Innovation catalogue' }).waitFor();
      assert.equal(
        await page.getByRole('searchbox', { name: 'Search innovations' }).inputValue(),
        EVERYDAY_WORD,
      );
      await page.getByRole('button', { name: 'Apply', exact: true }).waitFor();
      assert.match((await resultRange(page)).text, /^Showing/);

      // The next page is English too, and so is the same page reloaded.
      const menu = page.getByRole('navigation', { name: 'Main menu' });
      const openData = menu.getByRole('link', { name: 'Open data' });
      expectStatus(await clickAndWaitForPage(page, openData), 200);
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      const heading = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
      assert.doesNotMatch(heading, /inovasi|terbuka/i, 'the heading is in English');
      expectStatus(await page.reload(), 200);
      assert.equal(await page.locator('html').getAttribute('lang'), 'en', 'English after a reload');
      assert.equal((await page.getByRole('heading', { level: 1 }).innerText()).trim(), heading);
      const cookies = await context.cookies(baseUrl);
      assert.ok(cookies.some((c) => c.value === 'en'), 'a cookie remembers the language');

      // And back to Indonesian, which is remembered as well.
      const indonesian = page.getByRole('link', { name: 'Bahasa Indonesia', exact: true });
      assert.equal(await indonesian.getAttribute('lang'), 'id');
      expectStatus(await clickAndWaitForPage(page, indonesian), 200);
      assert.equal(await page.locator('html').getAttribute('lang'), 'id');
      await page.getByRole('heading', { level: 1, name: 'Data terbuka inovasi daerah' }).waitFor();
      expectStatus(await page.goto(`${baseUrl}/`), 200);
      assert.equal(await page.locator('html').getAttribute('lang'), 'id');
      await page.getByRole('link', { name: 'English', exact: true }).waitFor();
    },
  },
  {
    name: 'the open data CSV downloads with a header and holds no draft',
    async run({ page, baseUrl, newContext }) {
      // A draft of this test's own, and the demo's drafts, as the operator's dashboard lists them.
      const operator = await newSignedInPage(newContext, baseUrl, 'demo-operator');
      expectStatus(await operator.goto(`${baseUrl}/ruang-kerja/inovasi/baru`), 200);
      const draftTitle = `Draf rahasia uji unduhan ${Date.now().toString(36)}`;
      await operator.getByLabel('Nama inovasi', { exact: true }).fill(draftTitle);
      const saved = await clickAndWaitForPage(
        operator,
        operator.getByRole('button', { name: 'Simpan draf baru', exact: true }),
      );
      expectStatus(saved, 200);
      assert.match(new URL(operator.url()).pathname, /^\/ruang-kerja\/inovasi\/\d+$/);
      expectStatus(await operator.goto(`${baseUrl}/ruang-kerja`), 200);
      const rows = await operator.getByRole('main').getByRole('row').evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())),
      );
      const drafts = rows.filter((cells) => cells[2] === 'Draf').map((cells) => cells[0]);
      const published = rows.filter((cells) => cells[2] === 'Terbit').map((cells) => cells[0]);
      assert.ok(drafts.includes(draftTitle), `the dashboard lists the draft: ${drafts.join('; ')}`);
      assert.ok(published.length > 0, 'the operator\'s agency has published innovations');

      // The citizen's side: the open data page links the CSV, which downloads.
      expectStatus(await page.goto(`${baseUrl}/data-terbuka`), 200);
      const link = page.getByRole('link', { name: 'Unduh CSV' });
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      assert.match(download.suggestedFilename(), /\.csv$/);
      assert.equal(await download.failure(), null);
      const csvUrl = new URL(await link.getAttribute('href'), baseUrl).href;
      const response = expectStatus(await page.request.get(csvUrl), 200);
      assert.match(response.headers()['content-type'] ?? '', /^text\/csv\b/);
      const text = await response.text();

      const csv = parseCsv(text.replace(/^\uFEFF/, '')).filter((r) => r.join('') !== '');
      const [header, ...records] = csv;
      for (const column of ['id', 'title', 'agency_name']) {
        assert.ok(header.includes(column), `the header names "${column}": ${header.slice(0, 8)}`);
      }
      assert.ok(records.every((r) => r.length === header.length), 'every record has every column');
      const titles = new Set(records.map((r) => r[header.indexOf('title')]));
      for (const title of published) assert.ok(titles.has(title), `the CSV lacks "${title}"`);
      for (const title of drafts) assert.ok(!titles.has(title), `the CSV holds draft "${title}"`);
      assert.ok(!text.includes(draftTitle), 'the new draft appears nowhere in the CSV');

      // As many records as the catalogue has published innovations.
      expectStatus(await page.goto(`${baseUrl}/inovasi`), 200);
      assert.equal(records.length, (await resultRange(page)).total, 'CSV records vs catalogue');
    },
  },
];
