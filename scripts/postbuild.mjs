// After a release build: puts a Content-Security-Policy meta tag into every page (hashing
// Trunk's inline loader, which changes with every build) and fills in the service
// worker's file list and version. Usage: node scripts/postbuild.mjs DIST
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createHash } from 'node:crypto';

const dist = process.argv[2] ?? 'dist';

function csp(html) {
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' data:",
    // Recorded clips play from memory (`blob:`): a tap fetches nothing, so no request
    // tells the server which language she chose.
    "media-src 'self' blob:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function files(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

const all = files(dist);
for (const page of all.filter((f) => f.endsWith('.html'))) {
  let html = readFileSync(page, 'utf8').replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
  html = html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n    <meta http-equiv="Content-Security-Policy" content="${csp(html)}">`);
  writeFileSync(page, html);
}

const precache = all
  .map((f) => relative(dist, f).split('\\').join('/'))
  // The strength worker (most of a megabyte) is fetched only when staff type their own
  // passphrase, never by a kiosk: offline, the desk says so and offers the generated one.
  .filter((f) => f !== 'sw.js' && !f.endsWith('.map') && !f.startsWith('staff/strength'))
  .sort();
const version = createHash('sha256');
for (const f of precache) version.update(f).update(readFileSync(join(dist, f)));
const sw = readFileSync(join(dist, 'sw.js'), 'utf8')
  .replace("'/*VERSION*/'", JSON.stringify(version.digest('hex').slice(0, 16)))
  .replace('[/*PRECACHE*/]', JSON.stringify(['./', ...precache]));
writeFileSync(join(dist, 'sw.js'), sw);
console.log(`postbuild: CSP in ${all.filter((f) => f.endsWith('.html')).length} pages; service worker precaches ${precache.length + 1} entries`);
