// The staff desk: import the staff key backup, enrol the kiosk, type a code as a USB
// scanner does (ending in Enter), read the case sheet (ticket first, needs red, context
// neutral, refused sharing grey); nothing counted or exported before her decisions are
// recorded; every error kind under the scan field; replay; revoke; lock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveForTests, checkScreen, openStaff, CHROMIUM_ARGS, FIXTURES } from './harness.mjs';
import { PASSPHRASE, handoff, handoffWithPassphrase, codeFromKiosk, scan, show, decide, record, unlock, enrol } from './pages/desk.mjs';
import { CENTRE_PUB, centreKey } from './pages/centre_key.mjs';

test('the staff desk opens a kiosk code typed by a scanner and shows the case sheet', async () => {
  const server = await serveForTests();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const { code, kioskPublic, dir } = await codeFromKiosk(browser, server);
    const { page, problems } = await openStaff(browser, server);
    await page.getByRole('heading', { name: /no staff key yet/ }).waitFor();
    await checkScreen(page, 'staff-1-no-key');

    // The shipped demo key, whose private half is published: this release build refuses it,
    // even with its passphrase (only `make run`'s demo build takes it).
    const demo = handoffWithPassphrase(PASSPHRASE, 'wrap', join(FIXTURES, 'demo-staff.key'));
    await page.getByLabel(/backup file's contents/).fill(demo);
    await page.getByLabel('Mật khẩu / Passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: /Import/ }).click();
    await page.getByText(/This is the DEMO key shipped with the source: its private half is public, anyone can get it, so the release software does not use it\. Use the centre's own key; if there is none yet, tell the admin/).waitFor({ timeout: 20000 });
    assert.equal(await page.evaluate(() => localStorage.getItem('staff-keyring')), null, 'the demo key is not kept');
    await checkScreen(page, 'staff-1b-demo-key-refused');
    // The centre's own key, made at a desk: a wrong passphrase first.
    const { backup, passphrase } = await centreKey();
    await page.getByLabel(/backup file's contents/).fill(backup);
    await page.getByLabel('Mật khẩu / Passphrase').fill('wrong passphrase!!');
    await page.getByRole('button', { name: /Import/ }).click();
    await page.getByText(/Wrong passphrase/).waitFor({ timeout: 20000 });
    await page.getByLabel('Mật khẩu / Passphrase').fill(passphrase);
    await page.getByRole('button', { name: /Import/ }).click();
    await page.getByRole('heading', { name: /Intake desk$/ }).waitFor({ timeout: 20000 });
    assert.equal(await page.getByText('DEMO KEYS').count(), 0, 'no demo banner on the centre\'s own key');
    assert.equal(await page.locator('h1 [lang="en"]').innerText(), 'Intake desk', 'the heading\'s English half is marked lang="en"');

    // Not enrolled yet: no key of this desk opens it (nothing in the clear says which kiosk).
    await scan(page, code);
    await page.getByText(/No key of this desk opens this code/).waitFor();
    await enrol(page, kioskPublic);
    await page.locator('.kiosks .kiosks__row').first().waitFor();
    await checkScreen(page, 'staff-2-kiosks');
    await show(page, 'Intake');
    await checkScreen(page, 'staff-2-desk');

    await scan(page, code);
    const sheet = page.locator('.case-sheet');
    await sheet.waitFor();
    const text = await sheet.innerText();
    assert.match(text, /^Số thứ tự \/ Ticket\s+A-\d{3}/, 'the ticket comes first');
    assert.match(await page.locator('.case-sheet__priority').innerText(), /NEEDS A DOCTOR NOW/, 'a need, in red');
    assert.match(await page.locator('.case-sheet__context').innerText(), /2 children with the client/, 'context, neutral');
    const refused = await page.locator('.case-sheet__refused').innerText();
    assert.match(refused, /Report to the police/);
    assert.match(refused, /does NOT want sharing/);
    assert.match(refused, /Do not contact — ask her first/);
    assert.doesNotMatch(refused, /0203 3000 000/, 'the contact she refused is not shown');
    const refusedColour = await page.locator('.case-sheet__refused td').first().evaluate((e) => getComputedStyle(e).backgroundColor);
    const needColour = await page.locator('.case-sheet__priority').evaluate((e) => getComputedStyle(e).backgroundColor);
    assert.notEqual(refusedColour, needColour, 'refused sharing is not the red of a need');
    assert.match(refusedColour, /rgb\((\d+), \1, \1\)/, `refused sharing is grey: ${refusedColour}`);
    for (const raw of ['18_plus', 'not_asked', '(vi)', '(en)']) assert.ok(!text.includes(raw), `no raw code ${raw}`);
    // Nothing printed or exported before her decisions are recorded.
    for (const name of [/Export JSON/, /Export CSV/, /Print the case sheet/, /Print the referral slip/]) {
      assert.equal(await page.getByRole('button', { name }).count(), 0, `${name} waits for the recording`);
    }
    await checkScreen(page, 'staff-3-case-sheet');

    // A second scan of the same code is noticed.
    await scan(page, code);
    await page.getByText(/opened on this device before/).waitFor();
    // Close: the case is gone from the screen (and from the tab's memory).
    await page.getByRole('button', { name: /Close$/ }).click();
    assert.equal(await page.locator('.case-sheet').count(), 0);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('staff-open-case')), null);

    // Each error kind has its own message.
    const other = join(dir, 'other');
    handoff('keygen', '--out', other);
    writeFileSync(join(dir, 'a.json'), handoff('sample'));
    const forOtherStaff = handoff('seal', '--answers', join(dir, 'a.json'), '--staff-key', `${other}.pub`, '--kiosk-key', join(dir, 'kiosk.key'));
    const fromOtherKiosk = handoff('seal', '--answers', join(dir, 'a.json'), '--staff-key', CENTRE_PUB, '--kiosk-key', `${other}.key`);
    // A code whose answers agree to statistics: a scan counts no one; recording her
    // decisions with "count in reports" counts her once, small counts hidden, no totals.
    const consenting = handoff('seal', '--answers', join(dir, 'a.json'), '--staff-key', CENTRE_PUB, '--kiosk-key', join(dir, 'kiosk.key'));
    await scan(page, consenting);
    await sheet.waitFor();
    await show(page, 'Statistics');
    assert.equal(await page.locator('.stats tbody tr').count(), 0, 'a scan counts no one');
    await show(page, 'Intake');
    await record(page);
    await page.locator('.decisions__missing').getByText(/Ask whether she agrees to be entered in the centre's case records/).waitFor();
    assert.equal(await page.getByRole('heading', { name: /Recorded —/ }).count(), 0, 'nothing recorded while something is undecided');
    await decide(page, /Enter in the centre's case records/, 'Yes');
    await record(page);
    await page.getByRole('heading', { name: /Recorded — LT/ }).waitFor();
    await show(page, 'Statistics');
    await page.locator('.stats tbody tr').first().waitFor();
    const stats = await page.locator('.stats').innerText();
    // Words, not the export's codes.
    assert.match(stats, /Chăm sóc y tế \/ Medical care\s+18 tuổi trở lên \/ 18 or over\s+Nữ \/ Female\s+<5/);
    assert.doesNotMatch(stats, /18_plus|\bhealth\b|\bfemale\b/);
    assert.doesNotMatch(stats, /total/i);
    await checkScreen(page, 'staff-3b-statistics');
    const rows = await page.locator('.stats tbody tr').count();
    // Recorded again (she changed nothing): still counted once.
    await show(page, 'Intake');
    await record(page);
    await page.locator('.recorded').getByText(/Recorded — LT/).waitFor();
    assert.equal(await page.locator('.stats tbody tr').count(), rows);
    assert.match(await page.locator('.stats').innerText(), /<5/);
    const digits = code.slice(2);
    const flipped = 'TK' + digits.slice(0, 100) + ((Number(digits[100]) + 1) % 10) + digits.slice(101);
    const newerVersion = 'TK3' + code.slice(3);
    const cases = [
      ['https://example.org/not-ours', /not a kiosk code/],
      [flipped, /Damaged or mistyped/],
      [newerVersion, /another kiosk version/],
      [forOtherStaff, /No key of this desk opens this code/],
      [fromOtherKiosk, /No key of this desk opens this code/],
    ];
    for (const [input, message] of cases) {
      await scan(page, input);
      await page.locator('#scan-error').getByText(message).waitFor();
      // Shown in both languages; the English half is marked so a screen reader reads it in English.
      assert.match(await page.locator('#scan-error [lang="en"]').innerText(), message, 'the English half is marked lang="en"');
    }
    await checkScreen(page, 'staff-4-error');
    // Right under the scan field, and gone at the next action.
    const field = await page.getByLabel(/Scan or paste the code/).boundingBox();
    const error = await page.locator('#scan-error').boundingBox();
    assert.ok(error.y > field.y && error.y - (field.y + field.height) < 40, 'the error sits under the field');
    await page.getByLabel(/Scan or paste the code/).type('1');
    assert.equal(await page.locator('#scan-error').isVisible(), false, 'cleared by the next action');
    await page.getByLabel(/Scan or paste the code/).fill('');

    // A revoked kiosk's codes are refused. Revoking asks first; Cancel changes nothing.
    await show(page, 'Kiosks');
    await page.getByRole('button', { name: /Revoke…/ }).click();
    await page.getByText(/Its codes are refused until it is restored/).waitFor();
    await page.getByRole('button', { name: /Cancel/ }).click();
    assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('staff-kiosks')).kiosks[0].state), 'enrolled', 'nothing changed');
    await page.getByRole('button', { name: /Revoke…/ }).click();
    await page.getByRole('button', { name: /Confirm revoke/ }).click();
    await page.locator('.kiosks__state').getByText(/revoked \d{4}-\d{2}-\d{2} \d{2}:\d{2}/).waitFor();
    await checkScreen(page, 'staff-4b-revoked');
    await scan(page, code);
    await page.locator('#scan-error').getByText(/was revoked/).waitFor();
    // Undone: restored once found, with the time of each change kept for merging desks.
    await show(page, 'Kiosks');
    await page.getByRole('button', { name: /Restore…/ }).click();
    await page.getByRole('button', { name: /Confirm restore/ }).click();
    const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('staff-kiosks')).kiosks[0]);
    assert.equal(kept.state, 'restored');
    assert.ok(Math.abs(kept.state_since_minutes - Date.now() / 60000) < 5, 'the change is timed');
    await scan(page, code);
    await page.getByText(/This code was opened on this device before/).waitFor();
    assert.equal(await page.locator('#scan-error').getByText(/was revoked/).count(), 0, 'its codes open again');

    // Locking forgets the key; the passphrase opens it again.
    await page.getByRole('button', { name: /Lock/ }).click();
    await page.getByRole('heading', { name: /is locked/ }).waitFor();
    await checkScreen(page, 'staff-5-locked');
    // Initials are asked with the passphrase, and kept for the session only.
    await page.getByLabel('Mật khẩu / Passphrase').fill(passphrase);
    await page.getByRole('button', { name: /Unlock/ }).click();
    await page.getByText(/Type your initials/).waitFor();
    await unlock(page);
    assert.match(await page.locator('.desk__who').innerText(), /Staff: LT/);
    const stored = await page.evaluate(() => JSON.stringify(localStorage));
    assert.ok(!stored.includes('A-0') && !stored.includes('police') && !stored.includes('"LT"'), 'the staff device keeps no answer and no initials in the clear');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
