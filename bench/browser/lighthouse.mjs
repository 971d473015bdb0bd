// Lighthouse 12's mobile profile (its default: simulated slow 4G, 4× CPU, a phone's screen)
// on the kiosk and on a static copy of its own welcome screen (the kiosk's markup and
// stylesheet, no script: the physical limit for this page), both served as the deployed nginx
// serves them (brotli), interleaved, medians. Goals (issue 21): the kiosk's largest
// contentful paint ≤ 1.2× the copy's, its performance score ≥ 0.98.
import puppeteer from 'puppeteer-core';
import lighthouse from 'lighthouse';
import { serveKiosk, staticWelcomeCopy, launch, saveResult, median } from './common.mjs';
import { CHROMIUM_ARGS } from '../../tests/e2e/harness.mjs';

const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5);

const kiosk = await serveKiosk({}, { compress: true });
const playwright = await launch();
const copy = await staticWelcomeCopy(playwright, kiosk.url);
await playwright.close();
const plain = await serveKiosk({ '/static-welcome.html': copy }, { compress: true });
const browser = await puppeteer.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: CHROMIUM_ARGS.filter((a) => !a.startsWith('--headless')),
});
try {
  const pages = { kiosk: kiosk.url + '/', copy: plain.url + '/static-welcome.html' };
  const runs = { kiosk: [], copy: [] };
  for (let run = 0; run < RUNS; run++) {
    for (const [name, url] of Object.entries(pages)) {
      const page = await browser.newPage();
      const result = await lighthouse(url, { logLevel: 'error', onlyCategories: ['performance'] }, undefined, page);
      const lhr = result?.lhr;
      if (!lhr || lhr.runtimeError) throw new Error(`Lighthouse could not measure ${name}: ${lhr?.runtimeError?.message ?? 'no result'}`);
      runs[name].push({
        lcp_ms: lhr.audits['largest-contentful-paint'].numericValue,
        fcp_ms: lhr.audits['first-contentful-paint'].numericValue,
        tbt_ms: lhr.audits['total-blocking-time'].numericValue,
        score: lhr.categories.performance.score,
      });
      await page.close();
    }
  }
  const med = (name, key) => median(runs[name].map((r) => r[key]));
  const m = Object.fromEntries(Object.keys(runs).map((name) => [name, {
    lcp_ms: med(name, 'lcp_ms'), fcp_ms: med(name, 'fcp_ms'), tbt_ms: med(name, 'tbt_ms'), score: med(name, 'score'),
  }]));
  saveResult('lighthouse', { runs: RUNS, median: m, all: runs, lcp_kiosk_over_copy: m.kiosk.lcp_ms / m.copy.lcp_ms });
} finally {
  await browser.close();
  await kiosk.close();
  await plain.close();
}
