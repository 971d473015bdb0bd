// Reading a code held to the desk's camera: the frame set `bench/frames` draws (a real code as
// a slip in a hand: tilted; steep with motion blur; dim with sensor noise; far, the code about
// 150 px wide in 640×480; thermal-paper glare; a phone's screen) read by
//   - the desk's decoder in its wasm (`intake::scan`, through the probe, same profile), at 1×,
//     also on the frames scaled to 1280×720 (what the desk asks the camera for);
//   - npm `jsqr` 1.4 in the same page;
//   - `zbarimg` (Debian zbar-tools) and `rqrr` (the desk's decoder before), natively.
// Goals (issue 21): the desk reads ≥ 90 % of the frames zbarimg reads and every far frame, at
// ≥ 10 frames/s at 1× in its wasm.
import { launch, freshPage, serve, saveResult, ROOT, median } from './common.mjs';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROUNDS = Number(process.env.BENCH_QR_ROUNDS ?? 5);
const DIR = join(ROOT, 'target', 'bench', 'frames');
const FRAMES = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'release', 'frames');

execFileSync(FRAMES, ['make', DIR], { stdio: 'inherit' });
const index = JSON.parse(readFileSync(join(DIR, 'frames.json'), 'utf8'));
const kinds = [...new Set(index.frames.map((f) => f.kind))];

// Natively: zbarimg, and rqrr with the desk's decoder through `frames read`.
const zbar = Object.fromEntries(index.frames.map((f) => {
  let text = '';
  try {
    text = execFileSync('zbarimg', ['-q', '--raw', '-Sdisable', '-Sqrcode.enable', join(DIR, f.file)], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch { /* zbarimg exits 4 when it finds nothing */ }
  return [f.file, text === index.text];
}));
const native = Object.fromEntries(execFileSync(FRAMES, ['read', DIR]).toString().trim().split('\n')
  .map((l) => JSON.parse(l)).map((r) => [r.file, r]));

const overrides = Object.fromEntries(readdirSync(DIR).map((f) => [`/frames/${f}`, join(DIR, f)]));
const server = await serve(join(ROOT, 'target', 'bench', 'probe'), { overrides });
const browser = await launch();
try {
  const { page } = await freshPage(browser);
  await page.goto(server.url + '/');
  await page.addScriptTag({ path: join(ROOT, 'node_modules', 'jsqr', 'dist', 'jsQR.js') });
  await page.waitForFunction(() => window.wasmBindings?.decode);
  const inPage = await page.evaluate(async ({ files, text, rounds }) => {
    const load = async (file, w, h) => {
      const img = new Image();
      img.src = `/frames/${file}`;
      await img.decode();
      const canvas = new OffscreenCanvas(w, h);
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      ctx.drawImage(img, 0, 0, w, h);
      return ctx.getImageData(0, 0, w, h);
    };
    const small = [], large = [];
    for (const f of files) {
      small.push(await load(f, 640, 480));
      large.push(await load(f, 1280, 720));
    }
    const decoders = {
      desk: (d) => window.wasmBindings.decode(d.data, d.width, d.height),
      jsqr: (d) => window.jsQR(d.data, d.width, d.height, { inversionAttempts: 'dontInvert' })?.data,
    };
    const out = {};
    for (const [name, decode] of Object.entries(decoders)) {
      const fps = [], worst = [];
      let read = [];
      for (let r = 0; r < rounds; r++) {
        read = [];
        let slowest = 0;
        const t0 = performance.now();
        for (const d of small) {
          const t = performance.now();
          read.push(decode(d) === text);
          slowest = Math.max(slowest, performance.now() - t);
        }
        fps.push(small.length / ((performance.now() - t0) / 1000));
        worst.push(slowest);
      }
      out[name] = { fps, worst, read };
    }
    const largeMs = [];
    let largeRead = [];
    for (let r = 0; r < rounds; r++) {
      const t0 = performance.now();
      largeRead = large.map((d) => decoders.desk(d) === text);
      largeMs.push((performance.now() - t0) / large.length);
    }
    out.desk_720p = { ms: largeMs, read: largeRead };
    return out;
  }, { files: index.frames.map((f) => f.file), text: index.text, rounds: ROUNDS });

  const perFrame = index.frames.map((f, i) => ({
    file: f.file, kind: f.kind, code_px: f.code_px,
    desk: inPage.desk.read[i], desk_720p: inPage.desk_720p.read[i], jsqr: inPage.jsqr.read[i],
    zbar: zbar[f.file], rqrr: native[f.file]?.rqrr ?? false,
  }));
  const count = (name, kind) => perFrame.filter((f) => (!kind || f.kind === kind) && f[name]).length;
  const decoders = ['desk', 'desk_720p', 'zbar', 'jsqr', 'rqrr'];
  const byKind = Object.fromEntries(decoders.map((d) => [d, Object.fromEntries(kinds.map((k) => [k, count(d, k)]))]));
  const zbarRead = perFrame.filter((f) => f.zbar);
  const far = perFrame.filter((f) => f.kind === 'far');
  saveResult('frames', {
    rounds: ROUNDS, frames: perFrame.length, per_kind: perFrame.length / kinds.length, kinds,
    decoded: Object.fromEntries(decoders.map((d) => [d, count(d)])),
    by_kind: byKind,
    desk_fps: median(inPage.desk.fps), jsqr_fps: median(inPage.jsqr.fps),
    desk_worst_frame_ms: median(inPage.desk.worst),
    desk_720p_ms_per_frame: median(inPage.desk_720p.ms),
    desk_share_of_zbar: zbarRead.filter((f) => f.desk).length / Math.max(1, zbarRead.length),
    zbar_not_desk: zbarRead.filter((f) => !f.desk).map((f) => f.file),
    far_read_by_desk: far.filter((f) => f.desk).length, far_frames: far.length,
    far_code_px: [Math.min(...far.map((f) => f.code_px)), Math.max(...far.map((f) => f.code_px))],
  });
} finally {
  await browser.close();
  await server.close();
}
