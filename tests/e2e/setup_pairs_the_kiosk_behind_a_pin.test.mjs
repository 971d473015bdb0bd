// The kiosk's setup page: a PIN set on the device with a limit on attempts, the kiosk key
// to enrol, the staff key pinned at pairing (a changed key stops sealing), a self-test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveForTests, checkScreen, openPage, CHROMIUM_ARGS, FIXTURES } from './harness.mjs';
import { setPin, enterPin, pinStaffKey } from './pages/setup.mjs';
import { expectHeading, expectNoCode, tap } from './pages/kiosk.mjs';
import { both, vi } from './pages/labels.mjs';

const OTHER_STAFF_KEY = '11'.repeat(32);
const DEMO_STAFF_KEY = readFileSync(join(FIXTURES, 'demo-staff.pub'), 'utf8').trim();
// A centre's own staff key (any real public key but the shipped demo one).
const OWN_STAFF_KEY = readFileSync(join(FIXTURES, 'demo-kiosk.pub'), 'utf8').trim();

test('setup: PIN, pairing, self-test; a changed staff key stops the kiosk sealing', async () => {
  const server = await serveForTests((c) => { c.staff_public_key = OWN_STAFF_KEY; });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const { page, problems } = await openPage(browser, server, { path: '/setup/' });
    await page.getByRole('heading', { name: /Set the setup PIN/ }).waitFor();
    await checkScreen(page, 'setup-1-set-pin');
    await setPin(page);
    await page.getByText(/NOT PAIRED: no codes until pinned/).waitFor();
    const kioskKey = await page.evaluate(() => JSON.parse(localStorage.getItem('kiosk-key')));
    assert.ok(kioskKey, 'the kiosk key is made on the device');
    // The enrolment line, folded away under the QR: the kiosk's letter (A until one is
    // chosen) and its public key.
    assert.equal(await page.locator('.setup__hex').isVisible(), false, 'the 64-character key is folded away');
    await page.getByText('The line to paste instead of scanning').click();
    assert.match(await page.locator('.setup__hex').innerText(), /^A=[0-9a-f]{64}$/);
    await pinStaffKey(page);
    assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('kiosk-pinned-staff-key'))), OWN_STAFF_KEY, 'the whole key is pinned, not its fingerprint');
    const selfTest = await page.locator('table').innerText();
    assert.match(selfTest, /Clock plausible\s+✓/);
    assert.match(selfTest, /Secure context\s+✓/);
    assert.match(selfTest, /Staff key as pinned\s+✓/);
    assert.match(selfTest, /Printer\s+58 mm/);
    // Failed checks first (here the demo wording at least), each with its fix on its row.
    const rows = (await page.locator('.self-test tbody tr').allInnerTexts()).slice(0, -1);
    const failed = rows.filter((r) => /NOT OK/.test(r));
    assert.ok(failed.some((r) => /not the demo's.*Replace “limits”/s.test(r)), `the demo wording fails with its fix: ${failed}`);
    assert.deepEqual(rows.slice(0, failed.length), failed, `failed rows first: ${rows.join(' | ')}`);
    assert.ok(failed.every((r) => r.split('\t')[2]?.trim().length > 10), `each failed row has its fix: ${failed}`);
    // Fingerprints to compare are large and grouped.
    const groups = await page.locator('.fingerprint--large').first().locator('.fingerprint__group').allInnerTexts();
    assert.deepEqual(groups.length, 4);
    assert.ok(await page.locator('.fingerprint--large').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize) >= 28));
    assert.equal(await page.locator('input[autocomplete="username"]').count(), 0, 'no pre-filled account field');
    // A second kiosk of the centre gets its own letter: its enrolment and tickets carry it.
    await page.getByLabel(/This kiosk's letter/).selectOption('C');
    await page.locator('.setup__hex').getByText(/^C=[0-9a-f]{64}$/).waitFor();
    assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('kiosk-letter'))), 'C');
    await checkScreen(page, 'setup-2-paired');
    await page.goto(server.url + '/');
    await expectHeading(page, both('choose_language'));
    await tap(page, vi.help_now);
    await tap(page, vi.code_now);
    await page.locator('.slip__ticket').getByText(/^C-\d{3}$/).waitFor();

    // Five wrong PINs lock the page.
    await page.goto(server.url + '/setup/');
    for (let i = 0; i < 4; i++) {
      await enterPin(page, '000000');
      await page.getByText(new RegExp(`${4 - i} attempts left`)).waitFor();
    }
    await enterPin(page, '000000');
    await page.getByText(/Too many wrong PINs/).waitFor();
    await enterPin(page);
    await page.getByText(/Too many wrong PINs/).waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.close();
  }

  // The same device, now served a configuration with another staff key.
  const changed = await serveForTests((c) => { c.staff_public_key = OTHER_STAFF_KEY; });
  const browser2 = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const { page, problems } = await openPage(browser2, changed);
    // Pairing as it was on this device: pinned to another key (the demo one, whole).
    await page.evaluate(() => localStorage.setItem('kiosk-pinned-staff-key', JSON.stringify('d703ea365cf7df0ef580433002e4fa60da77df7b98ce39739ccc90c4408a3258')));
    await expectHeading(page, both('choose_language'));
    await expectNoCode(page, 'no code sealed to an unpinned key');
    assert.deepEqual(problems, []);
  } finally {
    await browser2.close();
    await changed.close();
  }
});

