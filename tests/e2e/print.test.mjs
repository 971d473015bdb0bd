// The printed slip: Chromium's PDF at 58 mm and 80 mm has the QR at least 30 mm wide
// (without its quiet zone), no quick exit, and the QR decodes after rasterising at 203 dpi.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openKiosk, SHOTS } from './harness.mjs';
import { tap, expectHeading, zbar, openCode } from './kiosk.mjs';

const MM_PER_CSS_PX = 25.4 / 96;
const QUIET_MODULES = 4;

for (const width of [58, 80]) {
  test(`the ${width} mm slip prints a QR of at least 30 mm that decodes at 203 dpi`, async () => {
    const k = await openKiosk({ config: (c) => { c.printer = { width_mm: width }; } });
    try {
      const { page } = k;
      await expectHeading(page, 'Chọn ngôn ngữ · Choose a language');
      await tap(page, 'Gặp nhân viên ngay');
      await tap(page, 'Lấy mã ngay');
      await expectHeading(page, 'Đây là mã của bạn');
      assert.equal(await page.getByRole('button', { name: 'In phiếu' }).count(), 1, 'Print is offered');

      await page.emulateMedia({ media: 'print' });
      const qr = await page.evaluate(() => {
        const svg = document.querySelector('.slip__qr svg');
        const modules = svg.viewBox.baseVal.width || Number(svg.getAttribute('width'));
        return { px: svg.getBoundingClientRect().width, modules };
      });
      const exitVisible = await page.getByRole('button', { name: 'Thoát nhanh' }).isVisible();
      assert.equal(exitVisible, false, 'no quick exit on the slip');
      const qrMm = qr.px * MM_PER_CSS_PX * (qr.modules - 2 * QUIET_MODULES) / qr.modules;
      assert.ok(qrMm >= 30, `QR is ${qrMm.toFixed(1)} mm wide without its quiet zone`);

      const dir = mkdtempSync(join(tmpdir(), 'slip-'));
      const pdf = join(dir, 'slip.pdf');
      await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
      const info = execFileSync('pdfinfo', [pdf]).toString();
      const [, w] = info.match(/Page size:\s+([\d.]+) x/);
      assert.ok(Math.abs(Number(w) / 72 * 25.4 - width) < 1, `page is ${width} mm wide: ${info}`);
      execFileSync('pdftoppm', ['-r', '203', '-png', '-f', '1', '-l', '1', pdf, join(dir, 'slip')]);
      const png = join(dir, readdirSync(dir).find((f) => f.endsWith('.png')));
      execFileSync('cp', [png, join(SHOTS, `slip-${width}mm-203dpi.png`)]);
      const code = zbar(png);
      const opened = openCode(code, await page.evaluate(() => localStorage.getItem('kiosk-key')));
      assert.equal(opened.answers.help_now, true);
    } finally {
      await k.done();
    }
  });
}

test('without a printer there is no Print button', async () => {
  const k = await openKiosk({ config: (c) => { delete c.printer; } });
  try {
    await expectHeading(k.page, 'Chọn ngôn ngữ · Choose a language');
    await tap(k.page, 'Gặp nhân viên ngay');
    await tap(k.page, 'Lấy mã ngay');
    await expectHeading(k.page, 'Đây là mã của bạn');
    assert.equal(await k.page.getByRole('button', { name: 'In phiếu' }).count(), 0);
  } finally {
    await k.done();
  }
});
