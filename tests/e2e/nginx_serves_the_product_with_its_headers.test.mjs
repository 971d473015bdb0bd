// The server configuration a centre deploys (deploy/nginx/), tested with Debian's nginx over
// the release build on 127.0.0.1: the two repository files are copied unchanged into a
// throwaway nginx prefix; only the server block around them (port, root) is the test's.
// Every page and asset carries the headers and the right type; /staff/ cannot be framed;
// hashed files are kept for a year and pages are revalidated; the kiosk starts under the
// header and meta policies together and works offline after one visit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, copyFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { DIST, ROOT, CHROMIUM_ARGS } from './harness.mjs';
import { serve } from '../../scripts/static-server.mjs';
import { both } from './pages/labels.mjs';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
const FILES = join(ROOT, 'deploy', 'nginx');

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** Starts nginx with the repository's files over dist/; resolves once it answers. */
async function startNginx() {
  const dir = mkdtempSync(join(tmpdir(), 'nginx-'));
  mkdirSync(join(dir, 'snippets'));
  for (const f of ['anh-duong-headers.conf', 'anh-duong-locations.conf']) copyFileSync(join(FILES, f), join(dir, 'snippets', f));
  const port = await freePort();
  const root = process.getuid?.() === 0 ? 'user root;\n' : '';
  writeFileSync(join(dir, 'nginx.conf'), `${root}worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${DIST};
    include snippets/anh-duong-locations.conf;
  }
}
`);
  execFileSync(NGINX, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'pipe' });
  const child = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try { await fetch(url + '/'); break; } catch { await new Promise((r) => setTimeout(r, 50)); }
  }
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  return { url, stop };
}

const hashed = (folder, ext) => readdirSync(join(DIST, folder)).find((f) => /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/.test(f) && f.endsWith(ext));

test('nginx serves every page and asset with the headers, the right types and the right caching', { skip: !NGINX && 'nginx is not installed' }, async () => {
  const nginx = await startNginx();
  try {
    const paths = {
      '/': [/^text\/html/, 'page'],
      '/setup/': [/^text\/html/, 'page'],
      '/staff/': [/^text\/html/, 'staff'],
      '/exit.html': [/^text\/html/, 'page'],
      '/centre.json': [/^application\/json/, 'page'],
      '/sw.js': [/javascript/, 'page'],
      '/manifest.webmanifest': [/^application\/manifest\+json/, 'page'],
      '/icon.svg': [/^image\/svg\+xml/, 'page'],
      [`/${hashed('.', '_bg.wasm')}`]: [/^application\/wasm/, 'hashed'],
      [`/${hashed('.', '.js')}`]: [/javascript/, 'hashed'],
      [`/${hashed('.', '.css')}`]: [/^text\/css/, 'hashed'],
      [`/staff/${hashed('staff', '_bg.wasm')}`]: [/^application\/wasm/, 'hashed'],
    };
    for (const [path, [type, kind]] of Object.entries(paths)) {
      const r = await fetch(nginx.url + path);
      const h = (name) => r.headers.get(name) ?? '';
      assert.equal(r.status, 200, `${path}: status`);
      assert.match(h('content-type'), type, `${path}: type`);
      assert.equal(h('content-security-policy'), "frame-ancestors 'none'", `${path}: CSP header`);
      assert.equal(h('x-frame-options'), 'DENY', `${path}: X-Frame-Options`);
      assert.equal(h('x-content-type-options'), 'nosniff', `${path}: nosniff`);
      assert.equal(h('referrer-policy'), 'no-referrer', `${path}: Referrer-Policy`);
      assert.match(h('strict-transport-security'), /max-age=\d{7,}/, `${path}: HSTS`);
      assert.match(h('permissions-policy'), kind === 'staff' ? /camera=\(self\)/ : /camera=\(\)/, `${path}: camera only on /staff/`);
      if (kind === 'hashed') assert.match(h('cache-control'), /max-age=31536000, immutable/, `${path}: kept for a year`);
      else assert.match(h('cache-control'), /no-cache/, `${path}: revalidated`);
    }
  } finally {
    await nginx.stop();
  }
});

test('under nginx /staff/ cannot be framed, and the kiosk starts under both policies and works offline after one visit', { skip: !NGINX && 'nginx is not installed' }, async () => {
  const nginx = await startNginx();
  const framer = mkdtempSync(join(tmpdir(), 'framer-'));
  // No favicon to ask for: its 404 would arrive after the refused frame's error is set aside.
  writeFileSync(join(framer, 'index.html'), `<!doctype html><title>x</title><link rel="icon" href="data:,"><iframe src="${nginx.url}/staff/" width="600" height="400"></iframe>`);
  const other = await serve(framer);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(e.message));

    // goto waits for the load event, which waits for the frame (refused or not).
    await page.goto(other.url + '/');
    const frame = page.frames().find((f) => f !== page.mainFrame());
    assert.ok(frame, 'the iframe exists');
    // Chromium replaces a refused frame with its own error page.
    assert.match(frame.url(), /^chrome-error:/, `the staff desk does not render inside another site's frame (frame at ${frame.url()})`);
    problems.length = 0; // the refused frame logs its own error

    await page.goto(nginx.url + '/');
    await page.getByRole('heading', { level: 1, name: both('choose_language') }).waitFor({ timeout: 10000 });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
    assert.deepEqual(problems, [], 'no policy blocks anything the kiosk needs');
    await nginx.stop();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: both('choose_language') }).waitFor({ timeout: 10000 });
  } finally {
    await browser.close();
    await other.close();
    await nginx.stop();
  }
});
