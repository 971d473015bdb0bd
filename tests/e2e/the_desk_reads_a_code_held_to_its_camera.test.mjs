// The staff desk's camera: Chromium's fake camera plays a video of a code the kiosk made;
// the desk decodes it in wasm (rqrr) and shows the case sheet. Refused: a clear message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveForTests, checkScreen, openStaff, CHROMIUM_ARGS } from './harness.mjs';
import { handoff, codeFromKiosk, importCentreKey, enrol, show } from './pages/desk.mjs';

test('a code shown to the camera opens the case sheet', async () => {
  const server = await serveForTests();
  const plain = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const { code, kioskPublic, dir } = await codeFromKiosk(plain, server);
  await plain.close();
  const video = join(dir, 'code.y4m');
  handoff('qr', code, '--out', video);
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
