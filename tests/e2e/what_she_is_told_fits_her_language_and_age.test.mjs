// What she is told and what she is asked (issue 14): her spoken language first, with a
// wait screen and an interpreter code for a language without screens; urgent screens by
// reason with no police promise; a child's own words; a long read waits longer; a private
// room seen at the desk only. Every screen: axe, 48 px targets, a screenshot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { openKiosk, checkScreen, SHOTS, FIXTURES, serveForTests } from './harness.mjs';
import { tap, expectHeading, zbar, openCode } from './pages/kiosk.mjs';
import { handoff, scan, importCentreKey, enrol } from './pages/desk.mjs';
import { CENTRE_PUB } from './pages/centre_key.mjs';
import { both, en, vi } from './pages/labels.mjs';

const WELCOME = both('choose_language');
const exact = (page, name) => page.getByRole('button', { name, exact: true }).click();

/** Records what the page asks of the wake lock, the printer and the audio element. */
const recordDevices = () => {
  window.__wake = { requested: 0, released: 0 };
  Object.defineProperty(Navigator.prototype, 'wakeLock', {
    configurable: true,
    get: () => ({
      request: () => {
        window.__wake.requested += 1;
        return Promise.resolve({ release: () => { window.__wake.released += 1; return Promise.resolve(); } });
      },
    }),
  });
  window.__printed = 0;
  window.print = () => { window.__printed += 1; };
  window.__played = [];
  HTMLMediaElement.prototype.play = function play() { window.__played.push(this.src); return Promise.resolve(); };
};

const missingClip = (p) => p === 'console error: Failed to load resource: the server responded with a status of 404 (Not Found)';

test('a language without screens: its name and clip, then "please wait here" with a code asking for an interpreter, printed without asking, kept awake until Finish', async () => {
  // Dao's clip is named but missing from the server.
  const k = await openKiosk({ paired: true, fakeClock: true, initScript: recordDevices, config: (c) => { c.spoken_languages.find((l) => l.tag === 'ium').name_clip = 'clips/missing.wav'; } });
  try {
    const { page } = k;
    await expectHeading(page, WELCOME);
    // Every clip is fetched once the first screen is up, before any tap: the requests say
    // nothing of her choice. The one that is missing is simply not offered.
    const listenTay = page.getByRole('button', { name: /^Tày — Nghe/ });
    await listenTay.waitFor({ timeout: 10000 });
    // (Watched from outside the page: the faked clock also fakes its performance timeline.)
    for (let i = 0; i < 200 && !k.requests.some((r) => r.url.endsWith('/clips/missing.wav')); i++) await new Promise((r) => setTimeout(r, 50));
    for (const clip of ['tyz-name.wav', 'tyz-wait.wav', 'missing.wav']) {
      assert.ok(k.requests.some((r) => r.url.endsWith(`/clips/${clip}`)), `${clip} fetched before any choice`);
    }
    assert.equal(await page.getByRole('button', { name: /^Dao — Nghe/ }).count(), 0, 'a missing clip is not offered');
    assert.ok(await page.getByRole('button', { name: 'Dao', exact: true }).isVisible(), 'its name still shows');
    for (const name of [vi.language_name, en.language_name, 'Tày', 'Sán Dìu', 'Sán Chay', 'Ngôn ngữ ký hiệu']) {
      assert.ok(await page.getByRole('button', { name, exact: true }).isVisible(), name);
    }
    assert.equal(await page.evaluate(() => window.__played.length), 0, 'nothing plays by itself');
    await listenTay.click();
    assert.equal(await page.evaluate(() => window.__played.length), 1, 'the clip plays on a tap');
    await checkScreen(page, 'spoken-1-choose-language');

    await exact(page, 'Tày');
    await expectHeading(page, 'Xin chờ ở đây · Please wait here');
    await page.locator('.slip__qr svg').waitFor();
    await page.waitForFunction(() => window.__printed === 1 && window.__wake.requested === 1);
    const text = await page.locator('main').innerText();
    assert.ok(text.includes('phiên dịch') && text.includes('interpreter'), 'an interpreter will come');
    assert.ok(/không cần nhờ người nhà/.test(text) && /do not need to ask your family/.test(text), 'no relative as interpreter');
    await page.getByRole('button', { name: /^Tày — Nghe/ }).click();
    assert.ok((await page.evaluate(() => window.__played.at(-1))).startsWith('blob:'), 'the wait clip plays from memory');
    await checkScreen(page, 'spoken-2-wait-here');

    const file = join(SHOTS, 'qr-wait-here.png');
    await page.locator('.slip__qr').screenshot({ path: file });
    const opened = await openCode(zbar(file), await page.evaluate(() => JSON.parse(localStorage.getItem('kiosk-key'))));
    assert.deepEqual(opened.answers, {
      session_language: 'vi', spoken_language: 'tyz', interpreter: 'yes', age_band: 'not_asked',
      help_now: true, danger_now: 'not_asked', doctor_now: 'not_asked', private_room: 'not_asked', children: 'not_asked',
      services: 0, talk_first: false, consent_services: 'not_asked', sharing: { yes: 0, no: 0, not_sure: 0 },
      consent_statistics: 'not_asked', sex: 'not_asked', disability: 'not_asked',
    });

    // The code stays (no "are you still there?") until staff press Finish.
    await page.clock.runFor(12_000);
    assert.equal(await page.getByRole('alertdialog').count(), 0, 'the wait screen does not ask');
    assert.ok(await page.locator('.slip__qr svg').isVisible(), 'her code is still there');
    await page.evaluate(() => { window.__beforeFinish = true; });
    await exact(page, 'Kết thúc · Finish');
    await page.waitForFunction(() => window.__beforeFinish === undefined);
    await expectHeading(page, WELCOME);
    // The browser reports the missing clip's 404 in the console (on each load, as the
    // clips are fetched after every first screen): that line, and only it.
    assert.ok(k.problems.some(missingClip), 'the missing clip was asked for');
  } finally {
    await k.done({ expected: missingClip });
  }
});

