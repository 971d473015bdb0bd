// `make run`: serves the demo build (target/dev-dist/, made by `scripts/dist.sh --dev`: a
// development build with the `demo-key` feature) — the kiosk, its setup page and the staff desk — on http://127.0.0.1:8080 (PORT to
// change it; 0 picks a free port), and prints the three addresses. For trying the desk it
// also offers the shipped DEMO staff key as a wrapped backup at /demo/staff-backup.json (made
// now by the handoff tool, never part of any build) and prints its passphrase. Only this
// demo build takes the demo key; any other build (`make dist`, what a centre deploys; a plain
// `trunk build`) refuses it. Nothing here is for a real centre: see docs/deploy.md.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './static-server.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TARGET = process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target');
/** The demo backup's passphrase: printed, because the demo key protects nothing real. */
const DEMO_PASSPHRASE = 'demo desk passphrase';

const backup = execFileSync(join(TARGET, 'debug', 'handoff'), ['wrap', join(ROOT, 'tests', 'fixtures', 'demo-staff.key')], { input: `${DEMO_PASSPHRASE}\n` });
const file = join(mkdtempSync(join(tmpdir(), 'anh-duong-run-')), 'staff-backup.json');
writeFileSync(file, backup);

const port = Number(process.env.PORT ?? 8080);
const server = await serve(join(TARGET, 'dev-dist'), { port, overrides: { '/demo/staff-backup.json': file } });
console.log(`Kiosk:       ${server.url}/`);
console.log(`Setup page:  ${server.url}/setup/`);
console.log(`Staff desk:  ${server.url}/staff/`);
console.log(`Demo staff key backup (DEMO ONLY, not for real cases): ${server.url}/demo/staff-backup.json`);
console.log(`  its passphrase: ${DEMO_PASSPHRASE}`);
console.log('Press Ctrl+C to stop.');
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => { await server.close(); process.exit(0); });
}
