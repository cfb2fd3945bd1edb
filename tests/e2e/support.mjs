// Helpers for Lumbung's browser tests (tests/e2e/*.test.mjs): accessibility checks with axe-core,
// signing in and out through the HTML forms, waiting for the page a click leads to, status
// checks, the catalogue's result line, phone reflow, CSV, and the workspace (the editor and the
// record page's steps). The runner, run.mjs, hands each test its page and base URL; these helpers
// take them as arguments and hold no state of their own.

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder (two levels above this file). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the npm tools live, pinned by tools/package-lock.json (scripts/install-deps.sh). */
export const TOOLS_MODULES = join(ROOT, 'tools', 'node_modules');

/** axe-core's browser bundle, injected into pages by checkAccessibility(). */
export const AXE_PATH = join(TOOLS_MODULES, 'axe-core', 'axe.min.js');

/** Viewports: every test's own page is a desktop one; newPhoneContext() makes a phone one. */
export const DESKTOP_VIEWPORT = { width: 1280, height: 800 };
export const PHONE_VIEWPORT = { width: 390, height: 844 };

/** The password of every demo account (`lumbung serve --demo`; see README.md). */
export const DEMO_PASSWORD = 'coba-lumbung-demo';

// The WCAG 2.0 and 2.1 success criteria of levels A and AA, as axe-core tags its rules.
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Violations of these impacts fail a test; minor and moderate ones are left to review.
const FAILING_IMPACTS = new Set(['serious', 'critical']);

// How many target selectors of one violation an error message lists.
const TARGETS_SHOWN = 3;

/**
 * Runs axe-core on the page as it is now and throws an Error listing every serious or critical
 * violation of WCAG 2.0/2.1 A and AA: rule id, impact, help text and the first few elements.
 * `label` names the page or state in the message, e.g. 'beranda, menu terbuka'.
 */
export async function checkAccessibility(page, label) {
  await injectAxe(page);
  const results = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    WCAG_TAGS,
  );
  const failing = results.violations.filter((violation) => FAILING_IMPACTS.has(violation.impact));
  if (failing.length === 0) return;

  const lines = failing.map((violation) => {
    const targets = violation.nodes.slice(0, TARGETS_SHOWN).map((node) => node.target.join(' '));
    const more = violation.nodes.length - targets.length;
    return (
      `  ${violation.id} (${violation.impact}): ${violation.help}\n` +
      `    at ${targets.join(', ')}${more > 0 ? ` and ${more} more` : ''}`
    );
  });
  throw new Error(
    `accessibility: ${failing.length} serious or critical violation(s) on ${label}` +
      ` (${page.url()}):\n${lines.join('\n')}`,
  );
}

// axe-core's source, read once.
let axeSource = null;

// Puts axe-core into the page once. It is evaluated through the DevTools protocol, which the
// page's Content-Security-Policy (`script-src 'self'`) does not govern; page.addScriptTag()
// would make an inline <script> that the policy refuses, after a wasted round trip.
async function injectAxe(page) {
  if (await page.evaluate(() => typeof window.axe !== 'undefined')) return;
  axeSource ??= readFileSync(AXE_PATH, 'utf8');
  await page.evaluate(axeSource);
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    throw new Error(`accessibility: could not load axe-core into ${page.url()}`);
  }
}

/**
 * Signs in through the HTML sign-in page at /masuk: fills "Nama pengguna" and "Kata sandi",
 * presses "Masuk" and waits until the browser has left /masuk. Throws, with the page's alert
 * text if it shows one, when the sign-in does not go through.
 */
