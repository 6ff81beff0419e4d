/**
 * The Customers tab in Chromium, on a real server with a SQLite monitor store and a loopback
 * DNS server whose zone the test edits: a bad token is refused in words, a good one shows the
 * server-paged table; filter, search, sort and page 2; a domain's "check now" after a DNS
 * change shows the record diff in its timeline and the customer message, which the copy
 * button copies; CSV export downloads; the what-if of a provider's candidate lists the
 * customer it would break; the tab speaks Dutch.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { zoneFromText } from '../../src/dns/zone.ts';
import { openSqliteStore } from '../../src/monitor/sqlite-store.ts';
import { createToken } from '../../src/monitor/tokens.ts';
import { pageText } from '../../web/src/i18n.ts';
import { type Stack, ensureChromium, launchChromium, openContext, startStack } from './harness.ts';

const ZONE = `zone:
  spf.coachview.net:
    - TXT: "v=spf1 ip4:212.83.209.0/24 -all"
  spf.protection.outlook.com:
    - TXT: "v=spf1 ip4:40.92.0.0/15 -all"
  klant.nl:
    - TXT: "v=spf1 include:spf.coachview.net -all"
  prima.nl:
    - TXT: "v=spf1 include:spf.coachview.net ~all"
  bakker.nl:
    - TXT: "v=spf1 include:spf.protection.outlook.com -all"
`;
/** klant.nl after the customer moved to Microsoft 365 and dropped the include (seed 004). */
const MOVED = ZONE.replace('klant.nl:\n    - TXT: "v=spf1 include:spf.coachview.net -all"', 'klant.nl:\n    - TXT: "v=spf1 include:spf.protection.outlook.com -all"');