test('sign language goes to the wait screen too, and Back undoes a wrong tap', async () => {
  const k = await openKiosk({ paired: true, initScript: recordDevices });
  try {
    const { page } = k;
    await expectHeading(page, WELCOME);
    await exact(page, 'Ngôn ngữ ký hiệu');
    await expectHeading(page, 'Xin chờ ở đây · Please wait here');
    await page.locator('.slip__qr svg').waitFor();
    await checkScreen(page, 'spoken-3-sign-language');
    await page.getByRole('button', { name: /Quay lại/ }).click();
    await expectHeading(page, WELCOME);
    await page.waitForFunction(() => window.__wake.released === 1);
    await tap(page, vi.language_name);
    await expectHeading(page, vi.age_question);
  } finally {
    await k.done();
  }
});

const URGENT = {
  vi: {
    lang: vi.language_name, adult: vi.age_adult, agree: vi.yes_consent, yes: vi.yes, no: vi.no,
    title: vi.urgent_title, danger: 'cùng bạn tìm cách giữ an toàn', doctor: 'đưa bạn đi gặp bác sĩ',
  },
  en: {
    lang: en.language_name, adult: en.age_adult, agree: en.yes_consent, yes: en.yes, no: en.no,
    title: en.urgent_title, danger: 'keep you safe', doctor: 'take you to a doctor',
  },
};

for (const lang of ['vi', 'en']) {
  const t = URGENT[lang];
  for (const [reason, danger, doctor] of [['danger', t.yes, t.no], ['doctor', t.no, t.yes], ['both', t.yes, t.yes]]) {
    test(`${lang}: the urgent screen for ${reason} says what staff will do, and never that they call the police`, async () => {
      const k = await openKiosk();
      try {
        const { page } = k;
        await expectHeading(page, WELCOME);
        await tap(page, t.lang);
        await exact(page, t.adult);
        await tap(page, t.agree);
        await exact(page, danger);
        await exact(page, doctor);
        await expectHeading(page, t.title);
        const text = await page.locator('main').innerText();
        assert.equal(text.includes(t.danger), reason !== 'doctor', 'the danger line');
        assert.equal(text.includes(t.doctor), reason !== 'danger', 'the doctor line');
        // 113 (police) is named only as her own number for after she leaves.
        assert.ok(!/(nhân viên|staff)[^.]*(công an|police)/i.test(text), 'no police promise');
        assert.ok(/(Sau khi về|After you leave)[^.]*113/.test(text), '113 only for after she leaves');
        assert.ok(!text.includes('115'), 'the test centre has a clinic on site: no 115');
        assert.ok(!(await page.locator('h1').getAttribute('class')).includes('calm'));
        await checkScreen(page, `${lang}-urgent-${reason}`);
      } finally {
        await k.done();
      }
    });
  }
}

