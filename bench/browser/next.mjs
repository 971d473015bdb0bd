// The next survivor: the exit page's return (and Finish, which replaces the page the same
// way) → the kiosk ready again (common.mjs READY), against the same return to a static copy
// of the kiosk's first screen, with the CPU slowed 6× and the service worker on (as on a
// kiosk that has run a while). Interleaved, one context, medians. Goal (issue 21): ≤ 1.2×.
import { serveKiosk, staticWelcomeCopy, launch, freshPage, median, saveResult, READY } from './common.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const RATE = 6;

const browser = await launch();
const kiosk = await serveKiosk();
const copy = await staticWelcomeCopy(browser, kiosk.url);
await kiosk.close();
// One server: the copy beside the kiosk, so the service worker serves both.
const server = await serveKiosk({ '/static-welcome.html': copy });
try {
  const { context, page } = await freshPage(browser, RATE);
  await context.addInitScript(READY);
  await page.goto(server.url + '/');
  await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 60000 });
  // The service worker registers after start-up, installs (precaches) and takes the page.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120000 });
  const targets = { kiosk: './', static: 'static-welcome.html' };
  const times = { kiosk: [], static: [] };
  // One return of each first (the caches warm), then the measured runs.
  for (let run = -1; run < RUNS; run++) {
    for (const [name, target] of Object.entries(targets)) {
      await page.goto(server.url + '/exit.html');
      await page.evaluate((t) => location.replace(t), target);
      await page.waitForURL((u) => !u.pathname.endsWith('exit.html'));
      await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 60000 });
      const ms = await page.evaluate(() => window.__ready);
      if (run >= 0) times[name].push(ms);
    }
  }
  const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
  if (!controlled) throw new Error('the service worker no longer controls the page');
  const m = { kiosk: median(times.kiosk), static: median(times.static) };
  saveResult('next', { cpu_throttle: RATE, runs: RUNS, median_ms: m, all_ms: times, kiosk_over_static: m.kiosk / m.static });
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
