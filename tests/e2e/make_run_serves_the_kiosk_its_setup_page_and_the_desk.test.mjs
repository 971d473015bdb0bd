// `make run` serves the whole product: the kiosk, its setup page and the staff desk on one
// address (scripts/run.mjs over the demo build), prints the three addresses, and offers the
// demo staff key as a wrapped backup with its passphrase, so the desk can be tried. Each
// page starts without a page error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ROOT, watch } from './harness.mjs';
import { importBackup } from './pages/desk.mjs';
import { tap } from './pages/kiosk.mjs';
import { vi } from './pages/labels.mjs';

/** Starts `scripts/run.mjs` on a free port; resolves when it has printed everything. */
function run() {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'run.mjs')], { env: { ...process.env, PORT: '0' } });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('Press Ctrl+C')) resolve({ child, out });
    });
    child.on('exit', (code) => reject(new Error(`run.mjs exited ${code}: ${out}`)));
  });
}

test('the run command serves a demo build: the kiosk seals to the demo key, the setup page starts, and the desk opens with the demo backup', async () => {
  const { child, out } = await run();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const address = (label) => out.match(new RegExp(`${label}:\\s+(\\S+)`))?.[1];
    const [kiosk, setup, desk, backup] = ['Kiosk', 'Setup page', 'Staff desk', 'Demo staff key backup \\(DEMO ONLY, not for real cases\\)'].map(address);
    assert.match(kiosk, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.equal(setup, `${kiosk}setup/`);
    assert.equal(desk, `${kiosk}staff/`);
    const passphrase = out.match(/its passphrase: (.+)/)?.[1];
    assert.ok(passphrase, out);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const { problems } = watch(context, page, new URL(kiosk).origin);
    await page.goto(kiosk);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // This demo build seals to the demo key without pairing (a release build never does).
    await tap(page, vi.help_now);
    await tap(page, vi.code_now);
    await page.locator('.slip__qr svg').waitFor();
    await page.goto(setup);
    await page.getByRole('heading', { name: /setup|Cài đặt/i }).first().waitFor();
    await page.goto(desk);
    const text = await (await page.request.get(backup)).text();
    await importBackup(page, text, passphrase);
    assert.match(await page.locator('body').innerText(), /DEMO KEYS — not for real cases/);
    assert.deepEqual(problems, [], 'each page started without a page error');
  } finally {
    await browser.close();
    child.kill();
  }
});
