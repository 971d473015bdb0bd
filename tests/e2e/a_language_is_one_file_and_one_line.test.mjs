// Languages as files: a catalogue named in the configuration is fetched after the first
// screen (whatever she chooses), checked against Vietnamese, and offered on the welcome
// screen; a broken catalogue is not offered and the kiosk carries on in vi and en.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openKiosk, checkScreen, DIST, TEST_CONFIG, FIXTURES, CLIPS } from './harness.mjs';
import { serve } from '../../scripts/static-server.mjs';
import { tap, expectHeading } from './pages/kiosk.mjs';
import { both, en } from './pages/labels.mjs';

const PSEUDO = join(FIXTURES, 'lang', 'qaa.json');

/** The test configuration with the pseudo-language qaa enabled, its catalogue at `file`;
 *  with `second`, a pseudo-language qab too, whose catalogue is `second` (loaded after qaa:
 *  the kiosk loads the files in the order of their tags). */
async function serveWithPseudo(file, second) {
  const c = JSON.parse(readFileSync(TEST_CONFIG, 'utf8'));
  const tags = second ? ['qaa', 'qab'] : ['qaa'];
  c.language_files = {};
  for (const tag of tags) {
    c.languages.push(tag);
    c.language_files[tag] = `lang/${tag}.json`;
    c.spoken_languages.push({ tag, name: `Pseudo (${tag})` });
  }
  const addPseudo = (o) => {
    if (o && typeof o === 'object') {
      for (const tag of tags) {
        if (typeof o.vi === 'string') o[tag] = `[${tag}] ${o.en ?? o.vi}`;
        // A list of points (the limits of confidentiality): each point, in the pseudo-language.
        if (Array.isArray(o.vi)) o[tag] = (o.en ?? o.vi).map((p) => `[${tag}] ${p}`);
      }
      for (const [k, v] of Object.entries(o)) if (!tags.includes(k)) addPseudo(v);
    }
  };
  addPseudo(c);
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-lang-'));
  writeFileSync(join(dir, 'centre.json'), JSON.stringify(c));
  const overrides = { '/centre.json': join(dir, 'centre.json'), '/lang/qaa.json': file, ...CLIPS };
  if (second) overrides['/lang/qab.json'] = second;
  return serve(DIST, { overrides });
}

test('a language added as one file and one line of configuration is offered and used', async () => {
  const server = await serveWithPseudo(PSEUDO);
  const k = await openKiosk({
    server,
    initScript: () => {
      new MutationObserver((_, obs) => {
        if (document.querySelector('h1')) { window.__firstScreenAt = performance.now(); obs.disconnect(); }
      }).observe(document, { childList: true, subtree: true });
    },
  });
  try {
    const { page } = k;
    await expectHeading(page, both('choose_language'));
    // Its button is there from the start; it starts the questions once the file has arrived.
    await page.locator('.language[data-screens="true"]', { hasText: 'Pseudo (qaa)' }).waitFor({ timeout: 10000 });
    const early = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => e.startTime < window.__firstScreenAt).map((e) => new URL(e.name).pathname));
    assert.deepEqual(early.filter((p) => p.includes('/lang/')), [], 'the file is not part of the first load');
    await checkScreen(page, 'lang-qaa-welcome');
    await tap(page, 'Pseudo (qaa)');
    await expectHeading(page, '[qaa] How old are you?');
    assert.equal(await page.locator('.kiosk').getAttribute('lang'), 'qaa');
    await checkScreen(page, 'lang-qaa-age');
    await tap(page, '[qaa] 18 or over');
    await expectHeading(page, '[qaa] How we can help');
  } finally {
    try {
      await k.done();
    } finally {
      await server.close();
    }
  }
});

test('a catalogue with a missing key is not used: her tap asks for an interpreter; vi and en still work', async () => {
  const broken = JSON.parse(readFileSync(PSEUDO, 'utf8'));
  delete broken.back;
  const file = join(mkdtempSync(join(tmpdir(), 'kiosk-lang-')), 'qaa.json');
  writeFileSync(file, JSON.stringify(broken));
  // A good catalogue (qab) is loaded after the broken one: once it is offered, the kiosk
  // has read and judged the broken one too.
  const good = join(mkdtempSync(join(tmpdir(), 'kiosk-lang-')), 'qab.json');
  writeFileSync(good, readFileSync(PSEUDO, 'utf8').replaceAll('qaa', 'qab'));
  const server = await serveWithPseudo(file, good);
  const k = await openKiosk({ server });
  try {
    const { page } = k;
    await expectHeading(page, both('choose_language'));
    await page.locator('.language[data-screens="true"]', { hasText: 'Pseudo (qab)' }).waitFor({ timeout: 10000 });
    // Its screens are not offered: her tap asks for an interpreter, as for any language
    // without screens; vi and en still work.
    assert.equal(await page.locator('.language[data-screens="false"]', { hasText: 'Pseudo (qaa)' }).count(), 1);
    await tap(page, 'Pseudo (qaa)');
    await expectHeading(page, 'Xin chờ ở đây · Please wait here');
    await page.getByRole('button', { name: /Quay lại/ }).click();
    await tap(page, en.language_name);
    await expectHeading(page, en.age_question);
  } finally {
    try {
      await k.done();
    } finally {
      await server.close();
    }
  }
});
