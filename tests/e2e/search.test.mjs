// Search that understands Indonesian, and the novelty hint: a citizen finds an innovation by
// another form of its words and by a mistyped word; an operator writing a new innovation sees
// the ones it resembles appear while typing.

import assert from 'node:assert/strict';

import { checkAccessibility, expectStatus, newSignedInPage } from './support.mjs';

// The demo region's "LAPOR JALAN: Layanan Pengaduan Jalan Rusak", searched as a citizen would
// word it: "mengadukan" for "pengaduan" (both "adu").
const EVERYDAY = 'mengadukan jalan rusak';
const EXPECTED = 'LAPOR JALAN: Layanan Pengaduan Jalan Rusak';

export const tests = [
  {
    name: 'a citizen finds an innovation by another form of its words and by a mistyped word',
    async run({ page, baseUrl }) {
      expectStatus(await page.goto(`${baseUrl}/inovasi`), 200);
      await page.getByRole('searchbox', { name: 'Cari inovasi' }).fill(EVERYDAY);
      await page.getByRole('search').getByRole('button', { name: 'Cari', exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('q') === EVERYDAY);
      const results = page.getByRole('main').getByRole('heading', { level: 3 });
      await results.getByRole('link', { name: EXPECTED, exact: true }).waitFor();
      assert.equal(await results.first().innerText(), EXPECTED, 'the best match comes first');
      // The matched words stand marked in the passage shown, and the order is "best match".
      assert.ok((await page.getByRole('main').locator('mark').count()) > 0, 'marked words');
      assert.equal(
        await page.getByLabel('Urutkan').locator('option:checked').innerText(),
        'Paling cocok',
      );
      await checkAccessibility(page, 'search results with marked words');

      expectStatus(await page.goto(`${baseUrl}/inovasi?q=${encodeURIComponent('pengadan jalan rusak')}`), 200);
      const note = page.locator('.search-note');
      await note.waitFor();
      assert.match(await note.innerText(), /menampilkan hasil untuk/);
      assert.ok((await results.count()) > 0, 'the corrected search finds innovations');
    },
  },
  {
    name: 'an operator writing a new innovation sees the ones it resembles while typing',
    async run({ newContext, baseUrl }) {
      const page = await newSignedInPage(newContext, baseUrl, 'demo-operator');
      expectStatus(await page.goto(`${baseUrl}/ruang-kerja/inovasi/baru`), 200);
      const panel = page.locator('#similar');
      assert.equal(await panel.isVisible(), false, 'nothing to compare before typing');
      const form = page.getByRole('main').locator('form.editor');
      await form.getByLabel('Nama inovasi', { exact: true }).fill('Layanan pengaduan jalan rusak');
      await panel.getByRole('link').first().waitFor({ timeout: 10_000 });
      const titles = await panel.getByRole('link').allInnerTexts();
      assert.ok(titles.includes(EXPECTED), `the similar list names ${EXPECTED}: ${titles}`);
      assert.match(await panel.innerText(), /kemiripan \d+%/);
      await checkAccessibility(page, 'the editor with similar innovations');
    },
  },
];
