// From every screen of the path, each way out — the quick-exit button, Shift three times,
// the idle timeout — leaves nothing she answered: not in storage, not in the DOM, not
// behind Back; and nothing but GETs of the app's own files went over the network.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openKiosk } from './harness.mjs';
import { expectHeading, assertNothingKept } from './kiosk.mjs';

const press = (name, exact = true) => async (page) => page.getByRole('button', { name, exact }).first().click();

// Each screen: its heading, and the taps that reach it from the one before.
const SCREENS = [
  ['Welcome', 'Chọn ngôn ngữ · Choose a language', []],
  ['Age', 'How old are you?', [press('English', false)]],
  ['Consent', 'How we can help', [press('18 or over')]],
  ['Danger', 'Are you in danger right now?', [press('Yes, I agree', false)]],
  ['Doctor', 'Do you need to see a doctor now?', [press('No')]],
  ['Children', 'Are children with you?', [press('No')]],
  ['Services', 'What would you like help with?', [press('3')]],
  ['Sharing', 'Would you like staff to share your information', [press('A safe place to stay', false), press('Next')]],
  ['PrivateRoom', 'Would you like to talk in a private room?', [press("No, don't share", false), press('Next')]],
  ['Statistics', 'May we count you?', [press('Yes')]],
  ['Sex', 'What is your sex?', [press('Yes')]],
  ['Disability', 'Do you have difficulty seeing', [press('Female')]],
  ['Review', 'Check your answers', [press('Yes')]],
  ['Handoff', 'Here is your code', [press('Make my code')]],
];

const EXITS = {
  button: async (page) => page.getByRole('button', { name: /Quick exit|Thoát nhanh/ }).click(),
  'Shift×3': async (page) => { for (let i = 0; i < 3; i++) await page.keyboard.press('Shift'); },
  idle: async (page) => {
    const now = await page.evaluate(() => Date.now());
    await page.clock.setSystemTime(now + 15 * 60_000);
    await page.clock.runFor(600);
  },
};

const ANSWER_WORDS = ['18 or over', 'A safe place to stay', 'Female', "No, don't share"];

for (const [exitName, exit] of Object.entries(EXITS)) {
  test(`${exitName} from every screen leaves nothing behind`, async () => {
    const k = await openKiosk({ fakeClock: true });
    try {
      const { page, context } = k;
      for (let i = 0; i < SCREENS.length; i++) {
        const [name, heading] = SCREENS[i];
        await page.goto(k.server.url + '/');
        await expectHeading(page, 'Chọn ngôn ngữ · Choose a language');
        for (const [, , taps] of SCREENS.slice(1, i + 1)) for (const tap of taps) await tap(page);
        await expectHeading(page, heading);
        if (exitName === 'idle' && name === 'Welcome') continue; // nothing to wipe on a fresh welcome screen
        if (exitName === 'idle' && name === 'Handoff') {
          // The code screen ends after the centre's handoff time, like Finish: a fresh kiosk.
          await exit(page);
          await expectHeading(page, 'Chọn ngôn ngữ · Choose a language');
        } else {
          await exit(page);
          await page.waitForURL(/exit\.html$/, { timeout: 5000 });
        }
        const dom = await page.content();
        for (const w of ANSWER_WORDS) assert.ok(!dom.includes(w), `${name}: ${w} still shown`);
        await assertNothingKept(page, context, ANSWER_WORDS);
        if (page.url().endsWith('exit.html')) {
          await page.goBack().catch(() => {});
          await page.waitForTimeout(100);
          const back = await page.content();
          for (const w of ANSWER_WORDS) assert.ok(!back.includes(w), `${name}: Back shows ${w}`);
        }
      }
      // The wait screen (a language without screens) is off the main path: from the welcome
      // screen, one tap. Its code ends with the wait time, like the code screen's.
      await page.goto(k.server.url + '/');
      await expectHeading(page, 'Chọn ngôn ngữ · Choose a language');
      await page.getByRole('button', { name: 'Tày', exact: true }).click();
      await expectHeading(page, 'Xin chờ ở đây · Please wait here');
      await page.locator('.slip__qr svg').waitFor();
      const ticket = await page.locator('.slip__ticket').innerText();
      await exit(page);
      if (exitName === 'idle') await expectHeading(page, 'Chọn ngôn ngữ · Choose a language');
      else await page.waitForURL(/exit\.html$/, { timeout: 5000 });
      assert.ok(!(await page.content()).includes(ticket), 'the wait screen\'s ticket is gone');
      await assertNothingKept(page, context, [ticket]);
      for (const r of k.requests) {
        assert.equal(r.method, 'GET', r.url);
        assert.ok(!new URL(r.url).search, `no query string: ${r.url}`);
      }
    } finally {
      await k.done();
    }
  });
}
