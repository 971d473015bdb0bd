// Read-aloud: the speaker button reads the screen in the session's language with an
// on-device voice only; with none it says so; on the review screen it reads the prompts,
// never her answers; the idle guard waits while it speaks. speechSynthesis is a stub that
// records what it is asked to say (headless Chromium has no voices).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openKiosk, checkScreen } from './harness.mjs';
import { tap, expectHeading } from './pages/kiosk.mjs';
import { both, en, vi } from './pages/labels.mjs';

/** One on-device Vietnamese voice, and English only as a network (cloud) voice. */
function stubSpeech() {
  window.__spoken = [];
  let speaking = false;
  const voices = [
    { name: 'vi on device', lang: 'vi-VN', localService: true, voiceURI: 'vi-local', default: false },
    { name: 'en in the cloud', lang: 'en-US', localService: false, voiceURI: 'en-cloud', default: true },
  ];
  window.SpeechSynthesisUtterance = class {
    constructor(text) { this.text = text; this.lang = ''; this.voice = null; }
  };
  Object.defineProperty(window, 'speechSynthesis', {
    configurable: true,
    value: {
      getVoices: () => voices,
      speak: (u) => { window.__spoken.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.name }); speaking = true; },
      cancel: () => { speaking = false; },
      get speaking() { return speaking; },
    },
  });
  window.__stopSpeaking = () => { speaking = false; };
}

const spoken = (page) => page.evaluate(() => window.__spoken);

test('read-aloud speaks the question and options in Vietnamese with the on-device voice', async () => {
  const k = await openKiosk({ initScript: stubSpeech });
  try {
    const { page } = k;
    await expectHeading(page, both('choose_language'));
    await tap(page, vi.language_name);
    await expectHeading(page, vi.age_question);
    await tap(page, vi.read_aloud);
    const [said] = await spoken(page);
    assert.equal(said.lang, 'vi-VN');
    assert.equal(said.voice, 'vi on device');
    assert.match(said.text, /Bạn bao nhiêu tuổi\?/);
    assert.match(said.text, /18 tuổi trở lên/);
    assert.match(said.text, /Dưới 12 tuổi/i);
    await checkScreen(page, 'read-aloud-vi-age');
  } finally {
    await k.done();
  }
});

test('with only a cloud voice for English it reads nothing and says so on screen', async () => {
  const k = await openKiosk({ initScript: stubSpeech });
  try {
    const { page } = k;
    await expectHeading(page, both('choose_language'));
    await tap(page, en.language_name);
    await expectHeading(page, en.age_question);
    await tap(page, en.read_aloud);
    await page.getByText(/no voice to read English aloud/).waitFor();
    assert.deepEqual(await spoken(page), [], 'nothing was sent to the cloud voice');
    await checkScreen(page, 'read-aloud-en-no-voice');
    // The message goes with the screen; the flow carries on.
    await tap(page, en.age_adult);
    await expectHeading(page, en.consent_title);
    assert.equal(await page.getByText(/no voice to read English aloud/).count(), 0);
  } finally {
    await k.done();
  }
});

test('on the review screen it reads the prompts, never her answers; idle waits while it speaks', async () => {
  const k = await openKiosk({ initScript: stubSpeech, fakeClock: true });
  try {
    const { page } = k;
    await expectHeading(page, both('choose_language'));
    await tap(page, vi.language_name);
    await tap(page, vi.age_adult);
    await tap(page, vi.yes_consent);
    await page.getByRole('button', { name: vi.no, exact: true }).click();
    await page.getByRole('button', { name: vi.no, exact: true }).click();
    await page.getByRole('button', { name: '2', exact: true }).click();
    await tap(page, vi.service_shelter);
    await tap(page, vi.next);
    await page.getByRole('group').nth(0).getByRole('button', { name: vi.share_yes }).click();
    await tap(page, vi.next);
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: vi.skip, exact: true }).click();
    await expectHeading(page, 'Xem lại');
    await tap(page, vi.read_aloud);
    const [said] = await spoken(page);
    assert.match(said.text, /Xem lại/);
    assert.match(said.text, /Tuổi/, 'the prompts are read');
    for (const answer of [vi.age_adult, vi.service_shelter, vi.skipped]) {
      assert.ok(!said.text.includes(answer), `her answer "${answer}" is not read aloud`);
    }

    // Still speaking well past the idle time (10 s + 3 s countdown): no wipe, no dialog.
    await page.clock.runFor(20_000);
    await expectHeading(page, 'Xem lại');
    assert.equal(await page.getByRole('alertdialog').count(), 0);
    // Once it stops, the idle guard counts again.
    await page.evaluate(() => window.__stopSpeaking());
    await page.clock.runFor(11_000);
    await page.getByRole('alertdialog').waitFor();
  } finally {
    await k.done();
  }
});
