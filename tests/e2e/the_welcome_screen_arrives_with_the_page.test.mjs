// The welcome screen arrives with the page (drawn ahead by `handoff apply-config` from the
// centre's own centre.json, app/src/prerender.rs), before the kiosk's wasm: on a slow link or
// a slow tablet she sees it at once. Until the app has started, quick exit already leaves,
// and a language or display she taps is shown waiting, then applied by the app. A screen
// drawn from another centre.json than the one served is never shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openKiosk, serveApplied, assertAccessible, screenshot, settled, FIXTURES } from './harness.mjs';
import { expectHeading } from './pages/kiosk.mjs';
import { both, en, vi } from './pages/labels.mjs';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const drawnAhead = (page) => page.locator('#prerendered');

/** Opens the kiosk served by `served` (from `serveApplied`) with its wasm held back, waits
 *  until the screen drawn ahead shows, runs `body(k)`, then closes both. */
async function withHeldKiosk(served, body) {
  const server = await served;
  const k = await openKiosk({ server, holdWasm: true });
  try {
    await drawnAhead(k.page).waitFor({ state: 'visible' });
    await body(k);
  } finally {
    await k.done();
    await server.close();
  }
}

test('the welcome screen is there before the app; a display and a language tapped meanwhile wait, then apply', async () => {
  await withHeldKiosk(serveApplied(), async (k) => {
    const { page } = k;
    await expectHeading(page, both('choose_language'));
    assert.equal(await page.locator('.kiosk').count(), 1, 'only the screen drawn ahead: the app has not started');
    await assertAccessible(page, 'welcome screen drawn ahead');
    await screenshot(page, 'welcome-0-drawn-ahead');

    await page.getByRole('button', { name: 'Chữ to · Large text' }).click();
    await page.getByRole('button', { name: en.language_name, exact: true }).click();
    const english = page.getByRole('button', { name: en.language_name, exact: true });
    assert.equal(await english.getAttribute('aria-busy'), 'true', 'her language is shown waiting');
    assert.equal(await page.getByRole('button', { name: 'Chữ to · Large text' }).getAttribute('aria-busy'), 'true');
    await expectHeading(page, both('choose_language'));
    await assertAccessible(page, 'a language waiting for the app');
    await screenshot(page, 'welcome-0b-language-waiting');

    k.releaseWasm();
    await expectHeading(page, en.age_question);
    await settled(page);
    assert.equal(await drawnAhead(page).count(), 0, 'the app took over');
    assert.equal(await page.evaluate(() => document.documentElement.className), 'theme-large', 'her display applied');
    // The app's own red button takes Space too.
    await page.locator('.quick-exit').focus();
    await page.keyboard.press('Space');
    await page.waitForURL(/exit\.html$/);
  });
});

test('before the app starts, quick exit (the red button, Shift three times) replaces the page with the exit page', async () => {
  await withHeldKiosk(serveApplied(), async (k) => {
    const { page } = k;
    const entries = await page.evaluate(() => history.length);
    await page.getByRole('button', { name: /Thoát nhanh · Quick exit/ }).click();
    await page.waitForURL(/exit\.html$/);
    assert.equal(await page.evaluate(() => history.length), entries, 'replaced: Back does not return to the kiosk');

    await page.goto(k.server.url + '/');
    await drawnAhead(page).waitFor({ state: 'visible' });
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
    await page.waitForURL(/exit\.html$/);
    assert.equal(await page.locator('.kiosk').count(), 0);

    // From the keyboard: the red button takes Space, as a button does.
    await page.goto(k.server.url + '/');
    await drawnAhead(page).waitFor({ state: 'visible' });
    await page.locator('.quick-exit').focus();
    await page.keyboard.press('Space');
    await page.waitForURL(/exit\.html$/);
  });
});

test('a welcome screen drawn from another centre.json stays hidden; the app draws its own', async () => {
  // The centre edited centre.json by hand and did not apply it: the page still carries the
  // screen drawn from the old one.
  const probe = await serveApplied();
  const applied = JSON.parse(readFileSync(join(probe.dir, 'centre.json'), 'utf8'));
  await probe.close();
  applied.name.vi = 'Trung tâm Bình Minh';
  const edited = join(mkdtempSync(join(tmpdir(), 'kiosk-edited-')), 'centre.json');
  writeFileSync(edited, JSON.stringify(applied));
  const server = await serveApplied({ overrides: { '/centre.json': edited } });
  const k = await openKiosk({ server, holdWasm: true });
  const { page } = k;
  try {
    // The page has read the served file and compared it.
    await page.evaluate(async () => { await window.kioskCentre; await new Promise((r) => setTimeout(r, 300)); });
    assert.equal(await drawnAhead(page).count(), 1);
    assert.ok(await drawnAhead(page).isHidden(), 'the old screen is not shown');
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 0, 'nothing drawn from the old file shows');

    k.releaseWasm();
    await expectHeading(page, both('choose_language'));
    await page.getByText('Trung tâm Bình Minh').waitFor();
    assert.equal(await drawnAhead(page).count(), 0);
  } finally {
    await k.done();
    await server.close();
  }
});

