// The paths off the main road, in Vietnamese and in English: children, urgent help,
// consent refused, information only. Every screen: axe, 48 px targets, a screenshot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openKiosk, checkScreen, TABLET_LANDSCAPE, TABLET_PORTRAIT, SHOTS } from './harness.mjs';
import { tap, expectHeading, zbar, openCode, assertNothingKept } from './pages/kiosk.mjs';
import { join } from 'node:path';
import { both, en, vi } from './pages/labels.mjs';

const L = {
  vi: {
    lang: vi.language_name, under12: vi.age_under_12, age1215: vi.age_12_15, adult: vi.age_adult, preferNot: vi.prefer_not_to_say,
    childDesk: vi.child_desk_title, notice: vi.child_notice_title, understand: vi.child_i_understand, assent: vi.child_assent_title, childYes: vi.child_assent_yes,
    agree: vi.yes_consent, refuse: vi.no_consent, infoOnly: vi.info_only, yes: vi.yes, no: vi.no, skip: vi.skip,
    noChildren: vi.children_none, counselling: vi.service_psychosocial, next: vi.next, childSharing: vi.child_sharing_title, shareYes: vi.share_yes,
    notSure: vi.share_not_sure, sharingQ: 'Bạn có muốn nhân viên chia sẻ', make: vi.make_my_code,
    finish: vi.finish, helpNow: vi.help_now, deskNow: vi.urgent_title, codeNow: vi.code_now,
    handoff: vi.handoff_title, refused: vi.refused_title, info: vi.info_title, shelter: vi.service_shelter,
  },
  en: {
    lang: en.language_name, under12: en.age_under_12, age1215: en.age_12_15, adult: en.age_adult, preferNot: en.prefer_not_to_say,
    childDesk: en.child_desk_title, notice: en.child_notice_title, understand: en.i_understand, assent: en.child_assent_title, childYes: en.child_assent_yes,
    agree: en.yes_consent, refuse: en.no_consent, infoOnly: en.info_only, yes: en.yes, no: en.no, skip: en.skip,
    noChildren: en.children_none, counselling: 'Counselling', next: en.next, childSharing: en.child_sharing_title, shareYes: en.share_yes,
    notSure: en.share_not_sure, sharingQ: 'Would you like staff to share', make: en.make_my_code,
    finish: en.finish, helpNow: en.help_now, deskNow: en.urgent_title, codeNow: en.code_now,
    handoff: en.handoff_title, refused: en.refused_title, info: en.info_title, shelter: en.service_shelter,
  },
};

const exact = (page, name) => page.getByRole('button', { name, exact: true }).click();

