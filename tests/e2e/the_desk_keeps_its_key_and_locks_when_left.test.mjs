// More of the staff desk: creating the key makes the first backup; a wrong kiosk clock
// warns but opens; the browser's BarcodeDetector is used when it exists, and a scanned
// kiosk key goes to enrolment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveForTests, checkScreen, openStaff, CHROMIUM_ARGS, FIXTURES } from './harness.mjs';
import { handoff, handoffWithPassphrase, importCentreKey, enrol, scan, unlock } from './pages/desk.mjs';
import { CENTRE_PUB } from './pages/centre_key.mjs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

/** The staff desk, watched like every page (`harness.openStaff`). */
test('creating the staff key makes the first backup part of it, and the backup imports elsewhere', async () => {
  const server = await serveForTests();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const { page, problems } = await openStaff(browser, server);
    await page.getByRole('heading', { name: /no staff key yet/ }).waitFor();
    // Nothing invites the browser to save the passphrase beside the key.
    assert.equal(await page.locator('input[autocomplete="username"], input[autocomplete$="password"], input[name="username"]').count(), 0, 'no username field, no password hints');
    // A generated passphrase is the default: six plain words, another on request.
    const suggested = page.getByTestId('suggested-passphrase');
    const first = await suggested.innerText();
    assert.match(first, /^[a-z]{5,10}( [a-z]{5,10}){5}$/, first);
    await page.getByRole('button', { name: /Another suggestion/ }).click();
    assert.notEqual(await suggested.innerText(), first);
    await checkScreen(page, 'staff-0-new-key');
    // One staff type themselves is checked: too short, different twice, easy to guess.
    await page.getByRole('button', { name: /Use my own passphrase/ }).click();
    const pass = page.getByLabel(/Your passphrase \(10\+ characters/);
    const again = page.getByLabel('Nhập lại / Again');
    await pass.fill('short');
    await again.fill('short');
    await page.getByRole('button', { name: /Create the key/ }).click();
    await page.getByText(/at least 10 characters/).waitFor({ timeout: 20000 });
    await pass.fill('password2026!');
    await again.fill('password2026?');
    await page.getByRole('button', { name: /Create the key/ }).click();
    await page.getByText(/The two passphrases differ/).waitFor();
    await again.fill('password2026!');
    await page.getByRole('button', { name: /Create the key/ }).click();
    await page.getByText(/This passphrase is easy to guess/).waitFor();
    await checkScreen(page, 'staff-0-own-passphrase-refused');
    await page.getByRole('button', { name: /Use the suggested passphrase/ }).click();
    const passphrase = await suggested.innerText();
    await page.getByRole('button', { name: /Create the key/ }).click();
    await page.getByRole('heading', { name: /Save the backup before use/ }).waitFor({ timeout: 20000 });
    assert.equal(await page.evaluate(() => localStorage.getItem('staff-keyring')), null, 'not kept before the backup');
    await checkScreen(page, 'staff-0-save-backup');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download the backup/ }).click()]);
    const file = join(mkdtempSync(join(tmpdir(), 'backup-')), 'backup.json');
    await download.saveAs(file);
    const backup = readFileSync(file, 'utf8');
    assert.match(backup, /anh-duong-staff-key-v2/);
    // A download is not a backup: nothing is kept until the saved file is loaded back.
    assert.equal(await page.evaluate(() => localStorage.getItem('staff-keyring')), null, 'not kept after the download alone');
    assert.equal(await page.getByRole('link', { name: /Download again/ }).count(), 1, 'the link stays valid until proven');
    // Hidden while a file picker is open (Android): nothing is lost.
    await page.evaluate(() => { Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true }); document.dispatchEvent(new Event('visibilitychange')); });
    await page.evaluate(() => { Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true }); document.dispatchEvent(new Event('visibilitychange')); });
    // Another file, or the wrong passphrase, does not count.
    const other = join(mkdtempSync(join(tmpdir(), 'other-')), 'other.json');
    writeFileSync(other, handoffWithPassphrase(passphrase, 'wrap', join(FIXTURES, 'demo-staff.key')));
    await page.locator('.new-key input[type="file"]').setInputFiles(other);
    await page.getByLabel(/The passphrase \(typed again/).fill(passphrase);
    await page.getByRole('button', { name: /Check and start/ }).click();
    await page.getByText(/This is not the backup just downloaded/).waitFor({ timeout: 20000 });
    await page.locator('.new-key input[type="file"]').setInputFiles(file);
    await page.getByLabel(/The passphrase \(typed again/).fill('not the passphrase');
    await page.getByRole('button', { name: /Check and start/ }).click();
    await page.getByText(/Wrong passphrase/).waitFor({ timeout: 20000 });
    assert.equal(await page.evaluate(() => localStorage.getItem('staff-keyring')), null, 'still not kept');
    await checkScreen(page, 'staff-0b-prove-backup');
    await page.getByLabel(/The passphrase \(typed again/).fill(passphrase);
    await page.getByRole('button', { name: /Check and start/ }).click();
    await page.getByRole('heading', { name: /Intake desk$/ }).waitFor({ timeout: 20000 });
    const wrapped = await page.evaluate(() => localStorage.getItem('staff-keyring'));
    assert.ok(wrapped && /anh-duong-staff-keyring-v1/.test(wrapped) && !/private/.test(wrapped), 'only the wrapped keys are kept');

    // A second staff device imports the backup.
    const second = await openStaff(browser, server);
    await second.page.getByLabel(/backup file's contents/).fill(backup);
    await second.page.getByLabel('Mật khẩu / Passphrase').fill(passphrase);
    await second.page.getByRole('button', { name: /Import/ }).click();
    await second.page.getByRole('heading', { name: /Intake desk$/ }).waitFor({ timeout: 20000 });
    assert.deepEqual([...problems, ...second.problems], []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('a code from a kiosk with a wrong clock opens with a warning', async () => {
  const server = await serveForTests();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const dir = mkdtempSync(join(tmpdir(), 'clock-'));
    handoff('keygen', '--out', join(dir, 'kiosk'));
    const answers = JSON.parse(handoff('sample'));
    answers.created_minutes = Math.floor(Date.now() / 60000) - 3 * 24 * 60; // three days ago
    writeFileSync(join(dir, 'a.json'), JSON.stringify(answers));
    const code = handoff('seal', '--answers', join(dir, 'a.json'), '--staff-key', CENTRE_PUB, '--kiosk-key', join(dir, 'kiosk.key'));
    const { page, problems } = await openStaff(browser, server);
    await importCentreKey(page);
    await enrol(page, `A=${readFileSync(join(dir, 'kiosk.pub'), 'utf8').trim()}`);
    await scan(page, code);
    await page.locator('.case-sheet').waitFor();
    await page.getByText(/Older than the window by/).waitFor();
    assert.match(await page.locator('.case-sheet').innerText(), /A-042/);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('the BarcodeDetector is used when the browser has one, the camera asked for its best resolution; a scanned kiosk key goes to enrolment', async () => {
  const server = await serveForTests();
  const dir = mkdtempSync(join(tmpdir(), 'detector-'));
  handoff('keygen', '--out', join(dir, 'kiosk'));
  const kioskPublic = `B=${readFileSync(join(dir, 'kiosk.pub'), 'utf8').trim()}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  });
  try {
    // Headless Chromium has no BarcodeDetector: stand one in that "sees" the kiosk's key QR.
    const { page, problems } = await openStaff(browser, server, {
      context: { permissions: ['camera'] },
      initScript: {
        fn: (value) => {
          // What the desk asks the camera for.
          const ask = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
          navigator.mediaDevices.getUserMedia = (constraints) => {
            window.__asked = JSON.parse(JSON.stringify(constraints));
            return ask(constraints);
          };
          window.BarcodeDetector = class {
            constructor(options) { window.__detectorFormats = options.formats; }
            async detect() { window.__detectorCalls = (window.__detectorCalls || 0) + 1; return [{ rawValue: value }]; }
          };
        },
        arg: kioskPublic,
      },
    });
    await importCentreKey(page);
    await page.getByRole('button', { name: /Use the camera/ }).click();
    await page.getByText(/A kiosk key was read/).waitFor({ timeout: 10000 });
    assert.ok(await page.evaluate(() => window.__detectorCalls >= 1), 'the detector was asked');
    assert.deepEqual(await page.evaluate(() => window.__detectorFormats), ['qr_code']);
    // The camera's best resolution (a code at arm's length is small), the back camera first;
    // "ideal", so a camera with less is still used.
    const asked = (await page.evaluate(() => window.__asked)).video;
    assert.ok(asked.width.ideal >= 1280 && asked.height.ideal >= 720, `asked for ${JSON.stringify(asked)}`);
    assert.deepEqual(asked.facingMode, { ideal: 'environment' });
    assert.equal(await page.getByLabel(/Kiosk enrolment/).inputValue(), kioskPublic);
    await page.getByRole('button', { name: /Enrol/ }).click();
    await page.locator('.kiosks li').first().getByText(/^B · /).waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('kept desk data that no longer parses is reported, not written over, and started again only by choice', async () => {
  const server = await serveForTests();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const { page } = await openStaff(browser, server);
    await page.evaluate(() => {
      localStorage.setItem('staff-kiosks', 'one line per kiosk, the old way');
      localStorage.setItem('staff-statistics', JSON.stringify([{ month: '2026-11', service: 'unknown-service', age_band: '18_plus', sex: 'female', count: 3 }]));
    });
    await page.reload();
    const panel = page.locator('.unreadable');
    await panel.waitFor();
    const text = await panel.innerText();
    assert.match(text, /The enrolled kiosks/);
    assert.match(text, /The statistics/);
    await checkScreen(page, 'staff-unreadable');
    await importCentreKey(page);
    // Enrolling does not write over the unreadable list, and says so.
    await enrol(page, `A=${readFileSync(join(FIXTURES, 'demo-kiosk.pub'), 'utf8').trim()}`);
    await page.getByText(/The kiosk list could not be kept on this device/).waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('staff-kiosks')), 'one line per kiosk, the old way');
    const item = panel.getByRole('listitem').filter({ hasText: 'The enrolled kiosks' });
    await item.getByRole('button', { name: /Start again…/ }).click();
    await item.getByRole('button', { name: /Cancel/ }).click();
    assert.equal(await page.evaluate(() => localStorage.getItem('staff-kiosks')), 'one line per kiosk, the old way', 'Cancel keeps it');
    await item.getByRole('button', { name: /Start again…/ }).click();
    await item.getByRole('button', { name: /Confirm start again/ }).click();
    assert.equal(await page.evaluate(() => localStorage.getItem('staff-kiosks')), null, 'started again by choice');
    assert.doesNotMatch(await panel.innerText(), /The enrolled kiosks/);
    assert.match(await panel.innerText(), /The statistics/);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('the desk locks on pagehide and after a while hidden, and her open case comes back after unlock', async () => {
  const server = await serveForTests((c) => { c.desk_lock_hidden_seconds = 1; });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    handoff('keygen', '--out', join(dir, 'kiosk'));
    writeFileSync(join(dir, 'a.json'), handoff('sample'));
    const code = handoff('seal', '--answers', join(dir, 'a.json'), '--staff-key', CENTRE_PUB, '--kiosk-key', join(dir, 'kiosk.key'));
    // The desk's clock is Playwright's: time flows, and a test can move it on at once.
    const { page, problems } = await openStaff(browser, server, { fakeClock: true });
    await importCentreKey(page);
    await enrol(page, `A=${readFileSync(join(dir, 'kiosk.pub'), 'utf8').trim()}`);
    await scan(page, code);
    await page.locator('.case-sheet').getByText(/A-042/).first().waitFor();

    const setHidden = (hidden) => page.evaluate((hidden) => {
      Object.defineProperty(document, 'visibilityState', { value: hidden ? 'hidden' : 'visible', configurable: true });
      Object.defineProperty(document, 'hidden', { value: hidden, configurable: true });
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    }, hidden);
    // Hidden briefly (under the configured second): still open.
    await setHidden(true);
    await setHidden(false);
    await page.clock.runFor(1300);
    assert.equal(await page.getByRole('heading', { name: /is locked/ }).count(), 0, 'a glance away does not lock');
    // Hidden longer: locked, the case gone from the screen.
    await setHidden(true);
    await page.getByRole('heading', { name: /is locked/ }).waitFor({ timeout: 5000 });
    await setHidden(false);
    assert.equal(await page.locator('.case-sheet').count(), 0, 'nothing of the case shows while locked');
    // What is kept meanwhile is her code only: sealed to the staff key, no answer in clear.
    const kept = await page.evaluate(() => JSON.stringify(sessionStorage));
    assert.ok(kept.includes('TK') && !kept.includes('A-042') && !/police|health/i.test(kept), kept);
    await unlock(page);
    await page.locator('.case-sheet').getByText(/A-042/).first().waitFor({ timeout: 20000 });
    assert.equal(await page.getByText(/This code was opened on this device before/).count(), 0, 'her case comes back without a second-scan warning');

    // pagehide locks at once.
    await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    await page.getByRole('heading', { name: /is locked/ }).waitFor({ timeout: 2000 });
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('a desk whose key is not the configured staff key says so', async () => {
  const server = await serveForTests((c) => { c.staff_public_key = readFileSync(join(FIXTURES, 'demo-kiosk.pub'), 'utf8').trim(); });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const { page } = await openStaff(browser, server);
    await importCentreKey(page);
    await page.getByText(/This desk's key is not the staff key in centre.json/).waitFor();
  } finally {
    await browser.close();
    await server.close();
  }
  // The desk whose key is the configured one shows no such warning.
  const same = await serveForTests();
  const browser2 = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const { page } = await openStaff(browser2, same);
    await importCentreKey(page);
    assert.equal(await page.getByText(/This desk's key is not the staff key/).count(), 0);
  } finally {
    await browser2.close();
    await same.close();
  }
});
