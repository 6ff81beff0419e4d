// The page on a 375 px phone screen, in English and Dutch, against the real server and a real
// DNS server on loopback (examples/seeds.yaml): the Dutch audit reads as well as the English one
// (issue 16.3), the tabs stay on one row and short record terms such as `-all` never break
// (issue 10.13).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext } from 'playwright-core';
import type { PageLang } from '../../web/src/i18n.ts';
import { type Stack, type Watch, ensureChromium, horizontalOverflow, inPage, launchChromium, openContext, screenshot, startStack } from './harness.ts';

const PHONE = { viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const LOCALES: Record<PageLang, string> = { en: 'en-US', nl: 'nl-NL' };

let stack: Stack;
let browser: Browser;
const phones = {} as Record<PageLang, { context: BrowserContext; watch: Watch }>;

describe('the page on a 375 px phone', { timeout: 120_000 }, () => {
  before(async () => {
    ensureChromium();
    stack = await startStack();
    browser = await launchChromium();
    for (const lang of ['en', 'nl'] as const) phones[lang] = await openContext(browser, stack, { ...PHONE, locale: LOCALES[lang] });
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('the Dutch audit of byteklant.nl is at most 1.3× as tall as the English one, each summary a readable column', async (t) => {
    const heights = {} as Record<PageLang, number>;
    for (const lang of ['en', 'nl'] as const) {
      const page = await phones[lang].context.newPage();
      await page.goto(`${stack.base}#audit?domain=byteklant.nl`);
      await page.locator('.out .audit .areas dd').first().waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), lang);
      heights[lang] = await inPage<number>(page, 'document.documentElement.scrollHeight');
      // Every area's summary gets (nearly) the whole width of the screen, not a sliver beside its label.
      const widths = await page.locator('.areas dd').evaluateAll((dds) => dds.map((dd) => Math.round(dd.getBoundingClientRect().width)));
      assert.equal(widths.length, 4, 'spf, dkim, dmarc, mx');
      for (const width of widths) assert.ok(width >= 300, `${lang}: a summary column of ${width} px in a 375 px screen (${widths.join(', ')})`);
      const { scrollWidth, clientWidth } = await horizontalOverflow(page);
      assert.ok(scrollWidth <= clientWidth, `${lang}: ${scrollWidth} px wide`);
      await screenshot(page, `phone-audit-${lang}`);
      await page.close();
    }
    t.diagnostic(`audit of byteklant.nl at 375 px: English ${heights.en} px, Dutch ${heights.nl} px (${(heights.nl / heights.en).toFixed(2)}×)`);
    assert.ok(heights.nl <= 1.3 * heights.en, `Dutch ${heights.nl} px against English ${heights.en} px (${(heights.nl / heights.en).toFixed(2)}×)`);
  });

  it('on a desktop the verdicts stay beside their summaries', async () => {
    const { context } = await openContext(browser, stack, { locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto(`${stack.base}#audit?domain=byteklant.nl`);
    await page.locator('.out .audit .areas dd').first().waitFor();
    const rows = await page.locator('.areas dt').evaluateAll((dts) => dts.map((dt) => Math.round(dt.getBoundingClientRect().top - (dt.nextElementSibling?.getBoundingClientRect().top ?? NaN))));
    assert.deepEqual(rows, [0, 0, 0, 0], 'each dt on the same row as its dd');
    await context.close();
  });

  it('the six tabs stay on one row; where they do not fit, the row scrolls and the current tab is in view', async () => {
    for (const lang of ['en', 'nl'] as const) {
      const page = await phones[lang].context.newPage();
      for (const tab of ['test', 'why', 'audit', 'onboard', 'verdict', 'customers']) {
        await page.goto(`${stack.base}#${tab}`);
        await page.locator(`#tab-${tab}[aria-current="page"]`).waitFor();
        const tops = await page.locator('nav.tabs li').evaluateAll((items) => items.map((li) => Math.round(li.getBoundingClientRect().top)));
        assert.equal(tops.length, 6);
        assert.equal(new Set(tops).size, 1, `${lang} #${tab}: tabs at heights ${tops.join(', ')}`);
        const row = await inPage<{ scrollWidth: number; clientWidth: number; overflowX: string; left: number; right: number; tabLeft: number; tabRight: number }>(
          page,
          `(() => { const ul = document.querySelector('nav.tabs ul'); const r = ul.getBoundingClientRect(); const t = document.getElementById('tab-${tab}').getBoundingClientRect();
            return { scrollWidth: ul.scrollWidth, clientWidth: ul.clientWidth, overflowX: getComputedStyle(ul).overflowX, left: r.left, right: r.right, tabLeft: t.left, tabRight: t.right }; })()`,
        );
        if (row.scrollWidth > row.clientWidth) assert.equal(row.overflowX, 'auto', `${lang}: the tab row is wider than the screen and does not scroll`);
        assert.ok(row.tabLeft >= row.left - 1 && row.tabRight <= row.right + 1, `${lang} #${tab}: the current tab (${row.tabLeft}–${row.tabRight}) is outside the row (${row.left}–${row.right})`);
        const { scrollWidth, clientWidth } = await horizontalOverflow(page);
        assert.ok(scrollWidth <= clientWidth, `${lang} #${tab}: the page is ${scrollWidth} px wide`);
      }
      await screenshot(page, `phone-tabs-${lang}`);
      await page.close();
    }
  });

  it('the `-all` chip is one unbroken box, in the sentence and in the tree (seed 004, example.com fails)', async () => {
    for (const lang of ['en', 'nl'] as const) {
      const page = await phones[lang].context.newPage();
      await page.goto(`${stack.base}#why?scope=mfrom&identity=info@example.com&ip=5.255.64.53`);
      await page.locator('.out .check[data-result="fail"]').waitFor();
      // One line box per chip: an inline element broken over two lines has two client rects.
      const chips = await inPage<Array<{ where: string; rects: number; nowrap: boolean }>>(
        page,
        `[...document.querySelectorAll('.explanation code, .tree .term > code')].filter((c) => c.textContent === '-all')
          .map((c) => ({ where: c.closest('.tree') ? 'tree' : 'text', rects: c.getClientRects().length, nowrap: getComputedStyle(c).whiteSpace === 'nowrap' }))`,
      );
      assert.ok(chips.some((c) => c.where === 'text') && chips.some((c) => c.where === 'tree'), `${lang}: ${JSON.stringify(chips)}`);
      for (const chip of chips) {
        assert.equal(chip.rects, 1, `${lang}: a -all chip in the ${chip.where} is broken over ${chip.rects} lines`);
        assert.equal(chip.nowrap, true, `${lang}: a -all chip in the ${chip.where} may break`);
      }
      await screenshot(page, `phone-why-fail-${lang}`);
      await page.close();
    }
  });
});
