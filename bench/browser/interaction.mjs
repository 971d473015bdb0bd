// Interaction: every tap of every path through the kiosk, tap → next screen painted, with
// the CPU slowed 6×: p50 and p95 per step, in one page.
import { serveKiosk, launch, freshPage, serve, percentile, saveResult, WALKER, ROOT } from './common.mjs';
import { join } from 'node:path';

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 50);
const RATE = 6;

const server = await serveKiosk();
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
  saveResult('interaction', {
    cpu_throttle: RATE, sessions: SESSIONS, steps,
    worst_p95: Math.max(...taps.map((s) => s.p95)),
  });
} finally {
  await browser.close();
  await server.close();
}
