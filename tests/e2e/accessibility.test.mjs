// Accessibility: axe-core (WCAG 2.1 A and AA; serious and critical violations fail) over every
// kind of page, public and workspace, in the states people meet them in (with and without
// results, with errors, with step buttons); and the keyboard: the skip link and signing in
// without a mouse.

import assert from 'node:assert/strict';

import {
  AccessibilityAudit,
  DEMO_PASSWORD,
  READY_TO_SUBMIT,
  clickAndWaitForPage,
  createInnovation,
  expectStatus,
  fillEditor,
  newSignedInPage,
  pressStep,
  signIn,
  statusPanel,
} from './support.mjs';

// Facts about the element that has the focus now.
function focused(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      text: element.textContent.trim().slice(0, 60),
      inMain: element.closest('main') !== null,
      onScreen: box.width > 0 && box.height > 0 && box.left >= 0 && box.top >= 0 &&
        box.right <= innerWidth && box.bottom <= innerHeight,
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    };
  });
}

export const tests = [
  {
    name: 'public pages have no serious accessibility violations',
    timeout: 90_000,
    async run({ page, baseUrl, newPhonePage }) {
      const audit = new AccessibilityAudit();
      const visit = async (path, label, status = 200) => {
        expectStatus(await page.goto(`${baseUrl}${path}`), status);
        await audit.check(page, label);
      };
      await visit('/', 'beranda');
      await visit('/inovasi?q=layanan', 'katalog dengan hasil');
      const innovationPath = await page
        .getByRole('main')
        .getByRole('heading', { level: 3 })
        .getByRole('link')
        .first()
        .getAttribute('href');
      await visit('/inovasi?q=zzqxwv', 'katalog tanpa hasil');
      await visit(innovationPath, 'halaman inovasi');
      const agencyPath = await page
        .getByRole('navigation', { name: 'Jejak halaman' })
        .getByRole('link')
        .last()
        .getAttribute('href');
      await visit('/perangkat-daerah', 'daftar perangkat daerah');
      await visit(agencyPath, 'halaman perangkat daerah');
      await visit('/data-terbuka', 'data terbuka');
      await visit('/masuk', 'masuk');
      await visit('/halaman-yang-tidak-ada', 'halaman 404', 404);

      // The home page in English (its language link is Indonesian: lang="id").
      await page.goto(`${baseUrl}/bahasa/en?kembali=%2F`);
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      await audit.check(page, 'home (English)');

      // And on a phone.
      const phone = await newPhonePage();
      for (const [path, label] of [
        ['/', 'beranda di ponsel'],
        ['/inovasi?q=layanan', 'katalog di ponsel'],
        [innovationPath, 'halaman inovasi di ponsel'],
      ]) {
        expectStatus(await phone.goto(`${baseUrl}${path}`), 200);
        await audit.check(phone, label);
      }
      audit.assertClean();
    },
  },
  {
    name: 'workspace pages have no serious accessibility violations, for operator, head and team',
    timeout: 120_000,
    async run({ page, baseUrl, newContext }) {
      const audit = new AccessibilityAudit();

      // The operator: dashboard, a blank editor, an editor that failed to save, a draft's
      // record page with "Ajukan", and the same after "Ajukan" refused.
      const operator = page;
      await signIn(operator, baseUrl, 'demo-operator', DEMO_PASSWORD);
      await audit.check(operator, 'ruang kerja operator');
      await clickAndWaitForPage(operator, operator.getByRole('link', { name: 'Tambah inovasi' }));
      await audit.check(operator, 'editor baru');
      await fillEditor(operator, { 'Nama inovasi': 'Uji aksesibilitas', 'Tahun inisiasi': '20x4' });
      const create = operator.getByRole('button', { name: 'Simpan draf baru' });
      expectStatus(await clickAndWaitForPage(operator, create), 422);
      await operator.getByRole('alert').waitFor();
      await audit.check(operator, 'editor baru dengan galat');
      await createInnovation(operator, baseUrl, 'Uji aksesibilitas draf');
      await statusPanel(operator).getByRole('button', { name: 'Ajukan' }).waitFor();
      await audit.check(operator, 'halaman rekaman draf dengan tombol Ajukan');
      expectStatus(await pressStep(operator, 'Ajukan'), 422);
      await audit.check(operator, 'halaman rekaman setelah Ajukan ditolak');

      // A submission for the head and the team to act on.
      const submitted = await createInnovation(
        operator,
        baseUrl,
        'Uji aksesibilitas diajukan',
        READY_TO_SUBMIT,
      );
      expectStatus(await pressStep(operator, 'Ajukan'), 200);
      await audit.check(operator, 'halaman rekaman yang diajukan (operator)');

      // The agency head: dashboard and the record page with "Setujui".
      const head = await newSignedInPage(newContext, baseUrl, 'demo-kepala');
      await audit.check(head, 'ruang kerja kepala perangkat daerah');
      expectStatus(await head.goto(submitted), 200);
      await audit.check(head, 'halaman rekaman dengan tombol Setujui');
      // Checked after the audits, so that a missing button does not hide their findings.
      const headSteps = await statusPanel(head).getByRole('button').allInnerTexts();

      // The region's team: dashboard and the record page with "Kembalikan dengan alasan".
      const team = await newSignedInPage(newContext, baseUrl, 'demo-tim');
      await audit.check(team, 'ruang kerja tim inovasi daerah');
      expectStatus(await team.goto(submitted), 200);
      await statusPanel(team).getByRole('button', { name: 'Kembalikan dengan alasan' }).waitFor();
      await audit.check(team, 'halaman rekaman dengan tombol langkah tim');
      // The region's agencies and users, with their forms to add one.
      expectStatus(await team.goto(`${baseUrl}/ruang-kerja/perangkat-daerah`), 200);
      await audit.check(team, 'perangkat daerah wilayah');
      expectStatus(await team.goto(`${baseUrl}/ruang-kerja/perangkat-daerah/1`), 200);
      await audit.check(team, 'ubah perangkat daerah');
      expectStatus(await team.goto(`${baseUrl}/ruang-kerja/pengguna`), 200);
      await audit.check(team, 'pengguna wilayah');
      // The likely duplicates of the region, with their table of pairs.
      expectStatus(await team.goto(`${baseUrl}/ruang-kerja/duplikat`), 200);
      await team.getByRole('heading', { level: 1, name: 'Kemungkinan duplikat' }).waitFor();
      await audit.check(team, 'kemungkinan duplikat');
      audit.assertClean();
      assert.ok(headSteps.includes('Setujui'), `the head's record page offers: ${headSteps}`);
    },
  },
  {
    name: 'the editor ties every hint and error to its field',
    async run({ page, baseUrl }) {
      await signIn(page, baseUrl, 'demo-operator', DEMO_PASSWORD);
      // Every control that has a hint (<p class="hint" id=…> in its field) or an error must name
      // it in aria-describedby, so that a screen reader reads it with the field.
      const untied = () =>
        page.getByRole('main').locator('form.editor').evaluate((form) => {
          const problems = [];
          for (const field of form.querySelectorAll('.field')) {
            const label = field.querySelector('label');
            const control = label && form.querySelector(`[id="${label.htmlFor}"]`);
            if (!control) continue;
            const described = (control.getAttribute('aria-describedby') ?? '').split(/\s+/);
            for (const note of field.querySelectorAll('.hint[id], .field-error[id]')) {
              if (!described.includes(note.id)) {
                problems.push(`"${label.textContent.trim()}" (#${control.id}) lacks #${note.id}`);
              }
            }
          }
          return problems;
        });
      expectStatus(await page.goto(`${baseUrl}/ruang-kerja/inovasi/baru`), 200);
      const blank = await untied();
      await fillEditor(page, { 'Nama inovasi': 'Uji petunjuk', 'Tahun inisiasi': '20x4' });
      expectStatus(
        await clickAndWaitForPage(page, page.getByRole('button', { name: 'Simpan draf baru' })),
        422,
      );
      const failed = await untied();
      assert.deepEqual(
        [...new Set([...blank, ...failed])],
        [],
        'hints and errors not in the aria-describedby of their field',
      );
    },
  },
  {
    name: 'the skip link is the first Tab stop and moves the focus to the main content',
    async run({ page, baseUrl }) {
      for (const path of ['/', '/inovasi']) {
        expectStatus(await page.goto(`${baseUrl}${path}`), 200);
        await page.keyboard.press('Tab');
        const first = await focused(page);
        assert.equal(first.tag, 'a', `${path}: the first Tab stop is a link (${first.text})`);
        assert.equal(first.text, 'Langsung ke isi', `${path}: the first Tab stop`);
        assert.ok(first.onScreen, `${path}: the focused skip link shows on screen`);
        await page.keyboard.press('Enter');
        await page.waitForURL((url) => url.hash === '#isi');
        const main = await focused(page);
        assert.equal(main.tag, 'main', `${path}: Enter on the skip link focuses <main>`);
        await page.keyboard.press('Tab');
        const next = await focused(page);
        const where = `${next.tag}#${next.id}`;
        assert.ok(next.inMain, `${path}: the next Tab stop is in the main content (${where})`);
      }
    },
  },
  {
    name: 'the sign-in form is filled and sent with the keyboard alone',
    async run({ page, baseUrl }) {
      expectStatus(await page.goto(`${baseUrl}/masuk`), 200);
      // Skip link, then into the form.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      let at = await focused(page);
      assert.equal(at.id, 'username', `the field after the skip link (got ${at.tag}#${at.id})`);
      assert.ok(at.outline, 'the focused field shows a focus outline');
      await page.keyboard.type('demo-operator');
      await page.keyboard.press('Tab');
      at = await focused(page);
      assert.equal(at.id, 'password', `Tab goes on to the password (got ${at.tag}#${at.id})`);
      await page.keyboard.type(DEMO_PASSWORD);
      const navigated = page.waitForURL((url) => url.pathname === '/ruang-kerja');
      await page.keyboard.press('Enter');
      await navigated;
      await page.getByText('Masuk sebagai').waitFor();
      assert.match(await page.getByText('Masuk sebagai').innerText(), /demo-operator/);
      // The way out is reachable by keyboard too.
      const signOut = page.getByRole('button', { name: 'Keluar', exact: true });
      await signOut.focus();
      const leaving = page.waitForURL((url) => url.pathname === '/');
      await page.keyboard.press('Enter');
      await leaving;
      assert.equal(await signOut.count(), 0, 'signed out');
    },
  },
];
