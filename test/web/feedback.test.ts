// What the page says when something is wrong or could be misread (issues 16.3 and 10.10), in a
// real Chromium against the real server and a real DNS server on loopback (examples/seeds.yaml):
// a syntax error marked in the tree, colours with one meaning and a legend, an empty candidate
// box, a refused field and the rate limit, each in the page's language.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type PageLang, pageText } from '../../web/src/i18n.ts';
import { type Stack, ensureChromium, inPage, launchChromium, openContext, screenshot, startStack } from './harness.ts';

const COACHVIEW_IP = '212.83.209.204';
const SENDER = 'info@mydomain.nl';
const LOCALE: Record<PageLang, string> = { en: 'en-US', nl: 'nl-NL' };

let stack: Stack;
let browser: Browser;
let context: BrowserContext;

/** Fills the Test tab and, with `candidate`, chooses "Test a new policy" with that text in the box. */
async function testTab(page: Page, lang: PageLang, fields: { ip: string; sender: string; candidate?: string }): Promise<void> {
  await page.getByLabel(pageText(lang, 'test.ip')).fill(fields.ip);
  await page.getByLabel(pageText(lang, 'test.sender')).fill(fields.sender);
  if (fields.candidate !== undefined) {
    await page.getByLabel(pageText(lang, 'test.policy.candidate')).check();
    // The box starts as the published record; wait for it before replacing it.
    await page.waitForFunction(`document.getElementById('test-candidate')?.value === 'v=spf1 mx ~all'`);
    await page.getByLabel(pageText(lang, 'test.candidate')).fill(fields.candidate);
  }
  await page.getByRole('button', { name: pageText(lang, 'test.submit'), exact: true }).click();
}

/** The computed outline colour of an element. */
function borderColour(page: Page, selector: string): Promise<string> {
  return inPage(page, `getComputedStyle(document.querySelector(${JSON.stringify(selector)})).borderTopColor`);
}

