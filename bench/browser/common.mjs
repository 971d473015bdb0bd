// Shared by the browser benchmarks: Debian's Chromium, served folders, CPU throttling
// through the DevTools protocol, and the statistics every table uses.
import { chromium } from 'playwright-core';
import { cpSync, writeFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/static-server.mjs';
import { CHROMIUM_ARGS, TABLET_LANDSCAPE } from '../../tests/e2e/harness.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OUT = join(ROOT, 'bench-output');
export { serve, TABLET_LANDSCAPE };

/** A staff key of the benchmarks' own: a release build makes no code with the shipped demo
 *  key (`intake::pairing::DEMO_KEY_ALLOWED`). Its private half (`BENCH_STAFF_KEY_FILE`) is a
 *  test fixture. */
export const BENCH_STAFF_KEY_FILE = join(ROOT, 'tests', 'fixtures', 'demo-kiosk.key');
const BENCH_STAFF_KEY = readFileSync(join(ROOT, 'tests', 'fixtures', 'demo-kiosk.pub'), 'utf8').trim();

/** Serves the release dist/ with the shipped configuration but the benchmarks' staff key
 *  (`overrides` as `serve` takes them; `compress` too). Pages from `freshPage` are paired
 *  with it. */
export async function serveKiosk(overrides = {}, { compress = false } = {}) {
  const config = JSON.parse(readFileSync(join(ROOT, 'dist', 'centre.json'), 'utf8'));
  config.staff_public_key = BENCH_STAFF_KEY;
  const file = join(mkdtempSync(join(tmpdir(), 'bench-config-')), 'centre.json');
  writeFileSync(file, JSON.stringify(config));
  // Applied to a copy of dist/ as a centre applies its own (the welcome screen drawn ahead
  // into the page from it).
  const dir = mkdtempSync(join(tmpdir(), 'bench-dist-'));
  cpSync(join(ROOT, 'dist'), dir, { recursive: true });
  execFileSync(join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'debug', 'handoff'), ['apply-config', file, dir], { stdio: 'pipe' });
  return serve(dir, { overrides, compress });
}

/** "Ready" for every start-up figure: the app has taken over and handles a tap (a button
 *  drawn ahead in the page, `#prerendered`, is not ready), then the next frame. An init
 *  script: sets `window.__ready` to the time since navigation. */
export const READY = `
(() => {
  const seen = () => !document.getElementById('prerendered')
    && [...document.querySelectorAll('button')].some((b) => b.textContent.includes('Tiếng Việt'));
  const mark = () => requestAnimationFrame(() => setTimeout(() => { window.__ready = performance.now(); }, 0));
  const watch = new MutationObserver(() => { if (seen()) { watch.disconnect(); mark(); } });
  watch.observe(document, { childList: true, subtree: true });
})();
`;

/** A static copy of the kiosk's welcome screen as painted, scripts removed: the kiosk's own
 *  markup and stylesheet, the physical limit for its first screen. Returns the file. */
export async function staticWelcomeCopy(browser, kioskUrl) {
  const { context, page } = await freshPage(browser);
  await page.goto(kioskUrl + '/');
  // As the app draws it (not the screen drawn ahead, which the copy would otherwise carry).
  await page.waitForFunction(() => !document.getElementById('prerendered'));
  await page.getByRole('button', { name: 'Tiếng Việt' }).waitFor();
  const html = await page.evaluate(() => {
    const doc = document.documentElement.cloneNode(true);
    doc.querySelectorAll('script, link[rel=modulepreload], link[rel=preload], link[rel=manifest]').forEach((e) => e.remove());
    return '<!doctype html>\n' + doc.outerHTML;
  });
  await context.close();
  const file = join(mkdtempSync(join(tmpdir(), 'bench-static-')), 'welcome.html');
  writeFileSync(file, html);
  return file;
}

export async function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A fresh context and page (no cache, no service worker yet), CPU slowed `rate` times. The
 *  kiosk in it is paired with `serveKiosk`'s staff key as its setup page would pin it (the
 *  pairing itself is the end-to-end tests' to exercise, not a benchmark's). */
export async function freshPage(browser, rate = 1) {
  const context = await browser.newContext({ viewport: TABLET_LANDSCAPE });
  await context.addInitScript((key) => localStorage.setItem('kiosk-pinned-staff-key', JSON.stringify(key)), BENCH_STAFF_KEY);
  const page = await context.newPage();
  if (rate !== 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  }
  return { context, page };
}

export function median(xs) {
  return percentile(xs, 50);
}

/** Nearest-rank percentile. */
export function percentile(xs, p) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export function saveResult(name, result) {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, `${name}.json`), JSON.stringify(result, null, 2));
  console.log(`${name}: ${JSON.stringify(result).slice(0, 400)}`);
}

