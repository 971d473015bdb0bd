// The paths off the main road: children, urgent help, consent refused, information only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openKiosk, checkScreen, TABLET_LANDSCAPE, TABLET_PORTRAIT, SHOTS } from './harness.mjs';
import { tap, expectHeading, zbar, openCode, assertNothingKept } from './kiosk.mjs';
import { join } from 'node:path';

const VIEWPORTS = [['landscape', TABLET_LANDSCAPE], ['portrait', TABLET_PORTRAIT]];

for (const [orientation, viewport] of VIEWPORTS) {
  test(`a child under 12 is sent to the desk with 111 and no further questions (${orientation})`, async () => {
    const k = await openKiosk({ viewport });
    try {
      await expectHeading(k.page, 'Ngôi nhà Ánh Dương');
      await tap(k.page, 'Tiếng Việt');
      await tap(k.page, 'Dưới 12 tuổi');
      await expectHeading(k.page, 'Hãy đến bàn tiếp đón');
      assert.ok((await k.page.locator('main').innerText()).includes('111'));
      assert.equal(await k.page.getByRole('button', { name: 'Có', exact: true }).count(), 0);
      await checkScreen(k.page, `child-under-12-${orientation}`);
      await tap(k.page, 'Kết thúc');
      await expectHeading(k.page, 'Ngôi nhà Ánh Dương');
    } finally {
      await k.done();
    }
  });

  test(`a child of 12 to 15 sees the reporting notice first and never a sharing toggle (${orientation})`, async () => {
    const k = await openKiosk({ viewport });
    try {
      const { page } = k;
      await expectHeading(page, 'Ngôi nhà Ánh Dương');
      await tap(page, 'Tiếng Việt');
      await tap(page, 'Từ 12 đến 15 tuổi');
      await expectHeading(page, 'Trước khi bắt đầu');
      assert.ok((await page.locator('main').innerText()).includes('111'));
      await checkScreen(page, `child-12-15-${orientation}-1-notice`);
      await tap(page, 'Tôi hiểu');
      await expectHeading(page, 'Em có muốn được giúp không?');
      await checkScreen(page, `child-12-15-${orientation}-2-assent`);
      await tap(page, 'Có, tôi đồng ý');
      await page.getByRole('button', { name: 'Không', exact: true }).click();
      await page.getByRole('button', { name: 'Không', exact: true }).click();
      await tap(page, 'Không có');
      await tap(page, 'Tư vấn tâm lý');
      await tap(page, 'Tiếp tục');
      await expectHeading(page, 'Thông tin của em');
      assert.equal(await page.getByRole('button', { name: 'Có, được chia sẻ' }).count(), 0, 'no sharing toggles');
      await checkScreen(page, `child-12-15-${orientation}-3-sharing-explained`);
    } finally {
      await k.done();
    }
  });
}

test('"I need help now" from the welcome screen: 113/115 and a code that reports no consent', async () => {
  const k = await openKiosk();
  try {
    const { page } = k;
    await expectHeading(page, 'Ngôi nhà Ánh Dương');
    await tap(page, 'Tôi cần giúp đỡ ngay');
    await expectHeading(page, 'Hãy đến bàn tiếp đón ngay');
    const text = await page.locator('main').innerText();
    assert.ok(text.includes('113') && text.includes('115'));
    await checkScreen(page, 'help-now');
    await tap(page, 'Lấy mã ngay');
    await expectHeading(page, 'Đây là mã của bạn');
    await checkScreen(page, 'help-now-handoff');
    const file = join(SHOTS, 'qr-help-now.png');
    await page.locator('.slip__qr').screenshot({ path: file });
    const opened = openCode(zbar(file), await page.evaluate(() => localStorage.getItem('kiosk-key')));
    assert.equal(opened.answers.help_now, true);
    assert.equal(opened.answers.consent_services, 'not_asked');
    assert.equal(opened.answers.consent_statistics, 'not_asked');
    assert.equal(opened.answers.age_band, 'not_asked');
    assert.deepEqual(opened.answers.sharing, { yes: 0, no: 0 });
  } finally {
    await k.done();
  }
});

test('danger now offers the desk and a code at once', async () => {
  const k = await openKiosk();
  try {
    const { page } = k;
    await expectHeading(page, 'Ngôi nhà Ánh Dương');
    await tap(page, 'English');
    await tap(page, '18 or over');
    await tap(page, 'Yes, I agree');
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await page.getByRole('button', { name: 'Skip', exact: true }).click();
    await expectHeading(page, 'Please go to the front desk now');
    await checkScreen(page, 'danger-go-to-desk');
    await tap(page, 'Get my code now');
    await expectHeading(page, 'Here is your code');
  } finally {
    await k.done();
  }
});

test('consent refused: hotlines, "you can still talk to the staff", then Finish wipes', async () => {
  const k = await openKiosk();
  try {
    const { page } = k;
    await expectHeading(page, 'Ngôi nhà Ánh Dương');
    await tap(page, 'Tiếng Việt');
    await tap(page, '18 tuổi trở lên');
    await tap(page, 'Không, cảm ơn');
    await expectHeading(page, 'Cảm ơn bạn đã ghé qua');
    assert.ok((await page.locator('main').innerText()).includes('1800 1769'));
    await checkScreen(page, 'consent-refused');
    await tap(page, 'Kết thúc');
    await expectHeading(page, 'Ngôi nhà Ánh Dương');
    await assertNothingKept(page, k.context);
  } finally {
    await k.done();
  }
});

test('information only: services, hotlines and directory, and no code', async () => {
  const k = await openKiosk();
  try {
    const { page } = k;
    await expectHeading(page, 'Ngôi nhà Ánh Dương');
    await tap(page, 'English');
    await tap(page, 'I prefer not to say');
    await tap(page, 'I only want information');
    await expectHeading(page, 'About this centre');
    const text = await page.locator('main').innerText();
    assert.ok(text.includes('A safe place to stay') && text.includes('111'));
    assert.equal(await page.locator('.slip__qr').count(), 0);
    await checkScreen(page, 'information-only');
  } finally {
    await k.done();
  }
});
