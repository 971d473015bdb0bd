// The centre's statistics across two desks, as staff make the monthly report: each desk
// counts the cases it records; once the month is closed each exports its month, sealed
// under the staff key; one desk combines them. With two desks configured, neither desk
// alone exports a report, and one desk's month alone makes none (it could be subtracted
// from the whole).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveForTests, checkScreen, openStaff, CHROMIUM_ARGS, FIXTURES } from './harness.mjs';
import { handoff, importCentreKey, enrol, scan, decide, record, show, unlock } from './pages/desk.mjs';
import { CENTRE_PUB } from './pages/centre_key.mjs';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The centre's month (UTC+7) of a moment, as `YYYY-MM`. */
const monthOf = (ms) => new Date(ms + 7 * 60 * 60 * 1000).toISOString().slice(0, 7);

/** A desk that records `codes`, each with "count in reports" as she answered (yes). */
async function deskRecording(browser, server, codes) {
  const desk = await openStaff(browser, server);
  await importCentreKey(desk.page);
  await enrol(desk.page, `A=${handoff('public', join(FIXTURES, 'demo-kiosk.key'))}`);
  for (const code of codes) {
    await scan(desk.page, code);
    await desk.page.locator('.decisions').waitFor();
    await decide(desk.page, /Enter in the centre's case records/, 'Yes');
    await record(desk.page);
    await desk.page.getByRole('heading', { name: /Recorded — LT/ }).waitFor();
    await desk.page.getByRole('button', { name: /Close$/ }).click();
  }
  return desk;
}

test('the month is reported only once closed, and only from every desk combined', async () => {
  const server = await serveForTests((c) => { c.desks = 2; });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    writeFileSync(join(dir, 'answers.json'), handoff('sample'));
    const seal = () => handoff('seal', '--answers', join(dir, 'answers.json'), '--staff-key', CENTRE_PUB, '--kiosk-key', join(FIXTURES, 'demo-kiosk.key'));
    const both = seal();
    const now = Date.now();
    // The same woman seen at both desks; another at the second only.
    const one = await deskRecording(browser, server, [both]);
    const two = await deskRecording(browser, server, [both, seal()]);
    const month = monthOf(now);

    // While the month is open: counted, marked as still counting, and nothing to export.
    await show(two.page, 'Statistics');
    await two.page.locator('.stats tbody tr').first().waitFor();
    assert.match(await two.page.locator('.stats').first().innerText(), /still counting — not closed/);
    assert.equal(await two.page.getByRole('button', { name: /Export CSV/ }).count(), 0, 'two desks: no desk alone exports a report');
    await two.page.getByText(/a report is made only from all 2 desks' months combined/).waitFor();

    // Forty-five days on, the month is closed: each desk exports it.
    const files = [];
    for (const desk of [one, two]) {
      await desk.page.clock.setFixedTime(new Date(now + 45 * DAY_MS));
      await desk.page.reload();
      await unlock(desk.page);
      await show(desk.page, 'Statistics');
      const row = desk.page.locator('.stats__months li').filter({ hasText: month });
      const [download] = await Promise.all([desk.page.waitForEvent('download'), row.getByRole('button', { name: /Export this month for the report/ }).click()]);
      const path = await download.path();
      assert.ok(!readFileSync(path, 'utf8').includes('health'), 'the month is sealed');
      files.push(path);
    }

    // The second desk combines: its own month alone makes no report; with the first desk's,
    // the report (the woman seen at both counted once).
    const combine = two.page.getByLabel(/Combine months from the desks/);
    await combine.setInputFiles(files[1]);
    await two.page.getByText(/1 file\(s\) chosen; no report yet\. Month .*: files from 1 of 2 desks/).waitFor();
    await two.page.getByRole('button', { name: /Start combining again/ }).click();
    await combine.setInputFiles(files[1]);
    await combine.setInputFiles(files[0]);
    const combined = two.page.locator('.stats__combined');
    await combined.getByText(/2 file\(s\) combined/).waitFor();
    assert.match(await combined.innerText(), new RegExp(`${month}[\\s\\S]*Chăm sóc y tế / Medical care[\\s\\S]*<5`));
    await checkScreen(two.page, 'staff-10-combined-report');
    const [csv] = await Promise.all([two.page.waitForEvent('download'), combined.getByRole('button', { name: /Export the combined CSV/ }).click()]);
    const text = readFileSync(await csv.path(), 'utf8');
    assert.match(text, new RegExp(`^month,service,age_band,sex,count\\n${month},health,18_plus,female,<5\\n`));
    assert.doesNotMatch(text, /total/i);

    assert.deepEqual(one.problems, []);
    assert.deepEqual(two.problems, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
