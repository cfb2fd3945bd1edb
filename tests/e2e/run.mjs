#!/usr/bin/env node
// Lumbung's browser tests: runs every tests/e2e/*.test.mjs against a real server in a real browser.
//
//   LUMBUNG_BIN=build/debug/apps/lumbung/lumbung node tests/e2e/run.mjs [TEXT...]
//
// With TEXT, only the tests whose full name ("FILE › NAME") holds one of the texts run
// (case-insensitive). CTest runs it as the test `e2e` (tests/CMakeLists.txt), which sets
// LUMBUNG_BIN.
//
// The runner makes a temporary folder, starts `lumbung serve --demo` on a fresh SQLite database
// there (which loads the demo region and its accounts) on a free port of 127.0.0.1, and drives
// Debian's Chromium (/usr/bin/chromium) through playwright-core from tools/node_modules, which
// downloads no browser. Each test gets a fresh browser context; on a failure, every page the
// test had open is saved to build/e2e-artifacts/ as a full-page screenshot and its HTML. The
// server's log goes to build/e2e-artifacts/server.log. At the end, also on a failure or a
// signal, the server is stopped and the temporary folder removed. The exit status is 0 only
// when every test passed and the server stopped cleanly (the debug build's AddressSanitizer
// reports leaks and errors through that status).
//
// A test file exports `tests`, an array of { name, run, timeout? }; see smoke.test.mjs:
//
//   export const tests = [
//     { name: 'healthz answers ok', async run({ page, baseUrl }) { ... } },
//   ];
//
// run() receives { page, context, baseUrl, browser, newContext, newPhoneContext, newPhonePage }
// and fails by throwing (node:assert, or the helpers of support.mjs).

