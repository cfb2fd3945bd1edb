// Smoke tests: the server answers through a real browser. The other test files build on these;
// when they fail, nothing else can pass.

import assert from 'node:assert/strict';

import { expectStatus } from './support.mjs';

export const tests = [
  {
    name: 'healthz answers ok',
    async run({ page, baseUrl }) {
      expectStatus(await page.goto(`${baseUrl}/healthz`), 200);
      assert.match(await page.locator('body').innerText(), /ok/);
    },
  },
  {
    name: 'the home page is the Indonesian HTML portal, with its stylesheet and script',
    async run({ page, baseUrl }) {
      // Every request the page makes must succeed: a missing stylesheet or script is a bug.
      const failures = [];
      page.on('requestfailed', (request) => failures.push(`${request.url()}: failed`));
      page.on('response', (response) => {
        if (response.status() >= 400) failures.push(`${response.url()}: ${response.status()}`);
      });
      const response = expectStatus(await page.goto(`${baseUrl}/`), 200);
      assert.match(response.headers()['content-type'] ?? '', /^text\/html\b/);
      assert.equal(await page.locator('html').getAttribute('lang'), 'id');
      assert.match(await page.title(), /Lumbung/);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByRole('navigation', { name: 'Menu utama' }).waitFor();
      const assets = await page.evaluate(() => ({
        styled: document.styleSheets.length > 0 && document.styleSheets[0].cssRules.length > 0,
        scripts: [...document.scripts].map((script) => script.src).filter(Boolean),
      }));
      assert.ok(assets.styled, 'the stylesheet loaded');
      assert.ok(assets.scripts.length > 0, 'the page has its script');
      assert.deepEqual(failures, [], 'requests that failed');
    },
  },
];
