// The recovery steps of docs/threat-model.md, each as staff would follow them: a lost
// kiosk (revoke, a replacement enrolled with its fingerprint compared, restore once found)
// and a lost staff device (a new key after the loss, published, re-pinned on the kiosk; the
// old key's codes open with a warning for the configured days, then the key is deleted).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveForTests, checkScreen, openStaff, CHROMIUM_ARGS, FIXTURES, SHOTS } from './harness.mjs';
import { expectHeading, expectNoCode, tap, zbar, assertNothingKept } from './pages/kiosk.mjs';
import { PASSPHRASE, INITIALS, handoff, handoffWithPassphrase, enrol, scan, importBackup, unlock, show } from './pages/desk.mjs';
import { setUpKiosk, fingerprints, enterPin, pinStaffKey } from './pages/setup.mjs';
import { both, vi } from './pages/labels.mjs';

const DAY_MS = 24 * 60 * 60 * 1000;
// The centre's staff key before the loss (any real key but the shipped demo one).
const OLD_STAFF_KEY = join(FIXTURES, 'demo-kiosk.key');
const OLD_STAFF_PUBLIC = readFileSync(join(FIXTURES, 'demo-kiosk.pub'), 'utf8').trim();

/** A staff desk holding the old key, imported from its backup. */
async function deskWithOldKey(browser, server) {
  const opened = await openStaff(browser, server);
  const backup = handoffWithPassphrase(PASSPHRASE, 'wrap', OLD_STAFF_KEY);
  await importBackup(opened.page, backup, PASSPHRASE);
  return { ...opened, backup };
}

/** A code made at the kiosk by the shortest path ("see someone now", "get my code"). */
async function codeFrom(kiosk, server, name) {
  const { page } = kiosk;
  await page.goto(server.url + '/');
  await expectHeading(page, both('choose_language'));
  await tap(page, vi.help_now);
  await tap(page, vi.code_now);
  const qr = page.locator('.slip__qr');
  await qr.waitFor();
  const file = join(SHOTS, `recovery-${name}.png`);
  await qr.screenshot({ path: file });
  return zbar(file);
}

