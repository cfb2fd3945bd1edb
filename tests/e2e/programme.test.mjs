// The region's innovation programme in the demo region, as its people use it: the facilitator
// schedules a coaching clinic and records its advice, the region's team records its
// implementation team and the year's evaluation of an innovation, an operator keeps its own
// agency's team and says that one of its innovations rests for a while. Also: the pages pass
// axe, a juror may not see the programme, and an anonymous visitor is sent to sign in.

import assert from 'node:assert/strict';

import {
  AccessibilityAudit,
  clickAndWaitForPage,
  createInnovation,
  expectStatus,
  newSignedInPage,
} from './support.mjs';

const STAMP = Date.now().toString(36);

// Today and tomorrow in the demo region (WIB, UTC+7), as the server dates what happens today.
function dayInJakarta(offsetDays = 0) {
  const ms = Date.now() + 7 * 3600 * 1000 + offsetDays * 24 * 3600 * 1000;
  return new Date(ms).toISOString().slice(0, 10);
}

function main(page) {
  return page.getByRole('main');
}

// The page's one data form (the header's sign-out form is outside <main>).
function mainForm(page) {
  return main(page).locator('form.form').first();
}

// Presses the form's save button ("Simpan draf" today; see the report) and waits for the page.
function save(page, form) {
  return clickAndWaitForPage(page, form.getByRole('button', { name: /^Simpan/ }));
}

// Fills controls by their visible labels: a select by the label of its option.
async function fill(form, fields) {
  for (const [label, value] of Object.entries(fields)) {
    const control = form.getByLabel(label, { exact: true });
    const tag = await control.evaluate((element) => element.tagName.toLowerCase());
    if (tag === 'select') await control.selectOption({ label: value });
    else await control.fill(value);
  }
}

// The text of the page's error summary (role=alert), or '' when there is none.
async function alertText(page) {
  const alerts = await main(page).getByRole('alert').allInnerTexts();
  return alerts.join(' / ');
}

// The activity list's lead sentence, as numbers.
async function activitySummary(page) {
  const text = (await main(page).locator('.lead').innerText()).trim();
  const match =
    /(\d+) sesi klinik dan (\d+) pelatihan, ([\d.]+) peserta dari (\d+) perangkat daerah/.exec(
      text,
    );
  assert.ok(match, `no activity summary in "${text}"`);
  return {
    sessions: Number(match[1]),
    trainings: Number(match[2]),
    participants: Number(match[3].replaceAll('.', '')),
    agencies: Number(match[4]),
    text,
  };
}

// The round's lead sentence: { evaluated, total }.
async function roundSummary(page) {
  const text = (await main(page).locator('.lead').innerText()).trim();
  const match = /(\d+) dari (\d+) inovasi sudah dievaluasi/.exec(text);
  assert.ok(match, `no round summary in "${text}"`);
  return { evaluated: Number(match[1]), total: Number(match[2]), text };
}

// The check boxes of the innovations discussed, grouped by agency as the form shows them:
// [{ agency, titles: [...] }], keeping only titles that appear once in the whole form.
async function innovationGroups(form) {
  const groups = await form.locator('#f-innovations .scroll-box').evaluate((box) => {
    const found = [];
    for (const element of box.children) {
      if (element.matches('p.group-label')) {
        found.push({ agency: element.textContent.trim(), titles: [] });
      } else if (element.matches('span.check') && found.length > 0) {
        found.at(-1).titles.push(element.querySelector('label').textContent.trim());
      }
    }
    return found;
  });
  const seen = new Map();
  for (const title of groups.flatMap((group) => group.titles)) {
    seen.set(title, (seen.get(title) ?? 0) + 1);
  }
  return groups
    .map((group) => ({ ...group, titles: group.titles.filter((title) => seen.get(title) === 1) }))
    .filter((group) => group.titles.length > 0);
}

function tableRow(page, text) {
  return main(page).locator('tbody tr').filter({ hasText: text });
}

function programmePanel(page) {
  return page.getByRole('region', { name: 'Keberlanjutan dan evaluasi' });
}

