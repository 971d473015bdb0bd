// Start-up: navigation → ready (common.mjs READY: the app has taken over the welcome screen
// and handles a tap, then the next frame; for the others their "Tiếng Việt" button), with the CPU slowed 6×, for the kiosk, the floor app
// (bench/floor: Leptos, one button, one QR SVG) and a static HTML page carrying the
// kiosk's own welcome markup and stylesheet without any script. Runs interleave so
// that the machine's noise falls on all three alike; a fresh context (empty cache) each run.
import { serveKiosk, staticWelcomeCopy, launch, freshPage, serve, median, saveResult, ROOT, READY } from './common.mjs';
import { join } from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const RATE = 6;


const browser = await launch();
const kiosk = await serveKiosk();
const floor = await serve(join(ROOT, 'target', 'bench', 'floor'));
try {
  // The static page: the kiosk's welcome screen as painted, scripts removed.
  const staticFile = await staticWelcomeCopy(browser, kiosk.url);
  const plain = await serveKiosk({ '/static-welcome.html': staticFile });

  const pages = { kiosk: kiosk.url + '/', floor: floor.url + '/', static: plain.url + '/static-welcome.html' };
  const times = { kiosk: [], floor: [], static: [] };
  for (let run = 0; run < RUNS; run++) {
    for (const [name, url] of Object.entries(pages)) {
      const { context: c, page: p } = await freshPage(browser, RATE);
      await c.addInitScript(READY);
      await p.goto(url);
      await p.waitForFunction(() => window.__ready !== undefined, null, { timeout: 60000 });
      times[name].push(await p.evaluate(() => window.__ready));
      await c.close();
    }
  }
  await plain.close();
  const m = Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, median(xs)]));
  saveResult('startup', {
    cpu_throttle: RATE, runs: RUNS, median_ms: m, all_ms: times,
    kiosk_over_floor: m.kiosk / m.floor, kiosk_over_static: m.kiosk / m.static, floor_over_static: m.floor / m.static,
  });
} finally {
  await browser.close();
  await kiosk.close();
  await floor.close();
}
