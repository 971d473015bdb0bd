// The end-to-end harness: Debian's Chromium through playwright-core, a fresh profile per
// test, and a watch that fails the test on any page error, any console message, any
// request off the page's origin and any axe violation.
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { serve } from '../../scripts/static-server.mjs';
import { centreKey } from './pages/centre_key.mjs';
import { setPin, pinStaffKey } from './pages/setup.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');
export const SHOTS = join(ROOT, 'test-output', 'screenshots');

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
];

export const TABLET_LANDSCAPE = { width: 1280, height: 800 };
export const TABLET_PORTRAIT = { width: 800, height: 1280 };

/**
 * Opens a served dist/ in a fresh browser and watches everything the page does.
 * Call `done()` at the end of the test: it asserts that nothing went wrong and closes all.
 */
export const TEST_CONFIG = join(ROOT, 'tests', 'fixtures', 'centre-test.json');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');
// Built by `cargo build -p handoff-cli`; honours CARGO_TARGET_DIR like cargo does.
export const TARGET = process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target');
export const HANDOFF_BIN = join(TARGET, 'debug', 'handoff');

/** Serves dist/ with the test configuration (short timeouts) in place of the demo one, its
 *  staff key the centre's own made at the desk (`centreKey`), changed by `edit` when given.
 *  `server.setConfig(edit)` serves another one from then on (the same origin: what the
 *  pages keep stays). */
export async function serveForTests(edit) {
  const { publicHex } = await centreKey();
  const edited = (change) => {
    const c = JSON.parse(readFileSync(TEST_CONFIG, 'utf8'));
    c.staff_public_key = publicHex;
    change?.(c);
    const file = join(mkdtempSync(join(tmpdir(), 'kiosk-config-')), 'centre.json');
    writeFileSync(file, JSON.stringify(c));
    return file;
  };
  const overrides = { '/centre.json': edited(edit), ...CLIPS };
  const server = await serve(DIST, { overrides });
  server.overrides = overrides;
  server.setConfig = (change) => { overrides['/centre.json'] = edited(change); };
  return server;
}

/** A copy of dist/ with the test configuration (as `serveForTests` makes it, changed by
 *  `edit`) applied by the handoff tool, as a centre applies its own: the kiosk's page carries
 *  the welcome screen drawn from it. Served with the clips and `overrides`. */
export async function serveApplied({ edit, overrides = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-applied-'));
  cpSync(DIST, dir, { recursive: true });
  const probe = await serveForTests(edit);
  const config = probe.overrides['/centre.json'];
  await probe.close();
  execFileSync(HANDOFF_BIN, ['apply-config', config, dir], { stdio: 'pipe' });
  const server = await serve(dir, { overrides: { ...CLIPS, ...overrides } });
  server.dir = dir;
  return server;
}

/** The recorded clips the test configuration names (`clips/missing.wav` is left missing). */
export const CLIPS = {
  '/clips/tyz-name.wav': join(ROOT, 'tests', 'fixtures', 'clips', 'tyz-name.wav'),
  '/clips/tyz-wait.wav': join(ROOT, 'tests', 'fixtures', 'clips', 'tyz-wait.wav'),
};

/** Opens the kiosk in a fresh browser. `paired`: first set up behind its PIN at /setup/ and
 *  pinned to the configured staff key, as a centre does before a kiosk makes codes. */
export async function openKiosk({ viewport = TABLET_LANDSCAPE, path = '/', extraArgs = [], server, initScript, fakeClock = false, config, host, paired = false, holdWasm = false } = {}) {
  const own = server ?? (await serveForTests(config));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs] });
  const context = await browser.newContext({ viewport, serviceWorkers: 'allow' });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const base = host ? own.url.replace('127.0.0.1', host) : own.url;
  const origin = new URL(base).origin;
  const { problems, requests } = watch(context, page, origin);
  if (paired) await pair(page, base);
  if (fakeClock) await page.clock.install();
  // `holdWasm`: the kiosk's wasm arrives only when the test calls `releaseWasm()` (a slow
  // link, a slow tablet): what the page does before the app has started.
  let releaseWasm = () => {};
  if (holdWasm) {
    const held = new Promise((resolve) => { releaseWasm = resolve; });
    await page.route(/\/app-[^/]*_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  }
  await page.goto(base + path);
  return {
    page, context, browser, server: own, problems, requests, origin, releaseWasm,
    /** Closes the browser; `expected` names a console line the test itself causes. */
    async done({ expected = () => false } = {}) {
      try {
        assert.deepEqual(problems.filter((p) => !expected(p)), [], 'the page stayed quiet and on its own origin');
      } finally {
        await browser.close();
        if (!server) await own.close();
      }
    },
  };
}

