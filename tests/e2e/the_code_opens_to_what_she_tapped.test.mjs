// A survivor walks the whole path; every screen is screenshotted and checked with axe; the
// QR decodes with an independent decoder and opens to exactly what was tapped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openKiosk, checkScreen, TABLET_LANDSCAPE, TABLET_PORTRAIT, SHOTS } from './harness.mjs';
import { tap, expectHeading, assertNothingKept, zbar, openCode } from './pages/kiosk.mjs';
import { join } from 'node:path';
import { both, en, vi } from './pages/labels.mjs';

const PATHS = {
  vi: {
    lang: vi.language_name, age: vi.age_question, adult: vi.age_adult, consent: vi.consent_title,
    agree: vi.yes_consent, danger: 'nguy hiểm', hurt: 'gặp bác sĩ', yes: vi.yes, no: vi.no, skip: vi.skip,
    children: 'trẻ em', two: '2', services: 'Bạn cần giúp đỡ', health: vi.service_health, legal: vi.service_legal,
    next: vi.next, sharing: 'chia sẻ', shareYes: vi.share_yes, shareNo: vi.share_no,
    room: 'phòng riêng', stats: 'tính cả bạn', sex: vi.review_sex, female: vi.sex_female, disability: 'khó khăn khi nhìn', review: 'Xem lại',
    answered: vi.review_answered, show: vi.show, dangerRow: vi.review_danger,
    make: vi.make_my_code, handoff: vi.handoff_title, finish: vi.finish, hello: 'Xin chào', stay: 'Tôi ở lại đây',
  },
  en: {
    lang: en.language_name, age: en.age_question, adult: en.age_adult, consent: en.consent_title,
    agree: en.yes_consent, danger: 'danger', hurt: 'see a doctor', yes: en.yes, no: en.no, skip: en.skip,
    children: 'children', two: '2', services: en.services_question, health: en.service_health, legal: 'Legal advice',
    next: en.next, sharing: 'share', shareYes: en.share_yes, shareNo: en.share_no,
    room: 'private room', stats: 'May we count you?', sex: 'sex', female: en.sex_female, disability: 'difficulty seeing', review: en.review_title,
    answered: en.review_answered, show: en.show, dangerRow: en.review_danger,
    make: en.make_my_code, handoff: en.handoff_title, finish: en.finish, hello: 'Xin chào', stay: 'I will stay here',
  },
};

// The theme buttons on the welcome screen and the class each puts on the page's root.
const THEMES = {
  default: { button: null, cls: '' },
  contrast: { button: 'Tương phản cao · High contrast', cls: 'theme-contrast' },
  large: { button: 'Chữ to · Large text', cls: 'theme-large' },
};

async function walk(k, L, lang, orientation, theme = 'default') {
  const { page } = k;
  let n = 0;
  const prefix = theme === 'default' ? `${lang}-${orientation}` : `${theme}-${lang}-${orientation}`;
  const shot = async (name) => {
    assert.equal(await page.evaluate(() => document.documentElement.className), THEMES[theme].cls, `theme kept on ${name}`);
    await checkScreen(page, `${prefix}-${String(++n).padStart(2, '0')}-${name}`);
  };
  await expectHeading(page, both('choose_language'));
  if (THEMES[theme].button) await tap(page, THEMES[theme].button);
  await shot('welcome');
  await tap(page, L.lang);
  await expectHeading(page, L.age); await shot('age');
  await tap(page, L.adult);
  await expectHeading(page, L.consent); await shot('consent');
  await tap(page, L.agree);
  await expectHeading(page, L.danger); await shot('danger');
  await page.getByRole('button', { name: L.no, exact: true }).click();
  await expectHeading(page, L.hurt); await shot('hurt');
  await page.getByRole('button', { name: L.no, exact: true }).click();
  await expectHeading(page, L.children); await shot('children');
  await page.getByRole('button', { name: L.two, exact: true }).click();
  await expectHeading(page, L.services); await shot('services');
  await tap(page, L.health);
  await tap(page, L.legal);
  await tap(page, L.next);
  await expectHeading(page, L.sharing); await shot('sharing');
  await page.getByRole('group').nth(0).getByRole('button', { name: L.shareYes }).click();
  await page.getByRole('group').nth(1).getByRole('button', { name: L.shareNo }).click();
  await tap(page, L.next);
  await expectHeading(page, L.room); await shot('private-room');
  await page.getByRole('button', { name: L.yes, exact: true }).click();
  await expectHeading(page, L.stats); await shot('statistics');
  await page.getByRole('button', { name: L.yes, exact: true }).click();
  await expectHeading(page, L.sex); await shot('sex');
  await page.getByRole('button', { name: L.female, exact: true }).click();
  await expectHeading(page, L.disability); await shot('disability');
  await page.getByRole('button', { name: L.skip, exact: true }).click();
  await expectHeading(page, L.review); await shot('review');
  // A bystander reads no answer about danger, a doctor or a private room at a glance.
  const rows = page.locator('.review__row');
  const dangerRow = rows.filter({ hasText: L.dangerRow });
  assert.equal(await page.locator('.review__hidden').count(), 3, 'danger, doctor and room are hidden');
  assert.ok((await dangerRow.innerText()).includes(L.answered));
  assert.ok(!(await dangerRow.innerText()).includes(L.no + '\n'), 'the answer is not shown');
  await dangerRow.getByRole('button', { name: `${L.show} — ${L.dangerRow}`, exact: true }).click();
  assert.ok((await dangerRow.locator('.review__hidden').innerText()).startsWith(L.no), 'shown on a tap');
  await tap(page, L.make);
  await expectHeading(page, L.handoff);
  await tap(page, L.stay);
  await shot('handoff');
}

