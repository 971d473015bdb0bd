// The centre's own staff key for the end-to-end tests, made at the desk as a new centre makes
// it: a release build refuses the shipped demo key (intake::pairing::DEMO_KEY_ALLOWED), and
// the tests run against the release build. Made once per run and kept, with its backup's
// passphrase, under target/e2e-centre-key/ (`scripts/test.sh e2e` removes it first, so every
// run makes it afresh; a test file run alone makes it when it is missing). Every test serves
// it as the configuration's staff key; kiosks pair with it through /setup/.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '../../../scripts/static-server.mjs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, DIST, watch } from '../harness.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** Where the key's backup, public key and passphrase are kept for the run. */
export const CENTRE_KEY_DIR = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'e2e-centre-key');
/** The centre key's public half as a file, for `handoff seal --staff-key` (there once any
 *  test has served the product: `serveForTests` makes the key). */
export const CENTRE_PUB = join(CENTRE_KEY_DIR, 'staff.pub');

/** The centre's key: `{ backup, backupFile, passphrase, publicHex, pubFile }`. */
export async function centreKey() {
  const dir = CENTRE_KEY_DIR;
  const made = join(dir, 'made.json');
  if (!existsSync(made)) await makeAtTheDesk(dir, made);
  const { passphrase, publicHex } = JSON.parse(readFileSync(made, 'utf8'));
  const backupFile = join(dir, 'staff-key-backup.json');
  return { passphrase, publicHex, backupFile, pubFile: CENTRE_PUB, backup: readFileSync(backupFile, 'utf8') };
}

/** A fresh desk makes the key with its suggested passphrase, downloads the backup, loads it
 *  back and opens; the key is what the backup names. */
async function makeAtTheDesk(dir, made) {
  mkdirSync(dir, { recursive: true });
  const server = await serve(DIST, {});
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const { problems } = watch(context, page, new URL(server.url).origin);
    await page.goto(`${server.url}/staff/`);
    await page.getByRole('heading', { name: /no staff key yet/ }).waitFor();
    const passphrase = (await page.getByTestId('suggested-passphrase').innerText()).trim();
    await page.getByRole('button', { name: /Create the key/ }).click();
    await page.getByRole('heading', { name: /Save the backup before use/ }).waitFor({ timeout: 20000 });
    const backupFile = join(dir, 'staff-key-backup.json');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download the backup/ }).click()]);
    await download.saveAs(backupFile);
    await page.locator('.new-key input[type="file"]').setInputFiles(backupFile);
    await page.getByLabel(/The passphrase \(typed again/).fill(passphrase);
    await page.getByRole('button', { name: /Check and start/ }).click();
    await page.getByRole('heading', { name: /Intake desk$/ }).waitFor({ timeout: 20000 });
    const publicHex = JSON.parse(readFileSync(backupFile, 'utf8')).public_key;
    assert.match(publicHex, /^[0-9a-f]{64}$/);
    assert.deepEqual(problems, [], 'the desk made the key quietly');
    writeFileSync(CENTRE_PUB, `${publicHex}\n`);
    writeFileSync(made, JSON.stringify({ passphrase, publicHex }));
  } finally {
    await browser.close();
    await server.close();
  }
}
