// Her decisions at the desk, as staff take them with her: pre-filled from her kiosk taps
// (shown beside, never in their place), recorded with the staff member's initials; then one
// referral slip per agency she agreed to share with, printed to PDF and read back: what she
// agreed to share with that agency and nothing else. A child's view, the adult's and a
// mandatory report are recorded apart. The case is deleted from the desk on request and
// when its time comes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveForTests, checkScreen, openStaff, CHROMIUM_ARGS, FIXTURES, SHOTS } from './harness.mjs';
import { handoff, handoffWithCentreKey, importCentreKey, enrol, scan, decide, record, show } from './pages/desk.mjs';
import { CENTRE_PUB } from './pages/centre_key.mjs';

const DAY_MS = 24 * 60 * 60 * 1000;
// Service bits (intake::Service order): health 1, psychosocial 2, shelter 4, legal 8, police 16.
const HEALTH = 1, LEGAL = 8, POLICE = 16;

/** A code sealed for the demo desk from `answers` merged over an adult woman's. */
function codeOf(dir, name, answers) {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({
    ticket: 'A-042',
    answers: {
      session_language: 'vi', spoken_language: 'vi', interpreter: 'no', age_band: 'adult',
      help_now: false, danger_now: 'yes', doctor_now: 'no', private_room: 'yes', children: 'not_asked',
      services: HEALTH | LEGAL | POLICE, talk_first: false, consent_services: 'yes',
      sharing: { yes: HEALTH | LEGAL, no: POLICE, not_sure: 0 },
      consent_statistics: 'yes', sex: 'female', disability: 'no',
      ...answers,
    },
  }));
  return handoff('seal', '--answers', file, '--staff-key', CENTRE_PUB, '--kiosk-key', join(FIXTURES, 'demo-kiosk.key'));
}

/** Prints the slip of the agency whose card matches `service` and returns its PDF's text. */
async function printSlip(page, service, { carry, name }, file) {
  const card = page.locator('.slip-card').filter({ hasText: service });
  await card.getByRole('radio', { name: carry }).check();
  await card.getByRole('radio', { name }).check();
  const before = await page.evaluate(() => window.__printed || 0);
  await card.getByRole('button', { name: /Print the referral slip/ }).click();
  await page.waitForFunction((n) => (window.__printed || 0) > n, before);
  await page.pdf({ path: file, preferCSSPageSize: true });
  const info = execFileSync('pdfinfo', [file]).toString();
  assert.match(info, /Pages:\s+1\n/, `one page: ${info}`);
  assert.match(info, /\(A5\)/, `A5: ${info}`);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString();
}

