import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openKiosk, assertAccessible, screenshot, TABLET_LANDSCAPE, TABLET_PORTRAIT } from './harness.mjs';

for (const [name, viewport] of [['landscape', TABLET_LANDSCAPE], ['portrait', TABLET_PORTRAIT]]) {
  test(`the welcome screen greets in Vietnamese first (${name})`, async () => {
    const k = await openKiosk({ viewport });
    try {
      const heading = k.page.getByRole('heading', { level: 1 });
      await heading.waitFor();
      const text = await k.page.locator('main').innerText();
      assert.ok(text.indexOf('Xin chào') < text.indexOf('Hello'), text);
      await assertAccessible(k.page, 'welcome');
      await screenshot(k.page, `welcome-${name}`);
    } finally {
      await k.done();
    }
  });
}
