// What she sees (issue 15, in part): no fixed bar ever lies over a control she can see, at
// the top and at the bottom of every screen of the path, on three tablet sizes and in large
// text; one red button; no answer looks chosen before she taps one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openKiosk, checkScreen, drawn } from './harness.mjs';
import { tap, expectHeading } from './pages/kiosk.mjs';
import { both, vi } from './pages/labels.mjs';

const WELCOME = both('choose_language');
const exact = (page, name) => page.getByRole('button', { name, exact: true }).click();

/** Every visible control whose centre is inside the viewport is the element found at its
 *  centre (or holds it): nothing is drawn over it. Checked at the top and the bottom. */
async function assertNothingCovers(page, where) {
  for (const edge of ['top', 'bottom']) {
    const covered = await page.evaluate((edge) => {
      window.scrollTo(0, edge === 'top' ? 0 : document.documentElement.scrollHeight);
      const out = [];
      // The header stays at the top (with Quick exit); what scrolls under it is out of view.
      const header = document.querySelector('.kiosk__header');
      const headerBottom = header ? header.getBoundingClientRect().bottom : 0;
      for (const el of document.querySelectorAll('button, a[href], input, select, textarea')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        if (x < 0 || y < 0 || x > innerWidth - 1 || y > innerHeight - 1) continue;
        if (!header?.contains(el) && y < headerBottom) continue;
        const hit = document.elementFromPoint(x, y);
        if (hit !== el && !el.contains(hit)) out.push(`${(el.innerText || el.getAttribute('aria-label') || el.tagName).trim().slice(0, 40)} at ${Math.round(x)},${Math.round(y)} of ${innerWidth}x${innerHeight} under ${hit?.className || hit?.tagName}`);
      }
      return out;
    }, edge);
    assert.deepEqual(covered, [], `${where} (${edge}): a control is covered`);
  }
}

const SIZES = [
  ['landscape', { width: 1280, height: 800 }, ''],
  ['portrait', { width: 800, height: 1280 }, ''],
  ['7-inch', { width: 600, height: 960 }, ''],
  ['large-text', { width: 1280, height: 800 }, 'Chữ to · Large text'],
  ['contrast', { width: 600, height: 960 }, 'Tương phản cao · High contrast'],
];

/** The side paths, each from a fresh welcome screen: child (12–15), under 12, "no, thank
 *  you", information only, a language without screens. */
async function walkSidePaths(page, url, theme, screen) {
  const fresh = async () => {
    await page.goto(url + '/');
    await expectHeading(page, WELCOME);
    if (theme) await tap(page, theme);
  };
  await fresh();
  await tap(page, vi.language_name);
  await exact(page, vi.age_12_15);
  await screen('child notice');
  await tap(page, vi.child_i_understand);
  await screen('assent');
  await fresh();
  await tap(page, vi.language_name);
  await exact(page, vi.age_under_12);
  await screen('under 12');
  await fresh();
  await tap(page, vi.language_name);
  await exact(page, vi.age_adult);
  await tap(page, vi.no_consent);
  await screen('consent refused');
  await fresh();
  await tap(page, vi.language_name);
  await exact(page, vi.age_adult);
  await tap(page, vi.info_only);
  await screen('information only');
  await fresh();
  await exact(page, 'Tày');
  await screen('wait here');
}

for (const [name, viewport, theme] of SIZES) {
  test(`nothing lies over a control on any screen of the path (${name})`, async () => {
    const k = await openKiosk({ paired: true, viewport });
    try {
      const { page } = k;
      const screen = async (where) => { await drawn(page); await assertNothingCovers(page, where); };
      await expectHeading(page, WELCOME);
      if (theme) await tap(page, theme);
      await screen('welcome');
      await tap(page, vi.language_name);
      await screen('age');
      await exact(page, vi.age_adult);
      await screen('consent');
      await tap(page, vi.yes_consent);
      await screen('danger');
      await exact(page, vi.no);
      await screen('doctor');
      await exact(page, vi.no);
      await screen('children');
      await exact(page, '2');
      await screen('services');
      for (const s of [vi.service_health, vi.service_psychosocial, vi.service_shelter, vi.service_legal]) await tap(page, s);
      await screen('services chosen');
      await tap(page, vi.next);
      await screen('sharing');
      await tap(page, vi.next);
      for (const step of ['private room', 'statistics', 'sex', 'disability']) {
        await screen(step);
        await exact(page, vi.skip);
      }
      await screen('review');
      await tap(page, vi.help_now);
      await screen('urgent');
      await tap(page, vi.code_now);
      await page.locator('.slip__qr svg').waitFor();
      await screen('handoff');
      await walkSidePaths(page, k.server.url, theme, screen);
    } finally {
      await k.done();
    }
  });
}

