// Opening a code by trying keys (handoff format 2): nothing in a code names the staff key
// or the kiosk, so the desk tries each staff key with each enrolled kiosk — with the kiosk
// hint, one hash per pair once each pair's secret is known. Measured in the desk's wasm
// (bench/probe, same profile) at 1× and 6× CPU throttle, for the slowest genuine code (the
// oldest key, the kiosk tried last) and a foreign code (every pair fails); "cold" with a
// new opener (a desk just unlocked computes every secret first), "warm" with the desk's.
import { launch, freshPage, serve, saveResult, ROOT, median } from './common.mjs';
import { join } from 'node:path';

const ROUNDS = Number(process.env.BENCH_TRIAL_ROUNDS ?? 7);
const SHAPES = [[3, 50], [3, 200]];

const server = await serve(join(ROOT, 'target', 'bench', 'probe'), {});
const browser = await launch();
const result = { rounds: ROUNDS, shapes: [] };
try {
  for (const [keys, kiosks] of SHAPES) {
    for (const rate of [1, 6]) {
      const { context, page } = await freshPage(browser, rate);
      await page.goto(server.url + '/');
      await page.waitForFunction(() => window.wasmBindings?.trial_open);
      const times = await page.evaluate(({ keys, kiosks, rounds }) => {
        const now = Math.floor(Date.now() / 60000);
        const [genuine, foreign] = window.wasmBindings.trial_setup(keys, kiosks, now).split('\n');
        const out = { cold_genuine: [], cold_foreign: [], genuine: [], foreign: [], answers: [] };
        const time = (code, cold, into) => {
          const t0 = performance.now();
          out.answers.push(window.wasmBindings.trial_open(code, now, cold));
          into.push(performance.now() - t0);
        };
        for (let r = 0; r < rounds; r++) {
          time(genuine, true, out.cold_genuine);
          time(foreign, true, out.cold_foreign);
          time(genuine, false, out.genuine);
          time(foreign, false, out.foreign);
        }
        return out;
      }, { keys, kiosks, rounds: ROUNDS });
      const expected = Array.from({ length: ROUNDS }, () => [0, 1, 0, 1]).flat();
      if (JSON.stringify(times.answers) !== JSON.stringify(expected)) {
        throw new Error(`unexpected answers ${times.answers} for ${keys} × ${kiosks}`);
      }
      result.shapes.push({
        staff_keys: keys, kiosks, cpu: rate,
        cold_genuine_ms: median(times.cold_genuine), cold_foreign_ms: median(times.cold_foreign),
        genuine_ms: median(times.genuine), foreign_ms: median(times.foreign),
      });
      await context.close();
    }
  }
  saveResult('trial', result);
} finally {
  await browser.close();
  await server.close();
}