/** Watches a page as every test does: page errors, console messages and requests off the
 *  page's origin are problems (the test asserts there are none); requests are listed. */
export function watch(context, page, origin) {
  const problems = [];
  const requests = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => problems.push(`console ${m.type()}: ${m.text()}`));
  context.on('request', (r) => {
    requests.push({ method: r.method(), url: r.url() });
    const url = r.url();
    if (!url.startsWith(origin + '/') && !url.startsWith('data:') && !url.startsWith('blob:')) {
      problems.push(`request off the page's origin: ${r.method()} ${url}`);
    }
  });
  return { problems, requests };
}

/** Pairs the kiosk in `page` (served at `base`) through its setup page: a PIN, then the
 *  configured staff key pinned. */
export async function pair(page, base) {
  await page.goto(`${base}/setup/`);
  await setPin(page);
  await pinStaffKey(page);
}

/** Opens one of the product's pages (`path`) in a new context of `browser`, watched like the
 *  kiosk (`watch`): `problems` must stay empty. Downloads are accepted (backups, exports). */
export async function openPage(browser, server, { viewport = { width: 1280, height: 900 }, path = '/', initScript, fakeClock = false, context: more = {} } = {}) {
  const context = await browser.newContext({ viewport, acceptDownloads: true, ...more });
  if (initScript) await context.addInitScript(initScript.fn, initScript.arg);
  const page = await context.newPage();
  const { problems, requests } = watch(context, page, new URL(server.url).origin);
  if (fakeClock) await page.clock.install();
  await page.goto(server.url + path);
  return { page, context, problems, requests };
}

/** Opens the staff desk (`/staff/`): `openPage` there. */
export const openStaff = (browser, server, options = {}) => openPage(browser, server, { path: '/staff/', ...options });

/** Waits until the page has run the work its last event queued (Leptos redraws in
 *  microtasks): a message posted through a MessageChannel arrives after them. Unlike timers
 *  and animation frames, Playwright's clock does not fake it. */
export async function settled(page) {
  await page.evaluate(() => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  }));
}

/** Waits until the browser has drawn the page as it is now (two animation frames: layout
 *  and paint done). Only on a page whose clock is real. */
export async function drawn(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** Runs axe on the page as it is now; asserts there are no violations. */
export async function assertAccessible(page, label) {
  const result = await new AxeBuilder({ page }).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  assert.deepEqual(summary, [], `axe violations on ${label}`);
}

/** Saves a screenshot for people to review, in the git-ignored test-output folder. */
export async function screenshot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  const file = join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Asserts every visible interactive element is at least 48×48 CSS px. */
export async function assertTouchTargets(page, label) {
  const small = await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('button, a[href], input, select, textarea, [role="button"], [tabindex]')) {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const visible = r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && r.right > 0 && r.left < innerWidth + 1;
      if (visible && (r.width < 48 || r.height < 48)) out.push(`${el.tagName} "${el.textContent.trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return out;
  });
  assert.deepEqual(small, [], `touch targets under 48×48 on ${label}`);
}

/** axe, touch targets and a screenshot: what every screen of every test gets. */
export async function checkScreen(page, name) {
  await assertAccessible(page, name);
  await assertTouchTargets(page, name);
  await screenshot(page, name);
}