test('a kept value that no longer parses is reported and never silently replaced: the kiosk key', async () => {
  const server = await serveForTests();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    // A paired kiosk, so that only its unreadable key stops the code.
    const { page, problems } = await openPage(browser, server, { path: '/setup/' });
    await setPin(page);
    await pinStaffKey(page);
    await page.goto(server.url + '/');
    await page.evaluate(() => { localStorage.setItem('kiosk-key', '"not a key"'); localStorage.setItem('kiosk-letter', '42'); });
    await page.reload();
    await expectHeading(page, both('choose_language'));
    await expectNoCode(page, 'no code without a readable kiosk key');
    assert.equal(await page.evaluate(() => localStorage.getItem('kiosk-key')), '"not a key"', 'left as it was');

    await page.goto(server.url + '/setup/');
    await enterPin(page);
    const panel = page.locator('.unreadable');
    await panel.waitFor();
    assert.match(await panel.innerText(), /This kiosk's key: no codes/);
    assert.match(await panel.innerText(), /This kiosk's letter: A until it is chosen again/);
    await checkScreen(page, 'setup-3-unreadable');
    assert.equal(await page.evaluate(() => localStorage.getItem('kiosk-key')), '"not a key"', 'still left until she chooses');
    await page.getByRole('button', { name: /Make a new key/ }).click();
    await page.getByLabel('Mã PIN / PIN').waitFor();
    const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('kiosk-key')));
    assert.match(kept, /^[0-9a-f]{64}$/, 'a new key, by choice');

    // An unreadable pinned staff key is a pin to nothing, never "not paired": no code is made
    // until it is forgotten.
    await page.evaluate(() => localStorage.setItem('kiosk-pinned-staff-key', '42'));
    await page.goto(server.url + '/');
    await expectHeading(page, both('choose_language'));
    await expectNoCode(page, 'no code with an unreadable pin');
    await page.goto(server.url + '/setup/');
    await enterPin(page);
    await page.getByRole('button', { name: /Forget the unreadable pin/ }).click();
    await page.getByLabel('Mã PIN / PIN').waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('kiosk-pinned-staff-key')), null, 'forgotten by choice');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('a release build makes no code with the shipped demo staff key, and the setup page says why', async () => {
  const server = await serveForTests((c) => { c.staff_public_key = DEMO_STAFF_KEY; });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const { page, problems } = await openPage(browser, server);
    await expectHeading(page, both('choose_language'));
    await expectNoCode(page, 'no code sealed to a key anyone can open');
    await page.goto(server.url + '/setup/');
    await setPin(page);
    // Never pinned either: no button, and the page says why and what to do.
    await page.getByText(/DEMO KEY: this kiosk makes no code for it \(anyone could open a client's code\)/).waitFor();
    assert.equal(await page.getByRole('button', { name: /Pin this staff key/ }).count(), 0);
    // Its self-test row sends her to the fix that exists, not to a button that does not.
    const pinnedRow = await page.locator('.self-test tbody tr', { hasText: 'Staff key as pinned' }).innerText();
    assert.match(pinnedRow, /The demo key cannot be pinned: first put the centre's public key in centre\.json/);
    assert.doesNotMatch(pinnedRow, /press “Pin this staff key”/);
    await checkScreen(page, 'setup-4-demo-key-refused');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
