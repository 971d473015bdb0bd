// From every screen of the path, each way out — the quick-exit button, Shift three times,
// the idle timeout — leaves nothing she answered: not in storage, not in the DOM, not
// behind Back; and nothing but GETs of the app's own files went over the network.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openKiosk } from './harness.mjs';
import { expectHeading, assertNothingKept } from './pages/kiosk.mjs';
import { both, en } from './pages/labels.mjs';

const press = (name, exact = true) => async (page) => page.getByRole('button', { name, exact }).first().click();

// Each screen: its heading, and the taps that reach it from the one before.
const SCREENS = [
  ['Welcome', both('choose_language'), []],
  ['Age', en.age_question, [press(en.language_name, false)]],
  ['Consent', en.consent_title, [press(en.age_adult)]],
  ['Danger', en.danger_question, [press(en.yes_consent, false)]],
  ['Doctor', en.doctor_question, [press(en.no)]],
  ['Children', en.children_question, [press(en.no)]],
  ['Services', en.services_question, [press('3')]],
  ['Sharing', 'Would you like staff to share your information', [press(en.service_shelter, false), press(en.next)]],
  ['PrivateRoom', en.private_room_question, [press(en.share_no, false), press(en.next)]],
  ['Statistics', 'May we count you?', [press(en.yes)]],
  ['Sex', en.sex_question, [press(en.yes)]],
  ['Disability', 'Do you have difficulty seeing', [press(en.sex_female)]],
  ['Review', en.review_title, [press(en.yes)]],
  ['Handoff', en.handoff_title, [press(en.make_my_code)]],
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

const ANSWER_WORDS = [en.age_adult, en.service_shelter, en.sex_female, en.share_no];

for (const [exitName, exit] of Object.entries(EXITS)) {
  test(`${exitName} from every screen leaves nothing behind`, async () => {
    const k = await openKiosk({ paired: true, fakeClock: true });
    try {
      const { page, context } = k;
      for (let i = 0; i < SCREENS.length; i++) {
        const [name, heading] = SCREENS[i];
        await page.goto(k.server.url + '/');
        await expectHeading(page, both('choose_language'));
        for (const [, , taps] of SCREENS.slice(1, i + 1)) for (const tap of taps) await tap(page);
        await expectHeading(page, heading);
        if (exitName === 'idle' && name === 'Welcome') continue; // nothing to wipe on a fresh welcome screen
        if (exitName === 'idle' && name === 'Handoff') {
          // The code screen ends after the centre's handoff time, like Finish: a fresh kiosk.
          await exit(page);
          await expectHeading(page, both('choose_language'));
        } else {
          await exit(page);
          await page.waitForURL(/exit\.html$/, { timeout: 5000 });
        }
        const dom = await page.content();
        for (const w of ANSWER_WORDS) assert.ok(!dom.includes(w), `${name}: ${w} still shown`);
        await assertNothingKept(page, context, ANSWER_WORDS);
        if (page.url().endsWith('exit.html')) {
          await page.goBack().catch(() => {});
          await page.waitForLoadState();
          const back = await page.content();
          for (const w of ANSWER_WORDS) assert.ok(!back.includes(w), `${name}: Back shows ${w}`);
        }
      }
      // The wait screen (a language without screens) is off the main path: from the welcome
      // screen, one tap. Its code ends with the wait time, like the code screen's.
      await page.goto(k.server.url + '/');
      await expectHeading(page, both('choose_language'));
      await page.getByRole('button', { name: 'Tày', exact: true }).click();
      await expectHeading(page, 'Xin chờ ở đây · Please wait here');
      await page.locator('.slip__qr svg').waitFor();
      const ticket = await page.locator('.slip__ticket').innerText();
      await exit(page);
      if (exitName === 'idle') await expectHeading(page, both('choose_language'));
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