export async function signIn(page, baseUrl, username, password) {
  const signInUrl = new URL('/masuk', baseUrl);
  expectStatus(await page.goto(signInUrl.href), 200);
  await page.getByLabel('Nama pengguna', { exact: true }).fill(username);
  await page.getByLabel('Kata sandi', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  try {
    await page.waitForURL((url) => url.pathname !== signInUrl.pathname, { timeout: 10_000 });
  } catch {
    const alerts = await page.getByRole('alert').allInnerTexts();
    const said = alerts.length > 0 ? `; the page says: ${alerts.join(' / ')}` : '';
    throw new Error(`signIn: ${username} is still on ${page.url()} after pressing Masuk${said}`);
  }
}

/**
 * Throws unless `response` (from page.goto(), page.waitForResponse() or page.request) has the
 * HTTP status `code`; returns the response so that calls can be chained.
 */
export function expectStatus(response, code) {
  if (!response) {
    throw new Error(`expected HTTP ${code}, but there was no response (a same-page navigation?)`);
  }
  if (response.status() !== code) {
    const got = `${response.status()} ${response.statusText()}`;
    throw new Error(`expected HTTP ${code} from ${response.url()}, got ${got}`);
  }
  return response;
}

/**
 * Runs checkAccessibility() on many pages and reports them together: check() records what one
 * page violates and goes on, assertClean() throws one Error listing every page that failed.
 * A test that walks through many pages thus names all of them at once, not only the first.
 */
export class AccessibilityAudit {
  constructor() {
    this.problems = [];
    this.checked = 0;
  }

  async check(page, label) {
    this.checked += 1;
    try {
      await checkAccessibility(page, label);
    } catch (error) {
      this.problems.push(error.message);
    }
  }

  assertClean() {
    if (this.problems.length === 0) return;
    throw new Error(
      `${this.problems.length} of ${this.checked} page(s) failed the accessibility check:\n` +
        this.problems.join('\n'),
    );
  }
}

/**
 * Clicks `locator` (a link or a submit button) and waits until the page it leads to has loaded,
 * through any redirects; returns that page's response (use expectStatus on it). Waits for the
 * navigation itself, so that what follows never reads the page that was left.
 */
export async function clickAndWaitForPage(page, locator) {
  const mainFrame = page.mainFrame();
  const committed = page.waitForEvent('framenavigated', { predicate: (f) => f === mainFrame });
  const response = page.waitForResponse(
    (r) =>
      r.request().isNavigationRequest() &&
      r.frame() === mainFrame &&
      !(r.status() >= 300 && r.status() < 400),
  );
  await locator.click();
  const [final] = await Promise.all([response, committed]);
  await page.waitForLoadState('load');
  return final;
}

/** Signs out with the header's "Keluar" button and waits until the page says nobody is in. */
export async function signOut(page) {
  const button = page.getByRole('button', { name: 'Keluar', exact: true });
  await clickAndWaitForPage(page, button);
  if ((await button.count()) > 0) throw new Error(`signOut: "Keluar" is still on ${page.url()}`);
}

/**
 * A new desktop page signed in as `username` (a demo account, DEMO_PASSWORD), in a context of
 * its own: tests that need several people at once keep their sessions apart.
 */
export async function newSignedInPage(newContext, baseUrl, username) {
  const page = await (await newContext()).newPage();
  await signIn(page, baseUrl, username, DEMO_PASSWORD);
  return page;
}

/**
 * The catalogue's result line ("Menampilkan 21–40 dari 101 inovasi", "Showing 21–40 of 101
 * innovations") as numbers: { from, to, total, text }; from and to are null when the line shows
 * no range.
 */
export async function resultRange(page) {
  const line = page.getByRole('status').filter({ hasText: /^(Menampilkan|Showing)\b/ });
  const text = (await line.innerText()).trim();
  const range = /(-?\d+)\s*[–-]\s*(-?\d+)/.exec(text);
  const total = /(\d+)\s+(?:inovasi|innovations?)\s*$/.exec(text);
  if (!total) throw new Error(`resultRange: no total in "${text}"`);
  return {
    from: range ? Number(range[1]) : null,
    to: range ? Number(range[2]) : null,
    total: Number(total[1]),
    text,
  };
}

/**
 * Throws when the page is wider than its viewport, which on a phone means sideways scrolling
 * (WCAG 1.4.10, reflow); names the widest elements that stick out.
 */
export async function expectNoSideScroll(page, label) {
  const found = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return null;
    const wide = [];
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.right > width + 1 && box.width > 0) {
        const name = element.tagName.toLowerCase();
        const classes = element.className ? `.${element.className}` : '';
        wide.push(`${name}${classes} (${Math.round(box.right)} px)`);
      }
    }
    return { width, scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 5) };
  });
  if (found) {
    throw new Error(
      `${label} (${page.url()}) is ${found.scrollWidth} px wide in a ${found.width} px viewport;` +
        ` sticking out: ${found.wide.join(', ')}`,
    );
  }
}

