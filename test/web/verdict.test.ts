// Issue 13.1 on the page, in a real Chromium against the real server and a loopback DNS server
// holding the seed setups: the "Will it be accepted?" tab gives the DMARC outcome for Coachview
// with its own bounce domain (fail, with the fixes) and for Prezent with its DKIM CNAMEs (pass),
// in English and in Dutch, and names the refused field for bad input.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { pageText } from '../../web/src/i18n.ts';
import { COACHVIEW_IP, PREZENT_IP, seedZoneObject } from '../verdict/seed-zone.ts';
import { type Stack, ensureChromium, launchChromium, openContext, screenshot, startStack } from './harness.ts';

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let dir: string;

async function fill(page: Page, values: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(values)) await page.locator(`#verdict-${name}`).fill(value);
  await page.locator('#panel-verdict button[type="submit"]').click();
}

describe('the "Will it be accepted?" tab', { timeout: 180_000 }, () => {
  before(async () => {
    ensureChromium();
    dir = mkdtempSync(join(tmpdir(), 'spfkit-verdict-zone-'));
    const zoneFile = join(dir, 'zone.json');
    writeFileSync(zoneFile, JSON.stringify({ zone: seedZoneObject() }));
    stack = await startStack(zoneFile);
    browser = await launchChromium();
    ({ context } = await openContext(browser, stack));
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('Coachview with its own bounce domain: fails, p=reject, with the fixes — en and nl', async () => {
    for (const lang of ['en', 'nl'] as const) {
      const page = await context.newPage();
      await page.goto(`${stack.base}#verdict?lang=${lang}`);
      assert.equal(await page.locator('#tab-verdict').textContent(), pageText(lang, 'tab.verdict'));
      await fill(page, { ip: COACHVIEW_IP, helo: 'mail.coachview.net', mailFrom: 'b@bounce.coachview.net', fromDomain: 'klant.nl' });
      await page.locator('.out .verdict[data-result="fail"]').waitFor();
      assert.equal(await page.locator('.verdict').getAttribute('data-disposition'), 'reject');
      assert.equal(await page.locator('.verdict-spf').getAttribute('data-alignment'), 'not-aligned');
      const headline = (await page.locator('.verdict .headline').textContent()) ?? '';
      assert.match(headline, lang === 'en' ? /fails DMARC/ : /zakt voor DMARC/);
      assert.deepEqual(await page.locator('.fix').evaluateAll((els) => els.map((e) => e.getAttribute('data-code'))), ['spf-align', 'dkim-add']);
      assert.match((await page.locator('.fix .records').first().textContent()) ?? '', /bounce\.klant\.nl\. TXT "v=spf1 ip4:212\.83\.209\.204 -all"/);
      if (lang === 'nl') await screenshot(page, 'verdict-coachview-nl');
      await page.close();
    }
  });

  it('Prezent with its DKIM CNAMEs (provider dmrmail): passes by SPF and DKIM, nothing to change', async () => {
    const page = await context.newPage();
    await page.goto(`${stack.base}#verdict?lang=en`);
    await fill(page, { ip: PREZENT_IP, helo: 'out.dmrmail.nl', mailFrom: 'info@prezentklant.nl', fromDomain: 'prezentklant.nl', provider: 'dmrmail' });
    await page.locator('.out .verdict[data-result="pass"]').waitFor();
    assert.deepEqual(await page.locator('.verdict-dkim li').evaluateAll((els) => els.map((e) => e.getAttribute('data-key'))), ['usable', 'usable']);
    assert.match((await page.locator('.verdict-dkim').textContent()) ?? '', /CNAME to _dkim-a\.prezent\.nl/);
    assert.equal(await page.locator('.verdict .ok').textContent(), pageText('en', 'verdict.noFixes'));
    await page.close();
  });

  it('bad input: the refused field is named, and the next request is answered', async () => {
    const page = await context.newPage();
    await page.goto(`${stack.base}#verdict?lang=en`);
    await fill(page, { ip: '300.1.2.3', helo: 'x.nl', mailFrom: 'info@klant.nl', fromDomain: 'klant.nl' });
    await page.locator('.out .error, .out [role="alert"]').first().waitFor();
    assert.match((await page.locator('.out').textContent()) ?? '', /300\.1\.2\.3/);
    await fill(page, { ip: COACHVIEW_IP });
    await page.locator('.out .verdict[data-result="pass"]').waitFor();
    await page.close();
  });
});
