// The kiosk's words, read from its own catalogues (app/lang/*.json): a test presses the
// button she reads, so a changed wording changes the test with it, and a label the test
// names but the catalogue lacks fails loudly instead of matching nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../harness.mjs';

function catalogue(lang) {
  const words = JSON.parse(readFileSync(join(ROOT, 'app', 'lang', `${lang}.json`), 'utf8'));
  return new Proxy(words, {
    get(target, key) {
      if (typeof key === 'string' && !(key in target) && !['then', 'toJSON'].includes(key)) throw new Error(`app/lang/${lang}.json has no "${key}"`);
      return target[key];
    },
  });
}

export const vi = catalogue('vi');
export const en = catalogue('en');
export const LANGS = { vi, en };

/** A text the kiosk shows in both languages before she chooses one ("vi · en"). */
export const both = (key) => `${vi[key]} · ${en[key]}`;
