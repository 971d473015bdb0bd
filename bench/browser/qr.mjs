// QR, both ends, each against a well-known JavaScript library in the same page:
// 1. the kiosk's seal + QR SVG (the sealing worker's `make_code`, via bench/probe, same
//    profile) against npm `qrcode` drawing the same code text as SVG;
// 2. the staff desk's camera decoder (rqrr in wasm, `intake::scan`) against npm `jsqr` on
//    the same 640×480 frames of a real code: clean, blurred, noisy, rotated, low contrast.
import { launch, freshPage, serve, saveResult, ROOT, median } from './common.mjs';
import { join } from 'node:path';

const ROUNDS = Number(process.env.BENCH_QR_ROUNDS ?? 5);

const server = await serve(join(ROOT, 'target', 'bench', 'probe'), {});
const browser = await launch();
try {
  const { page } = await freshPage(browser);
  await page.goto(server.url + '/');
  await page.addScriptTag({ path: join(ROOT, 'target', 'bench', 'qrcode.js') });
  await page.addScriptTag({ path: join(ROOT, 'node_modules', 'jsqr', 'dist', 'jsQR.js') });
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

  const decoding = await page.evaluate(async (rounds) => {
    const W = 640, H = 480;
    const [code, svg] = window.wasmBindings.seal_and_draw(Math.floor(Date.now() / 60000), 7).split('\n');
    const img = new Image();
    img.src = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    await img.decode();
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const canvas = new OffscreenCanvas(W, H);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    const frames = [];
    const KINDS = ['clean', 'blurred', 'noisy', 'rotated', 'low contrast'];
    for (const kind of KINDS) {
      for (let i = 0; i < 10; i++) {
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.filter = 'none';
        ctx.fillStyle = '#f4efe6';
        ctx.fillRect(0, 0, W, H);
        const side = 220 + i * 22;
        const x = 20 + rand() * (W - side - 40), y = 10 + rand() * (H - side - 20);
        if (kind === 'blurred') ctx.filter = `blur(${(0.6 + i * 0.2).toFixed(1)}px)`;
        if (kind === 'rotated') {
          ctx.translate(W / 2, H / 2);
          ctx.rotate(((8 + i * 9) * Math.PI) / 180);
          ctx.translate(-W / 2, -H / 2);
          ctx.drawImage(img, (W - 300) / 2, (H - 300) / 2, 300, 300);
        } else {
          ctx.drawImage(img, x, y, side, side);
        }
        const data = ctx.getImageData(0, 0, W, H);
        const px = data.data;
        if (kind === 'noisy') {
          const amp = 30 + i * 8;
          for (let p = 0; p < px.length; p += 4) {
            const n = (rand() + rand() + rand() - 1.5) * amp;
            px[p] += n; px[p + 1] += n; px[p + 2] += n;
          }
        }
        if (kind === 'low contrast') {
          const span = 70 - i * 5;
          for (let p = 0; p < px.length; p += 4) {
            const shade = 100 + (px[p] / 255) * span + (p / 4 % W) / W * 20;
            px[p] = px[p + 1] = px[p + 2] = shade;
          }
        }
        frames.push({ kind, data });
      }
    }
    const decoders = {
      rqrr: (f) => window.wasmBindings.decode(f.data.data, W, H),
      jsqr: (f) => window.jsQR(f.data.data, W, H, { inversionAttempts: 'dontInvert' })?.data,
    };
    const result = {};
    for (const name of Object.keys(decoders)) result[name] = { fps: [], decoded: 0, byKind: {} };
    for (let r = 0; r < rounds; r++) {
      for (const [name, decode] of Object.entries(decoders)) {
        const t0 = performance.now();
        let ok = 0;
        const byKind = {};
        for (const f of frames) {
          const good = decode(f) === code;
          ok += good;
          byKind[f.kind] = (byKind[f.kind] ?? 0) + good;
        }
        result[name].fps.push(frames.length / ((performance.now() - t0) / 1000));
        result[name].decoded = ok;
        result[name].byKind = byKind;
      }
    }
    return { frames: frames.length, perKind: 10, ...result };
  }, ROUNDS);

  const seal = median(making.wasm), drawOnly = median(making.draw), npm = median(making.js);
  const rq = median(decoding.rqrr.fps), jq = median(decoding.jsqr.fps);
  saveResult('qr', {
    rounds: ROUNDS,
    making: {
      wasm_seal_and_svg_ms: seal, wasm_svg_only_ms: drawOnly, npm_qrcode_svg_ms: npm,
      seal_and_svg_over_npm: seal / npm, svg_only_over_npm: drawOnly / npm, code_length: making.codeLength,
    },
    decoding: {
      frames: decoding.frames, per_kind: decoding.perKind,
      rqrr: { fps: rq, decoded: decoding.rqrr.decoded, by_kind: decoding.rqrr.byKind },
      jsqr: { fps: jq, decoded: decoding.jsqr.decoded, by_kind: decoding.jsqr.byKind },
      rqrr_over_jsqr_fps: rq / jq,
    },
  });
} finally {
  await browser.close();
  await server.close();
}
