// Unlocking the staff desk: the real page (release build), a staff key imported from its
// backup and so kept at this device's cost (Argon2id, `intake::desk::wrap::MEMORY_KIB` and
// `PASSES`), locked, then unlocked: time from pressing Unlock to the desk's heading, at 1×
// and 6× CPU throttle, side by side. The goal: ≤ 2 s at 6×.
import { BENCH_STAFF_KEY_FILE, launch, freshPage, serve, saveResult, ROOT, median } from './common.mjs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROUNDS = Number(process.env.BENCH_UNLOCK_ROUNDS ?? 5);
const PASSPHRASE = 'a long staff passphrase for the benchmark';
const backup = execFileSync(join(ROOT, 'target', 'debug', 'handoff'), ['wrap', BENCH_STAFF_KEY_FILE], { input: `${PASSPHRASE}\n` }).toString();

const server = await serve(join(ROOT, 'dist'), {});
const browser = await launch();
const result = { rounds: ROUNDS, median_ms: {}, all_ms: {} };
try {
  for (const rate of [1, 6]) {
    const { context, page } = await freshPage(browser, rate);
    await page.goto(server.url + '/staff/');
    await page.getByRole('heading', { name: /no staff key yet/ }).waitFor({ timeout: 60000 });
    await page.getByLabel(/backup file's contents/).fill(backup);
    await page.getByLabel('Mật khẩu / Passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: /Import/ }).click();
    await page.getByRole('heading', { name: /Intake desk$/ }).waitFor({ timeout: 120000 });
    const times = [];
    for (let r = 0; r < ROUNDS; r++) {
      await page.getByRole('button', { name: /Lock/ }).click();
      await page.getByRole('heading', { name: /is locked/ }).waitFor();
      await page.getByLabel(/Your initials/).fill('LT');
      await page.getByLabel('Mật khẩu / Passphrase').fill(PASSPHRASE);
      const t0 = await page.evaluate(() => performance.now());
      await page.getByRole('button', { name: /Unlock/ }).click();
      await page.getByRole('heading', { name: /Intake desk$/ }).waitFor({ timeout: 120000 });
      times.push((await page.evaluate(() => performance.now())) - t0);
    }
    result.all_ms[`${rate}x`] = times;
    result.median_ms[`${rate}x`] = median(times);
    await context.close();
  }
  result.six_over_one = result.median_ms['6x'] / result.median_ms['1x'];
  saveResult('unlock', result);
} finally {
  await browser.close();
  await server.close();
}
