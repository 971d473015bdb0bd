// The staff desk (/staff/), as staff use it: import or unlock the key, enrol a kiosk, scan a
// code as a keyboard-wedge scanner types it; and a code made at the kiosk to open there.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HANDOFF_BIN, SHOTS, pair } from '../harness.mjs';
import { tap, expectHeading, zbar } from './kiosk.mjs';
import { both, en } from './labels.mjs';
import { centreKey } from './centre_key.mjs';

/** The passphrase of backups the tests make with the handoff tool (`handoffWithPassphrase`);
 *  the centre's key made at the desk has its own (`centreKey().passphrase`). */
export const PASSPHRASE = 'test desk passphrase';
/** The staff member's initials, asked at unlock. */
export const INITIALS = 'LT';

/** Shows one of the desk's views: 'Intake', 'Staff keys', 'Kiosks' or 'Statistics'. */
export async function show(page, name) {
  await page.locator('.desk__nav').getByRole('button', { name: new RegExp(`/ ${name}$`) }).click();
}
export const handoff = (...args) => execFileSync(HANDOFF_BIN, args).toString().trim();
/** The `handoff` tool given a passphrase on standard input (never on its command line). */
export const handoffWithPassphrase = (passphrase, ...args) => execFileSync(HANDOFF_BIN, args, { input: `${passphrase}\n` }).toString().trim();

/** A code made at a kiosk paired through its setup page, through the screens: a doctor now,
 * two children, police not shared. `kioskPublic` is the kiosk's enrolment text as its setup
 * page shows it (`A=<key>`). */
export async function codeFromKiosk(browser, server) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await pair(page, server.url);
  await page.goto(server.url + '/');
  await expectHeading(page, both('choose_language'));
  await tap(page, en.language_name);
  await page.getByRole('button', { name: en.age_adult, exact: true }).click();
  await tap(page, en.yes_consent);
  await page.getByRole('button', { name: en.no, exact: true }).click();
  await page.getByRole('button', { name: en.yes, exact: true }).click();
  await tap(page, en.continue_questions);
  await page.getByRole('button', { name: '2', exact: true }).click();
  await tap(page, en.service_health);
  await tap(page, 'Report to the police');
  await tap(page, en.next);
  await page.getByRole('group').nth(0).getByRole('button', { name: en.share_yes }).click();
  await page.getByRole('group').nth(1).getByRole('button', { name: en.share_no }).click();
  await tap(page, en.next);
  // A private room, statistics, sex, disability: skipped.
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: en.skip, exact: true }).click();
  await tap(page, en.make_my_code);
  await expectHeading(page, en.handoff_title);
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
  await show(page, 'Intake');
  const field = page.getByLabel(/Scan or paste the code/);
  await field.click();
  await page.keyboard.type(text); // a keyboard-wedge scanner types, then presses Enter
  await page.keyboard.press('Enter');
  assert.equal(await field.inputValue(), '', 'the field is cleared after each open');
}


/** Imports a staff key backup (the text of its file) with its passphrase on a desk that
 *  has no key yet; waits until the desk is open. */
export async function importBackup(page, backup, passphrase) {
  await page.getByRole('heading', { name: /no staff key yet/ }).waitFor();
  await page.getByLabel(/backup file's contents/).fill(backup);
  await page.getByLabel('Mật khẩu / Passphrase').fill(passphrase);
  await page.getByRole('button', { name: /Import/ }).click();
  await page.getByRole('heading', { name: /Intake desk$/ }).waitFor({ timeout: 20000 });
}

/** Imports the centre's key (made at a desk, `centreKey`) from its backup; waits for the desk. */
export async function importCentreKey(page) {
  const { backup, passphrase } = await centreKey();
  await importBackup(page, backup, passphrase);
}

/** The handoff tool with the centre's key: `args` then `--staff-backup` and its file, the
 *  passphrase on standard input. */
export async function handoffWithCentreKey(...args) {
  const { backupFile, passphrase } = await centreKey();
  return handoffWithPassphrase(passphrase, ...args, '--staff-backup', backupFile);
}

/** Unlocks a locked desk with `passphrase` (the centre key's unless given); waits until it
 *  is open. */
export async function unlock(page, passphrase) {
  passphrase ??= (await centreKey()).passphrase;
  await page.getByRole('heading', { name: /is locked/ }).waitFor();
  await page.getByLabel(/Your initials/).fill(INITIALS);
  await page.getByLabel('Mật khẩu / Passphrase').fill(passphrase);
  await page.getByRole('button', { name: /Unlock/ }).click();
  await page.getByRole('heading', { name: /Intake desk$/ }).waitFor({ timeout: 20000 });
}

/** Enrols a kiosk by its enrolment text (`A=<key>`). */
export async function enrol(page, kioskPublic) {
  await show(page, 'Kiosks');
  await page.getByLabel(/Kiosk enrolment/).fill(kioskPublic);
  await page.getByRole('button', { name: /Enrol/ }).click();
}

/** Chooses `option` (its English half, e.g. 'Yes') in the decision whose legend matches
 *  `legend`. */
export async function decide(page, legend, option) {
  const group = page.locator('.decisions fieldset').filter({ has: page.locator('legend', { hasText: legend }) });
  const literal = option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await group.getByRole('radio', { name: new RegExp(`/ ${literal}$`) }).check();
}

/** Records her decisions as they stand (the initials typed if the desk has none yet). */
export async function record(page) {
  const initials = page.locator('.decisions').getByLabel(/Your initials/);
  if (await initials.count()) await initials.fill(INITIALS);
  await page.getByRole('button', { name: /Record her decisions/ }).click();
}