describe('the page says what is wrong, plainly', { timeout: 180_000 }, () => {
  before(async () => {
    ensureChromium();
    stack = await startStack();
    browser = await launchChromium();
    ({ context } = await openContext(browser, stack));
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('a syntax error is marked on its term in the tree, and the text names no internal code', async () => {
    const record = 'v=spf1 mx include:spf.coachview.net ip4:212.83.209.0/33 ~all';
    for (const lang of ['en', 'nl'] as const) {
      const page = await context.newPage();
      await page.goto(`${stack.base}#test`);
      if (lang === 'nl') await page.getByRole('button', { name: 'Nederlands' }).click();
      await testTab(page, lang, { ip: COACHVIEW_IP, sender: SENDER, candidate: record });
      await page.locator('.out .check[data-result="permerror"]').waitFor();
      const reason = (await page.locator('.explanation .reason').textContent()) ?? '';
      const column = Number(/(?:column|kolom) (\d+)/.exec(reason)?.[1]);
      assert.ok(column > 0, reason);
      assert.doesNotMatch(reason, /bad-cidr|\(bad-|\/\/0/, reason);
      // The marked term is the one at that column, as the CLI's caret.
      const marked = page.locator('.tree .term.syntax');
      assert.equal(await marked.count(), 1);
      assert.equal(await marked.locator('code').textContent(), 'ip4:212.83.209.0/33');
      assert.equal(await marked.locator('.mark').textContent(), pageText(lang, 'tree.syntax'));
      const start = record.indexOf('ip4:212.83.209.0/33') + 1;
      assert.ok(column >= start && column < start + 'ip4:212.83.209.0/33'.length, `column ${column} is not in the marked term (${start}…)`);
      // Only that term: the others are shown as not evaluated.
      assert.equal(await page.locator('.tree .term.skipped').count(), 3);
      if (lang === 'en') await screenshot(page, 'desktop-test-syntax');
      else await page.getByRole('button', { name: 'English' }).click();
      await page.close();
    }
  });

  it('colours mean one thing: a matched term has its result’s colour (the failing include’s -all is red, not green), with a legend (seed 004, eneco.com passes)', async () => {
    const page = await context.newPage();
    await page.goto(`${stack.base}#why?scope=mfrom&identity=fm_eib_verkoop_midden@eneco.com&ip=5.255.64.53`);
    await page.locator('.out .check[data-result="pass"]').waitFor();
    const include = '.node[data-domain="spf.protection.outlook.com"]';
    assert.equal(await page.locator(`${include} > .node-head .badge`).textContent(), 'fail');
    const red = await inPage<string>(page, `getComputedStyle(document.querySelector('${include} > .node-head .badge')).color`);
    const green = await inPage<string>(page, `getComputedStyle(document.querySelector('.verdict')).color`);
    assert.notEqual(red, green);
    // The include's own -all matched inside it and gives fail: red like its badge.
    assert.equal(await borderColour(page, `${include} .term.match[data-term="-all"]`), red);
    // The term that decided the pass is green, like the pass verdict.
    assert.equal(await page.locator('.tree .term.decided code').textContent(), 'a:smtp1.blueinkt.com');
    assert.equal(await borderColour(page, '.tree .term.decided'), green);
    // One colour, one result: every outline colour in the tree belongs to one result only, and the legend shows it.
    const outlines = await inPage<Array<{ tone: string; colour: string }>>(
      page,
      `[...document.querySelectorAll('.tree .term[data-tone]')].map((t) => ({ tone: t.dataset.tone, colour: getComputedStyle(t).borderTopColor }))`,
    );
    const legend = await inPage<Array<{ tone: string; colour: string }>>(
      page,
      `[...document.querySelectorAll('.tree .legend .swatch[data-tone]')].map((s) => ({ tone: s.dataset.tone, colour: getComputedStyle(s).borderTopColor }))`,
    );
    assert.deepEqual(
      legend.map((l) => l.tone),
      ['good', 'bad', 'warn', 'plain', 'error'],
    );
    assert.equal(new Set(legend.map((l) => l.colour)).size, legend.length, 'each legend colour is different');
    for (const outline of outlines) assert.equal(outline.colour, legend.find((l) => l.tone === outline.tone)?.colour, JSON.stringify(outline));
    assert.ok(outlines.length >= 2);
    const legendText = (await page.locator('.tree .legend').textContent()) ?? '';
    for (const words of ['pass', 'fail', 'softfail', 'neutral', pageText('en', 'tree.legend.decided'), pageText('en', 'tree.legend.skipped'), pageText('en', 'tree.legend.badge')]) {
      assert.ok(legendText.includes(words), `the legend lacks ${words}: ${legendText}`);
    }
    await screenshot(page, 'desktop-why-legend');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.locator('.tree .legend', { hasText: pageText('nl', 'tree.legend.badge') }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.close();
  });

  it('a refused IP marks its field (aria-invalid, the problem next to it) and says it plainly, in Dutch; fixing it clears the mark', async () => {
    const { context: dutch } = await openContext(browser, stack, { locale: 'nl-NL' });
    const page = await dutch.newPage();
    await page.goto(stack.base);
    await testTab(page, 'nl', { ip: '5.255.64', sender: SENDER });
    const ip = page.getByLabel(pageText('nl', 'test.ip'));
    const problem = '"5.255.64" is geen IPv4- of IPv6-adres';
    await page.locator('#test-ip[aria-invalid="true"]').waitFor();
    // The words next to the field, and tied to it for a screen reader.
    const describedBy = ((await ip.getAttribute('aria-describedby')) ?? '').split(' ');
    const said = await inPage<string[]>(page, `${JSON.stringify(describedBy)}.map((id) => document.getElementById(id)?.textContent ?? '')`);
    assert.ok(said.includes(problem), `aria-describedby says ${JSON.stringify(said)}`);
    assert.equal(await page.locator('#test-ip + .field-error').textContent(), problem);
    // The box below the form names the field by its label: no status code, no API field name.
    const alert = (await page.locator('.out [role="alert"]').textContent()) ?? '';
    assert.ok(alert.includes(`${pageText('nl', 'test.ip')}: ${problem}`), alert);
    assert.doesNotMatch(alert, /400|veld "ip"|field "ip"|De server gaf/, alert);
    assert.equal(await page.locator('[aria-invalid="true"]').count(), 1, 'only the IP field is marked');
    await screenshot(page, 'desktop-test-bad-ip-nl');
    // The Why tab marks its IP field the same way.
    await page.goto(`${stack.base}#why`);
    await page.getByLabel(pageText('nl', 'why.identity')).fill(SENDER);
    await page.getByLabel(pageText('nl', 'why.ip')).fill('5.255.64');
    await page.getByRole('button', { name: pageText('nl', 'why.submit') }).click();
    await page.locator('#why-ip[aria-invalid="true"] + .field-error', { hasText: problem }).waitFor();
    // Corrected, the mark goes and the check answers.
    await page.getByLabel(pageText('nl', 'why.ip')).fill(COACHVIEW_IP);
    await page.getByRole('button', { name: pageText('nl', 'why.submit') }).click();
    await page.locator('.out .check').waitFor();
    assert.equal(await page.locator('[aria-invalid]').count(), 0);
    assert.equal(await page.locator('.field-error').count(), 0);
    await dutch.close();
  });

  it('Add a sender: a refused mechanism marks its field and is said in Dutch without status or field name; an empty domain is marked too', async () => {
    const { context: dutch } = await openContext(browser, stack, { locale: 'nl-NL' });
    const page = await dutch.newPage();
    await page.goto(`${stack.base}#onboard`);
    await page.locator('#onboard-provider option[value="coachview"]').waitFor({ state: 'attached' });
    await page.getByLabel(pageText('nl', 'onboard.mechanism')).fill('-all');
    await page.getByRole('button', { name: pageText('nl', 'onboard.submit') }).click();
    await page.locator('#onboard-domain[aria-invalid="true"] + .field-error', { hasText: pageText('nl', 'error.required', { field: pageText('nl', 'onboard.domain') }) }).waitFor();
    await page.getByLabel(pageText('nl', 'onboard.domain')).fill('mydomain.nl');
    await page.getByRole('button', { name: pageText('nl', 'onboard.submit') }).click();
    const problem = page.locator('#onboard-mechanism[aria-invalid="true"] + .field-error');
    await problem.waitFor();
    const words = (await problem.textContent()) ?? '';
    assert.match(words, /all/);
    assert.equal(await page.locator('#onboard-domain').getAttribute('aria-invalid'), null, 'the domain is no longer marked');
    const alert = (await page.locator('.out [role="alert"]').textContent()) ?? '';
    assert.equal(alert, `${pageText('nl', 'error.input')}${pageText('nl', 'onboard.mechanism')}: ${words}`);
    assert.doesNotMatch(alert, /400|veld "mechanism"|De server gaf/, alert);
    await dutch.close();
  });

  it('"Test a new policy" with an empty box refuses and says why, instead of quietly testing the published policy', async () => {
    for (const lang of ['en', 'nl'] as const) {
      const { context: own, watch } = await openContext(browser, stack, { locale: LOCALE[lang] });
      const page = await own.newPage();
      await page.goto(stack.base);
      const asked = () => watch.requests.filter((url) => url.includes('/api/check')).length;
      await testTab(page, lang, { ip: COACHVIEW_IP, sender: SENDER, candidate: '' });
      const box = page.locator('#test-candidate[aria-invalid="true"] + .field-error');
      await box.waitFor();
      assert.equal(await box.textContent(), pageText(lang, 'test.candidate.empty'));
      assert.equal(await page.locator('.out [role="alert"]').textContent(), pageText(lang, 'test.candidate.empty'));
      assert.equal(await page.locator('.out .check').count(), 0, 'no result of the published policy');
      assert.equal(asked(), 0, 'nothing was asked');
      // With a record in the box, the candidate is tested and the mark goes.
      await page.getByLabel(pageText(lang, 'test.candidate')).fill('v=spf1 include:spf.coachview.net -all');
      await page.getByRole('button', { name: pageText(lang, 'test.submit'), exact: true }).click();
      await page.locator('.out .check[data-result="pass"]').waitFor();
      assert.equal(await page.locator('.tree .override').count(), 1);
      assert.equal(await page.locator('[aria-invalid]').count(), 0);
      await own.close();
    }
  });
});

/**
 * A 429 said in the page's words: the rate limit (two DNS-querying requests a minute) and the
 * DNS allowance (one check's budget an hour: the second check cannot reserve it, issue 17.2),
 * each with when to try again, never the server's raw words.
 */
const REFUSALS = [
  { name: 'the rate limit', limits: { rateMax: 2, rateWindowMs: 60_000 }, key: 'error.rateLimited', other: 'error.dnsBudget', maxSeconds: 60, shot: 'desktop-test-429-nl' },
  { name: 'the DNS allowance (dns-budget)', limits: { clientQueries: 134, maxQueries: 134, rateWindowMs: 3_600_000 }, key: 'error.dnsBudget', other: 'error.rateLimited', maxSeconds: 3600, shot: undefined },
] as const;

for (const refusal of REFUSALS) {
  describe(`${refusal.name}, in the page’s language`, { timeout: 120_000 }, () => {
    let limited: Stack;
    let chromium: Browser;
    before(async () => {
      ensureChromium();
      limited = await startStack(undefined, refusal.limits);
      chromium = await launchChromium();
    });

    after(async () => {
      await chromium?.close();
      await limited?.stop();
    });

    it('says why and when to try again (seconds and clock time), in Dutch and English, without the server’s raw words', async () => {
      for (const lang of ['nl', 'en'] as const) {
        const { context: own } = await openContext(chromium, limited, { locale: LOCALE[lang] });
        const page = await own.newPage();
        await page.goto(limited.base);
        const alert = page.locator('.out [role="alert"]');
        let text = '';
        for (let i = 0; i < 4 && text === ''; i++) {
          await testTab(page, lang, { ip: COACHVIEW_IP, sender: SENDER });
          await page.locator('.out .check, .out [role="alert"]').first().waitFor();
          if ((await alert.count()) > 0) text = (await alert.textContent()) ?? '';
        }
        assert.notEqual(text, '', 'never refused');
        const seconds = Number(/(\d+) (?:seconds?|seconden?)/.exec(text)?.[1]);
        assert.ok(seconds >= 1 && seconds <= refusal.maxSeconds, text);
        const time = /(\d\d:\d\d)/.exec(text)?.[1];
        assert.ok(time !== undefined, text);
        assert.equal(text, pageText(lang, refusal.key, { seconds, time }));
        assert.notEqual(text, pageText(lang, refusal.other, { seconds, time }));
        assert.doesNotMatch(text, /429|too many requests|retry in/, text);
        if (lang === 'nl' && refusal.shot) await screenshot(page, refusal.shot);
        await own.close();
      }
    });
  });
}
