// The kiosk from the keyboard alone (a switch device or a keyboard on a mini-PC): every
// step is reached with Tab and Enter/Space, and the focused control always shows a
// visible focus ring.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openKiosk } from './harness.mjs';
import { expectHeading } from './pages/kiosk.mjs';
import { both, en } from './pages/labels.mjs';

/** Tabs until the focused element's text matches `name` (at most 40 presses), checking
 *  every focused control shows a ring of at least 2 px; then presses `key`. */
async function tabTo(page, name, key = 'Enter') {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      return { text: el.innerText || el.getAttribute('aria-label') || '', ring: s.outlineStyle !== 'none' ? parseFloat(s.outlineWidth) : 0 };
    });
    if (!focused) continue;
    assert.ok(focused.ring >= 2, `focus is visible on "${focused.text.trim()}" (outline ${focused.ring}px)`);
    if (name.test(focused.text)) {
      await page.keyboard.press(key);
      return;
    }
  }
  assert.fail(`no control matching ${name} reached with Tab`);
}

test('the path to the code works from the keyboard alone, with the focus always visible', async () => {
  const k = await openKiosk({ paired: true });
  try {
    const { page } = k;
    await expectHeading(page, both('choose_language'));
    await tabTo(page, /^English/);
    await expectHeading(page, en.age_question);
    await tabTo(page, /18 or over/, ' ');
    await expectHeading(page, en.consent_title);
    await tabTo(page, /Yes, I agree/);
    await expectHeading(page, 'danger');
    await tabTo(page, /^No$/);
    await expectHeading(page, 'see a doctor');
    await tabTo(page, /^No$/);
    await expectHeading(page, 'children');
    await tabTo(page, /^No children$/);
    await expectHeading(page, en.services_question);
    await tabTo(page, /Counselling|counselling/);
    await tabTo(page, /^Next$/);
    await expectHeading(page, 'share');
    await tabTo(page, /Yes, share/);
    await tabTo(page, /^Next$/);
    for (const heading of ['private room', 'May we count you?', 'sex', 'difficulty seeing']) {
      await expectHeading(page, heading);
      await tabTo(page, /^Skip$/);
    }
    await expectHeading(page, en.review_title);
    await tabTo(page, /Make my code/);
    await expectHeading(page, en.handoff_title);
    await page.locator('.slip__qr svg').waitFor();
  } finally {
    await k.done();
  }
});