test('her decisions are recorded in person, and each agency she agreed to gets a slip with only what she shared', async () => {
  const server = await serveForTests();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const dir = mkdtempSync(join(tmpdir(), 'decisions-'));
    const code = codeOf(dir, 'woman', {});
    // window.print opens no dialog here: it is counted, and Playwright prints the page.
    const { page, problems } = await openStaff(browser, server, {
      viewport: { width: 1280, height: 900 },
      initScript: { fn: () => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; } },
    });
    await importCentreKey(page);
    await enrol(page, `A=${handoff('public', join(FIXTURES, 'demo-kiosk.key'))}`);
    await scan(page, code);
    const form = page.locator('.decisions');
    await form.waitFor();
    // Her taps pre-fill the choices and stay beside them.
    const health = form.locator('fieldset').filter({ has: page.locator('legend', { hasText: 'Medical care' }) });
    assert.ok(await health.getByRole('radio', { name: /Share with this agency$/ }).isChecked());
    assert.match(await health.innerText(), /At the kiosk: wanted sharing/);
    const police = form.locator('fieldset').filter({ has: page.locator('legend', { hasText: 'Report to the police' }) });
    assert.ok(await police.getByRole('radio', { name: /Do not share$/ }).isChecked());
    assert.equal(await form.locator('fieldset').filter({ has: page.locator('legend', { hasText: /case records/ }) }).getByRole('radio', { checked: true }).count(), 0, 'no kiosk answer: nothing chosen for her');
    // She decides, with staff: legal aid later; her needs go to the clinic only.
    await decide(page, 'Legal aid', 'Decide later');
    await form.locator('.decision__service[data-service="health"]').getByLabel(/Also put her urgent needs on this agency's slip/).check();
    // Flags on her case record: offered once she agrees to case records, unticked until
    // staff tick one with her; none for an interpreter she does not need.
    assert.equal(await form.locator('.decision__flags').isVisible(), false);
    await decide(page, /Enter in the centre's case records/, 'Yes');
    const urgentFlag = form.getByLabel(/Flag her case record as urgent: in danger now/);
    assert.equal(await urgentFlag.isChecked(), false);
    assert.equal(await form.getByLabel(/needs an interpreter/).count(), 0);
    await urgentFlag.check();
    await checkScreen(page, 'staff-6-decisions');
    // Before it is recorded, not even the browser's own Print shows her case.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.case-sheet').isVisible(), false, 'nothing printed before recording');
    await page.emulateMedia({ media: null }); // back to the page's own media (page.pdf prints)
    await record(page);
    await page.getByRole('heading', { name: /Recorded — LT/ }).waitFor();
    const reference = (await page.locator('.recorded .fingerprint').innerText()).trim();
    assert.match(reference, /^HS-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);

    // One slip: the clinic. None for the police (declined) or legal aid (later).
    const cards = page.locator('.slip-card');
    assert.equal(await cards.count(), 1);
    assert.match(await cards.first().innerText(), /Medical care/);
    // Staff ask the two questions first.
    await cards.first().getByRole('button', { name: /Print the referral slip/ }).click();
    await page.getByText(/Ask the two questions above before printing/).waitFor();
    await checkScreen(page, 'staff-7-recorded');
    const clinic = await printSlip(page, 'Medical care', { carry: /Safe — give it to her/, name: /No — no name line/ }, join(SHOTS, 'referral-health.pdf'));
    for (const expected of ['PHIẾU CHUYỂN GỬI', 'Referral slip', reference, 'Chăm sóc y tế', 'Medical care', 'Phòng khám của trung tâm', 'ĐANG GẶP NGUY HIỂM', 'IN DANGER NOW', 'Cán bộ chuyển gửi: LT', 'Chữ ký', 'Thân chủ tự mang phiếu đến']) {
      assert.ok(clinic.includes(expected), `the clinic's slip holds ${expected}:\n${clinic}`);
    }
    for (const absent of ['A-042', 'Công an', 'police', 'pháp lý', 'Legal', 'phòng riêng', 'private room', 'Họ tên thân chủ']) {
      assert.ok(!clinic.includes(absent), `the clinic's slip does not hold ${absent}:\n${clinic}`);
    }
    assert.ok(clinic.indexOf('Chăm sóc y tế') < clinic.indexOf('Medical care'), 'Vietnamese first');

    // She changes her mind about legal aid: recorded again; its slip carries no need.
    await decide(page, 'Legal aid', 'Share with this agency');
    await record(page);
    await page.locator('.slip-card').filter({ hasText: 'Legal aid' }).waitFor();
    assert.equal(await cards.count(), 2);
    const legal = await printSlip(page, 'Legal aid', { carry: /Not safe — the centre sends it/, name: /Yes — leave a line for her name/ }, join(SHOTS, 'referral-legal.pdf'));
    for (const expected of [reference, 'Trợ giúp pháp lý', '0203 3000 111', 'Họ tên thân chủ', 'Trung tâm gửi phiếu trực tiếp']) {
      assert.ok(legal.includes(expected), `the legal slip holds ${expected}:\n${legal}`);
    }
    for (const absent of ['NGUY HIỂM', 'DANGER', 'Medical care', 'Công an', 'A-042']) {
      assert.ok(!legal.includes(absent), `the legal slip does not hold ${absent}:\n${legal}`);
    }

    // The export holds her decisions, apart from her taps, and never the private room.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Export JSON/ }).click()]);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(exported.decided_share_health, 'share');
    assert.equal(exported.decided_share_police, 'do_not_share');
    assert.equal(exported.decided_share_legal, 'share');
    assert.equal(exported.decided_by, 'LT');
    assert.equal(exported.case_reference, reference);
    assert.ok(!JSON.stringify(exported).includes('private'));
    assert.match(download.suggestedFilename(), /^case-HS-/, 'the file is named by the reference, not the ticket');
    // For Primero: her code, still sealed, and her decisions (the handoff tool builds the body).
    const [forPrimero] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Export for Primero/ }).click()]);
    const decisions = JSON.parse(readFileSync(await forPrimero.path(), 'utf8'));
    assert.equal(decisions.format, 'anh-duong-decisions-2');
    assert.equal(decisions.code, code);
    // Her decisions are sealed under the staff key: unreadable and unchangeable in the file;
    // the tool opens them with the key and builds what she decided.
    for (const absent of ['private', 'flag_urgent', 'enter_in_records', 'LT']) {
      assert.ok(!JSON.stringify(decisions).includes(absent), `sealed: ${absent}`);
    }
    const body = JSON.parse(await handoffWithCentreKey('primero', 'body', '--decisions', await forPrimero.path(), '--kiosks', `A=${handoff('public', join(FIXTURES, 'demo-kiosk.key'))}`));
    assert.equal(body.data.consent_to_share_info_by_health, 'true');
    assert.equal(body.data.consent_to_share_info_by_security, 'false');

    // Closed, it is listed as kept on this desk, with when it is deleted; kept sealed.
    await page.getByRole('button', { name: /Close$/ }).click();
    const kept = page.locator('.kept-cases li');
    await kept.first().waitFor();
    assert.match(await kept.first().innerText(), new RegExp(`${reference}[\\s\\S]*to be deleted \\d{4}-\\d{2}-\\d{2}`));
    const stored = await page.evaluate(() => localStorage.getItem('staff-cases'));
    assert.ok(stored && !/A-042|health|LT|legal/i.test(stored), `sealed: ${stored}`);

    // Deleted from this desk on request (asked first).
    await kept.first().getByRole('button', { name: /Open$/ }).click();
    await page.getByRole('button', { name: /Delete this case from this desk…/ }).click();
    await page.getByRole('button', { name: /Confirm delete/ }).click();
    assert.equal(await page.locator('.case-sheet').count(), 0);
    assert.equal(await page.evaluate(() => localStorage.getItem('staff-cases')), '[]');
    await show(page, 'Statistics');
    assert.ok(await page.locator('.stats tbody tr').count() > 0, 'the anonymous counts stay');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('a child: her view, the adult, and a mandatory report are recorded apart; the desk deletes a case when its time comes', async () => {
  const server = await serveForTests();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const dir = mkdtempSync(join(tmpdir(), 'child-'));
    const code = codeOf(dir, 'child', { age_band: 'from12_to15', services: HEALTH, sharing: { yes: 0, no: 0, not_sure: 0 }, consent_statistics: 'not_asked' });
    const { page, problems } = await openStaff(browser, server, { viewport: { width: 1280, height: 900 } });
    await importCentreKey(page);
    await enrol(page, `A=${handoff('public', join(FIXTURES, 'demo-kiosk.key'))}`);
    await scan(page, code);
    await page.locator('.decision__child').waitFor();
    // The kiosk never asks a child about sharing: staff ask her.
    await decide(page, 'Medical care', 'Share with this agency');
    await decide(page, /Enter in the centre's case records/, 'No');
    await decide(page, /Count in the centre's anonymous reports/, 'No');
    await record(page);
    const missing = page.locator('.decisions__missing');
    await missing.getByText(/Record the child's own view/).waitFor();
    assert.match(await missing.innerText(), /parent's or guardian's answer/);
    assert.match(await missing.innerText(), /mandatory report/);
    await decide(page, /The child's own view/, 'Agrees');
    await decide(page, /Parent or guardian/, 'Not asked — they may be the one who harmed the child (no slip; go through the mandatory report)');
    await decide(page, /Mandatory report/, 'Made');
    await record(page);
    // To whom is chosen, never assumed; a slip needs the adult's agreement too.
    await missing.getByText(/choose whom it was made to/).waitFor();
    assert.match(await missing.innerText(), /Send a child's referral slip only when the child and a parent or guardian agree/);
    await decide(page, /Reported to/, 'The 111 child protection line');
    await decide(page, 'Medical care', 'Decide later');
    await checkScreen(page, 'staff-8-child-decisions');
    await record(page);
    await page.getByRole('heading', { name: /Recorded — LT/ }).waitFor();
    // Not entered in the case records: nothing to export or print for a paper file.
    assert.equal(await page.getByRole('button', { name: /Export JSON/ }).count(), 0);
    assert.equal(await page.getByRole('button', { name: /Print the case sheet/ }).count(), 0);
    await page.getByText(/She did not agree to be entered in the centre's case records/).waitFor();
    assert.equal(await page.locator('.slip-card').count(), 0, 'no slip: the report carries it');
    // With a parent's agreement, the child's slip says so.
    await decide(page, /Parent or guardian/, 'Agrees');
    await decide(page, 'Medical care', 'Share with this agency');
    await record(page);
    await page.locator('.slip-card').first().waitFor();
    await page.locator('.recorded__history').getByText(/Earlier recordings/).waitFor();
    assert.notEqual(await page.evaluate(() => localStorage.getItem('staff-cases')), '[]');

    // Eight days on (the demo keeps cases 7): deleted as the page opens, before any unlock.
    await page.clock.setFixedTime(new Date(Date.now() + 8 * DAY_MS));
    await page.reload();
    await page.getByRole('heading', { name: /is locked/ }).waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('staff-cases')), '[]');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
