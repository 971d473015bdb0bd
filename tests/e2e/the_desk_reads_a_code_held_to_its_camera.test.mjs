// The staff desk's camera: Chromium's fake camera plays a video of a code the kiosk made,
// held far from the camera — the hardest far frames of the benchmark's set (`bench/frames`:
// the code 140–145 px wide in 640×480, tilted, blurred, noisy); the desk decodes it in wasm
// (rxing) and shows the case sheet. Refused: a clear message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { serveForTests, checkScreen, openStaff, CHROMIUM_ARGS, TARGET } from './harness.mjs';
import { codeFromKiosk, importCentreKey, enrol, show } from './pages/desk.mjs';

test('a code held far from the camera opens the case sheet', async () => {
  const server = await serveForTests();
  const plain = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const { code, kioskPublic, dir } = await codeFromKiosk(plain, server);
  await plain.close();
  const video = join(dir, 'code.y4m');
  // Built by `cargo build -p frames` (scripts/test.sh).
  execFileSync(join(TARGET, 'debug', 'frames'), ['video', code, video]);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    const { page, problems } = await openStaff(browser, server, { context: { permissions: ['camera'] } });
    await importCentreKey(page);
    await enrol(page, kioskPublic);
    await show(page, 'Intake');
    await page.getByRole('button', { name: /Use the camera/ }).click();
    const sheet = page.locator('.case-sheet');
    await sheet.waitFor({ timeout: 20000 });
    const text = await sheet.innerText();
    assert.match(text, /NEEDS A DOCTOR NOW/);
    assert.match(text, /A-\d{3}/);
    assert.equal(await page.getByRole('button', { name: /Stop camera/ }).count(), 0, 'the camera stops after a read');
    await checkScreen(page, 'staff-camera-case-sheet');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('no camera permission: a clear message, and the code field still works', async () => {
  const server = await serveForTests();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const { page, problems } = await openStaff(browser, server);
    await importCentreKey(page);
    await page.getByRole('button', { name: /Use the camera/ }).click();
    await page.getByText(/permission refused/).waitFor({ timeout: 10000 });
    await checkScreen(page, 'staff-camera-refused');
    await page.getByLabel(/Scan or paste the code/).fill('hello');
    await page.keyboard.press('Enter');
    await page.locator('.desk__error').getByText(/not a kiosk code/).waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
