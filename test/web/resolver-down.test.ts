// Issue 16.2 on the page, in a real Chromium against the real server whose DNS servers are a
// real closed loopback port (spfkit's own resolver down): the check says it is spfkit's
// resolver, the tree does not say "no SPF record" on the temperror, and the audit shows no
// grade and says it once — in English and in Dutch.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext } from 'playwright-core';
import { pageText } from '../../web/src/i18n.ts';
import { type Stack, ensureChromium, launchChromium, openContext, screenshot, startStack } from './harness.ts';
import { closedPort } from '../support/services.ts';

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let closed: string;

describe("the page with spfkit's own resolver down", { timeout: 180_000 }, () => {
  before(async () => {
    ensureChromium();
    closed = await closedPort();
    stack = await startStack(undefined, {}, { dnsServers: [closed] });
    browser = await launchChromium();
    ({ context } = await openContext(browser, stack));
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('a check: the headline names spfkit\'s resolver; the tree says the record was not fetched, not "no SPF record"', async () => {
    for (const lang of ['en', 'nl'] as const) {
      const page = await context.newPage();
      await page.goto(`${stack.base}#why?scope=mfrom&identity=info@mydomain.nl&ip=5.255.64.53&lang=${lang}`);
      await page.locator('.out .check[data-result="temperror"]').waitFor();
      const headline = (await page.locator('.explanation .headline').textContent()) ?? '';
      assert.match(headline, lang === 'en' ? /spfkit's own DNS resolver could not be reached/ : /de eigen DNS-resolver van spfkit was niet bereikbaar/);
      const reason = (await page.locator('.explanation .reason').textContent()) ?? '';
      assert.ok(reason.includes(closed), reason);
      const record = (await page.locator('.node[data-domain="mydomain.nl"] .record.missing').textContent()) ?? '';
      assert.equal(record, pageText(lang, 'tree.notFetched'));
      assert.notEqual(record, pageText(lang, 'tree.noRecord'));
      if (lang === 'en') await screenshot(page, 'resolver-down-check');
      await page.close();
    }
  });

  it('an audit: no grade, and the resolver said once instead of a card per area', async () => {
    for (const lang of ['en', 'nl'] as const) {
      const page = await context.newPage();
      await page.goto(`${stack.base}#audit?domain=byteklant.nl&lang=${lang}`);
      await page.locator('.out .audit').waitFor();
      const grade = page.locator('.audit-head .grade');
      assert.equal(await grade.textContent(), '–');
      assert.equal(await grade.getAttribute('aria-label'), pageText(lang, 'audit.noGrade'));
      assert.equal(await page.locator('.resolver-down').count(), 1);
      assert.equal(await page.locator('.finding').count(), 0);
      assert.equal(await page.locator('.audit-head h3').textContent(), `byteklant.nl — ${pageText(lang, 'audit.count', { count: 1 })}`);
      const said = (await page.locator('.resolver-down').textContent()) ?? '';
      assert.ok(said.includes(closed), said);
      assert.match(said, lang === 'en' ? /^Could not check: the DNS resolver spfkit uses/ : /^Niet te controleren: de DNS-resolver die spfkit gebruikt/);
      if (lang === 'en') await screenshot(page, 'resolver-down-audit');
      await page.close();
    }
  });
});