const RUNS = [];
for (const lang of ['vi', 'en']) {
  for (const [orientation, viewport] of [['landscape', TABLET_LANDSCAPE], ['portrait', TABLET_PORTRAIT]]) RUNS.push({ lang, orientation, viewport, theme: 'default' });
  for (const theme of ['contrast', 'large']) RUNS.push({ lang, orientation: 'landscape', viewport: TABLET_LANDSCAPE, theme });
}

for (const { lang, orientation, viewport, theme } of RUNS) {
  {
    const themed = theme === 'default' ? '' : `, ${theme} theme`;
    test(`the whole path in ${lang} (${orientation}${themed}): the QR opens to what was tapped, Finish keeps nothing`, async () => {
      const k = await openKiosk({ paired: true, viewport });
      try {
        const L = PATHS[lang];
        await walk(k, L, lang, orientation, theme);
        const qrFile = join(SHOTS, `qr-${theme}-${lang}-${orientation}.png`);
        await k.page.locator('.slip__qr').screenshot({ path: qrFile });
        const code = zbar(qrFile);
        assert.match(code, /^TK2\d+$/);
        const kioskKey = await k.page.evaluate(() => JSON.parse(localStorage.getItem('kiosk-key')));
        const opened = await openCode(code, kioskKey);
        assert.deepEqual(opened.answers, {
          session_language: lang, spoken_language: lang, interpreter: 'not_asked', age_band: 'adult',
          help_now: false, danger_now: 'no', doctor_now: 'no', private_room: 'yes', children: { count: 2 },
          services: 9, talk_first: false, consent_services: 'yes', sharing: { yes: 1, no: 8, not_sure: 0 },
          consent_statistics: 'yes', sex: 'female', disability: 'skipped',
        });
        assert.match(opened.ticket, /^A-\d{3}$/);
        const ticket = opened.ticket;
        assert.ok((await k.page.locator('.slip__ticket').innerText()).includes(ticket));

        // Finish replaces the page with a fresh kiosk: nothing of this page's memory stays.
        await k.page.evaluate(() => { window.__beforeFinish = true; });
        await tap(k.page, L.finish);
        await k.page.waitForFunction(() => window.__beforeFinish === undefined);
        await expectHeading(k.page, both('choose_language'));
        assert.equal(await k.page.evaluate(() => document.documentElement.className), '', 'the theme ends with the session');
        const dom = await k.page.content();
        for (const w of [L.health, L.legal, code.slice(2, 30), ticket]) assert.ok(!dom.includes(w), `the DOM still holds ${w}`);
        await assertNothingKept(k.page, k.context, [code.slice(2, 30)]);
        // After the first load, only GETs of the app's own files, none carrying data.
        for (const r of k.requests) {
          assert.equal(r.method, 'GET', r.url);
          assert.ok(!new URL(r.url).search, `no query string: ${r.url}`);
        }
      } finally {
        await k.done();
      }
    });
  }
}