import { spawn } from 'node:child_process';
import {
  accessSync,
  constants,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { AXE_PATH, DESKTOP_VIEWPORT, PHONE_VIEWPORT, ROOT, TOOLS_MODULES } from './support.mjs';

const E2E_DIR = dirname(fileURLToPath(import.meta.url));
const ARTIFACTS_DIR = join(ROOT, 'build', 'e2e-artifacts');
const CHROMIUM = '/usr/bin/chromium';

// Debian's Chromium, headless. --no-sandbox because tests may run as root (CI does); the others
// keep the browser from reaching out to the network or doing first-run work on its own.
const LAUNCH_OPTIONS = {
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
};

// Time limits. The server is a sanitizer build, so its start is given room; the limits are
// deadlines for things that signal when they are ready, not pauses.
const SERVER_START_TIMEOUT_MS = 60_000;
const SERVER_STOP_TIMEOUT_MS = 15_000;
const DEFAULT_TEST_TIMEOUT_MS = 60_000; // a test may set its own `timeout`
const ACTION_TIMEOUT_MS = 10_000; // clicks, fills, waits for a locator
const NAVIGATION_TIMEOUT_MS = 20_000; // page.goto and friends
const ARTIFACT_TIMEOUT_MS = 10_000;

// `lumbung serve` says where it listens on stderr: "lumbung: serving DB on http://HOST:PORT".
const SERVING_LINE = /^lumbung: serving .* on (http:\/\/[^\s:]+:(\d+))\s*$/;

// How many of the server's last log lines a failure message shows.
const SERVER_LOG_TAIL = 30;

// What must be cleaned up however the run ends; see cleanUpNow().
const running = { server: null, tmp: null };

// A problem the runner foresees (something missing, a server that does not start): its message
// says it all, without a stack trace.
class RunError extends Error {}

main().catch((error) => {
  console.error(`e2e: ${error instanceof RunError ? error.message : (error.stack ?? error)}`);
  process.exit(1);
});

async function main() {
  const started = performance.now();
  installExitHandlers();
  const filters = process.argv.slice(2).map((text) => text.toLowerCase());
  const bin = checkPrerequisites();
  // playwright-core lives in tools/node_modules, out of reach of this folder's own imports.
  const { chromium } = createRequire(join(ROOT, 'tools', 'package.json'))('playwright-core');

  // Load the tests first, so that a broken file is told before anything starts.
  const { tests, loadErrors } = await loadTests(filters);
  for (const { file, error } of loadErrors) console.log(`FAILED  ${file}: ${error.message}`);
  if (tests.length === 0 && loadErrors.length === 0) {
    const wanted = filters.length > 0 ? ` matching ${filters.join(', ')}` : '';
    throw new RunError(`no tests${wanted} in ${E2E_DIR}`);
  }

  // Old artifacts would be mistaken for this run's.
  rmSync(ARTIFACTS_DIR, { recursive: true, force: true });
  mkdirSync(ARTIFACTS_DIR, { recursive: true });

  running.tmp = mkdtempSync(join(tmpdir(), 'lumbung-e2e-'));
  const database = join(running.tmp, 'lumbung.db');
  const server = await startServer(bin, database, join(ARTIFACTS_DIR, 'server.log'));
  const browser = await chromium.launch(LAUNCH_OPTIONS);
  const ready = performance.now();
  console.log(
    `e2e: lumbung at ${server.baseUrl}, Chromium ${browser.version()}, ` +
      `ready in ${seconds(ready - started)}; ${tests.length} test(s)`,
  );

  let passed = 0;
  let failed = loadErrors.length;
  for (const test of tests) {
    const result = await runTest(browser, server, test);
    const time = `(${Math.round(result.ms)} ms)`;
    if (result.error) {
      failed += 1;
      console.log(`FAILED  ${test.fullName} ${time}`);
      console.log(describeError(result.error));
      for (const path of result.artifacts) console.log(`        saved ${path}`);
    } else {
      passed += 1;
      console.log(`ok      ${test.fullName} ${time}`);
    }
    for (const note of result.notes) console.log(`        note: ${note}`);
  }

  await browser.close();
  const stopped = await stopServer(server);
  running.server = null;
  rmSync(running.tmp, { recursive: true, force: true });
  running.tmp = null;

  let serverOk = true;
  if (stopped.early || stopped.code !== 0) {
    serverOk = false;
    const how = stopped.early ? 'stopped by itself during the tests' : 'did not stop cleanly';
    console.log(`FAILED  the server ${how} (${describeExit(stopped)}); its log: ${server.logPath}`);
    console.log(indent(server.tail.join('\n')));
  }
  console.log(`e2e: finished in ${seconds(performance.now() - started)}`);
  if (failed > 0) console.log(`e2e: artifacts of the failures are in ${ARTIFACTS_DIR}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && serverOk ? 0 : 1);
}

// Checks what the run needs and says how to get what is missing; returns the server binary.
function checkPrerequisites() {
  const install = 'run scripts/install-deps.sh (make test does)';
  const playwright = join(TOOLS_MODULES, 'playwright-core', 'package.json');
  if (!existsSync(playwright) || !existsSync(AXE_PATH)) {
    throw new RunError(`tools/node_modules lacks playwright-core or axe-core: ${install}`);
  }
  if (!existsSync(CHROMIUM)) throw new RunError(`${CHROMIUM} is missing: ${install}`);
  const bin = process.env.LUMBUNG_BIN;
  if (!bin) {
    const example = 'build/debug/apps/lumbung/lumbung';
    throw new RunError(`set LUMBUNG_BIN to the lumbung binary, for example ${example}`);
  }
  try {
    accessSync(bin, constants.X_OK);
  } catch {
    throw new RunError(`LUMBUNG_BIN=${bin} is not an executable file; build it first`);
  }
  return bin;
}

// The server and the temporary folder go away however the runner ends: normally, on an
// uncaught error (process.exit), or on SIGINT, SIGTERM or SIGHUP. playwright-core kills the
// browser it launched from its own exit handler.
function installExitHandlers() {
  process.on('exit', cleanUpNow);
  for (const [signal, number] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]]) {
    process.on(signal, () => {
      console.error(`e2e: ${signal}, stopping`);
      process.exit(128 + number);
    });
  }
}

// Synchronous, as 'exit' handlers must be: asks the server to stop and removes the folder.
function cleanUpNow() {
  if (running.server && running.server.exit === null) running.server.child.kill('SIGTERM');
  if (running.tmp) rmSync(running.tmp, { recursive: true, force: true });
}

// Imports every *.test.mjs of this folder and returns its tests that match the filters, each
// with its file, full name and a file-name-safe slug. A file that fails to load, or whose
// `tests` is malformed, is a load error (and fails the run).
async function loadTests(filters) {
  const files = readdirSync(E2E_DIR).filter((name) => name.endsWith('.test.mjs')).sort();
  const tests = [];
  const loadErrors = [];
  const slugs = new Set();
  for (const file of files) {
    const stem = basename(file, '.test.mjs');
    try {
      const module = await import(pathToFileURL(join(E2E_DIR, file)).href);
      if (!Array.isArray(module.tests)) throw new Error('exports no array `tests`');
      for (const [index, test] of module.tests.entries()) {
        if (typeof test?.name !== 'string' || test.name === '' || typeof test.run !== 'function') {
          throw new Error(`tests[${index}] is not { name: string, run: function }`);
        }
        const fullName = `${stem} › ${test.name}`;
        const slug = slugify(`${stem} ${test.name}`);
        if (slugs.has(slug)) throw new Error(`two tests are named like "${test.name}"`);
        slugs.add(slug);
        const lower = fullName.toLowerCase();
        if (filters.length > 0 && !filters.some((text) => lower.includes(text))) continue;
        tests.push({ ...test, file, fullName, slug });
      }
    } catch (error) {
      loadErrors.push({ file, error });
    }
  }
  return { tests, loadErrors };
}

// Starts `lumbung serve --demo` on a fresh database and resolves once it says where it serves.
// Its output goes to logPath; its last lines are kept for messages.
async function startServer(bin, dbPath, logPath) {
  const args = ['serve', '--demo', '--db', `sqlite:${dbPath}`, '--listen', '127.0.0.1:0'];
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const server = { child, logPath, tail: [], exit: null, baseUrl: null, exited: null };
  running.server = server; // from now on, cleanUpNow() stops it, even if it never says it serves
  const log = createWriteStream(logPath);
  server.exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      server.exit = { code, signal };
      resolve(server.exit);
    });
  });
  const lines = [child.stdout, child.stderr].map((input) => createInterface({ input }));
  const closed = lines.map((reader) => new Promise((resolve) => reader.on('close', resolve)));
  server.flushed = Promise.all(closed).then(() => new Promise((resolve) => log.end(resolve)));

  server.baseUrl = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      const limit = seconds(SERVER_START_TIMEOUT_MS);
      reject(new RunError(`lumbung did not start within ${limit}; its log: ${logPath}`));
    }, SERVER_START_TIMEOUT_MS);
    for (const reader of lines) {
      reader.on('line', (line) => {
        log.write(`${line}\n`);
        server.tail.push(line);
        if (server.tail.length > SERVER_LOG_TAIL) server.tail.shift();
        const match = SERVING_LINE.exec(line);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    }
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new RunError(`could not start ${bin}: ${error.message}`));
    });
    server.exited.then(async (exit) => {
      clearTimeout(timer);
      await server.flushed;
      const tail = indent(server.tail.join('\n') || '(it printed nothing)');
      reject(new RunError(`lumbung exited (${describeExit(exit)}) before serving:\n${tail}`));
    });
  });
  return server;
}

// Stops the server with SIGTERM (SIGKILL if it hangs) and tells how it ended, and whether it
// had already ended by itself.
async function stopServer(server) {
  const early = server.exit !== null;
  if (!early) {
    server.child.kill('SIGTERM');
    const timer = setTimeout(() => server.child.kill('SIGKILL'), SERVER_STOP_TIMEOUT_MS);
    await server.exited;
    clearTimeout(timer);
  }
  await server.flushed;
  return { ...server.exit, early };
}

// Runs one test in a fresh desktop context, within its time limit. Returns its error (if any),
// the artifacts saved for a failure, notes (blocked requests), and the time it took.
async function runTest(browser, server, test) {
  const started = performance.now();
  const contexts = [];
  const pageErrors = [];
  const notes = [];

  // Every context of the test: Indonesian, Western Indonesian time, the runner's time limits,
  // and no requests beyond the server under test (the pages must work offline).
  const newContext = async (options = {}) => {
    const context = await browser.newContext({
      viewport: DESKTOP_VIEWPORT,
      locale: 'id-ID',
      timezoneId: 'Asia/Jakarta',
      ...options,
    });
    contexts.push(context);
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
    const origin = new URL(server.baseUrl).origin;
    await context.route(
      (url) => (url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== origin,
      (route) => {
        notes.push(`blocked a request to ${route.request().url()} (tests reach only ${origin})`);
        return route.abort('blockedbyclient');
      },
    );
    context.on('page', (page) => {
      page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    });
    return context;
  };
  const phone = { viewport: PHONE_VIEWPORT, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
  const newPhoneContext = (options = {}) => newContext({ ...phone, ...options });
  const newPhonePage = async (options = {}) => (await newPhoneContext(options)).newPage();

  let error = null;
  let timer;
  try {
    const context = await newContext();
    const page = await context.newPage();
    const limit = test.timeout ?? DEFAULT_TEST_TIMEOUT_MS;
    const timedOut = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${seconds(limit)}`)), limit);
    });
    const fixture = {
      page,
      context,
      baseUrl: server.baseUrl,
      browser,
      newContext,
      newPhoneContext,
      newPhonePage,
    };
    await Promise.race([test.run(fixture), timedOut]);
    // An uncaught exception in a page's script is a bug even when the test saw nothing amiss.
    if (pageErrors.length > 0) {
      throw new Error(`uncaught error in the page: ${pageErrors.join('\n')}`);
    }
  } catch (caught) {
    error = caught ?? new Error('failed with no error');
  } finally {
    clearTimeout(timer);
  }
  if (server.exit !== null) notes.push(`the server has stopped (${describeExit(server.exit)})`);

  const artifacts = error ? await saveArtifacts(contexts, test.slug) : [];
  // Closing the contexts also ends whatever a timed-out test was still waiting for.
  await Promise.all(contexts.map((context) => context.close().catch(() => {})));
  return { error, artifacts, notes, ms: performance.now() - started };
}

