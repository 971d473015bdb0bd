// The printed slip: Chromium's PDF at 58 mm and 80 mm has the QR at least 30 mm wide
// (without its quiet zone), no quick exit, and the QR decodes after rasterising at 203 dpi.
// Rasterised at a thermal printer's 203 dpi (anti-aliased, as a viewer would), every QR
// module is the same whole number of dots wide and high with no grey pixel, and the page
// ends just below the slip's last line (no metres of blank paper).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openKiosk, SHOTS } from './harness.mjs';
import { tap, expectHeading, zbar, openCode } from './pages/kiosk.mjs';
import { both, vi } from './pages/labels.mjs';

const MM_PER_CSS_PX = 25.4 / 96;
const QUIET_MODULES = 4;
const DPI = 203;
/** Printer dots per QR module on each paper width (style/kiosk.css). */
const DOTS_PER_MODULE = { 58: 6, 80: 8 };

/** Reads a binary greyscale PGM (what `pdftoppm -gray` writes). */
function readPgm(file) {
  const buf = readFileSync(file);
  const header = [];
  let at = 0;
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[at]))) at += 1;
    let token = '';
    while (!/\s/.test(String.fromCharCode(buf[at]))) { token += String.fromCharCode(buf[at]); at += 1; }
    header.push(token);
  }
  assert.equal(header[0], 'P5', 'a binary greyscale image');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = buf.subarray(at + 1, at + 1 + width * height);
  return { width, height, at: (x, y) => pixels[y * width + x] };
}

/**
 * Checks the QR in the raster: no grey pixel in it or its quiet zone, and every change
 * between dark and light, along every row and column, on a whole module boundary.
 * `approx` is the QR's box (quiet zone included) in dots, from the page's layout.
 */
function checkModules(img, approx, dots) {
  const dark = (x, y) => img.at(x, y) < 128;
  // The first and last dark pixel of one row or column of the box.
  const span = (fixed, along, horizontal) => {
    const from = Math.floor(along), to = Math.ceil(along + approx.size);
    const hits = [];
    for (let i = from; i < to; i++) if (horizontal ? dark(i, fixed) : dark(fixed, i)) hits.push(i);
    return [hits[0], hits[hits.length - 1] + 1];
  };
  // The QR's own dark area: the outermost dark pixels over every row and column.
  let left = Infinity, right = -Infinity, top = Infinity, bottom = -Infinity;
  for (let y = Math.floor(approx.y); y < Math.ceil(approx.y + approx.size); y++) {
    const [a, b] = span(y, approx.x, true);
    if (a !== undefined) { left = Math.min(left, a); right = Math.max(right, b); }
  }
  for (let x = Math.floor(approx.x); x < Math.ceil(approx.x + approx.size); x++) {
    const [a, b] = span(x, approx.y, false);
    if (a !== undefined) { top = Math.min(top, a); bottom = Math.max(bottom, b); }
  }
  const modules = approx.modules - 2 * QUIET_MODULES;
  assert.equal(right - left, modules * dots, `the QR is ${modules} modules of ${dots} dots wide (${right - left} dots)`);
  assert.equal(bottom - top, modules * dots, `the QR is ${modules} modules of ${dots} dots high (${bottom - top} dots)`);
  const quiet = QUIET_MODULES * dots;
  let grey = 0;
  const greys = [];
  const offGrid = [];
  for (let y = top - quiet + 1; y < bottom + quiet - 1; y++) {
    for (let x = left - quiet + 1; x < right + quiet - 1; x++) {
      const v = img.at(x, y);
      if (v > 40 && v < 215) { grey += 1; if (greys.length < 6) greys.push(`x${x - left},y${y - top}=${v}`); }
      // A change of colour inside the QR only where one module meets the next.
      if (x > left && x < right && y >= top && y < bottom && dark(x, y) !== dark(x - 1, y) && (x - left) % dots !== 0) offGrid.push(`x${x},y${y}`);
      if (y > top && y < bottom && x >= left && x < right && dark(x, y) !== dark(x, y - 1) && (y - top) % dots !== 0) offGrid.push(`x${x},y${y}`);
    }
  }
  assert.equal(grey, 0, `no grey pixel in the QR or its quiet zone (first, from the QR's corner: ${greys})`);
  assert.deepEqual(offGrid.slice(0, 5), [], `every module ${dots} dots wide and high (${offGrid.length} edges off the grid)`);
}

