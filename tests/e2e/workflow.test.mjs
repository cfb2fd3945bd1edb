// The innovation workflow through the workspace, as its people do it: an agency operator writes
// and submits, the agency head approves, the region's innovation team verifies and publishes,
// or returns the submission with a reason. The demo region requires the head's approval.

import assert from 'node:assert/strict';

import {
  DEMO_PASSWORD,
  READY_TO_SUBMIT,
  clickAndWaitForPage,
  createInnovation,
  dashboardSection,
  expectStatus,
  fillEditor,
  newSignedInPage,
  pressStep,
  recordStatus,
  signIn,
  signOut,
  statusPanel,
} from './support.mjs';

// A word no demo innovation holds, so that a search for it finds only this run's innovations.
const MARK = `Kelirbanu${Date.now().toString(36)}`;

// A long background with paragraphs, quotes and markup characters: it must come back exactly.
const LONG_BACKGROUND = [
  `Sebelum ${MARK} berjalan, warga harus datang ke kantor kelurahan "pada jam kerja" & antre.`,
  'Pada tahun 2024 tercatat 1.245 keluhan <tentang> waktu tunggu; 38% pemohon datang dua kali.',
  'Survei kepuasan menempatkan layanan ini di urutan terbawah, sehingga pimpinan menjadikannya '
    .concat('prioritas perbaikan tahun berikutnya. ')
    .repeat(6)
    .trim(),
].join('\n\n');

// The error summary's items, as their texts.
function summaryItems(page) {
  return page.getByRole('alert').getByRole('listitem').allInnerTexts();
}

