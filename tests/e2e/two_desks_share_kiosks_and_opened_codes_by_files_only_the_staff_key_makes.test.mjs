// One centre, two desks, no server: a desk's kiosk list and its memory of opened codes go
// to the other desk as files only a holder of the staff key can make or read; the other
// desk lists what would change and merges when staff confirm. A kiosk cannot be enrolled
// with a letter another kiosk in use holds, and two codes of one day with one ticket are
// said on the case sheet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveForTests, checkScreen, openStaff, CHROMIUM_ARGS, FIXTURES } from './harness.mjs';
import { handoff, importCentreKey, enrol, scan, show, unlock } from './pages/desk.mjs';
import { CENTRE_PUB } from './pages/centre_key.mjs';
import { zbar } from './pages/kiosk.mjs';

const SAME_TICKET = /Another code from the same day carries this number/;
const OPENED_BEFORE = /This code was opened on this device before/;

/** Exports with the button named `name` and returns the downloaded file's path. */
async function exportFile(page, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return download.path();
}

async function importFile(page, file) {
  await page.getByLabel(/Import a file from another desk/).setInputFiles(file);
}

test('a second desk takes the first desk\'s kiosks and opened codes from files made with the staff key, after showing what changes', async () => {
  const server = await serveForTests();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const dir = mkdtempSync(join(tmpdir(), 'two-desks-'));
    // Two codes of kiosk A, both ticket A-042 (as if a counter were reset, or two kiosks
    // shared the letter).
    writeFileSync(join(dir, 'answers.json'), handoff('sample'));
    const seal = () => handoff('seal', '--answers', join(dir, 'answers.json'), '--staff-key', CENTRE_PUB, '--kiosk-key', join(FIXTURES, 'demo-kiosk.key'));
    const first = seal();
    const second = seal();
    handoff('keygen', '--out', join(dir, 'other'));
    const otherKiosk = handoff('public', join(dir, 'other.key'));

    const one = await openStaff(browser, server);
    await importCentreKey(one.page);
    await enrol(one.page, `A=${handoff('public', join(FIXTURES, 'demo-kiosk.key'))}`);
    // A second kiosk cannot take letter A: it would call the same numbers.
    await enrol(one.page, `A=${otherKiosk}`);
    await one.page.getByText(/Letter A is in use by kiosk A/).waitFor();
    await enrol(one.page, `B=${otherKiosk}`);
    const kioskB = one.page.locator('.kiosks__row').filter({ hasText: /^B · / });
    await kioskB.waitFor();
    const enrolled = await one.page.locator('.kiosks__row').count();
    // The lost kiosk B is revoked at this desk.
    await kioskB.getByRole('button', { name: /Revoke…/ }).click();
    await kioskB.getByRole('button', { name: /Confirm revoke/ }).click();
    await kioskB.getByText(/revoked/).waitFor();

    await scan(one.page, first);
    await one.page.locator('.case-sheet__ticket').waitFor();
    assert.equal(await one.page.getByText(SAME_TICKET).count(), 0);
    await one.page.getByRole('button', { name: /Close$/ }).click();
    await scan(one.page, second);
    await one.page.getByText(SAME_TICKET).waitFor();
    await one.page.getByRole('button', { name: /Close$/ }).click();

    await show(one.page, 'Kiosks');
    const kioskFile = await exportFile(one.page, /Export the kiosk list/);
    const openedFile = await exportFile(one.page, /Export the opened codes/);
    const text = readFileSync(kioskFile, 'utf8');
    assert.ok(!text.includes(otherKiosk), 'the file is sealed: no kiosk key in the clear');
    // The same list as a QR code on the screen, for a desk in the same room.
    await one.page.getByRole('button', { name: /Show the kiosk list as a QR code/ }).click();
    const qrFile = join(dir, 'kiosks-qr.png');
    await one.page.locator('.desk-transfer__qr-image').screenshot({ path: qrFile });
    const qrText = zbar(qrFile);
    assert.match(qrText, /^DK1\d+$/, 'digits only, behind a neutral prefix');
    await one.page.getByRole('button', { name: /Hide the QR code/ }).click();

    // The second desk: the same centre's staff key, nothing else yet.
    const two = await openStaff(browser, server);
    await importCentreKey(two.page);
    await show(two.page, 'Kiosks');
    // A file changed on the way is refused; nothing changes.
    const forged = JSON.parse(text);
    const c = forged.sealed.ciphertext;
    forged.sealed.ciphertext = c.slice(0, -1) + (c.endsWith('0') ? '1' : '0');
    writeFileSync(join(dir, 'forged.json'), JSON.stringify(forged));
    await importFile(two.page, join(dir, 'forged.json'));
    await two.page.getByText(/not made with a staff key this desk trusts/).waitFor();
    const before = await two.page.locator('.kiosks__row').count();
    assert.ok(before < enrolled, 'nothing merged from the changed file');

    // Scanned at the second desk's scan field, the QR code leads to the kiosks view's plan.
    await scan(two.page, qrText);
    const plan = two.page.locator('.desk-transfer__plan');
    await plan.waitFor();
    const said = await plan.innerText();
    assert.match(said, /Add kiosk A · /);
    assert.match(said, /Add kiosk B · .*\(revoked at the other desk/);
    await checkScreen(two.page, 'staff-9-merge-plan');
    await plan.getByRole('button', { name: /Merge/ }).click();
    await two.page.getByText(/The kiosk lists were merged/).waitFor();
    assert.equal(await two.page.locator('.kiosks__row').count(), enrolled);
    assert.match(await two.page.locator('.kiosks__row').filter({ hasText: /^B · / }).innerText(), /revoked/);
    // The file holds the same list: nothing to change.
    await importFile(two.page, kioskFile);
    await two.page.getByText(/Nothing to change/).waitFor();

    // Its memory of opened codes: a code opened at the first desk is noticed here.
    await importFile(two.page, openedFile);
    await plan.getByText(/Add 2 codes opened at the other desk/).waitFor();
    await plan.getByRole('button', { name: /Merge/ }).click();
    await two.page.getByText(/The lists of opened codes were merged/).waitFor();
    await scan(two.page, first);
    await two.page.getByText(OPENED_BEFORE).waitFor();

    // On the first desk, someone with the locked device restores the lost kiosk B in the
    // browser's storage: the list no longer matches its seal and is not used.
    await one.page.evaluate(() => {
      const kept = JSON.parse(localStorage.getItem('staff-kiosks'));
      for (const k of kept.kiosks) if (k.state === 'revoked') k.state = 'restored';
      localStorage.setItem('staff-kiosks', JSON.stringify(kept));
    });
    await one.page.reload();
    await unlock(one.page);
    await one.page.getByText(/The kiosk list on this device was changed outside the desk/).waitFor();
    await scan(one.page, first);
    await one.page.getByText(/No key of this desk opens this code/).waitFor();
    await one.page.getByRole('button', { name: /Start the kiosk list again/ }).click();
    assert.equal(await one.page.evaluate(() => localStorage.getItem('staff-kiosks')), null);

    assert.deepEqual(one.problems, []);
    assert.deepEqual(two.problems, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
