// Opening a code by trying keys (handoff format 2): nothing in a code names the staff key
// or the kiosk, so the desk tries each staff key with each enrolled kiosk — with the kiosk
// hint, one X25519 per staff key and one hash per kiosk, and the HPKE open only where the
// hint matches. Measured in the desk's wasm (bench/probe, same profile) at 1× and 6× CPU
// throttle, for the slowest genuine code (the oldest key, the kiosk tried last) and a
// foreign code (no pair opens it).
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
        const out = { genuine: [], foreign: [], answers: [] };
        const time = (code, into) => {
          const t0 = performance.now();
          out.answers.push(window.wasmBindings.trial_open(code, now));
          into.push(performance.now() - t0);
        };
        for (let r = 0; r < rounds; r++) {
          time(genuine, out.genuine);
          time(foreign, out.foreign);
        }
        return out;
      }, { keys, kiosks, rounds: ROUNDS });
      const expected = Array.from({ length: ROUNDS }, () => [0, 1]).flat();
      if (JSON.stringify(times.answers) !== JSON.stringify(expected)) {
        throw new Error(`unexpected answers ${times.answers} for ${keys} × ${kiosks}`);
      }
      result.shapes.push({
        staff_keys: keys, kiosks, cpu: rate,
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