for (const lang of ['vi', 'en']) {
  const t = L[lang];
  for (const [orientation, viewport] of [['landscape', TABLET_LANDSCAPE], ['portrait', TABLET_PORTRAIT]]) {
    test(`${lang}: a child under 12 is sent to the desk with 111 and no further questions (${orientation})`, async () => {
      const k = await openKiosk({ viewport });
      try {
        await expectHeading(k.page, both('choose_language'));
        await tap(k.page, t.lang);
        await exact(k.page, t.under12);
        await expectHeading(k.page, t.childDesk);
        assert.ok((await k.page.locator('main').innerText()).includes('111'));
        assert.equal(await k.page.getByRole('button', { name: t.yes, exact: true }).count(), 0);
        await checkScreen(k.page, `${lang}-${orientation}-child-under-12`);
        await tap(k.page, t.finish);
        await expectHeading(k.page, both('choose_language'));
      } finally {
        await k.done();
      }
    });

    test(`${lang}: a child of 12 to 15 sees the reporting notice first and never a sharing toggle (${orientation})`, async () => {
      const k = await openKiosk({ viewport });
      try {
        const { page } = k;
        await expectHeading(page, both('choose_language'));
        await tap(page, t.lang);
        await exact(page, t.age1215);
        await expectHeading(page, t.notice);
        assert.ok((await page.locator('main').innerText()).includes('111'));
        await checkScreen(page, `${lang}-${orientation}-child-12-15-1-notice`);
        await tap(page, t.understand);
        await expectHeading(page, t.assent);
        await checkScreen(page, `${lang}-${orientation}-child-12-15-2-assent`);
        // Her own words: a child's yes, the law's rule for children, never the adult points.
        const assent = await page.locator('main').innerText();
        assert.ok(!assent.includes(t.agree), 'no adult "yes, I agree"');
        assert.ok(/lỗi của em|your fault/.test(assent), 'the child rule in her words');
        await tap(page, t.childYes);
        await exact(page, t.no);
        await exact(page, t.no);
        await tap(page, t.noChildren);
        await tap(page, t.counselling);
        await tap(page, t.next);
        await expectHeading(page, t.childSharing);
        assert.equal(await page.getByRole('button', { name: t.shareYes }).count(), 0, 'no sharing toggles');
        await checkScreen(page, `${lang}-${orientation}-child-12-15-3-sharing-explained`);
      } finally {
        await k.done();
      }
    });
  }

  test(`${lang}: "I need help now" from the welcome screen says staff will help, 113 only for after, and a code that reports no consent`, async () => {
    const k = await openKiosk({ paired: true });
    try {
      const { page } = k;
      await expectHeading(page, both('choose_language'));
      if (lang === 'en') await tap(page, t.lang), await page.getByRole('button', { name: en.back }).click();
      await tap(page, t.helpNow);
      await expectHeading(page, t.deskNow);
      const text = await page.locator('main').innerText();
      // What staff will do; 113 only as a number for after she leaves; no police promise.
      assert.ok(text.includes('113'));
      assert.ok(!/(nhân viên|staff)[^.]*(công an|police)/i.test(text), 'no screen says staff call the police');
      await checkScreen(page, `${lang}-help-now`);
      await tap(page, t.codeNow);
      await expectHeading(page, t.handoff);
      await checkScreen(page, `${lang}-help-now-handoff`);
      const file = join(SHOTS, `qr-help-now-${lang}.png`);
      await page.locator('.slip__qr').screenshot({ path: file });
      const opened = await openCode(zbar(file), await page.evaluate(() => JSON.parse(localStorage.getItem('kiosk-key'))));
      assert.equal(opened.answers.help_now, true);
      assert.equal(opened.answers.consent_services, 'not_asked');
      assert.equal(opened.answers.consent_statistics, 'not_asked');
      assert.equal(opened.answers.age_band, 'not_asked');
      assert.deepEqual(opened.answers.sharing, { yes: 0, no: 0, not_sure: 0 });
    } finally {
      await k.done();
    }
  });

  test(`${lang}: sharing is her wish: "not sure yet", or no answer at all, and the code carries it`, async () => {
    const k = await openKiosk({ paired: true });
    try {
      const { page } = k;
      await expectHeading(page, both('choose_language'));
      await tap(page, t.lang);
      await exact(page, t.adult);
      await tap(page, t.agree);
      await exact(page, t.no);
      await exact(page, t.no);
      await tap(page, t.noChildren);
      await tap(page, t.counselling);
      await tap(page, t.shelter);
      await tap(page, t.next);
      await expectHeading(page, t.sharingQ);
      // Three equal choices per service; she answers one and leaves the other.
      const first = page.getByRole('group').nth(0);
      assert.equal(await first.getByRole('button').count(), 3);
      await first.getByRole('button', { name: t.notSure }).click();
      await checkScreen(page, `${lang}-sharing-not-sure`);
      await tap(page, t.next);
      for (let i = 0; i < 4; i++) await exact(page, t.skip); // private room, statistics, sex, disability
      await tap(page, t.make);
      await expectHeading(page, t.handoff);
      const file = join(SHOTS, `qr-sharing-wish-${lang}.png`);
      await page.locator('.slip__qr').screenshot({ path: file });
      const opened = await openCode(zbar(file), await page.evaluate(() => JSON.parse(localStorage.getItem('kiosk-key'))));
      assert.equal(opened.answers.services, 6, 'counselling and shelter');
      // Counselling "not sure yet"; shelter left unanswered reads "not asked", never "no".
      assert.deepEqual(opened.answers.sharing, { yes: 0, no: 0, not_sure: 2 });
    } finally {
      await k.done();
    }
  });

  test(`${lang}: danger now offers the desk and a code at once`, async () => {
    const k = await openKiosk({ paired: true });
    try {
      const { page } = k;
      await expectHeading(page, both('choose_language'));
      await tap(page, t.lang);
      await exact(page, t.adult);
      await tap(page, t.agree);
      await exact(page, t.yes);
      await exact(page, t.skip);
      await expectHeading(page, t.deskNow);
      await checkScreen(page, `${lang}-danger-go-to-desk`);
      await tap(page, t.codeNow);
      await expectHeading(page, t.handoff);
    } finally {
      await k.done();
    }
  });

  test(`${lang}: consent refused gives hotlines and "you can still talk to the staff"; Finish wipes`, async () => {
    const k = await openKiosk();
    try {
      const { page } = k;
      await expectHeading(page, both('choose_language'));
      await tap(page, t.lang);
      await exact(page, t.adult);
      await tap(page, t.refuse);
      await expectHeading(page, t.refused);
      assert.ok((await page.locator('main').innerText()).includes('1800 1769'));
      await checkScreen(page, `${lang}-consent-refused`);
      await tap(page, t.finish);
      await expectHeading(page, both('choose_language'));
      await assertNothingKept(page, k.context);
    } finally {
      await k.done();
    }
  });

  test(`${lang}: information only shows services, hotlines and directory, and no code`, async () => {
    const k = await openKiosk({ paired: true });
    try {
      const { page } = k;
      await expectHeading(page, both('choose_language'));
      await tap(page, t.lang);
      await exact(page, t.preferNot);
      await tap(page, t.infoOnly);
      await expectHeading(page, t.info);
      const text = await page.locator('main').innerText();
      assert.ok(text.includes(t.shelter) && text.includes('111'));
      assert.equal(await page.locator('.slip__qr').count(), 0);
      await checkScreen(page, `${lang}-information-only`);
    } finally {
      await k.done();
    }
  });
}
