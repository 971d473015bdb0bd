// Quick exit (button, Shift three times, skip link), the idle wipe and Finish: afterwards
// nothing she answered is anywhere — storage, DOM, history — and nothing left the origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openKiosk, assertAccessible, screenshot } from './harness.mjs';
import { tap, expectHeading, assertNothingKept } from './pages/kiosk.mjs';
import { both, en, vi } from './pages/labels.mjs';

/** Answers a few questions so there is something to wipe: adult, consent, danger no, shelter. */
async function answerSome(page) {
  await expectHeading(page, both('choose_language'));
  await tap(page, en.language_name);
  await tap(page, en.age_adult);
  await tap(page, en.yes_consent);
  await page.getByRole('button', { name: en.no, exact: true }).click();
  await page.getByRole('button', { name: en.no, exact: true }).click();
  await page.getByRole('button', { name: '3', exact: true }).click();
  await tap(page, en.service_shelter);
  await expectHeading(page, en.services_question);
}

const ANSWER_WORDS = [en.service_shelter, en.age_adult, 'How old'];

async function assertWipedAndNeutral(k) {
  const { page, context } = k;
  await page.waitForURL(/exit\.html$/, { timeout: 20000 });
  await page.getByRole('heading', { name: 'Món ngon mỗi ngày' }).waitFor();
  const text = await page.content();
  for (const w of ANSWER_WORDS) assert.ok(!text.includes(w), `the neutral page shows ${w}`);
  await assertNothingKept(page, context, ANSWER_WORDS);
  // Back never reveals an earlier answer: the kiosk entry was replaced.
  await page.goBack().catch(() => {});
  await page.waitForLoadState();
  const after = await page.content();
  for (const w of ANSWER_WORDS) assert.ok(!after.includes(w), `Back shows ${w}`);
  for (const r of k.requests) {
    assert.equal(r.method, 'GET', r.url);
    assert.ok(!new URL(r.url).search, `no query string: ${r.url}`);
  }
}

test('the quick-exit button hides, wipes and shows the neutral page, which returns to a fresh kiosk', async () => {
  const k = await openKiosk();
  try {
    await answerSome(k.page);
    await k.page.getByRole('button', { name: en.quick_exit }).click();
    await k.page.waitForURL(/exit\.html$/);
    await assertAccessible(k.page, 'neutral exit page');
    await screenshot(k.page, 'exit-page');
    // The exit page returns to the kiosk by itself (3 s in the test configuration).
    await k.page.waitForURL((u) => !u.pathname.endsWith('exit.html'), { timeout: 10000 });
    await expectHeading(k.page, both('choose_language'));
    await k.page.getByRole('button', { name: vi.quick_exit }).click();
    await assertWipedAndNeutral(k);
  } finally {
    await k.done();
  }
});

test('Shift pressed three times within five seconds exits', async () => {
  const k = await openKiosk();
  try {
    await answerSome(k.page);
    for (let i = 0; i < 3; i++) await k.page.keyboard.press('Shift');
    await assertWipedAndNeutral(k);
  } finally {
    await k.done();
  }
});

test('the skip link is first in the tab order and exits', async () => {
  const k = await openKiosk();
  try {
    await expectHeading(k.page, both('choose_language'));
    await k.page.keyboard.press('Tab');
    const first = await k.page.evaluate(() => document.activeElement?.textContent);
    assert.equal(first, vi.skip_to_exit);
    await answerSome(k.page);
    await k.page.locator('.skip-exit').focus();
    const box = await k.page.evaluate(() => { const r = document.activeElement.getBoundingClientRect(); return [r.width, r.height]; });
    assert.ok(box[0] >= 48 && box[1] >= 48, `the focused skip link is ${box}`);
    await screenshot(k.page, 'skip-link-focused');
    await k.page.keyboard.press('Enter');
    await assertWipedAndNeutral(k);
  } finally {
    await k.done();
  }
});

test('idle: "are you still there?" counts down, then the kiosk wipes itself', async () => {
  const k = await openKiosk();
  try {
    await answerSome(k.page);
    const dialog = k.page.getByRole('alertdialog');
    await dialog.waitFor({ timeout: 15000 });
    await assertAccessible(k.page, 'idle dialog');
    await screenshot(k.page, 'idle-dialog');
    // "I am still here" keeps the session.
    await dialog.getByRole('button').click();
    await expectHeading(k.page, en.services_question);
    await dialog.waitFor({ timeout: 15000 });
    await assertWipedAndNeutral(k);
  } finally {
    await k.done();
  }
});

test('a tablet that slept past the idle time wakes up wiped: the guard counts clock time', async () => {
  const k = await openKiosk({ fakeClock: true });
  try {
    await answerSome(k.page);
    // Two minutes pass on the clock while no timer fires (the tablet slept); then one tick.
    const now = await k.page.evaluate(() => Date.now());
    await k.page.clock.setSystemTime(now + 120_000);
    await k.page.clock.runFor(600);
    await assertWipedAndNeutral(k);
  } finally {
    await k.done();
  }
});

for (const how of ['visibilitychange', 'pagehide']) {
  test(`hiding the page (${how}: screen off, app switch, leaving) wipes the answers`, async () => {
    const k = await openKiosk({
      // Headless Chromium never hides a page: let the test say when it is hidden.
      initScript: () => Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => Boolean(window.__testHidden) }),
    });
    try {
      await answerSome(k.page);
      await k.page.evaluate((how) => {
        window.__beforeHiding = true;
        window.__testHidden = true;
        if (how === 'pagehide') window.dispatchEvent(new Event('pagehide'));
        else document.dispatchEvent(new Event('visibilitychange', { bubbles: true })); // as browsers fire it
      }, how);
      if (how === 'visibilitychange') {
        // A hidden page is replaced by a fresh kiosk: nothing stays in its memory.
        await k.page.waitForFunction(() => window.__beforeHiding === undefined);
      }
      await expectHeading(k.page, both('choose_language'));
      const text = await k.page.content();
      for (const w of ANSWER_WORDS) assert.ok(!text.includes(w), `still shows ${w}`);
    } finally {
      await k.done();
    }
  });
}
