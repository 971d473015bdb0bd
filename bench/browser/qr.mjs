// Making a QR code against a well-known JavaScript library in the same page: the kiosk's
// seal + QR SVG (the sealing worker's `make_code`, via bench/probe, same profile) against npm
// `qrcode` drawing the same code text as SVG. Reading one: bench/browser/frames.mjs.
import { launch, freshPage, serve, saveResult, ROOT, median } from './common.mjs';
import { join } from 'node:path';

const ROUNDS = Number(process.env.BENCH_QR_ROUNDS ?? 5);

const server = await serve(join(ROOT, 'target', 'bench', 'probe'), {});
const browser = await launch();
try {
  const { page } = await freshPage(browser);
  await page.goto(server.url + '/');
  await page.addScriptTag({ path: join(ROOT, 'target', 'bench', 'qrcode.js') });
  await page.waitForFunction(() => window.wasmBindings?.seal_and_draw);

  const making = await page.evaluate(async (rounds) => {
    const now = Math.floor(Date.now() / 60000);
    const N = 200;
    const wasm = [], draw = [], js = [];
    let code = '';
    for (let r = 0; r < rounds; r++) {
      let t0 = performance.now();
      for (let i = 0; i < N; i++) code = window.wasmBindings.seal_and_draw(now, 1 + i).split('\n')[0];
      wasm.push((performance.now() - t0) / N);
      t0 = performance.now();
      for (let i = 0; i < N; i++) window.wasmBindings.draw(code);
      draw.push((performance.now() - t0) / N);
      t0 = performance.now();
      for (let i = 0; i < N; i++) await window.QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'Q' });
      js.push((performance.now() - t0) / N);
    }
    return { wasm, draw, js, codeLength: code.length };
  }, ROUNDS);

  const seal = median(making.wasm), drawOnly = median(making.draw), npm = median(making.js);
  saveResult('qr', {
    rounds: ROUNDS,
    making: {
      wasm_seal_and_svg_ms: seal, wasm_svg_only_ms: drawOnly, npm_qrcode_svg_ms: npm,
      seal_and_svg_over_npm: seal / npm, svg_only_over_npm: drawOnly / npm, code_length: making.codeLength,
    },
  });
} finally {
  await browser.close();
  await server.close();
}