/** Parses CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks) into rows. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

// ---- The workspace ----------------------------------------------------------------------------

/**
 * What an innovation needs before it can be submitted, as editor labels and values: fillEditor()
 * takes it. Selects are given by the label of their option.
 */
export const READY_TO_SUBMIT = {
  'Jenis inovasi': 'Proses',
  'Bentuk inovasi': 'Pelayanan publik',
  'Latar belakang dan masalah': 'Warga antre berjam-jam di kantor kelurahan untuk surat pengantar.',
  'Rancang bangun': 'Surat pengantar diajukan dari ponsel dan diperiksa petugas hari itu juga.',
  Tujuan: 'Memangkas waktu layanan dari tiga hari menjadi satu hari.',
  Manfaat: 'Warga tidak perlu datang ke kantor kelurahan.',
};

/**
 * Fills editor fields by their visible labels: `fields` maps a label to a value (for a select,
 * the label of the option to choose).
 */
export async function fillEditor(page, fields) {
  const form = page.getByRole('main').locator('form.editor');
  for (const [label, value] of Object.entries(fields)) {
    const control = form.getByLabel(label, { exact: true });
    const tag = await control.evaluate((element) => element.tagName.toLowerCase());
    if (tag === 'select') await control.selectOption({ label: value });
    else await control.fill(value);
  }
}

/**
 * Creates an innovation as the signed-in operator through "Tambah inovasi" on the dashboard,
 * with `fields` (see fillEditor) and `title`; returns the record page's address.
 */
export async function createInnovation(page, baseUrl, title, fields = {}) {
  expectStatus(await page.goto(`${baseUrl}/ruang-kerja`), 200);
  await clickAndWaitForPage(page, page.getByRole('link', { name: 'Tambah inovasi', exact: true }));
  await fillEditor(page, { 'Nama inovasi': title, ...fields });
  const saved = await clickAndWaitForPage(
    page,
    page.getByRole('button', { name: 'Simpan draf baru', exact: true }),
  );
  expectStatus(saved, 200);
  const url = new URL(page.url());
  if (!/^\/ruang-kerja\/inovasi\/\d+$/.test(url.pathname)) {
    const alerts = await page.getByRole('alert').allInnerTexts();
    throw new Error(`createInnovation: "${title}" was not created (${page.url()}): ${alerts}`);
  }
  return `${url.origin}${url.pathname}`;
}

/** The record page's "Status dan langkah" panel. */
export function statusPanel(page) {
  return page.getByRole('region', { name: 'Status dan langkah' });
}

/** The record's status as its panel shows it, e.g. "Draf", "Diajukan". */
export async function recordStatus(page) {
  return (await statusPanel(page).locator('.status').first().innerText()).trim();
}

/**
 * Presses a step button of the status panel ("Ajukan", "Setujui", ...) and waits for the page
 * it leads to; returns that page's response. A step that is not offered fails with the buttons
 * that are.
 */
export async function pressStep(page, name) {
  const panel = statusPanel(page);
  const button = panel.getByRole('button', { name, exact: true });
  if ((await button.count()) === 0) {
    const offered = await panel.getByRole('button').allInnerTexts();
    const status = await recordStatus(page).catch(() => '?');
    throw new Error(
      `pressStep: no "${name}" button on ${page.url()} (status ${status}; offered: ` +
        `${offered.length > 0 ? offered.join(', ') : 'none'})`,
    );
  }
  return clickAndWaitForPage(page, button);
}

/**
 * The workspace dashboard's section headed `heading` (e.g. "Antrean verifikasi"), as a locator.
 */
export function dashboardSection(page, heading) {
  return page
    .getByRole('main')
    .locator('section')
    .filter({ has: page.getByRole('heading', { level: 2, name: heading, exact: true }) });
}