// Saves a full-page screenshot and the HTML of every page the failed test had open:
// SLUG.png and SLUG.html for the first, SLUG-2.png and so on for the others.
async function saveArtifacts(contexts, slug) {
  const saved = [];
  const pages = contexts.flatMap((context) => context.pages());
  for (const [index, page] of pages.entries()) {
    const name = index === 0 ? slug : `${slug}-${index + 1}`;
    const png = join(ARTIFACTS_DIR, `${name}.png`);
    const html = join(ARTIFACTS_DIR, `${name}.html`);
    try {
      await page.screenshot({ path: png, fullPage: true, timeout: ARTIFACT_TIMEOUT_MS });
      saved.push(png);
    } catch (error) {
      saved.push(`(no screenshot of ${page.url()}: ${firstLine(error.message)})`);
    }
    try {
      writeFileSync(html, await page.content());
      saved.push(html);
    } catch (error) {
      saved.push(`(no HTML of ${page.url()}: ${firstLine(error.message)})`);
    }
  }
  return saved;
}

// The error's message (Playwright's come with a call log; its first lines suffice) and the line
// of the test file it came from, indented under the test's line.
function describeError(error) {
  const message = String(error?.message ?? error).split('\n').slice(0, 20).join('\n');
  const frame = /(file:\/\/\S+?\.test\.mjs):(\d+):(\d+)/.exec(String(error?.stack ?? ''));
  const where = frame ? `\nat ${relative(ROOT, fileURLToPath(frame[1]))}:${frame[2]}` : '';
  return indent(message + where);
}

function describeExit({ code, signal }) {
  return signal ? `signal ${signal}` : `status ${code}`;
}

function slugify(text) {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}

function indent(text) {
  return text.replace(/^/gm, '        ');
}

function firstLine(text) {
  return String(text).split('\n')[0];
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}