test('"see someone now" tapped before the app starts is kept: the app opens the urgent screen', async () => {
  await withHeldKiosk(serveApplied(), async (k) => {
    const { page } = k;
    const help = page.getByRole('button', { name: vi.help_now });
    await help.click();
    assert.equal(await help.getAttribute('aria-busy'), 'true', 'shown waiting');
    k.releaseWasm();
    await expectHeading(page, vi.urgent_title);
    assert.equal(await drawnAhead(page).count(), 0);
  });
});

/** The test configuration with a pseudo-language (qaa) that has screens, its catalogue
 *  file at lang/qaa.json (served only when `withFile`). */
function servePseudo(withFile) {
  return serveApplied({
    edit: (c) => {
      c.languages.push('qaa');
      c.language_files = { qaa: 'lang/qaa.json' };
      c.spoken_languages.push({ tag: 'qaa', name: 'Pseudo (qaa)' });
      const add = (o) => {
        if (!o || typeof o !== 'object') return;
        if (typeof o.vi === 'string') o.qaa = `[qaa] ${o.en ?? o.vi}`;
        if (Array.isArray(o.vi)) o.qaa = (o.en ?? o.vi).map((p) => `[qaa] ${p}`);
        for (const [key, v] of Object.entries(o)) if (key !== 'qaa') add(v);
      };
      add(c);
    },
    overrides: withFile ? { '/lang/qaa.json': join(FIXTURES, 'lang', 'qaa.json') } : {},
  });
}

test('a language whose file is still on its way waits for it, shown busy (a second tap is the same wish), then goes on in it', async () => {
  const server = await servePseudo(true);
  const k = await openKiosk({ server, holdWasm: true });
  const { page } = k;
  let releaseFile;
  const file = new Promise((resolve) => { releaseFile = resolve; });
  await page.route(/\/lang\/qaa\.json$/, async (route) => { await file; await route.continue(); });
  try {
    await drawnAhead(page).waitFor({ state: 'visible' });
    await page.getByRole('button', { name: 'Pseudo (qaa)' }).click();
    k.releaseWasm();
    const own = page.locator('body > .kiosk .language[data-file-coming] .big-button[aria-busy="true"]', { hasText: 'Pseudo (qaa)' });
    await own.waitFor();
    assert.equal(await drawnAhead(page).count(), 0, 'the app has taken over; her language waits, shown busy');
    await own.click();
    await settled(page);
    await expectHeading(page, both('choose_language'));
    releaseFile();
    await expectHeading(page, '[qaa] How old are you?');
  } finally {
    await k.done();
    await server.close();
  }
});

test('a language whose file never arrives asks for an interpreter after six seconds, as its tap would', async () => {
  const server = await servePseudo(false);
  const k = await openKiosk({ server, holdWasm: true });
  const { page } = k;
  try {
    await drawnAhead(page).waitFor({ state: 'visible' });
    await page.getByRole('button', { name: 'Pseudo (qaa)' }).click();
    k.releaseWasm();
    await page.waitForFunction(() => !document.getElementById('prerendered'));
    await expectHeading(page, both('choose_language'));
    await page.getByRole('heading', { level: 1, name: 'Xin chờ ở đây · Please wait here' }).waitFor({ timeout: 15000 });
  } finally {
    // The missing file is the test's own doing.
    await k.done({ expected: (p) => /404|qaa\.json/.test(p) });
    await server.close();
  }
});

test('read aloud tapped before the app starts is read once it has; Shift pressed twice before and once after still leaves', async () => {
  const server = await serveApplied();
  const k = await openKiosk({
    server,
    holdWasm: true,
    initScript: () => {
      window.__spoken = [];
      window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
      Object.defineProperty(window, 'speechSynthesis', {
        configurable: true,
        value: {
          getVoices: () => [{ name: 'vi on device', lang: 'vi-VN', localService: true }],
          speak: (u) => window.__spoken.push(u.text),
          cancel: () => {},
          speaking: false,
          pending: false,
        },
      });
    },
  });
  const { page } = k;
  try {
    await drawnAhead(page).waitFor({ state: 'visible' });
    const read = page.getByRole('button', { name: vi.read_aloud });
    await read.click();
    assert.equal(await read.getAttribute('aria-busy'), 'true', 'shown waiting');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    k.releaseWasm();
    await page.waitForFunction(() => window.__spoken.length > 0);
    const [said] = await page.evaluate(() => window.__spoken);
    assert.match(said, new RegExp(vi.choose_language));
    assert.equal(await drawnAhead(page).count(), 0);
    await page.keyboard.press('Shift');
    await page.waitForURL(/exit\.html$/);
  } finally {
    await k.done();
    await server.close();
  }
});

test('a long press on the red button (the link menu) leaves too, before and after the app starts', async () => {
  await withHeldKiosk(serveApplied(), async (k) => {
    const { page } = k;
    await page.locator('.quick-exit').click({ button: 'right' });
    await page.waitForURL(/exit\.html$/);
    k.releaseWasm();
    await page.goto(k.server.url + '/');
    await page.waitForFunction(() => !document.getElementById('prerendered') && document.querySelector('.kiosk'));
    await page.locator('.quick-exit').click({ button: 'right' });
    await page.waitForURL(/exit\.html$/);
  });
});