export const tests = [
  {
    name: 'the facilitator schedules a coaching clinic and records its advice',
    timeout: 90_000,
    async run({ newContext, baseUrl }) {
      const page = await newSignedInPage(newContext, baseUrl, 'demo-fasilitator');
      const today = dayInJakarta();
      const title = `Coaching clinic inovasi pelayanan ${STAMP}`;
      expectStatus(await page.goto(`${baseUrl}/ruang-kerja`), 200);
      expectStatus(
        await clickAndWaitForPage(
          page,
          page.getByRole('link', { name: 'Klinik dan pelatihan inovasi', exact: true }),
        ),
        200,
      );
      const heading = /^Klinik dan pelatihan inovasi \d{4}$/;
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await main(page).getByRole('heading', { level: 2, name: 'Jadwalkan kegiatan' }).waitFor();
      const before = await activitySummary(page);

      // Two agencies served, an innovation of the first, and one of a third, not served.
      let form = mainForm(page);
      const groups = await innovationGroups(form);
      assert.ok(groups.length >= 3, `too few agencies with innovations: ${groups.length}`);
      const [first, second, unserved] = groups;
      const discussed = first.titles[0];
      const stray = unserved.titles[0];
      await fill(form, {
        'Jenis kegiatan': 'Coaching clinic',
        Judul: title,
        Tanggal: today,
        Tempat: 'Aula Bappeda',
        [first.agency]: '7',
        [second.agency]: '5',
      });
      await form.getByRole('checkbox', { name: discussed, exact: true }).check();
      await form.getByRole('checkbox', { name: stray, exact: true }).check();
      expectStatus(await save(page, form), 422);

      // Refused: the message is beside the innovations, and everything typed is kept.
      form = mainForm(page);
      const beside = await form.locator('#f-innovations .field-error').innerText();
      assert.match(beside, /milik perangkat daerah yang tidak dilayani kegiatan ini/);
      assert.ok(beside.includes(stray), `the message does not name "${stray}": ${beside}`);
      assert.match(await alertText(page), /Inovasi yang dibahas/);
      assert.equal(await form.getByLabel('Judul', { exact: true }).inputValue(), title);
      assert.equal(await form.getByLabel('Tanggal', { exact: true }).inputValue(), today);
      assert.equal(await form.getByLabel(first.agency, { exact: true }).inputValue(), '7');
      assert.equal(await form.getByLabel(second.agency, { exact: true }).inputValue(), '5');
      assert.ok(await form.getByRole('checkbox', { name: discussed, exact: true }).isChecked());
      const kind = form.getByLabel('Jenis kegiatan', { exact: true });
      assert.equal(await kind.locator('option:checked').innerText(), 'Coaching clinic');

      // Corrected: only the innovation of a served agency.
      await form.getByRole('checkbox', { name: stray, exact: true }).uncheck();
      expectStatus(await save(page, form), 200);
      assert.equal(new URL(page.url()).pathname, '/ruang-kerja/kegiatan');
      assert.match(await main(page).getByRole('status').first().innerText(), /Kegiatan tersimpan/);
      let row = tableRow(page, title);
      assert.equal(await row.count(), 1);
      let cells = (await row.locator('td').allInnerTexts()).map((cell) => cell.trim());
      assert.equal(cells[0], today);
      assert.equal(cells[1], 'Coaching clinic');
      assert.ok(cells[3].includes(first.agency) && cells[3].includes(second.agency), cells[3]);
      assert.equal(cells[4], '12');
      assert.equal(cells[5], '1');
      assert.equal(cells[6], 'Saran belum dicatat');
      const after = await activitySummary(page);
      assert.equal(after.sessions, before.sessions + 1, `${before.text} → ${after.text}`);
      assert.equal(after.trainings, before.trainings, `${before.text} → ${after.text}`);
      const change = `${before.text} → ${after.text}`;
      assert.equal(after.participants, before.participants + 12, change);

      // Opened: advice cannot be given for a date still to come...
      expectStatus(
        await clickAndWaitForPage(page, row.getByRole('link', { name: title, exact: true })),
        200,
      );
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      form = mainForm(page);
      const advice = 'Pertajam indikator keberhasilan dan libatkan kelurahan sejak uji coba.';
      await fill(form, { Tanggal: dayInJakarta(1), 'Saran yang diberikan': advice });
      expectStatus(await save(page, form), 422);
      form = mainForm(page);
      assert.match(
        await form.locator('#f-advice-error').innerText(),
        /Saran dicatat setelah kegiatan berlangsung/,
      );
      assert.equal(await form.getByLabel('Saran yang diberikan').inputValue(), advice);

      // ... and is recorded once the date is the day it took place.
      await fill(form, { Tanggal: today });
      expectStatus(await save(page, form), 200);
      assert.match(await main(page).getByRole('status').first().innerText(), /Perubahan tersimpan/);
      form = mainForm(page);
      assert.equal(await form.getByLabel('Saran yang diberikan').inputValue(), advice);
      assert.equal(await form.getByLabel('Judul', { exact: true }).inputValue(), title);
      assert.equal(await form.getByLabel(first.agency, { exact: true }).inputValue(), '7');

      await clickAndWaitForPage(
        page,
        page
          .getByRole('navigation', { name: 'Jejak halaman' })
          .getByRole('link', { name: 'Klinik dan pelatihan inovasi', exact: true }),
      );
      row = tableRow(page, title);
      cells = (await row.locator('td').allInnerTexts()).map((cell) => cell.trim());
      assert.equal(cells[4], '12');
      assert.equal(cells[6], 'Terlaksana');
      const held = await activitySummary(page);
      assert.equal(held.sessions, before.sessions + 1, held.text);
      assert.equal(held.participants, before.participants + 12, held.text);

      // Removed again, the year's figures are as they were.
      await clickAndWaitForPage(page, row.getByRole('link', { name: title, exact: true }));
      expectStatus(
        await clickAndWaitForPage(
          page,
          main(page).getByRole('button', { name: 'Hapus kegiatan ini', exact: true }),
        ),
        200,
      );
      assert.match(await main(page).getByRole('status').first().innerText(), /Kegiatan dihapus/);
      assert.equal(await tableRow(page, title).count(), 0);
      const removed = await activitySummary(page);
      assert.equal(removed.sessions, before.sessions, removed.text);
      assert.equal(removed.participants, before.participants, removed.text);
    },
  },
  {
    name: 'the region team records its team; an operator keeps only its own agency\u2019s',
    async run({ newContext, baseUrl }) {
      const team = await newSignedInPage(newContext, baseUrl, 'demo-tim');
      const today = dayInJakarta();
      const decree = `188.45/${STAMP}/KEP/423.012/${today.slice(0, 4)}`;
      expectStatus(await team.goto(`${baseUrl}/ruang-kerja`), 200);
      await clickAndWaitForPage(
        team,
        team.getByRole('link', { name: 'Tim pelaksana inovasi', exact: true }),
      );
      await team.getByRole('heading', { level: 1, name: 'Tim pelaksana inovasi' }).waitFor();
      let form = mainForm(team);
      const unit = form.getByLabel('Unit', { exact: true });
      const units = await unit.locator('option').allInnerTexts();
      assert.equal(units[0], 'Tim pelaksana daerah');
      assert.ok(units.length > 1, 'the region team keeps the agencies\u2019 teams too');
      await fill(form, {
        Unit: 'Tim pelaksana daerah',
        'Nomor SK': decree,
        'Tanggal SK': today,
        Anggota: [
          'Ir. Sari Wulandari; Sekretaris Daerah; ketua',
          'Budi Hartono; Kepala Bappeda; sekretaris',
          'Rina Marlina; Analis Kebijakan',
        ].join('\n'),
      });
      expectStatus(
        await clickAndWaitForPage(team, form.getByRole('button', { name: 'Catat tim' })),
        200,
      );
      assert.match(await main(team).getByRole('status').first().innerText(), /Tim tersimpan/);
      const row = tableRow(team, decree);
      assert.equal(await row.count(), 1);
      const cells = (await row.locator('td').allInnerTexts()).map((cell) => cell.trim());
      assert.deepEqual(cells, ['Tim pelaksana daerah', decree, today, 'Ir. Sari Wulandari', '3']);
      // The latest decree is the region's current team; the earlier ones are marked replaced.
      const current = tableRow(team, 'Tim pelaksana daerah').filter({ hasNotText: 'digantikan' });
      assert.equal(await current.count(), 1);
      assert.match(await current.innerText(), new RegExp(decree.replaceAll('.', '\\.')));

      // The member written without a role is a member.
      await clickAndWaitForPage(team, row.getByRole('link', { name: decree, exact: true }));
      const heading = `Tim pelaksana daerah — ${decree}`;
      await team.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
      const members = await mainForm(team).getByLabel('Anggota', { exact: true }).inputValue();
      assert.match(members, /Ir\. Sari Wulandari; Sekretaris Daerah; ketua/);
      assert.match(members, /Budi Hartono; Kepala Bappeda; sekretaris/);
      assert.match(members, /Rina Marlina; Analis Kebijakan; anggota/);

      // A second decree with two chairs is refused, with what was typed kept.
      expectStatus(await team.goto(`${baseUrl}/ruang-kerja/tim`), 200);
      form = mainForm(team);
      const second = `${decree}-B`;
      const twoChairs = 'Andi Lubis; Sekretaris Daerah; ketua\nDewi Lestari; Kepala Bappeda; ketua';
      await fill(form, { 'Nomor SK': second, 'Tanggal SK': today, Anggota: twoChairs });
      expectStatus(
        await clickAndWaitForPage(team, form.getByRole('button', { name: 'Catat tim' })),
        422,
      );
      form = mainForm(team);
      assert.match(
        await form.locator('#f-members-error').innerText(),
        /Tim memiliki tepat satu ketua/,
      );
      assert.match(await alertText(team), /Anggota: .*tepat satu ketua/);
      assert.equal(
        (await form.getByLabel('Anggota', { exact: true }).inputValue()).trim(),
        twoChairs,
      );
      assert.equal(await form.getByLabel('Nomor SK', { exact: true }).inputValue(), second);
      assert.equal(await tableRow(team, second).count(), 0);

      // The operator may record only its own agency's team.
      const operator = await newSignedInPage(newContext, baseUrl, 'demo-operator');
      expectStatus(await operator.goto(`${baseUrl}/ruang-kerja`), 200);
      const headings = await main(operator).getByRole('heading', { level: 2 }).allInnerTexts();
      const own = headings.map((text) => /^Inovasi (.+)$/.exec(text.trim())).find(Boolean);
      assert.ok(own, `no "Inovasi <agency>" section on the operator's dashboard: ${headings}`);
      await clickAndWaitForPage(
        operator,
        operator.getByRole('link', { name: 'Tim pelaksana inovasi', exact: true }),
      );
      const offered = await mainForm(operator)
        .getByLabel('Unit', { exact: true })
        .locator('option')
        .allInnerTexts();
      assert.deepEqual(offered, [own[1]]);
    },
  },
  {
    name: 'the region team records an innovation\u2019s evaluation of the year',
    async run({ newContext, baseUrl }) {
      const team = await newSignedInPage(newContext, baseUrl, 'demo-tim');
      expectStatus(await team.goto(`${baseUrl}/ruang-kerja`), 200);
      await clickAndWaitForPage(
        team,
        team.getByRole('link', { name: 'Monitoring dan evaluasi', exact: true }),
      );
      const h1 = team.getByRole('heading', { level: 1, name: /^Monitoring dan evaluasi \d{4}$/ });
      await h1.waitFor();
      const year = (await h1.innerText()).trim().slice(-4);
      const before = await roundSummary(team);
      assert.ok(before.evaluated < before.total, before.text);

      const rows = main(team).locator('tbody tr');
      const pending = rows.filter({ hasText: 'Belum dievaluasi' }).first();
      const rowId = await pending.getAttribute('id');
      const title = (await pending.locator('td').first().innerText()).trim();
      expectStatus(
        await clickAndWaitForPage(team, pending.getByRole('link', { name: /^Catat evaluasi/ })),
        200,
      );
      assert.equal(new URL(team.url()).searchParams.get('tahun'), year);
      await team.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
      await main(team).getByRole('heading', { level: 2, name: `Evaluasi tahun ${year}` }).waitFor();

      // Without advice: refused, naming the advice, and the report kept.
      const report = `Layanan berjalan, tetapi petugas berganti dua kali (${STAMP}).`;
      let form = mainForm(team);
      await fill(form, { Kemajuan: 'Perlu perhatian', 'Laporan kemajuan': report });
      expectStatus(await save(team, form), 422);
      form = mainForm(team);
      assert.match(await alertText(team), /Saran perbaikan: Wajib diisi/);
      assert.match(await form.locator('#f-advice-error').innerText(), /Wajib diisi/);
      assert.equal(
        (await form.getByLabel('Laporan kemajuan', { exact: true }).inputValue()).trim(),
        report,
      );
      const progress = form.getByLabel('Kemajuan', { exact: true });
      assert.equal(await progress.locator('option:checked').innerText(), 'Perlu perhatian');

      const advice = `Tetapkan penanggung jawab tetap dan latih penggantinya (${STAMP}).`;
      await fill(form, { 'Saran perbaikan': advice });
      expectStatus(await save(team, form), 200);
      assert.equal(new URL(team.url()).pathname, '/ruang-kerja/monev');
      assert.match(await main(team).getByRole('status').first().innerText(), /Evaluasi tersimpan/);
      const after = await roundSummary(team);
      assert.equal(after.evaluated, before.evaluated + 1, `${before.text} → ${after.text}`);
      assert.equal(after.total, before.total, `${before.text} → ${after.text}`);
      const row = main(team).locator(`tr[id="${rowId}"]`);
      const cells = (await row.locator('td').allInnerTexts()).map((cell) => cell.trim());
      assert.equal(cells[3], 'Perlu perhatian');
      assert.equal(cells[4], advice);
      assert.match(cells[5], /^Ubah evaluasi/);

      // The innovation's record shows it.
      await clickAndWaitForPage(team, row.getByRole('link', { name: title, exact: true }));
      const panel = programmePanel(team);
      const results = await panel.locator('ol.history > li').allInnerTexts();
      const entry = results.find((text) => text.includes(report));
      assert.ok(entry, `the record's panel does not show the evaluation: ${results.join(' | ')}`);
      assert.match(entry, new RegExp(`^${year}: Perlu perhatian`));
      assert.ok(entry.includes(advice), entry);
    },
  },
  {
    name: 'an operator says one of its innovations rests for a while',
    async run({ newContext, baseUrl }) {
      const operator = await newSignedInPage(newContext, baseUrl, 'demo-operator');
      const today = dayInJakarta();
      const url = await createInnovation(operator, baseUrl, `Posyandu Lansia Keliling ${STAMP}`, {
        Ringkasan: 'Kader posyandu mendatangi lansia yang tidak dapat ke posyandu.',
      });
      let panel = programmePanel(operator);
      assert.match(await panel.locator('.continuation').innerText(), /^Berjalan$/);
      await clickAndWaitForPage(
        operator,
        panel.getByRole('link', { name: 'Ubah keberlanjutan', exact: true }),
      );
      await operator.getByRole('heading', { level: 1, name: 'Keberlanjutan inovasi' }).waitFor();

      // Dormant without a reason: refused, naming the reason.
      let form = mainForm(operator);
      await fill(form, { Keadaan: 'Tidak aktif sementara', 'Sejak tanggal': today });
      expectStatus(await save(operator, form), 422);
      form = mainForm(operator);
      assert.match(await alertText(operator), /Alasan: Wajib diisi/);
      assert.match(await form.locator('#f-reason-error').innerText(), /Wajib diisi/);
      assert.equal(await form.getByLabel('Sejak tanggal', { exact: true }).inputValue(), today);
      const state = form.getByLabel('Keadaan', { exact: true });
      assert.equal(await state.locator('option:checked').innerText(), 'Tidak aktif sementara');

      const reason = 'Kader penggerak pindah tugas; penggantinya sedang dilatih.';
      await fill(form, { Alasan: reason });
      expectStatus(await save(operator, form), 200);
      assert.equal(`${new URL(operator.url()).origin}${new URL(operator.url()).pathname}`, url);
      assert.match(
        await main(operator).getByRole('status').first().innerText(),
        /Keberlanjutan inovasi tersimpan/,
      );
      panel = programmePanel(operator);
      const said = (await panel.locator('p').first().innerText()).replace(/\s+/g, ' ').trim();
      assert.equal(said, `Tidak aktif sementara sejak ${today}: ${reason}`);
    },
  },
  {
    name: 'the programme pages pass axe, also with their errors shown',
    timeout: 90_000,
    async run({ newContext, baseUrl }) {
      const audit = new AccessibilityAudit();
      // The region's team sees every form of the programme but the continuation's.
      const team = await newSignedInPage(newContext, baseUrl, 'demo-tim');
      expectStatus(await team.goto(`${baseUrl}/ruang-kerja/kegiatan`), 200);
      await audit.check(team, 'klinik dan pelatihan');
      // Nothing filled in: refused, and nothing is written.
      expectStatus(await save(team, mainForm(team)), 422);
      await audit.check(team, 'klinik dan pelatihan, isian ditolak');

      expectStatus(await team.goto(`${baseUrl}/ruang-kerja/tim`), 200);
      await audit.check(team, 'tim pelaksana');
      expectStatus(
        await clickAndWaitForPage(
          team,
          mainForm(team).getByRole('button', { name: 'Catat tim', exact: true }),
        ),
        422,
      );
      await audit.check(team, 'tim pelaksana, isian ditolak');

      expectStatus(await team.goto(`${baseUrl}/ruang-kerja/monev`), 200);
      await audit.check(team, 'monitoring dan evaluasi');
      await clickAndWaitForPage(
        team,
        main(team)
          .locator('tbody tr')
          .first()
          .getByRole('link', { name: /^(Catat|Ubah) evaluasi/ }),
      );
      await audit.check(team, 'formulir evaluasi');
      const form = mainForm(team);
      await fill(form, { 'Laporan kemajuan': '', 'Saran perbaikan': '' });
      expectStatus(await save(team, form), 422);
      await audit.check(team, 'formulir evaluasi, isian ditolak');

      const operator = await newSignedInPage(newContext, baseUrl, 'demo-operator');
      expectStatus(await operator.goto(`${baseUrl}/ruang-kerja`), 200);
      const own = main(operator).locator('section').filter({ hasText: 'Tambah inovasi' });
      await clickAndWaitForPage(operator, own.locator('tbody a').first());
      await clickAndWaitForPage(
        operator,
        programmePanel(operator).getByRole('link', { name: 'Ubah keberlanjutan', exact: true }),
      );
      await audit.check(operator, 'formulir keberlanjutan');
      await fill(mainForm(operator), { Keadaan: 'Berhenti', Alasan: '' });
      expectStatus(await save(operator, mainForm(operator)), 422);
      await audit.check(operator, 'formulir keberlanjutan, isian ditolak');
      audit.assertClean();
    },
  },
  {
    name: 'a juror may not see the programme, an anonymous visitor signs in first',
    async run({ page, newContext, baseUrl }) {
      const juror = await newSignedInPage(newContext, baseUrl, 'demo-juri');
      expectStatus(await juror.goto(`${baseUrl}/ruang-kerja/kegiatan`), 403);
      await juror.getByRole('heading', { level: 1, name: 'Tidak diizinkan' }).waitFor();
      assert.equal(await main(juror).locator('form.form').count(), 0);

      expectStatus(await page.goto(`${baseUrl}/ruang-kerja/kegiatan`), 200);
      const url = new URL(page.url());
      assert.equal(url.pathname, '/masuk');
      assert.equal(url.searchParams.get('kembali'), '/ruang-kerja/kegiatan');
      await page.getByLabel('Nama pengguna', { exact: true }).waitFor();
    },
  },
];
