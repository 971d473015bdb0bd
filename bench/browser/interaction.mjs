// Interaction: every tap of every path through the kiosk, tap → next screen painted, with
// the CPU slowed 6×: p50 and p95 per step, in one page.
import { serveKiosk, launch, freshPage, serve, percentile, saveResult, WALKER, ROOT } from './common.mjs';
import { join } from 'node:path';

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 50);
const RATE = 6;

const server = await serveKiosk();
const floor = await serve(join(ROOT, 'target', 'bench', 'floor'));
const browser = await launch();
try {
  const { page } = await freshPage(browser, RATE);
  await page.goto(server.url + '/');
  await page.evaluate(WALKER);
  // Let the sealing worker start (1.5 s after the first screen) before measuring.
  await page.waitForTimeout(4000);
  const samples = {};
  // The survivor's usual path SESSIONS times; each other path (a child, a refusal,
  // information only, "I need help now") 0.4 times as often (20 taps each at the
  // default, enough for a p95). A step reached on several
  // paths pools its taps.
  const PATHS = [['adult', SESSIONS], ...['under 12', 'child 12–15', 'consent refused', 'information only', 'help now', 'interpreter'].map((p) => [p, Math.max(2, Math.round(SESSIONS * 0.4))])];
  for (const [path, times_] of PATHS) {
    for (let i = 0; i < times_; i++) {
      const times = await page.evaluate((path) => window.__walk({ paint: true, path }), path);
      for (const [step, ms] of Object.entries(times)) (samples[step] ??= []).push(ms);
    }
  }
  const steps = Object.entries(samples).map(([step, xs]) => ({
    step, runs: xs.length, p50: percentile(xs, 50), p95: percentile(xs, 95),
  }));
  const taps = steps.filter((s) => s.step !== 'code shown (worker)');
  // The floor app's tap in the same run (bench/floor: Leptos, one button whose count
  // changes): as many taps as the kiosk's most tapped step.
  const { page: floorPage } = await freshPage(browser, RATE);
  await floorPage.goto(floor.url + '/');
  await floorPage.getByRole('button').waitFor();
  const floorTaps = await floorPage.evaluate(async (n) => {
    const button = document.querySelector('button');
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const out = [];
    for (let i = 0; i < n; i++) {
      const before = button.textContent;
      const t0 = performance.now();
      button.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, isPrimary: true, pointerType: 'touch' }));
      button.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, isPrimary: true, pointerType: 'touch' }));
      button.click();
      while (button.textContent === before) await new Promise((r) => setTimeout(r, 0));
      await frame();
      out.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
    return out;
  }, Math.max(...steps.map((s) => s.runs)));
  const floorTap = { runs: floorTaps.length, p50: percentile(floorTaps, 50), p95: percentile(floorTaps, 95) };
  const worst = Math.max(...taps.map((s) => s.p95));
  saveResult('interaction', {
    cpu_throttle: RATE, sessions: SESSIONS, steps, floor_tap: floorTap,
    worst_p95: worst, worst_over_floor: worst / floorTap.p95,
  });
} finally {
  await browser.close();
  await server.close();
  await floor.close();
}
