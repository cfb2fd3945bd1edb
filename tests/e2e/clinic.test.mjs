// The innovation clinic in the demo region, as its people use it: an operator takes a new
// innovation from drum-up to display, the clinic's facilitator validates the idea and the
// action plan, and the region's team opens the page of the yearly target.

import assert from 'node:assert/strict';

import {
  checkAccessibility,
  clickAndWaitForPage,
  createInnovation,
  dashboardSection,
  expectStatus,
  newSignedInPage,
} from './support.mjs';

const TITLE = `Klinik Remaja ${Date.now().toString(36)}`;

// Today in the demo region (WIB, UTC+7), as the server dates what happens today.
function todayInJakarta() {
  return new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

function clinicPanel(page) {
  return page.getByRole('region', { name: 'Klinik inovasi: tahap 5D' });
}

// Opens the clinic form headed `heading`, fills `fields` (label -> value; selects by option
// label) and records it; returns the response of the page it leads to.
async function record(page, heading, fields) {
  const form = clinicPanel(page).locator('details').filter({ hasText: heading });
  if ((await form.count()) === 0) {
    const offered = await clinicPanel(page).locator('details summary').allInnerTexts();
    throw new Error(`record: no "${heading}" form on ${page.url()} (offered: ${offered})`);
  }
  await form.locator('summary').click();
  for (const [label, value] of Object.entries(fields)) {
    const control = form.getByLabel(label, { exact: true });
    const tag = await control.evaluate((element) => element.tagName.toLowerCase());
    if (tag === 'select') await control.selectOption({ label: value });
    else await control.fill(value);
  }
  return clickAndWaitForPage(page, form.getByRole('button', { name: 'Catat', exact: true }));
}

async function advance(page, stage) {
  const button = clinicPanel(page).getByRole('button', { name: `Maju ke tahap ${stage}` });
  return clickAndWaitForPage(page, button);
}

async function currentStage(page) {
  return (await clinicPanel(page).locator('[aria-current="step"]').innerText()).trim();
}

export const tests = [
  {
    name: 'an innovation goes from drum-up to display with the facilitator validating',
    timeout: 120_000,
    async run({ newContext, baseUrl }) {
      const operator = await newSignedInPage(newContext, baseUrl, 'demo-operator');
      const facilitator = await newSignedInPage(newContext, baseUrl, 'demo-fasilitator');
      const today = todayInJakarta();
      const url = await createInnovation(operator, baseUrl, TITLE, {
        Ringkasan: 'Posyandu sore untuk remaja di kelurahan.',
      });
      assert.equal(await currentStage(operator), 'Penjaringan (drum-up)');
      expectStatus(await advance(operator, 'Diagnosis'), 200);
      assert.equal(await currentStage(operator), 'Diagnosis');
      // The operator cannot validate, and the gate says who must.
      assert.match(await clinicPanel(operator).innerText(), /belum divalidasi fasilitator/);
      const forms = await clinicPanel(operator).locator('details summary').allInnerTexts();
      assert.ok(!forms.includes('Validasi fasilitator'), forms.join(', '));

      // The facilitator finds it waiting, asks for a revision, then accepts.
      expectStatus(await facilitator.goto(`${baseUrl}/ruang-kerja`), 200);
      const queue = dashboardSection(facilitator, 'Menunggu validasi Anda');
      await clickAndWaitForPage(facilitator, queue.getByRole('link', { name: TITLE }));
      await checkAccessibility(facilitator, 'halaman inovasi dengan panel klinik');
      const bad = await record(facilitator, 'Validasi fasilitator', {
        Tanggal: '2999-01-01',
        'Cara validasi': 'Presentasi dan review',
        Keputusan: 'Perlu perbaikan',
        Catatan: 'Pertajam sasaran remaja putus sekolah.',
      });
      expectStatus(bad, 422);
      assert.match(await facilitator.getByRole('alert').first().innerText(), /masa depan/);
      const form = clinicPanel(facilitator).locator('details[open]');
      assert.equal(
        await form.getByLabel('Catatan', { exact: true }).inputValue(),
        'Pertajam sasaran remaja putus sekolah.',
      );
      await form.getByLabel('Tanggal', { exact: true }).fill(today);
      expectStatus(
        await clickAndWaitForPage(facilitator, form.getByRole('button', { name: 'Catat' })),
        200,
      );
      assert.match(await clinicPanel(facilitator).innerText(), /Perlu perbaikan/);
      expectStatus(
        await record(facilitator, 'Validasi fasilitator', {
          Tanggal: today,
          'Cara validasi': 'Konsultasi (desk consultation)',
          Keputusan: 'Diterima',
        }),
        200,
      );

      // Design: the plan, the facilitator's acceptance, then deliver.
      expectStatus(await operator.goto(url), 200);
      expectStatus(await advance(operator, 'Perancangan'), 200);
      expectStatus(
        await record(operator, 'Rencana aksi, pemangku kepentingan, dan strategi komunikasi', {
          'Rencana aksi': 'Tiga bulan uji coba di dua kelurahan.',
          'Pemetaan pemangku kepentingan': 'Puskesmas, sekolah, karang taruna.',
          'Strategi komunikasi': 'Media sosial sekolah dan grup warga.',
        }),
        200,
      );
      expectStatus(await facilitator.goto(url), 200);
      expectStatus(
        await record(facilitator, 'Validasi fasilitator', {
          Tanggal: today,
          'Cara validasi': 'Presentasi dan review',
          Keputusan: 'Diterima',
        }),
        200,
      );
      expectStatus(await operator.goto(url), 200);
      expectStatus(await advance(operator, 'Penerapan (deliver)'), 200);
      expectStatus(await record(operator, 'Peluncuran', { Tanggal: today }), 200);
      expectStatus(
        await record(operator, 'Monitoring', {
          Tanggal: today,
          'Cara monitoring': 'Langsung: survei lapangan',
          Temuan: 'Empat puluh remaja datang di pekan pertama.',
        }),
        200,
      );
      expectStatus(await advance(operator, 'Diseminasi (display)'), 200);
      expectStatus(
        await record(operator, 'Kegiatan pameran (display)', {
          Tanggal: today,
          'Jenis kegiatan': 'Pameran inovasi',
          'Nama kegiatan': 'Pekan Inovasi Daerah',
          'Masukan yang diperoleh': 'Dua kecamatan ingin mereplikasi.',
        }),
        200,
      );
      assert.equal(await currentStage(operator), 'Diseminasi (display)');
      const journal = await clinicPanel(operator).locator('.journal > li').allInnerTexts();
      assert.equal(journal.length, 11, journal.join('\n'));
      assert.match(journal[journal.length - 1], /Maju ke tahap Diagnosis/);
      assert.match(journal[0], /Pekan Inovasi Daerah/);
    },
  },
  {
    name: 'the region team sees who met this year\u2019s target',
    async run({ newContext, baseUrl }) {
      const team = await newSignedInPage(newContext, baseUrl, 'demo-tim');
      expectStatus(await team.goto(`${baseUrl}/ruang-kerja`), 200);
      await clickAndWaitForPage(
        team,
        team.getByRole('link', { name: 'Target satu perangkat daerah satu inovasi' }),
      );
      await team.getByRole('heading', { level: 1, name: /Target satu perangkat daerah/ }).waitFor();
      assert.match(await team.locator('.lead').innerText(), /perangkat daerah dan BUMD memenuhi/);
      assert.ok((await team.locator('table').first().locator('tbody tr').count()) > 0);
      await checkAccessibility(team, 'halaman target tahunan');
    },
  },
];
