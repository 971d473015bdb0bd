// Page helpers for the kiosk: tap by visible text, read storage, check nothing is kept.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HANDOFF_BIN, settled } from '../harness.mjs';
import { centreKey } from './centre_key.mjs';
import { vi } from './labels.mjs';

/** Taps the button whose visible text contains `text`, then waits until the page has run
 *  what the tap set off (the next screen is drawn before the next tap looks for a button). */
export async function tap(page, text) {
  await page.getByRole('button', { name: text }).first().click();
  await settled(page);
}

/** From the welcome screen, "see someone now" then "get my code": asserts the kiosk makes
 *  none and says so (`why` names the reason in the failure message). */
export async function expectNoCode(page, why) {
  await tap(page, vi.help_now);
  await tap(page, vi.code_now);
  await page.getByText(/chưa tạo được mã/).waitFor();
  assert.equal(await page.locator('.slip__qr').count(), 0, why);
}

/** Waits until the level-1 heading contains `text`. */
export async function expectHeading(page, text) {
  await page.getByRole('heading', { level: 1, name: text }).waitFor({ timeout: 5000 });
}

/** Everything the origin keeps: local and session storage, IndexedDB, Cache Storage, cookies. */
export async function storedEverywhere(page, context) {
  const inPage = await page.evaluate(async () => {
    const local = Object.fromEntries(Object.entries(localStorage));
    const session = Object.fromEntries(Object.entries(sessionStorage));
    const dbs = indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [];
    const caches_ = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const req of await cache.keys()) caches_.push(req.url);
    }
    return { local, session, dbs, caches: caches_ };
  });
  return { ...inPage, cookies: await context.cookies() };
}

/** Asserts the origin keeps only the kiosk's key and ticket counter, and no answer words. */
export async function assertNothingKept(page, context, answerWords = []) {
  const kept = await storedEverywhere(page, context);
  assert.deepEqual(Object.keys(kept.local).sort().filter((k) => !['kiosk-key', 'ticket', 'kiosk-pin', 'kiosk-pinned-staff-key', 'kiosk-letter', 'kept-restarted'].includes(k)), [], 'localStorage holds only the key, its letter, pairing and the ticket counter');
  assert.deepEqual(kept.session, {}, 'sessionStorage is empty');
  assert.deepEqual(kept.dbs, [], 'no IndexedDB');
  assert.deepEqual(kept.cookies, [], 'no cookies');
  assert.ok(kept.caches.every((u) => !u.includes('?')), 'no cached URL carries data');
  const text = JSON.stringify(kept);
  for (const w of answerWords) assert.ok(!text.includes(w), `storage holds ${w}`);
}

/** Decodes a PNG of a QR code with zbarimg (independent of the kiosk), QR codes only: a
 *  screen's text can read as a barcode of another kind (seen once: "B75B" beside the code). */
export function zbar(pngPath) {
  return execFileSync('zbarimg', ['-q', '--raw', '-Sdisable', '-Sqrcode.enable', pngPath], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
}

/** Opens a code with the centre's staff key (its backup) and the kiosk's public key, via
 *  the handoff tool. */
export async function openCode(code, kioskPrivateHex) {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  const keyFile = join(dir, 'kiosk.key');
  writeFileSync(keyFile, kioskPrivateHex);
  const kioskPub = execFileSync(HANDOFF_BIN, ['public', keyFile]).toString().trim();
  const { backupFile, passphrase } = await centreKey();
  const out = execFileSync(HANDOFF_BIN, ['open', code, '--staff-backup', backupFile, '--kiosks', kioskPub], { input: `${passphrase}
` });
  return JSON.parse(out.toString());
}

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}