export const tests = [
  {
    name: 'sign-in refuses a wrong password, keeps the user name, then returns to the page',
    async run({ page, baseUrl }) {
      // A workspace page asked for while signed out leads to the sign-in page, and back.
      expectStatus(await page.goto(`${baseUrl}/ruang-kerja/inovasi/baru`), 200);
      assert.equal(new URL(page.url()).pathname, '/masuk');
      await page.getByLabel('Nama pengguna', { exact: true }).fill('demo-operator');
      await page.getByLabel('Kata sandi', { exact: true }).fill('bukan-kata-sandinya');
      const masuk = page.getByRole('button', { name: 'Masuk', exact: true });
      expectStatus(await clickAndWaitForPage(page, masuk), 401);
      assert.match(await page.getByRole('alert').innerText(), /salah/);
      const username = page.getByLabel('Nama pengguna', { exact: true });
      assert.equal(await username.inputValue(), 'demo-operator');
      assert.equal(await page.getByLabel('Kata sandi', { exact: true }).inputValue(), '');
      await page.getByLabel('Kata sandi', { exact: true }).fill(DEMO_PASSWORD);
      expectStatus(await clickAndWaitForPage(page, masuk), 200);
      assert.equal(new URL(page.url()).pathname, '/ruang-kerja/inovasi/baru');
      await page.getByRole('heading', { level: 1, name: 'Inovasi baru' }).waitFor();
    },
  },
  {
    name: 'an operator writes and submits; the head approves; the team verifies and publishes',
    timeout: 120_000,
    async run({ page, baseUrl }) {
      const title = `Surat Pengantar Daring ${MARK}`;
      await signIn(page, baseUrl, 'demo-operator', DEMO_PASSWORD);
      const add = page.getByRole('link', { name: 'Tambah inovasi', exact: true });
      await clickAndWaitForPage(page, add);
      await page.getByRole('heading', { level: 1, name: 'Inovasi baru' }).waitFor();

      // A title, a long background and a year that is not a number: the save fails, and says why.
      await fillEditor(page, {
        'Nama inovasi': title,
        'Latar belakang dan masalah': LONG_BACKGROUND,
        'Tahun inisiasi': '20x4',
      });
      const create = page.getByRole('button', { name: 'Simpan draf baru', exact: true });
      expectStatus(await clickAndWaitForPage(page, create), 422);
      const summary = page.getByRole('alert');
      await summary.getByRole('heading', { name: /Perbaiki isian/ }).waitFor();
      const items = await summaryItems(page);
      assert.equal(items.length, 1, `only the year is wrong: ${items.join(' / ')}`);
      assert.match(items[0], /^Tahun inisiasi: /);
      assert.equal(
        await summary.getByRole('link').getAttribute('href'),
        '#f-year',
        'the summary links to the field',
      );
      assert.equal(
        await page.evaluate(() => document.activeElement?.getAttribute('role')),
        'alert',
        'the error summary takes focus',
      );
      const year = page.getByLabel('Tahun inisiasi', { exact: true });
      assert.equal(await year.getAttribute('aria-invalid'), 'true');
      // The field names its hint and its error; the error is the one marked as such.
      const described = (await year.getAttribute('aria-describedby')).split(/\s+/);
      const errorId = described.find((id) => id.endsWith('-error'));
      assert.ok(errorId, `aria-describedby names no error: ${described.join(' ')}`);
      const inline = page.locator(`[id="${errorId}"]`);
      assert.match(await inline.innerText(), /bilangan bulat/, 'the error shows at the field');
      // Nothing typed is lost.
      assert.equal(await page.getByLabel('Nama inovasi', { exact: true }).inputValue(), title);
      assert.equal(
        await page.getByLabel('Latar belakang dan masalah', { exact: true }).inputValue(),
        LONG_BACKGROUND,
      );
      assert.equal(await year.inputValue(), '20x4');

      // Fixed, the draft is created.
      await year.fill('2024');
      expectStatus(await clickAndWaitForPage(page, create), 200);
      const record = new URL(page.url());
      assert.match(record.pathname, /^\/ruang-kerja\/inovasi\/\d+$/);
      const id = record.pathname.split('/').pop();
      await page.getByRole('status').filter({ hasText: /tersimpan/i }).waitFor();
      assert.equal((await page.getByRole('heading', { level: 1 }).innerText()).trim(), title);
      assert.equal(await recordStatus(page), 'Draf');
      assert.equal(
        await page.getByLabel('Latar belakang dan masalah', { exact: true }).inputValue(),
        LONG_BACKGROUND,
      );
      assert.equal(await page.getByLabel('Tahun inisiasi', { exact: true }).inputValue(), '2024');

      // "Ajukan" refuses, naming what is still missing.
      expectStatus(await pressStep(page, 'Ajukan'), 422);
      const refusal = page.getByRole('alert').getByRole('heading', { name: /^Belum dapat/ });
      await refusal.waitFor();
      const missing = (await summaryItems(page)).map((item) => item.split(':')[0]);
      const expectedMissing = Object.keys(READY_TO_SUBMIT).filter(
        (label) => label !== 'Latar belakang dan masalah', // typed above
      );
      assert.deepEqual(missing.sort(), [...expectedMissing].sort());
      for (const label of expectedMissing) {
        const control = page.getByLabel(label, { exact: true });
        assert.equal(await control.getAttribute('aria-invalid'), 'true', `${label} is marked`);
      }
      assert.equal(await recordStatus(page), 'Draf');

      // Completed and saved, it is submitted.
      await fillEditor(
        page,
        Object.fromEntries(expectedMissing.map((label) => [label, READY_TO_SUBMIT[label]])),
      );
      const save = page.getByRole('button', { name: 'Simpan draf', exact: true });
      expectStatus(await clickAndWaitForPage(page, save), 200);
      await page.getByRole('status').filter({ hasText: 'Perubahan tersimpan' }).waitFor();
      assert.equal(await page.getByRole('alert').count(), 0);
      expectStatus(await pressStep(page, 'Ajukan'), 200);
      assert.equal(await recordStatus(page), 'Diajukan');
      assert.equal(await statusPanel(page).getByRole('button', { name: 'Ajukan' }).count(), 0);
      assert.equal(await page.getByRole('button', { name: 'Simpan draf' }).count(), 0,
        'a submitted innovation is no longer editable');
      await signOut(page);

      // The agency head finds it waiting and approves it.
      await signIn(page, baseUrl, 'demo-kepala', DEMO_PASSWORD);
      const waiting = dashboardSection(page, 'Menunggu persetujuan Anda');
      expectStatus(
        await clickAndWaitForPage(page, waiting.getByRole('link', { name: title, exact: true })),
        200,
      );
      assert.equal(new URL(page.url()).pathname, `/ruang-kerja/inovasi/${id}`);
      expectStatus(await pressStep(page, 'Setujui'), 200);
      await statusPanel(page).getByText('disetujui kepala perangkat daerah').waitFor();
      assert.equal(await statusPanel(page).getByRole('button', { name: 'Setujui' }).count(), 0);
      expectStatus(await page.goto(`${baseUrl}/ruang-kerja`), 200);
      const stillWaiting = dashboardSection(page, 'Menunggu persetujuan Anda')
        .getByRole('link', { name: title });
      assert.equal(await stillWaiting.count(), 0, 'an approved submission waits no more');
      await signOut(page);

      // The region's team verifies and publishes it.
      await signIn(page, baseUrl, 'demo-tim', DEMO_PASSWORD);
      const queue = dashboardSection(page, 'Antrean verifikasi');
      expectStatus(
        await clickAndWaitForPage(page, queue.getByRole('link', { name: title, exact: true })),
        200,
      );
      expectStatus(await pressStep(page, 'Verifikasi'), 200);
      assert.equal(await recordStatus(page), 'Terverifikasi');
      expectStatus(await pressStep(page, 'Terbitkan'), 200);
      assert.equal(await recordStatus(page), 'Terbit');
      await signOut(page);

      // Anyone finds it in the catalogue and reads it.
      expectStatus(await page.goto(`${baseUrl}/inovasi`), 200);
      await page.getByRole('searchbox', { name: 'Cari inovasi' }).fill(MARK);
      await clickAndWaitForPage(page, page.getByRole('button', { name: 'Cari', exact: true }));
      const found = page.getByRole('main').getByRole('link', { name: title, exact: true });
      expectStatus(await clickAndWaitForPage(page, found), 200);
      assert.equal(new URL(page.url()).pathname, `/inovasi/${id}`);
      assert.equal((await page.getByRole('heading', { level: 1 }).innerText()).trim(), title);
      const background = page.getByRole('main').locator('section').filter({
        has: page.getByRole('heading', { name: 'Latar belakang dan masalah' }),
      });
      assert.match(await background.innerText(), /"pada jam kerja" & antre/);
      assert.match(await background.innerText(), /<tentang>/);
    },
  },
  {
    name: 'the editor keeps unsaved typing in the browser, and forgets it once saved',
    async run({ page, baseUrl }) {
      const title = `Catatan Peramban ${MARK}`;
      const key = 'lumbung-draft:demo-operator|/ruang-kerja/inovasi';
      // The editor keeps its copy a moment after the typing stops.
      const kept = (text) =>
        page.waitForFunction(([k, t]) => (localStorage.getItem(k) ?? '').includes(t), [key, text]);
      await signIn(page, baseUrl, 'demo-operator', DEMO_PASSWORD);
      const openNew = async () => {
        expectStatus(await page.goto(`${baseUrl}/ruang-kerja`), 200);
        const add = page.getByRole('link', { name: 'Tambah inovasi', exact: true });
        await clickAndWaitForPage(page, add);
      };
      const restore = page.getByRole('button', { name: 'Pulihkan', exact: true });

      // Typed, left unsaved: coming back offers it again.
      await openNew();
      assert.equal(await restore.count(), 0, 'a first visit offers nothing to restore');
      await page.getByLabel('Nama inovasi', { exact: true }).fill(title);
      await kept(title);
      await openNew();
      assert.equal(await page.getByLabel('Nama inovasi', { exact: true }).inputValue(), '');
      await restore.click();
      assert.equal(await page.getByLabel('Nama inovasi', { exact: true }).inputValue(), title);

      // Saved: the server has it, and a new innovation starts blank with nothing to restore.
      await page.getByLabel('Nama inovasi', { exact: true }).press('End');
      await page.getByLabel('Nama inovasi', { exact: true }).pressSequentially(' A');
      await kept(`${title} A`);
      const create = page.getByRole('button', { name: 'Simpan draf baru', exact: true });
      expectStatus(await clickAndWaitForPage(page, create), 200);
      const heading = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
      assert.equal(heading, `${title} A`);
      await openNew();
      assert.equal(
        await restore.count(),
        0,
        `after "${title} A" was saved, a new innovation offers to restore it (a duplicate)`,
      );
    },
  },
  {
    name: 'the team returns a submission with a reason, which the operator sees',
    timeout: 90_000,
    async run({ page, baseUrl, newContext }) {
      const title = `Antrean Tanpa Kertas ${MARK}`;
      const reason = 'Data anggaran belum dilampirkan; lengkapi lalu ajukan lagi.';
      await signIn(page, baseUrl, 'demo-operator', DEMO_PASSWORD);
      const record = await createInnovation(page, baseUrl, title, READY_TO_SUBMIT);
      expectStatus(await pressStep(page, 'Ajukan'), 200);
      assert.equal(await recordStatus(page), 'Diajukan');

      // The team returns it; a reason is required.
      const team = await newSignedInPage(newContext, baseUrl, 'demo-tim');
      expectStatus(await team.goto(record), 200);
      const why = statusPanel(team).getByLabel('Alasan pengembalian', { exact: true });
      assert.notEqual(await why.getAttribute('required'), null, 'the reason is required');
      await why.fill(reason);
      expectStatus(await pressStep(team, 'Kembalikan dengan alasan'), 200);
      assert.equal(await recordStatus(team), 'Dikembalikan');
      await statusPanel(team).getByText(reason).waitFor();

      // The operator sees it returned, why, and can fix and submit it again.
      expectStatus(await page.goto(`${baseUrl}/ruang-kerja`), 200);
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
      assert.match(await row.innerText(), /Dikembalikan/);
      expectStatus(await clickAndWaitForPage(page, row.getByRole('link', { name: title })), 200);
      assert.equal(await recordStatus(page), 'Dikembalikan');
      await statusPanel(page).getByText(reason).waitFor();
      await statusPanel(page).getByRole('button', { name: 'Ajukan', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Simpan draf', exact: true }).waitFor();
    },
  },
  {
    name: 'the region team adds an agency and a user for it, who can then sign in',
    async run({ page, baseUrl, newContext }) {
      const agency = `Dinas Uji Peramban ${MARK}`;
      const username = `operator-${MARK}`.toLowerCase().replace(/[^a-z0-9-]/g, '');
      await signIn(page, baseUrl, 'demo-tim', DEMO_PASSWORD);
      expectStatus(await page.goto(`${baseUrl}/ruang-kerja/perangkat-daerah`), 200);
      // A bad e-mail is refused by name, and what was typed stays.
      await page.getByLabel('Nama perangkat daerah').fill(agency);
      await page.getByLabel('Surel kantor').fill('bukan surel');
      expectStatus(await clickAndWaitForPage(page, page.getByRole('button', { name: 'Tambah perangkat daerah' })), 422);
      await page.getByRole('alert').getByText('Surel kantor').waitFor();
      assert.equal(await page.getByLabel('Nama perangkat daerah').inputValue(), agency);
      await page.getByLabel('Surel kantor').fill('uji@lumbungsejahtera.example');
      expectStatus(await clickAndWaitForPage(page, page.getByRole('button', { name: 'Tambah perangkat daerah' })), 200);
      await page.getByRole('link', { name: agency }).waitFor();

      expectStatus(await page.goto(`${baseUrl}/ruang-kerja/pengguna`), 200);
      await page.getByLabel('Nama pengguna', { exact: true }).fill(username);
      await page.getByLabel('Nama lengkap').fill('Operator Uji');
      await page.getByLabel('Surel', { exact: true }).fill(`${username}@lumbungsejahtera.example`);
      await page.getByLabel('Kata sandi awal').fill('sandi-uji-yang-panjang-1');
      await page.getByLabel('Peran', { exact: true }).selectOption('agency_operator');
      await page.getByLabel('Perangkat daerah', { exact: true }).selectOption({ label: agency });
      expectStatus(await clickAndWaitForPage(page, page.getByRole('button', { name: 'Tambah pengguna' })), 200);
      await page.getByRole('cell', { name: username, exact: true }).waitFor();

      const operator = await (await newContext()).newPage();
      await signIn(operator, baseUrl, username, 'sandi-uji-yang-panjang-1');
      await operator.getByRole('heading', { name: `Inovasi ${agency}` }).waitFor();
    },
  },
];
