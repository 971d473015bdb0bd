// Lighthouse's accessibility audit on the kiosk's screens. The screens have no URLs of
// their own, so this is a Lighthouse user flow: a navigation to the welcome screen, then
// taps to the services and handoff screens with a snapshot audit of each. It drives
// Debian's Chromium through puppeteer-core (Lighthouse's own driver).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { startFlow } from 'lighthouse';
import { CHROMIUM_ARGS, SHOTS, TABLET_LANDSCAPE, serveForTests } from './harness.mjs';
import { both, en, vi } from './pages/labels.mjs';
import { PIN } from './pages/setup.mjs';

const SETTINGS = {
  onlyCategories: ['accessibility'],
  formFactor: 'desktop',
  screenEmulation: { disabled: true },
  throttlingMethod: 'provided',
  // The flow taps through screens; keep the kiosk's own (empty) storage as it is.
  disableStorageReset: true,
};

/** Taps the button whose visible text is `text` (or else the first that contains it). */
async function tap(page, text) {
  const found = await page.evaluate((t) => {
    const all = [...document.querySelectorAll('button')];
    const b = all.find((x) => x.innerText.trim() === t) ?? all.find((x) => x.innerText.includes(t));
    if (b) b.click();
    return Boolean(b);
  }, text);
  assert.ok(found, `a button "${text}" is on the screen`);
}

/** Pairs the kiosk through its setup page, as a centre does before it makes codes: a PIN
 *  set twice, then the configured staff key pinned (the centre's own: `serveForTests`). */
async function pair(page, url) {
  await page.goto(`${url}/setup/`);
  await page.locator('::-p-aria(Mã PIN / PIN)').fill(PIN);
  await page.locator('::-p-aria(Nhập lại / Again)').fill(PIN);
  await page.locator('::-p-aria(Đặt mã PIN / Set PIN)').click();
  await page.locator('::-p-aria(Ghim khoá này / Pin this staff key)').click();
  await page.waitForFunction(() => document.body.innerText.includes('as pinned at pairing'), { timeout: 10000 });
}

async function heading(page, text) {
  await page.waitForFunction((t) => document.querySelector('h1')?.innerText.includes(t), { timeout: 10000 }, text);
}

/** Every audit of the accessibility category that did not pass, for the failure message. */
function failing(lhr) {
  return lhr.categories.accessibility.auditRefs
    .map((r) => lhr.audits[r.id])
    .filter((a) => a.score !== null && a.score < 1)
    .map((a) => `${a.id}: ${a.title}`);
}

for (const lang of ['vi', 'en']) {
  test(`Lighthouse accessibility is 100 on the welcome, services and handoff screens (${lang})`, async () => {
    // Long timeouts: the audits take seconds and the idle guard must not wipe mid-audit.
    const server = await serveForTests((c) => {
      c.idle_seconds = 600;
      c.handoff_seconds = 600;
    });
    const browser = await puppeteer.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS.filter((a) => !a.startsWith('--headless')),
      defaultViewport: TABLET_LANDSCAPE,
    });
    try {
      const page = await browser.newPage();
      await pair(page, server.url);
      const flow = await startFlow(page, { name: `kiosk (${lang})`, config: { extends: 'lighthouse:default', settings: SETTINGS } });

      await flow.navigate(server.url + '/', { name: 'welcome' });
      await heading(page, both('choose_language'));
      const say = lang === 'vi'
        ? { adult: vi.age_adult, agree: vi.yes_consent, no: vi.no, noChildren: vi.children_none, services: 'giúp đỡ về việc gì', next: vi.next, share: vi.share_yes, skip: vi.skip, make: vi.make_my_code, code: vi.handoff_title }
        : { adult: en.age_adult, agree: en.yes_consent, no: en.no, noChildren: en.children_none, services: 'help with', next: en.next, share: en.share_yes, skip: en.skip, make: en.make_my_code, code: en.handoff_title };
      await tap(page, lang === 'vi' ? vi.language_name : en.language_name);

      await tap(page, say.adult);
      await tap(page, say.agree);
      await tap(page, say.no);
      await tap(page, say.no);
      await tap(page, say.noChildren);
      await heading(page, say.services);
      await flow.snapshot({ name: 'services' });

      await tap(page, lang === 'vi' ? 'Tư vấn' : 'ounselling');
      await tap(page, say.next);
      await tap(page, say.share);
      await tap(page, say.next);
      for (let i = 0; i < 4; i++) await tap(page, say.skip); // private room, statistics, sex, disability
      await tap(page, say.make);
      await heading(page, say.code);
      await page.waitForSelector('.slip__qr svg');
      await flow.snapshot({ name: 'handoff' });

      const result = await flow.createFlowResult();
      const dir = join(SHOTS, '..', 'lighthouse');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `kiosk-${lang}.html`), await flow.generateReport());
      const names = result.steps.map((s) => s.name);
      assert.ok(names.includes('services') && names.includes('handoff'), `every screen was audited: ${names}`);
      for (const step of result.steps) {
        const score = step.lhr.categories.accessibility.score;
        assert.equal(score, 1, `${step.name}: accessibility ${score * 100}; failing: ${failing(step.lhr).join('; ')}`);
      }
    } finally {
      await browser.close();
      await server.close();
    }
  });
}