test('one red button: only Quick exit is red, named in both languages until she chooses, and no answer is pre-chosen on consent', async () => {
  const k = await openKiosk();
  try {
    const { page } = k;
    await expectHeading(page, WELCOME);
    const exit = page.locator('.quick-exit');
    assert.equal((await exit.innerText()).trim(), 'Thoát nhanh · Quick exit');
    const reds = await page.evaluate(() => [...document.querySelectorAll('button, a[href], [role="button"]')].filter((b) => {
      const [r, g, bl] = getComputedStyle(b).backgroundColor.match(/\d+/g).map(Number);
      return r > 120 && r > 2 * g && r > 2 * bl;
    }).map((b) => b.innerText.trim()));
    assert.deepEqual(reds, ['Thoát nhanh · Quick exit'], 'red is Quick exit\'s alone');
    await tap(page, vi.language_name);
    assert.equal((await exit.innerText()).trim(), vi.quick_exit);
    await exact(page, vi.age_adult);
    const looks = await page.locator('main .choices .big-button').evaluateAll((bs) => bs.map((b) => {
      const s = getComputedStyle(b);
      return `${s.backgroundColor} ${s.borderColor} ${s.fontWeight}`;
    }));
    assert.equal(looks.length, 3);
    assert.equal(new Set(looks).size, 1, `the three answers look the same: ${looks}`);
    await checkScreen(page, 'sees-consent-equal-choices');
  } finally {
    await k.done();
  }
});

/** Every answer of the question screen is on screen, with nothing scrolled. */
async function assertAnswersOnScreen(page, where) {
  const off = await page.evaluate(() => {
    window.scrollTo(0, 0);
    return [...document.querySelectorAll('main .choices button')]
      .filter((b) => { const r = b.getBoundingClientRect(); return r.top < 0 || r.bottom > innerHeight; })
      .map((b) => b.innerText.trim());
  });
  assert.deepEqual(off, [], `${where}: answers below the fold`);
}

for (const [name, viewport] of SIZES.filter(([, , theme]) => !theme)) {
  test(`the answers of every question screen are on screen without scrolling (${name})`, async () => {
    const k = await openKiosk({ viewport });
    try {
      const { page } = k;
      const check = async (where) => { await drawn(page); await assertAnswersOnScreen(page, where); };
      await expectHeading(page, WELCOME);
      await tap(page, vi.language_name);
      await check('age');
      await exact(page, vi.age_adult);
      await check('consent');
      await tap(page, vi.yes_consent);
      await check('danger');
      await exact(page, vi.no);
      await check('doctor');
      await exact(page, vi.no);
      await check('children');
      await exact(page, '2');
      await tap(page, vi.service_psychosocial);
      await tap(page, vi.next);
      await tap(page, vi.next);
      for (const step of ['private room', 'statistics', 'sex', 'disability']) {
        await check(step);
        await exact(page, vi.skip);
      }
      // The child's notice and assent, in the child's words.
      await page.goto(k.server.url + '/');
      await expectHeading(page, WELCOME);
      await tap(page, vi.language_name);
      await exact(page, vi.age_12_15);
      await check('child notice');
      await tap(page, vi.child_i_understand);
      await check('assent');
    } finally {
      await k.done();
    }
  });
}

test('a cue shows there is more below on a long screen, and goes at the end of it', async () => {
  const k = await openKiosk({ viewport: { width: 600, height: 960 } });
  try {
    const { page } = k;
    await expectHeading(page, WELCOME);
    await tap(page, 'Chữ to · Large text');
    await tap(page, vi.language_name);
    await exact(page, vi.age_adult);
    await tap(page, vi.yes_consent);
    await exact(page, vi.no);
    await exact(page, vi.no);
    await exact(page, '2');
    const cue = page.locator('.more-below');
    await cue.waitFor({ state: 'visible' });
    assert.match(await cue.innerText(), /còn tiếp/);
    await checkScreen(page, 'sees-services-more-below');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await cue.waitFor({ state: 'hidden' });
    // Two columns on a portrait tablet, each pictogram about 48 px above its name.
    const cards = await page.locator('.service').evaluateAll((bs) => bs.map((b) => {
      const r = b.getBoundingClientRect();
      const icon = b.querySelector('.service__icon svg').getBoundingClientRect();
      const label = b.querySelector('.big-button__label').getBoundingClientRect();
      return { left: Math.round(r.left), icon: Math.round(icon.width), above: icon.bottom <= label.top };
    }));
    assert.equal(new Set(cards.map((c) => c.left)).size, 2, 'two columns');
    assert.ok(cards.every((c) => c.icon >= 44 && c.above), JSON.stringify(cards));
  } finally {
    await k.done();
  }
});
