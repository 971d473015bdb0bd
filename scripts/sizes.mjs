// Prints the first-load size of each page in a dist/ folder: every file the HTML names
// (script, wasm, css, icon, manifest), raw, gzip -9 and brotli -11, and the total.
// Usage: node scripts/sizes.mjs DIST [page.html[:fetched,...] ...]   (--json for machine-readable output)
// Files after a colon are what the page fetches before it is interactive (its centre.json).
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const json = args.includes('--json');
const [dist, ...pagesArg] = args.filter((a) => a !== '--json');
const pages = pagesArg.length ? pagesArg : ['index.html'];

function sizes(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}

function firstLoad(arg) {
  const [page, fetched = ''] = arg.split(':');
  const html = readFileSync(join(dist, page), 'utf8');
  const files = [page, ...fetched.split(',').filter(Boolean)];
  for (const m of html.matchAll(/(?:href|src)="\/?([^"#?:]+)"/g)) {
    const f = m[1];
    if (!files.includes(f) && existsSync(join(dist, f))) files.push(f);
  }
  // Files the page fetches before it is interactive, named in a data attribute.
  for (const m of html.matchAll(/data-first-load="\/?([^"]+)"/g)) {
    if (!files.includes(m[1]) && existsSync(join(dist, m[1]))) files.push(m[1]);
  }
  return files.map((f) => ({ file: f, ...sizes(readFileSync(join(dist, f))) }));
}

const report = {};
for (const arg of pages) {
  const page = arg.split(':')[0];
  const rows = firstLoad(arg);
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  report[page] = { files: rows, total };
  if (!json) {
    console.log(`\nFirst load of ${page}`);
    console.log('file'.padEnd(44) + 'raw'.padStart(10) + 'gzip'.padStart(10) + 'brotli'.padStart(10));
    for (const r of [...rows, { file: 'TOTAL', ...total }]) {
      console.log(r.file.padEnd(44) + String(r.raw).padStart(10) + String(r.gzip).padStart(10) + String(r.brotli).padStart(10));
    }
  }
}
if (json) console.log(JSON.stringify(report, null, 2));
