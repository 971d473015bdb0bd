// Helpers for the staff desk tests: a code made at the kiosk, the demo key, typing a code.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, HANDOFF_BIN, SHOTS } from './harness.mjs';
import { tap, expectHeading, zbar } from './kiosk.mjs';

export const PASSPHRASE = 'demo desk passphrase';
export const handoff = (...args) => execFileSync(HANDOFF_BIN, args).toString().trim();
/** The `handoff` tool given a passphrase on standard input (never on its command line). */
export const handoffWithPassphrase = (passphrase, ...args) => execFileSync(HANDOFF_BIN, args, { input: `${passphrase}\n` }).toString().trim();

/** A code made at the kiosk through the screens: a doctor now, two children, police not
 * shared. `kioskPublic` is the kiosk's enrolment text as its setup page shows it (`A=<key>`). */
export async function codeFromKiosk(browser, server) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(server.url + '/');
  await expectHeading(page, 'Chọn ngôn ngữ · Choose a language');
  await tap(page, 'English');
  await page.getByRole('button', { name: '18 or over', exact: true }).click();
  await tap(page, 'Yes, I agree');
  await page.getByRole('button', { name: 'No', exact: true }).click();
  await page.getByRole('button', { name: 'Yes', exact: true }).click();
  await tap(page, 'Continue the questions');
  await page.getByRole('button', { name: '2', exact: true }).click();
  await tap(page, 'Medical care');
  await tap(page, 'Report to the police');
  await tap(page, 'Next');
  await page.getByRole('group').nth(0).getByRole('button', { name: 'Yes, share' }).click();
  await page.getByRole('group').nth(1).getByRole('button', { name: "No, don't share" }).click();
  await tap(page, 'Next');
  // A private room, statistics, sex, disability: skipped.
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Skip', exact: true }).click();
  await tap(page, 'Make my code');
  await expectHeading(page, 'Here is your code');
  const file = join(SHOTS, 'qr-for-staff.png');
  await page.locator('.slip__qr').screenshot({ path: file });
  const kioskKey = await page.evaluate(() => JSON.parse(localStorage.getItem('kiosk-key')));
  const kioskLetter = await page.evaluate(() => JSON.parse(localStorage.getItem('kiosk-letter')));
  await context.close();
  const dir = mkdtempSync(join(tmpdir(), 'staff-e2e-'));
  writeFileSync(join(dir, 'kiosk.key'), kioskKey);
  const letter = kioskLetter ?? 'A';
  return { code: zbar(file), kioskPublic: `${letter}=${handoff('public', join(dir, 'kiosk.key'))}`, dir };
}

export async function scan(page, text) {
  const field = page.getByLabel(/Scan or paste the code/);
  await field.click();
  await page.keyboard.type(text); // a keyboard-wedge scanner types, then presses Enter
  await page.keyboard.press('Enter');
  assert.equal(await field.inputValue(), '', 'the field is cleared after each open');
}


/** Imports the demo staff key from a backup made by the handoff tool; waits for the desk. */
export async function importDemoKey(page) {
  await page.getByRole('heading', { name: /no staff key yet/ }).waitFor();
  const backup = handoffWithPassphrase(PASSPHRASE, 'wrap', join(FIXTURES, 'demo-staff.key'));
  await page.getByLabel(/backup file's contents/).fill(backup);
  await page.getByLabel('Mật khẩu / Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: /Import/ }).click();
  await page.getByRole('heading', { name: /Intake desk$/ }).waitFor({ timeout: 20000 });
}

/** Enrols a kiosk by its enrolment text (`A=<key>`). */
export async function enrol(page, kioskPublic) {
  await page.getByLabel(/Kiosk enrolment/).fill(kioskPublic);
  await page.getByRole('button', { name: /Enrol/ }).click();
}