/** Script run in the page: `window.__walk` taps through one complete session in Vietnamese
 *  with the events a tap makes (pointerdown, pointerup, click), and reports how long each tap took until the
 *  next frame after the screen changed was painted. */
export const WALKER = `
window.__walk = (() => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const channel = new MessageChannel();
  const waiting = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  const yieldNow = () => new Promise((r) => { waiting.push(r); channel.port2.postMessage(0); });
  const h1 = () => document.querySelector('h1')?.innerText ?? '';
  function button(text) {
    const all = [...document.querySelectorAll('button')];
    return all.find((b) => b.innerText.trim() === text) ?? all.find((b) => b.innerText.includes(text));
  }
  async function until(test, what, ms = 15000) {
    const start = performance.now();
    while (!test()) {
      if (performance.now() - start > ms) throw new Error('timed out waiting for ' + what + ' on "' + h1() + '"');
      await yieldNow();
    }
  }
  // One tap; with paint=true waits for the next painted frame and returns the time taken.
  async function tap(text, { paint, changes = true }) {
    const b = button(text);
    if (!b) throw new Error('no button "' + text + '" on "' + h1() + '"');
    const before = h1();
    const t0 = performance.now();
    // The events a finger makes: the idle guard listens for the pointer, the button for the click.
    b.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, isPrimary: true, pointerType: 'touch' }));
    b.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, isPrimary: true, pointerType: 'touch' }));
    b.click();
    if (changes) await until(() => h1() !== before, 'the next screen after "' + text + '"');
    if (!paint) return 0;
    await frame();
    return performance.now() - t0;
  }
  const STEPS = [
    ['welcome', 'Tiếng Việt'], ['age', '18 tuổi trở lên'], ['consent', 'Có, tôi đồng ý'],
    ['danger', 'Không'], ['doctor', 'Không'], ['children', 'Không có'],
    ['services: choose', 'Tư vấn tâm lý', false], ['services', 'Tiếp tục'],
    ['sharing: choose', 'Có, chia sẻ', false], ['sharing', 'Tiếp tục'], ['private room', 'Bỏ qua'],
    ['statistics', 'Bỏ qua'], ['sex', 'Bỏ qua'], ['disability', 'Bỏ qua'], ['review', 'Tạo mã của tôi'],
  ];
  // The other ways through. Finish replaces the page with a fresh kiosk (its time is the
  // start-up benchmark's), so every walk ends with the in-place wipe a hidden page gets.
  const OTHER = {
    'under 12': [['welcome', 'Tiếng Việt'], ['age: under 12', 'Dưới 12 tuổi']],
    'child 12–15': [['welcome', 'Tiếng Việt'], ['age: 12–15', 'Từ 12 đến 15 tuổi'], ['child notice', 'Em hiểu rồi'],
      ['assent', 'Có, em muốn được giúp'], ['danger', 'Không'], ['doctor', 'Không'], ['children', 'Không có'],
      ['services: choose', 'Tư vấn tâm lý', false], ['services', 'Tiếp tục'], ['child sharing', 'Tiếp tục'],
      ['private room', 'Bỏ qua'], ['statistics', 'Bỏ qua'], ['sex', 'Bỏ qua'], ['disability', 'Bỏ qua'], ['review', 'Tạo mã của em']],
    'consent refused': [['welcome', 'Tiếng Việt'], ['age', '18 tuổi trở lên'], ['consent: no', 'Không, cảm ơn']],
    'information only': [['welcome', 'Tiếng Việt'], ['age', '18 tuổi trở lên'], ['consent: information', 'Tôi chỉ muốn tìm hiểu thông tin']],
    'help now': [['welcome: help now', 'Gặp nhân viên ngay'], ['go to desk: code now', 'Lấy mã ngay']],
    'interpreter': [['welcome: Tày', 'Tày']],
  };
  async function code(times, paint) {
    const t0 = performance.now();
    await until(() => document.querySelector('.slip__qr svg'), 'the code');
    if (paint) { await frame(); times['code shown (worker)'] = performance.now() - t0; }
  }
  // The page's own wipe in place (pagehide), back to the welcome screen.
  async function wipe() {
    window.dispatchEvent(new Event('pagehide'));
    await until(() => button('Tiếng Việt') && !document.querySelector('.slip__qr'), 'the welcome screen after the wipe');
  }
  return async function walk({ paint = true, path = 'adult' } = {}) {
    const times = {};
    await until(() => button('Tiếng Việt') && !document.getElementById('prerendered'), 'the welcome screen');
    for (const [name, text, changes = true] of OTHER[path] ?? STEPS) times[name] = await tap(text, { paint, changes });
    if (!['under 12', 'consent refused', 'information only'].includes(path)) await code(times, paint);
    await wipe();
    return times;
  };
})();
`;