describe('the Customers tab (Chromium, SQLite monitor store, loopback DNS)', { timeout: 240_000 }, () => {
  let dir = '';
  let stack: Stack;
  let chromium: Browser;
  let token = '';

  before(async () => {
    ensureChromium();
    dir = mkdtempSync(join(tmpdir(), 'spfkit-customers-'));
    const zoneFile = join(dir, 'zone.yaml');
    writeFileSync(zoneFile, ZONE);
    const file = join(dir, 'monitor.sqlite');
    const store = await openSqliteStore({ file });
    token = (await createToken(store, { label: 'page', now: () => new Date() })).token;
    const at = '2026-01-01T00:00:00.000Z';
    await store.watch({ domain: 'klant.nl', services: [{ provider: 'coachview' }], customerId: 'K-1', label: 'Bakkerij Jansen' }, at);
    await store.watch({ domain: 'prima.nl', services: [{ provider: 'coachview' }], customerId: 'K-2' }, at);
    await store.watch({ domain: 'bakker.nl', services: [{ provider: 'coachview' }], customerId: 'K-3' }, at);
    // Enough customers for a second page (50 a page); they publish nothing (none).
    await store.watchMany(Array.from({ length: 57 }, (_, i) => ({ domain: `x${String(i).padStart(2, '0')}.example`, services: [{ provider: 'coachview' }] })), at);
    await store.close();
    stack = await startStack(zoneFile, {}, { monitor: { open: () => openSqliteStore({ file }) } });
    // Every domain checked once, as the scheduler would.
    const checked = await fetch(`${stack.base}api/monitor/check`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
    assert.equal(checked.status, 200, await checked.text());
    chromium = await launchChromium();
  });

  after(async () => {
    await chromium?.close();
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('logs in with a token, pages, filters, searches, sorts, opens a domain, checks it now, copies the message, exports, tests a what-if', async () => {
    const { context, watch } = await openContext(chromium, stack, { acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${stack.base}#customers`);

    // A bad token: refused in words, the login stays.
    await page.fill('#customers-token', 'spfkit_bad');
    await page.click('#panel-customers button[type=submit]');
    await page.locator('#panel-customers [role=alert]').waitFor();
    assert.equal(await page.locator('#panel-customers [role=alert]').textContent(), pageText('en', 'customers.login.refused'));

    await page.fill('#customers-token', token);
    await page.click('#panel-customers button[type=submit]');
    const range = page.locator('.customers .range');
    await range.waitFor();
    assert.equal(await range.textContent(), pageText('en', 'customers.range', { from: 1, to: 50, total: 60 }));
    assert.equal(await page.locator('.customers-table tbody tr').count(), 50);

    // Page 2, from the server.
    await page.click('.paging .next');
    await page.locator('.customers .range', { hasText: '51' }).waitFor();
    assert.equal(await range.textContent(), pageText('en', 'customers.range', { from: 51, to: 60, total: 60 }));

    // Filter by situation.
    await page.selectOption('#customers-situation', 'not-authorised');
    await page.click('.filters button[type=submit]');
    await page.locator('.customers-table tbody tr:only-child button', { hasText: 'bakker.nl' }).waitFor();
    assert.equal(await page.locator('.customers-table tbody tr button').textContent(), 'bakker.nl');

    // Search, then sort: situation worst first puts the not-authorised customer on top.
    await page.selectOption('#customers-situation', '');
    await page.fill('#customers-search', 'jansen');
    await page.click('.filters button[type=submit]');
    await page.locator('.customers-table tbody tr:only-child button', { hasText: 'klant.nl' }).waitFor();
    await page.fill('#customers-search', '');
    await page.selectOption('#customers-sort', 'situation');
    await page.click('.filters button[type=submit]');
    await page.locator('.customers-table tbody tr:first-child[data-situation="not-authorised"]').waitFor();

    // The customer drops the include; "check now" shows the change and the message.
    stack.dns.setZone(zoneFromText(MOVED));
    await page.fill('#customers-search', 'klant.nl');
    await page.click('.filters button[type=submit]');
    await page.locator('.customers-table button[data-domain="klant.nl"]').click();
    await page.locator('.detail[data-domain="klant.nl"]').waitFor();
    assert.equal(await page.locator('.customer-message').count(), 0, 'authorised: no message yet');
    await page.click('.check-now');
    await page.locator('.detail .event.record-changed').waitFor();
    const diff = await page.locator('.detail .event.record-changed .diff li').allTextContents();
    assert.ok(diff.includes('- include:spf.coachview.net') && diff.includes('+ include:spf.protection.outlook.com'), diff.join(' | '));
    const message = (await page.locator('.customer-message').inputValue());
    assert.match(message, /v=spf1 include:spf\.protection\.outlook\.com include:spf\.coachview\.net -all/);
    await page.click('.copy-message');
    await page.locator('.message [role=status]').filter({ hasText: pageText('en', 'customers.copied') }).waitFor();
    const copied = await page.evaluate<string>('navigator.clipboard.readText()');
    assert.ok(copied.includes(message.trim()), copied);

    // Export: a download made with the token.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.export-csv')]);
    const path = await download.path();
    const csv = readFileSync(path, 'utf8');
    assert.match(csv.split(/\r?\n/)[0] ?? '', /^domain,customerId,label,services,situation/);
    assert.equal(csv.trimEnd().split(/\r?\n/).length, 61);

    // What if Coachview dropped the range: prima.nl (still authorised) would stop passing.
    await page.locator('#whatif-provider option[value="coachview"]').waitFor({ state: 'attached' });
    await page.selectOption('#whatif-provider', 'coachview');
    await page.fill('#whatif-policy', 'v=spf1 ip4:198.51.100.0/24 -all');
    await page.click('.whatif button[type=submit]');
    await page.locator('.whatif-result').waitFor();
    assert.equal(await page.locator('.whatif-result li[data-domain]').count(), 1);
    assert.match((await page.locator('.whatif-result li[data-domain="prima.nl"]').textContent()) ?? '', /212\.83\.209\.204 would no longer pass/);

    // In Dutch.
    await page.click('button[data-lang="nl"]');
    await page.locator('#tab-customers').filter({ hasText: 'Klanten' }).waitFor();
    assert.ok((await page.locator('.customers-table thead').textContent())?.includes(pageText('nl', 'customers.col.situation')));
    // The one 401 is the bad token's, on purpose.
    assert.deepEqual(watch.errors, ['console: Failed to load resource: the server responded with a status of 401 (Unauthorized)']);
    await context.close();
  });
});