test('the 12–15 path speaks to her as "em" on every screen, with her own yes and 111 when urgent', async () => {
  const k = await openKiosk({ paired: true });
  try {
    const { page } = k;
    const screens = [];
    const check = async (name) => {
      const text = await page.locator('main').innerText();
      const adult = text.replace(/Chúng tôi|chúng tôi/g, '').match(/(^|[^\p{L}])(bạn|Bạn|tôi|Tôi)(?=$|[^\p{L}])/u);
      assert.equal(adult, null, `${name} speaks to an adult: ${text}`);
      screens.push(name);
      await checkScreen(page, `vi-child-words-${String(screens.length).padStart(2, '0')}-${name}`);
    };
    await expectHeading(page, WELCOME);
    await tap(page, vi.language_name);
    await exact(page, vi.age_12_15);
    await check('notice');
    await tap(page, vi.child_i_understand);
    await check('assent');
    await tap(page, vi.child_assent_yes);
    await expectHeading(page, vi.child_danger_question);
    await check('danger');
    await exact(page, vi.no);
    await expectHeading(page, vi.child_doctor_question);
    await check('doctor');
    await exact(page, vi.no);
    await expectHeading(page, vi.child_children_question);
    await check('children');
    await exact(page, vi.children_none);
    await expectHeading(page, vi.child_services_question);
    await check('services');
    await tap(page, vi.service_psychosocial);
    await tap(page, vi.next);
    await check('sharing-explained');
    await tap(page, vi.next);
    await expectHeading(page, vi.child_private_room_question);
    await check('private-room');
    await exact(page, vi.yes);
    await check('statistics');
    await exact(page, vi.skip);
    await check('sex');
    await exact(page, vi.skip);
    await check('disability');
    await exact(page, vi.skip);
    await expectHeading(page, vi.child_review_title);
    await check('review');
    // "I need help now", in her words, from the review: the urgent screen gives 111.
    await tap(page, vi.child_help_now);
    await expectHeading(page, vi.urgent_title);
    assert.ok((await page.locator('main').innerText()).includes('111'));
    await check('urgent');
    await tap(page, vi.code_now);
    await expectHeading(page, vi.child_handoff_title);
    await page.locator('.slip__qr svg').waitFor();
    await check('handoff');
    const file = join(SHOTS, 'qr-child-words.png');
    await page.locator('.slip__qr').screenshot({ path: file });
    const opened = await openCode(zbar(file), await page.evaluate(() => JSON.parse(localStorage.getItem('kiosk-key'))));
    assert.equal(opened.answers.age_band, 'from12_to15');
    assert.equal(opened.answers.private_room, 'yes');
    assert.deepEqual(opened.answers.sharing, { yes: 0, no: 0, not_sure: 0 });
  } finally {
    await k.done();
  }
});

test('a long read waits longer: the consent screen is not wiped while she reads it', async () => {
  // The test centre: 10 s idle, 3 s countdown, reading factor 3 (30 s on the consent screen).
  const k = await openKiosk({ fakeClock: true });
  try {
    const { page } = k;
    await expectHeading(page, WELCOME);
    await tap(page, vi.language_name);
    await exact(page, vi.age_adult);
    await expectHeading(page, vi.consent_title);
    await page.clock.runFor(20_000);
    assert.equal(await page.getByRole('alertdialog').count(), 0, 'still reading at 20 s');
    await page.clock.runFor(11_000);
    await page.getByRole('alertdialog').waitFor();
    await tap(page, vi.idle_stay);
    await tap(page, vi.yes_consent);
    await expectHeading(page, vi.danger_question);
    await page.clock.runFor(11_000);
    await page.getByRole('alertdialog').waitFor();
  } finally {
    await k.done();
  }
});

test('the desk begins every sheet with the practice, shows a private room and an interpreter in words, and prints neither the room nor a code', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'told-e2e-'));
  const answers = join(dir, 'a.json');
  writeFileSync(answers, JSON.stringify({
    ticket: 'B-007',
    answers: {
      session_language: 'vi', spoken_language: 'tyz', interpreter: 'yes', age_band: 'from12_to15',
      help_now: false, danger_now: 'no', doctor_now: 'no', private_room: 'yes', children: 'not_asked',
      services: 2, talk_first: false, consent_services: 'yes', sharing: { yes: 0, no: 0, not_sure: 0 },
      consent_statistics: 'not_asked', sex: 'not_asked', disability: 'not_asked',
    },
  }));
  const code = handoff('seal', '--answers', answers, '--staff-key', CENTRE_PUB, '--kiosk-key', join(FIXTURES, 'demo-kiosk.key'));
  const k = await openKiosk({ path: '/staff/', viewport: { width: 1280, height: 900 }, server: await serveForTests() });
  try {
    const { page } = k;
    await importCentreKey(page);
    await enrol(page, `B=${handoff('public', join(FIXTURES, 'demo-kiosk.key'))}`);
    await scan(page, code);
    const sheet = page.locator('.case-sheet');
    await sheet.waitFor();
    const text = await sheet.innerText();
    assert.match(text, /^Số thứ tự \/ Ticket\s+B-007/, 'the ticket comes first');
    assert.ok(text.indexOf('Nói chuyện riêng với thân chủ trước') < text.indexOf('NEEDS'), 'then the practice, before any need');
    assert.match(text, /Talk with the client alone first/);
    assert.match(text, /NEEDS AN INTERPRETER: Tày —/);
    assert.doesNotMatch(text, /\btyz\b/, 'a language by its name, never its code');
    assert.match(text, /Ask the child alone whether the adult who came is safe/);
    assert.match(text, /do not call out the ticket number/);
    // The age in the words she tapped (the kiosk's catalogue), in both languages.
    assert.ok(text.includes(`${vi.age_12_15} / ${en.age_12_15}`), 'the age in words');
    for (const raw of ['not_asked', 'from12_to15', '12_15', '18_plus', '(vi)', '(en)']) assert.ok(!text.includes(raw), `no raw code ${raw}`);
    await checkScreen(page, 'staff-told-case-sheet');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.case-sheet__note').isVisible(), false, 'the private room is never printed');
    await page.emulateMedia({ media: 'screen' });
  } finally {
    try {
      await k.done();
    } finally {
      await k.server.close();
    }
  }
});