for (const width of [58, 80]) {
  test(`the ${width} mm slip prints a QR of at least 30 mm that decodes at 203 dpi`, async () => {
    const k = await openKiosk({ paired: true, config: (c) => { c.printer = { width_mm: width }; } });
    try {
      const { page } = k;
      await expectHeading(page, both('choose_language'));
      await tap(page, vi.help_now);
      await tap(page, vi.code_now);
      await expectHeading(page, vi.handoff_title);
      assert.equal(await page.getByRole('button', { name: vi.print }).count(), 1, 'Print is offered');

      await page.emulateMedia({ media: 'print' });
      const qr = await page.evaluate(() => {
        const svg = document.querySelector('.slip__qr svg');
        const modules = svg.viewBox.baseVal.width || Number(svg.getAttribute('width'));
        const box = svg.getBoundingClientRect();
        return { px: box.width, x: box.left + window.scrollX, y: box.top + window.scrollY, modules };
      });
      const exitVisible = await page.getByRole('button', { name: vi.quick_exit }).isVisible();
      assert.equal(exitVisible, false, 'no quick exit on the slip');
      const qrMm = qr.px * MM_PER_CSS_PX * (qr.modules - 2 * QUIET_MODULES) / qr.modules;
      assert.ok(qrMm >= 30, `QR is ${qrMm.toFixed(1)} mm wide without its quiet zone`);

      const dir = mkdtempSync(join(tmpdir(), 'slip-'));
      const pdf = join(dir, 'slip.pdf');
      await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
      const info = execFileSync('pdfinfo', [pdf]).toString();
      const [, w] = info.match(/Page size:\s+([\d.]+) x/);
      assert.ok(Math.abs(Number(w) / 72 * 25.4 - width) < 1, `page is ${width} mm wide: ${info}`);
      assert.match(info, /Pages:\s+1\n/, 'the slip is one page');

      execFileSync('pdftoppm', ['-r', String(DPI), '-png', '-f', '1', '-l', '1', pdf, join(dir, 'slip')]);
      const png = join(dir, readdirSync(dir).find((f) => f.endsWith('.png')));
      execFileSync('cp', [png, join(SHOTS, `slip-${width}mm-203dpi.png`)]);
      execFileSync('pdftoppm', ['-r', String(DPI), '-gray', '-f', '1', '-l', '1', pdf, join(dir, 'raster')]);
      const img = readPgm(join(dir, readdirSync(dir).find((f) => f.endsWith('.pgm'))));
      const dotsPerPx = DPI / 96;
      const approx = { x: qr.x * dotsPerPx, y: qr.y * dotsPerPx, size: qr.px * dotsPerPx, modules: qr.modules };
      checkModules(img, approx, DOTS_PER_MODULE[width]);
      // As long as its content: the last printed line ends at most 5 mm above the page's end.
      let last = 0;
      for (let y = 0; y < img.height; y++) for (let x = 0; x < img.width; x++) if (img.at(x, y) < 128) last = y;
      const blankMm = (img.height - 1 - last) / DPI * 25.4;
      assert.ok(blankMm <= 5 && blankMm >= 1, `blank paper below the slip: ${blankMm.toFixed(1)} mm`);

      // Printed as an unmanaged browser would, with its header and footer on (the page's
      // title, its address, the date): nothing names the centre.
      const named = join(dir, 'with-header.pdf');
      await page.pdf({
        path: named, printBackground: true, displayHeaderFooter: true,
        width: `${width}mm`, height: '200mm', margin: { top: '12mm', bottom: '12mm' },
        headerTemplate: '<div style="font-size:8px;width:100%"><span class="title"></span> <span class="url"></span> <span class="date"></span></div>',
        footerTemplate: '<div style="font-size:8px;width:100%"><span class="url"></span> <span class="pageNumber"></span></div>',
      });
      const printed = execFileSync('pdftotext', [named, '-']).toString();
      assert.match(printed, /Thông tin/, `the header shows the page's neutral title: ${printed}`);
      assert.match(printed, /127\.0\.0\.1/, 'and the address');
      for (const name of ['Ánh Dương', 'Anh Duong', 'Sunshine', 'Ngôi nhà']) {
        assert.ok(!printed.includes(name), `the printed slip does not name the centre (${name}): ${printed}`);
      }
      const code = zbar(png);
      const opened = await openCode(code, await page.evaluate(() => JSON.parse(localStorage.getItem('kiosk-key'))));
      assert.equal(opened.answers.help_now, true);
    } finally {
      await k.done();
    }
  });
}

test('without a printer there is no Print button', async () => {
  const k = await openKiosk({ paired: true, config: (c) => { delete c.printer; } });
  try {
    await expectHeading(k.page, both('choose_language'));
    await tap(k.page, vi.help_now);
    await tap(k.page, vi.code_now);
    await expectHeading(k.page, vi.handoff_title);
    assert.equal(await k.page.getByRole('button', { name: vi.print }).count(), 0);
  } finally {
    await k.done();
  }
});