test('a lost kiosk: revoke it, enrol its replacement by comparing fingerprints, restore it once found', async () => {
  const server = await serveForTests((c) => { c.staff_public_key = OLD_STAFF_PUBLIC; });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const desk = await deskWithOldKey(browser, server);
    const lost = await setUpKiosk(browser, server, 'A');
    await enrol(desk.page, lost.enrolment);
    const before = await codeFrom(lost, server, 'lost-kiosk');
    // Step 3 first, as it is about the kiosk itself: it kept nothing of her answers.
    await assertNothingKept(lost.page, lost.context);

    // Step 1: revoke it (asked first); its codes are refused.
    await show(desk.page, 'Kiosks');
    const row = desk.page.locator('.kiosks .kiosks__row').filter({ hasText: /^A · / });
    await row.getByRole('button', { name: /Revoke…/ }).click();
    await row.getByRole('button', { name: /Confirm revoke/ }).click();
    await scan(desk.page, before);
    await desk.page.locator('.desk__error').getByText(/was revoked/).waitFor();

    // Step 2: the replacement makes its own key; its letter is chosen on its setup page;
    // the fingerprint on its screen is the one the desk lists once it is enrolled.
    const replacement = await setUpKiosk(browser, server, 'B');
    assert.notEqual(replacement.kioskFingerprint, lost.kioskFingerprint, 'a key of its own');
    await enrol(desk.page, replacement.enrolment);
    const listed = desk.page.locator('.kiosks .kiosks__row').filter({ hasText: /^B · / }).locator('.fingerprint');
    assert.ok((await listed.innerText()).endsWith(replacement.kioskFingerprint), 'the same fingerprint on both screens');
    const fresh = await codeFrom(replacement, server, 'replacement-kiosk');
    await scan(desk.page, fresh);
    await desk.page.locator('.case-sheet').waitFor();
    assert.match(await desk.page.locator('.case-sheet').innerText(), /B-\d{3}/);

    // Found and checked: Restore (asked first) lets its codes open again.
    await show(desk.page, 'Kiosks');
    await row.getByRole('button', { name: /Restore…/ }).click();
    await row.getByRole('button', { name: /Confirm restore/ }).click();
    await scan(desk.page, before);
    await desk.page.locator('.case-sheet').waitFor();
    assert.equal(await desk.page.locator('.desk__error').getByText(/was revoked/).count(), 0);
    for (const page of [desk, lost, replacement]) assert.deepEqual(page.problems, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('a lost staff device: a new key after the loss, re-pinned on the kiosk; the old key opens with a warning for seven days, then is deleted', async () => {
  const server = await serveForTests((c) => { c.staff_public_key = OLD_STAFF_PUBLIC; });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const desk = await deskWithOldKey(browser, server);
    // A second staff desk of the centre, holding the same key before the loss.
    const desk2 = await deskWithOldKey(browser, server);
    const kiosk = await setUpKiosk(browser, server, 'A');
    await enrol(desk.page, kiosk.enrolment);
    await enrol(desk2.page, kiosk.enrolment);
    const sealedToOld = await codeFrom(kiosk, server, 'before-loss');

    // Step 1: a new key on a trusted staff device, made after the loss, its backup proven.
    const page = desk.page;
    await show(page, 'Staff keys');
    const makeNew = page.locator('details', { hasText: 'Make a new key…' });
    await makeNew.locator('summary').click();
    await makeNew.getByLabel(/A staff device was lost or the passphrase seen/).check();
    const passphrase = await page.getByTestId('suggested-passphrase').innerText();
    await page.getByRole('button', { name: /Create the key/ }).click();
    await page.getByRole('heading', { name: /Save the backup before use/ }).waitFor({ timeout: 20000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download the backup/ }).click()]);
    const newBackup = join(mkdtempSync(join(tmpdir(), 'new-key-')), 'backup.json');
    await download.saveAs(newBackup);
    await page.locator('.new-key input[type="file"]').setInputFiles(newBackup);
    await page.getByLabel(/The passphrase \(typed again/).fill(passphrase);
    await page.getByRole('button', { name: /Check and start/ }).click();
    const keys = page.locator('.staff-keys__row');
    await keys.nth(1).getByText(/Compromised, retired/).waitFor({ timeout: 20000 });
    assert.match(await keys.nth(0).innerText(), /Current: kiosks seal to this key/);
    assert.match(await keys.nth(1).innerText(), /deleted from this desk in 7 days/);
    await page.getByText(/The new key is kept; the older keys count as compromised and are deleted from this desk in 7 days/).waitFor();
    assert.equal(await page.locator('.staff-keys details[open]').count(), 0, 'the form is closed again: nothing typed stays on screen');
    // Until the new key is published, the desk says the kiosks still seal to the old one.
    await page.getByText(/URGENT: kiosks still seal to a key that may be compromised/).waitFor();
    await checkScreen(page, 'staff-keys-after-loss');
    // The new public key, as the desk shows it for the configuration.
    await page.locator('summary', { hasText: /This desk's public key/ }).click();
    const newPublic = (await page.locator('.setup__hex').innerText()).trim();
    assert.match(newPublic, /^[0-9a-f]{64}$/);
    const newFingerprint = (await page.locator('.desk__bar .fingerprint').innerText()).trim();
    server.setConfig((c) => { c.staff_public_key = newPublic; });

    // Step 2: the kiosk notices the changed key and makes no code until it is pinned again,
    // behind its PIN, once its fingerprint matches the desk's.
    await kiosk.page.goto(server.url + '/');
    await expectHeading(kiosk.page, both('choose_language'));
    await expectNoCode(kiosk.page, 'no code sealed to an unpinned key');
    await kiosk.page.goto(server.url + '/setup/');
    await enterPin(kiosk.page);
    await kiosk.page.getByRole('heading', { name: /Kiosk setup/ }).waitFor();
    const [staffShown] = await fingerprints(kiosk.page);
    assert.equal(staffShown, newFingerprint, 'the kiosk shows the fingerprint the desk shows');
    await pinStaffKey(kiosk.page);
    const sealedToNew = await codeFrom(kiosk, server, 'after-loss');
    await page.reload();
    await unlock(page, passphrase);
    assert.equal(await page.getByText(/still seal to|not the staff key in centre.json/).count(), 0, 'published');
    await scan(page, sealedToNew);
    await page.locator('.case-sheet').waitFor();
    assert.equal(await page.getByText(/Sealed to a retired key/).count(), 0, 'the new key: no warning');

    // Step 3: a code sealed to the old key before the loss opens, with the warning, within
    // the window; on a trusted computer the old key's backup opens it too.
    await scan(page, sealedToOld);
    await page.getByText(/Sealed to a retired key that may be compromised — confirm everything with the client in person/).waitFor();
    await page.locator('.case-sheet').waitFor();
    await checkScreen(page, 'staff-case-sealed-to-compromised-key');
    const oldBackupFile = join(mkdtempSync(join(tmpdir(), 'old-key-')), 'old.json');
    writeFileSync(oldBackupFile, desk.backup);
    const viaTool = handoffWithPassphrase(PASSPHRASE, 'open', sealedToOld, '--staff-backup', oldBackupFile, '--kiosks', kiosk.enrolment);
    assert.match(viaTool, /A-\d{3}/);

    // The second desk follows: it takes the centre's new key from its backup as its current
    // key (the old one compromised), after refusing to take it as an older key.
    const p2 = desk2.page;
    await p2.reload();
    await unlock(p2, PASSPHRASE);
    await p2.getByText(/This desk's key is not the staff key in centre.json/).waitFor();
    await show(p2, 'Staff keys');
    const addOld2 = p2.locator('details', { hasText: 'Add an old key from its backup…' });
    await addOld2.locator('summary').click();
    await addOld2.getByLabel(/The old key's backup file/).setInputFiles(newBackup);
    await addOld2.getByLabel(/That backup's passphrase/).fill(passphrase);
    await addOld2.getByLabel(/A routine change/).check();
    await addOld2.getByRole('button', { name: /Add the old key/ }).click();
    await p2.getByText(/This is the staff key in centre.json: use “Take the centre's new key/).waitFor({ timeout: 20000 });
    const take = p2.locator('details', { hasText: "Take the centre's new key from its backup…" });
    await take.locator('summary').click();
    await take.getByLabel(/A staff device was lost or the passphrase seen/).check();
    await take.getByLabel(/The new key's backup file/).setInputFiles(newBackup);
    await take.getByLabel(/The new key's passphrase/).fill(passphrase);
    await take.getByRole('button', { name: /Make it the current key/ }).click();
    await p2.getByText(/The centre's new key is this desk's current key/).waitFor({ timeout: 20000 });
    const keys2 = p2.locator('.staff-keys__row');
    assert.match(await keys2.nth(0).innerText(), /Current/);
    assert.match(await keys2.nth(1).innerText(), /Compromised, retired/);
    assert.equal(await p2.getByText(/not the staff key in centre.json/).count(), 0);
    await scan(p2, sealedToOld);
    await p2.getByText(/Sealed to a retired key that may be compromised/).waitFor();
    // From now on it unlocks with the new key's passphrase, not the one that was seen.
    await p2.getByRole('button', { name: /Lock/ }).click();
    await p2.getByLabel(/Your initials/).fill(INITIALS);
    await p2.getByLabel('Mật khẩu / Passphrase').fill(PASSPHRASE);
    await p2.getByRole('button', { name: /Unlock/ }).click();
    await p2.getByText(/Wrong passphrase/).waitFor({ timeout: 20000 });
    await p2.getByLabel('Mật khẩu / Passphrase').fill(passphrase);
    await p2.getByRole('button', { name: /Unlock/ }).click();
    await p2.getByRole('heading', { name: /Intake desk$/ }).waitFor({ timeout: 20000 });
    assert.deepEqual(desk2.problems, []);
    assert.deepEqual(kiosk.problems, [], 'the kiosk stayed quiet and on its own origin');

    // A new staff device: the new key's backup, then the old key's, marked.
    const { page: other, problems: otherProblems } = await openStaff(browser, server);
    await other.getByLabel(/backup file's contents/).fill(readFileSync(newBackup, 'utf8'));
    await other.getByLabel('Mật khẩu / Passphrase').fill(passphrase);
    await other.getByRole('button', { name: /Import/ }).click();
    await other.getByRole('heading', { name: /Intake desk$/ }).waitFor({ timeout: 20000 });
    await show(other, 'Staff keys');
    const addOld = other.locator('details', { hasText: 'Add an old key from its backup…' });
    await addOld.locator('summary').click();
    await addOld.getByLabel(/The old key's backup file/).setInputFiles(oldBackupFile);
    await addOld.getByLabel(/That backup's passphrase/).fill(PASSPHRASE);
    await addOld.getByRole('button', { name: /Add the old key/ }).click();
    await other.getByText(/Choose why the key changed first/).waitFor({ timeout: 20000 });
    await addOld.getByLabel(/this key may be known to someone/).check();
    await addOld.getByRole('button', { name: /Add the old key/ }).click();
    await other.locator('.staff-keys__row').nth(1).getByText(/Compromised, retired/).waitFor({ timeout: 20000 });
    await other.getByText(/The old key is added/).waitFor();
    await enrol(other, kiosk.enrolment);
    await scan(other, sealedToOld);
    await other.getByText(/Sealed to a retired key/).waitFor();
    assert.deepEqual(otherProblems, []);

    // Eight days on: unlocking deletes the old key, and its codes open no more.
    await page.clock.setFixedTime(new Date(Date.now() + 8 * DAY_MS));
    await page.reload();
    await unlock(page, passphrase);
    assert.equal(await keys.count(), 1, 'only the new key is left');
    await scan(page, sealedToOld);
    await page.locator('.desk__error').getByText(/No key of this desk opens this code/).waitFor();
    // Deleted, not only left untried: back within the window, it still does not open.
    await page.clock.setFixedTime(new Date(Date.now() + 1 * DAY_MS));
    await page.reload();
    await unlock(page, passphrase);
    assert.equal(await keys.count(), 1, 'the deletion was kept');
    await scan(page, sealedToOld);
    await page.locator('.desk__error').getByText(/No key of this desk opens this code/).waitFor();
    assert.deepEqual(desk.problems, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
