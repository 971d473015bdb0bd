// Deployment hardening: the Content-Security-Policy is in force, and after one visit the
// kiosk and the staff page work with the web server gone (the service worker serves the
// app's own files); the first screen comes before the sealing worker and the staff code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openKiosk, serveForTests, DIST, FIXTURES } from './harness.mjs';
import { serve } from '../../scripts/static-server.mjs';
import { tap, expectHeading } from './pages/kiosk.mjs';
import { handoff, importCentreKey, enrol, scan } from './pages/desk.mjs';
import { CENTRE_PUB } from './pages/centre_key.mjs';
import { both, vi } from './pages/labels.mjs';

/** Opens the kiosk once (the service worker takes the app's files), then stops the server. */
async function visitThenStopServer() {
  const server = await serveForTests();
  const k = await openKiosk({ server, paired: true });
  try {
    await expectHeading(k.page, both('choose_language'));
    await k.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
  } catch (e) {
    await k.done();
    throw e;
  } finally {
    await server.close();
  }
  return k;
}

/** A sample answers file from the handoff tool. */
function sampleAnswers() {
  const file = join(mkdtempSync(join(tmpdir(), 'answers-')), 'a.json');
  writeFileSync(file, handoff('sample'));
  return file;
}

test('the Content-Security-Policy blocks requests to another origin and injected scripts', async () => {
  const other = await serve(DIST); // another port on 127.0.0.1: another origin
  const k = await openKiosk();
  try {
    const { page } = k;
    await expectHeading(page, both('choose_language'));
    const outcome = await page.evaluate((url) => fetch(url).then(() => 'loaded', () => 'blocked'), `${other.url}/icon.svg`);
    assert.equal(outcome, 'blocked');
    const injected = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injectedRan = true';
      document.head.appendChild(s);
      return window.__injectedRan === true;
    });
    assert.equal(injected, false, 'an injected inline script does not run');
    assert.deepEqual(other.requests, [], 'the other origin received nothing');
    // The browser reports each blocked attempt on the console: those are the expected ones.
    const unexpected = k.problems.filter((p) => !/Content Security Policy|request off the page's origin/.test(p));
    assert.ok(k.problems.length >= 2, 'the blocks were reported');
    k.problems.length = 0;
    k.problems.push(...unexpected);
  } finally {
    await k.done();
    await other.close();
  }
});

test('after one visit the kiosk and its exit page work with the web server stopped', async () => {
  const k = await visitThenStopServer();
  try {
    const { page } = k;
    await page.reload();
    await expectHeading(page, both('choose_language'));
    await tap(page, vi.help_now);
    await tap(page, vi.code_now);
    await expectHeading(page, vi.handoff_title);
    assert.equal(await page.locator('.slip__qr svg').count(), 1, 'the code is made offline');
    await page.getByRole('button', { name: vi.quick_exit }).click();
    await page.waitForURL(/exit\.html$/);
    await page.getByRole('heading', { name: 'Món ngon mỗi ngày' }).waitFor();
  } finally {
    await k.done();
  }
});

test('after one visit the staff page works with the web server stopped: import a key, open a code', async () => {
  const k = await visitThenStopServer();
  try {
    const { page } = k;
    const code = handoff('seal', '--answers', sampleAnswers(), '--staff-key', CENTRE_PUB, '--kiosk-key', join(FIXTURES, 'demo-kiosk.key'));
    page.on('requestfailed', (r) => k.problems.push(`failed offline: ${r.url()}`));
    await page.goto(k.server.url + '/staff/');
    await importCentreKey(page);
    await enrol(page, `A=${readFileSync(join(FIXTURES, 'demo-kiosk.pub'), 'utf8').trim()}`);
    await scan(page, code);
    await page.locator('.case-sheet').waitFor();
    assert.match(await page.locator('.case-sheet').innerText(), /Ticket|Số phiếu/);
  } finally {
    await k.done();
  }
});

test('the first screen is up before the sealing worker or any staff code is fetched', async () => {
  const k = await openKiosk({
    paired: true,
    initScript: () => {
      // Note the moment the first screen's heading appears, against the resources' times.
      new MutationObserver((_, obs) => {
        if (document.querySelector('h1')) {
          window.__firstScreenAt = performance.now();
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    },
  });
  try {
    const { page } = k;
    await expectHeading(page, both('choose_language'));
    const firstScreenAt = await page.evaluate(() => window.__firstScreenAt);
    const requested = () => k.requests.map((r) => new URL(r.url).pathname);
    const beforeScreen = await page.evaluate((t) => performance.getEntriesByType('resource')
      .filter((e) => e.startTime < t).map((e) => new URL(e.name).pathname), firstScreenAt);
    assert.ok(beforeScreen.some((p) => /app-.*_bg\.wasm$/.test(p)), 'the kiosk wasm is part of the first load');
    assert.deepEqual(beforeScreen.filter((p) => /sealer|staff/.test(p)), [], 'nothing of the worker or the staff page before the first screen');
    // Then, with the first screen up, the worker is fetched and the code is made.
    await tap(page, vi.help_now);
    await tap(page, vi.code_now);
    await expectHeading(page, vi.handoff_title);
    await page.locator('.slip__qr svg').waitFor();
    assert.ok(requested().some((p) => p.endsWith('/sealer_bg.wasm')), 'the worker was fetched after the first screen');
  } finally {
    await k.done();
  }
});

test('the kiosk outside a secure context shows a setup error for staff', async () => {
  const server = await serveForTests();
  // A LAN address is not a secure context (no HTTPS): the kiosk must say so, not fail quietly.
  const k = await openKiosk({ server, extraArgs: ['--host-resolver-rules=MAP kiosk.test 127.0.0.1'], path: '/' , host: 'kiosk.test' });
  try {
    await k.page.getByRole('heading', { name: /Máy đang tạm ngừng/ }).waitFor({ timeout: 10000 });
    const text = await k.page.locator('main').innerText();
    assert.ok(text.includes('HTTPS'), text);
  } finally {
    try {
      await k.done();
    } finally {
      await server.close();
    }
  }
});

test('a malformed configuration shows staff the field and the problem, not a broken flow', async () => {
  const k = await openKiosk({ config: (c) => { c.idle_seconds = 1; } });
  try {
    await k.page.getByRole('heading', { name: /Máy đang tạm ngừng/ }).waitFor({ timeout: 10000 });
    const text = await k.page.locator('main').innerText();
    assert.ok(text.includes('idle_seconds') && text.includes('out of range'), text);
    assert.equal(await k.page.getByRole('button').count(), 0, 'no flow to start');
  } finally {
    await k.done();
  }
});

test('the kiosk is installable: a web-app manifest with icons, all from its own origin', async () => {
  const k = await openKiosk();
  try {
    const { page } = k;
    await expectHeading(page, both('choose_language'));
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = await page.evaluate(async (h) => (await fetch(h)).json(), href);
    assert.equal(manifest.display, 'fullscreen');
    assert.equal(manifest.start_url, './');
    const sizes = manifest.icons.map((i) => i.sizes);
    assert.ok(sizes.includes('192x192') && sizes.includes('512x512'), sizes.join());
    for (const icon of manifest.icons) {
      const status = await page.evaluate(async (src) => (await fetch(src)).status, icon.src);
      assert.equal(status, 200, icon.src);
    }
  } finally {
    await k.done();
  }
});
