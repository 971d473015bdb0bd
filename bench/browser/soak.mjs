// Soak: SESSIONS complete sessions (every tap to the code, then the in-place wipe a hidden
// page gets — Finish itself now replaces the page) in one page without a reload, through
// the real components (the same click() a tap ends in). JS heap (after a forced garbage
// collection) and the kiosk's wasm memory at the start and the end; time
// per session over the first and the last thousand.
import { serveKiosk, launch, freshPage, serve, saveResult, median, WALKER, ROOT } from './common.mjs';
import { join } from 'node:path';

const SESSIONS = Number(process.env.BENCH_SOAK ?? 10000);
const BATCH = 250;
const WINDOW = Math.min(1000, Math.floor(SESSIONS / 2));

// Keeps each wasm instance's memory where the benchmark can read its size.
const WATCH_WASM = `
(() => {
  window.__wasmMemories = [];
  const keep = (r) => { const i = r.instance ?? r; if (i.exports?.memory) window.__wasmMemories.push(i.exports.memory); return r; };
  const streaming = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = (...a) => streaming(...a).then(keep);
  const plain = WebAssembly.instantiate;
  WebAssembly.instantiate = (...a) => plain(...a).then(keep);
})();
`;

const server = await serveKiosk();
const browser = await launch();
try {
  const { context, page } = await freshPage(browser);
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('crash', () => problems.push('the page crashed'));
  await context.addInitScript(WATCH_WASM);
  await page.goto(server.url + '/');
  await page.evaluate(WALKER);
  await page.waitForTimeout(3000);
  const cdp = await context.newCDPSession(page);
  async function memory() {
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => window.__wasmMemories.reduce((t, m) => t + m.buffer.byteLength, 0));
    return { js_heap_used: heap.usedSize, wasm_memory: wasm };
  }
  // Warm-up: the first sessions size the wasm heap and compile every screen's code.
  await page.evaluate(async () => { for (let i = 0; i < 10; i++) await window.__walk({ paint: false }); });
  const start = await memory();
  const perSession = [];
  const samples = [];
  const began = Date.now();
  for (let done = 0; done < SESSIONS; done += BATCH) {
    const n = Math.min(BATCH, SESSIONS - done);
    const times = await page.evaluate(async (n) => {
      const out = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        await window.__walk({ paint: false });
        out.push(performance.now() - t0);
      }
      return out;
    }, n);
    perSession.push(...times);
    if ((done / BATCH) % 4 === 3) {
      const m = await memory();
      samples.push({ sessions: done + n, ...m });
      console.log(`soak: ${done + n} sessions, ${Math.round((Date.now() - began) / 1000)} s, heap ${m.js_heap_used}, wasm ${m.wasm_memory}`);
    }
  }
  const end = await memory();
  const first = perSession.slice(0, WINDOW), last = perSession.slice(-WINDOW);
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  saveResult('soak', {
    sessions: perSession.length, crashed_or_errors: problems, minutes: (Date.now() - began) / 60000,
    start, end,
    growth: { js_heap_used: end.js_heap_used - start.js_heap_used, wasm_memory: end.wasm_memory - start.wasm_memory },
    session_ms: { window: WINDOW, first_mean: mean(first), last_mean: mean(last), first_median: median(first), last_median: median(last) },
    last_over_first: mean(last) / mean(first),
    samples,
  });
} finally {
  await browser.close();
  await server.close();
}
