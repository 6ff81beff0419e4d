// The web page in a real Chromium against the real server and a real DNS server on loopback,
// serving the seed scenarios of examples/seeds.yaml: what a Coachview or Blue Inkt customer does
// with it (seeds 000 and 004), in English and Dutch, on a desktop and a 375 px phone screen.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { t } from '../../src/i18n/catalog.ts';
import { pageText } from '../../web/src/i18n.ts';
import { type Stack, type Watch, ensureChromium, horizontalOverflow, inPage, launchChromium, openContext, screenshot, startStack } from './harness.ts';

const COACHVIEW_IP = '212.83.209.204';
const SENDER = 'info@mydomain.nl';
const CANDIDATE = 'v=spf1 mx include:spf.coachview.net ~all';

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let watch: Watch;
const otherWatches: Watch[] = [];

/** A library text as the page shows it: record text in `<code>`, without the backticks. */
function shown(text: string): string {
  return text.replaceAll('`', '');
}

/** The result card's word once a check has answered. */
async function resultOf(page: Page): Promise<string> {
  const card = page.locator('.out .check').first();
  await card.waitFor({ state: 'visible' });
  return (await card.getAttribute('data-result')) ?? '';
}

function clipboard(page: Page): Promise<string> {
  return inPage(page, 'navigator.clipboard.readText()');
}

describe('web page in Chromium', { timeout: 180_000 }, () => {
  before(async () => {
    ensureChromium();
    stack = await startStack();
    browser = await launchChromium();
    ({ context, watch } = await openContext(browser, stack));
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('Test tab: the published policy softfails, the candidate with the provider include passes (seed 000)', async () => {
    const page = await context.newPage();
    await page.goto(stack.base);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.getByLabel(pageText('en', 'test.ip')).fill(COACHVIEW_IP);
    await page.getByLabel(pageText('en', 'test.sender')).fill(SENDER);
    await page.getByRole('button', { name: pageText('en', 'test.submit'), exact: true }).click();
    assert.equal(await resultOf(page), 'softfail');
    assert.equal(await page.locator('.verdict-meaning').textContent(), pageText('en', 'result.softfail'));
    // The explanation is the library's, in words.
    assert.equal(await page.locator('.explanation .headline').textContent(), shown(t('en', 'spf.headline.softfail', { domain: 'mydomain.nl', host: COACHVIEW_IP })));
    assert.match((await page.locator('.advice').textContent()) ?? '', /ip4:212\.83\.209\.204/);
    // The tree: mydomain.nl's record, `~all` decided, one lookup (mx).
    const root = page.locator('.tree > .node[data-domain="mydomain.nl"]');
    assert.equal(await root.locator(':scope > .record .term.decided code').textContent(), '~all');
    assert.match((await root.locator(':scope > .node-head .cost').textContent()) ?? '', /^1 lookup/);
    await screenshot(page, 'desktop-test-softfail');

    // "Advanced": the candidate box starts as the published record.
    await page.getByLabel(pageText('en', 'test.policy.candidate')).check();
    const candidate = page.getByLabel(pageText('en', 'test.candidate'));
    await page.waitForFunction(`document.getElementById('test-candidate')?.value === 'v=spf1 mx ~all'`);
    await candidate.fill(CANDIDATE);
    await page.getByRole('button', { name: pageText('en', 'test.submit'), exact: true }).click();
    await page.locator('.out .check[data-result="pass"]').waitFor();
    assert.equal(await page.locator('.verdict-word').textContent(), 'pass');
    assert.match((await page.locator('.explanation .reason').textContent()) ?? '', /candidate record for mydomain\.nl/);
    // The include opens its own box inside the include term; the decided term is the provider's range.
    const include = page.locator('.tree .node[data-domain="mydomain.nl"] .term[data-term="include:spf.coachview.net"]');
    assert.equal(await include.getAttribute('class'), 'term match');
    const nested = include.locator('.node[data-domain="spf.coachview.net"]');
    assert.equal(await nested.locator('.term.decided code').textContent(), 'ip4:212.83.209.0/24');
    assert.match((await page.locator('.tree > .node > .node-head .cost').textContent()) ?? '', /^2 lookups$/);
    assert.equal(await page.locator('.tree .override').count(), 1, 'the candidate is marked as not in DNS');
    await screenshot(page, 'desktop-test-candidate-pass');
    await page.close();
  });

  it('Test tab: "copy link" gives a Why? link that recomputes and explains', async () => {
    const page = await context.newPage();
    await page.goto(stack.base);
    await page.getByLabel(pageText('en', 'test.ip')).fill(COACHVIEW_IP);
    await page.getByLabel(pageText('en', 'test.sender')).fill(SENDER);
    await page.getByRole('button', { name: pageText('en', 'test.submit'), exact: true }).click();
    assert.equal(await resultOf(page), 'softfail');
    await page.getByRole('button', { name: pageText('en', 'test.copyLink') }).click();
    await page.locator('#test-why-link a').waitFor();
    const link = await clipboard(page);
    assert.equal(link, `${stack.base}#why?scope=mfrom&identity=info%40mydomain.nl&ip=212.83.209.204&lang=en`);
    assert.equal(await page.locator('#test-why-link a').getAttribute('href'), link);

    const why = await context.newPage();
    await why.goto(link);
    assert.equal(await why.locator('nav a[aria-current="page"]').textContent(), pageText('en', 'tab.why'));
    assert.equal(await resultOf(why), 'softfail');
    assert.equal(await why.getByLabel(pageText('en', 'why.identity')).inputValue(), SENDER);
    assert.equal(await why.locator('.explanation .headline').textContent(), shown(t('en', 'spf.headline.softfail', { domain: 'mydomain.nl', host: COACHVIEW_IP })));
    await page.close();
    await why.close();
  });

  it("Why tab: seed 004's openspf links (with ;) explain no record, refused and authorised", async () => {
    const page = await context.newPage();
    const host = '5.255.64.53 (smtp1.blueinkt.com)';
    const cases = [
      { identity: 'info@klant.nl', result: 'none', headline: shown(t('en', 'spf.headline.none', { domain: 'klant.nl' })) },
      { identity: 'info@example.com', result: 'fail', headline: shown(t('en', 'spf.headline.fail', { domain: 'example.com', host })) },
      { identity: 'fm_eib_verkoop_midden@eneco.com', result: 'pass', headline: shown(t('en', 'spf.headline.pass', { domain: 'eneco.com', host })) },
    ];
    for (const c of cases) {
      await page.goto(`${stack.base}#why?scope=mfrom;identity=${c.identity};ip=5.255.64.53`);
      await page.locator(`.out .check[data-result="${c.result}"]`).waitFor();
      assert.equal(await page.locator('.explanation .headline').textContent(), c.headline, c.identity);
      await page.goto('about:blank');
    }
    // The form re-asks and puts the question in the address.
    await page.goto(`${stack.base}#why`);
    await page.getByLabel(pageText('en', 'why.identity')).fill('info@example.com');
    await page.getByLabel(pageText('en', 'why.ip')).fill('5.255.64.53');
    await page.getByRole('button', { name: pageText('en', 'why.submit') }).click();
    assert.equal(await resultOf(page), 'fail');
    assert.equal(new URL(page.url()).hash, '#why?scope=mfrom&identity=info%40example.com&ip=5.255.64.53');
    // Only the checked record's `-all` decided; the included record's `-all` made that include not match.
    const decided = page.locator('.tree .term.decided');
    assert.equal(await decided.count(), 1);
    assert.equal(await decided.locator('code').textContent(), '-all');
    assert.equal(await decided.evaluate((el) => el.closest('.node')?.getAttribute('data-domain')), 'example.com');
    assert.equal(await page.locator('.node[data-domain="spf.protection.outlook.com"] .badge').textContent(), 'fail');
    await screenshot(page, 'desktop-why-fail');
    await page.close();
  });

  it('a Why? link opened in Dutch explains in Dutch on first load, for all three situations; its share link keeps the language', async () => {
    const dutch = await openContext(browser, stack, { locale: 'nl-NL' });
    otherWatches.push(dutch.watch);
    const page = await dutch.context.newPage();
    const english = await context.newPage();
    const situations = [
      { identity: 'info@klant.nl', result: 'none' },
      { identity: 'info@example.com', result: 'fail' },
      { identity: 'fm_eib_verkoop_midden@eneco.com', result: 'pass' },
    ];
    for (const s of situations) {
      // What the API says in Dutch: the page must show exactly that, without a second click.
      const expected = (await (await fetch(`${stack.base}api/why?scope=mfrom&identity=${encodeURIComponent(s.identity)}&ip=5.255.64.53&lang=nl`)).json()) as { explanation: { headline: string; reason: string; advice?: string } };
      const inEnglish = (await (await fetch(`${stack.base}api/why?scope=mfrom&identity=${encodeURIComponent(s.identity)}&ip=5.255.64.53&lang=en`)).json()) as typeof expected;
      assert.notEqual(expected.explanation.headline, inEnglish.explanation.headline);
      const visits = [
        { tab: page, watch: dutch.watch, url: `${stack.base}why?scope=mfrom;identity=${s.identity};ip=5.255.64.53` },
        { tab: page, watch: dutch.watch, url: `${stack.base}Why?s=mfrom;id=${encodeURIComponent(s.identity)};ip=5.255.64.53;r=mx.example.org` },
        // An English browser follows the link's own language.
        { tab: english, watch, url: `${stack.base}why?scope=mfrom;identity=${s.identity};ip=5.255.64.53;lang=nl` },
      ];
      for (const visit of visits) {
        const asked = visit.watch.requests.length;
        await visit.tab.goto(visit.url);
        await visit.tab.locator(`.out .check[data-result="${s.result}"]`).waitFor();
        assert.equal(await visit.tab.locator('html').getAttribute('lang'), 'nl', visit.url);
        assert.equal(await visit.tab.locator('.explanation .headline').textContent(), shown(expected.explanation.headline), visit.url);
        assert.equal(await visit.tab.locator('.explanation .reason').textContent(), shown(expected.explanation.reason), visit.url);
        if (expected.explanation.advice !== undefined) assert.equal(await visit.tab.locator('.advice p').textContent(), shown(expected.explanation.advice), visit.url);
        // One question went out, and it was in Dutch.
        const calls = visit.watch.requests.slice(asked).filter((url) => url.includes('/api/why'));
        assert.equal(calls.length, 1, `${visit.url}: ${calls.join(' ')}`);
        assert.equal(new URL(calls[0] ?? '').searchParams.get('lang'), 'nl', calls[0]);
        // The share link names its language.
        const share = new URL((await visit.tab.locator('#why-link').getAttribute('href')) ?? '');
        assert.equal(new URLSearchParams(share.hash.split('?')[1]).get('lang'), 'nl', share.href);
        await visit.tab.goto('about:blank');
      }
    }
    // The share link, opened in an English browser, explains in Dutch too.
    await page.goto(`${stack.base}why?scope=mfrom;identity=info@klant.nl;ip=5.255.64.53`);
    const link = (await page.locator('#why-link').getAttribute('href')) ?? '';
    await english.goto(link);
    await english.locator('.out .check[data-result="none"]').waitFor();
    assert.equal(await english.locator('.explanation .headline').textContent(), shown(t('nl', 'spf.headline.none', { domain: 'klant.nl' })));
    // The Test tab's "copy link" carries the language too.
    await english.goto(`${stack.base}#test`);
    await english.getByRole('button', { name: 'Nederlands' }).click();
    await english.getByLabel(pageText('nl', 'test.ip')).fill(COACHVIEW_IP);
    await english.getByLabel(pageText('nl', 'test.sender')).fill(SENDER);
    await english.getByRole('button', { name: pageText('nl', 'test.submit'), exact: true }).click();
    await english.locator('.out .check').waitFor();
    await english.getByRole('button', { name: pageText('nl', 'test.copyLink') }).click();
    await english.locator('#test-why-link a').waitFor();
    assert.match((await english.locator('#test-why-link a').getAttribute('href')) ?? '', /&lang=nl$/);
    await english.getByRole('button', { name: 'English' }).click();
    // An audit link has the same first request: in Dutch.
    const asked = dutch.watch.requests.length;
    await page.goto(`${stack.base}#audit?domain=byteklant.nl`);
    await page.locator('.out .severity h4', { hasText: pageText('nl', 'severity.warning') }).waitFor();
    const audits = dutch.watch.requests.slice(asked).filter((url) => url.includes('/api/audit/'));
    assert.deepEqual(audits.map((url) => new URL(url).searchParams.get('lang')), ['nl']);
    await page.close();
    await english.close();
    await dutch.context.close();
  });

  it('switches to Dutch: page texts, the explanation from the API, and the browser default', async () => {
    // A context of its own: the choice is remembered (localStorage).
    const own = await openContext(browser, stack);
    otherWatches.push(own.watch);
    const page = await own.context.newPage();
    await page.goto(stack.base);
    await page.getByLabel(pageText('en', 'test.ip')).fill(COACHVIEW_IP);
    await page.getByLabel(pageText('en', 'test.sender')).fill(SENDER);
    await page.getByRole('button', { name: pageText('en', 'test.submit'), exact: true }).click();
    assert.equal(await resultOf(page), 'softfail');

    await page.getByRole('button', { name: 'Nederlands' }).click();
    assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
    assert.equal(await page.getByRole('button', { name: 'Nederlands' }).getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('nav a[aria-current="page"]').textContent(), pageText('nl', 'tab.test'));
    // What was typed stays; the result is fetched again in Dutch.
    assert.equal(await page.getByLabel(pageText('nl', 'test.ip')).inputValue(), COACHVIEW_IP);
    const dutchHeadline = shown(t('nl', 'spf.headline.softfail', { domain: 'mydomain.nl', host: COACHVIEW_IP }));
    await page.locator('.explanation .headline', { hasText: dutchHeadline }).waitFor();
    assert.equal(await page.locator('.verdict-meaning').textContent(), pageText('nl', 'result.softfail'));
    assert.equal(await page.locator('.tree h3').textContent(), pageText('nl', 'tree.heading'));
    await screenshot(page, 'desktop-test-nl');

    // Input the server refuses is refused in Dutch too.
    await page.getByLabel(pageText('nl', 'test.ip')).fill('5.255.64');
    await page.getByRole('button', { name: pageText('nl', 'test.submit'), exact: true }).click();
    await page.locator('[role="alert"]', { hasText: `${pageText('nl', 'test.ip')}: "5.255.64" is geen IPv4- of IPv6-adres` }).waitFor();

    // The choice is remembered; a browser in Dutch starts in Dutch.
    await page.reload();
    assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
    await own.context.close();
    const dutch = await openContext(browser, stack, { locale: 'nl-NL' });
    otherWatches.push(dutch.watch);
    const fresh = await dutch.context.newPage();
    await fresh.goto(stack.base);
    assert.equal(await fresh.locator('html').getAttribute('lang'), 'nl');
    assert.equal(await fresh.getByRole('button', { name: pageText('nl', 'test.submit'), exact: true }).count(), 1);
    await dutch.context.close();
  });

  it('Audit tab: findings with their fixes, grouped by severity, worst first', async () => {
    const page = await context.newPage();
    await page.goto(`${stack.base}#audit`);
    await page.getByLabel(pageText('en', 'audit.domain')).fill('byteklant.nl');
    await page.getByRole('button', { name: pageText('en', 'audit.submit') }).click();
    await page.locator('.out .audit').waitFor();
    assert.equal(new URL(page.url()).hash, '#audit?domain=byteklant.nl');
    const groups = await page.locator('.out .severity').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-severity')));
    assert.deepEqual(groups, ['error', 'warning', 'info'].filter((s) => groups.includes(s)), 'most severe first');
    // byteklant.nl publishes `v=spf1 include:spf.byte.nl` (seed 002): no `all`, and no DMARC record.
    const noAll = page.locator('.severity-warning .finding[data-id="spf-no-all"]');
    assert.equal(await noAll.count(), 1);
    assert.ok(((await noAll.locator('.fix').textContent()) ?? '').startsWith(`${pageText('en', 'audit.fix')}: `));
    assert.equal(await page.locator('.severity-error .finding[data-id="dmarc-missing"]').count(), 1);
    assert.match((await page.locator('.grade').textContent()) ?? '', /^[A-F]$/);
    await screenshot(page, 'desktop-audit');

    // In Dutch, the findings come back in Dutch.
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.locator('.out .severity h4', { hasText: pageText('nl', 'severity.warning') }).waitFor();
    assert.notEqual(await noAll.locator('.fix').textContent(), null);
    assert.ok(((await page.locator('.finding[data-id="spf-no-all"] .fix').textContent()) ?? '').startsWith(`${pageText('nl', 'audit.fix')}: `));
    await page.getByRole('button', { name: 'English' }).click();
    await page.close();
  });

  it('Onboard tab: a provider from the catalogue, the record to publish, copied; lookups and bytes before/after', async () => {
    const page = await context.newPage();
    await page.goto(`${stack.base}#onboard`);
    await page.getByLabel(pageText('en', 'onboard.domain')).fill('mydomain.nl');
    const provider = page.getByLabel(pageText('en', 'onboard.provider'));
    await page.locator('#onboard-provider option[value="coachview"]').waitFor({ state: 'attached' });
    await provider.selectOption('coachview');
    assert.equal(await page.getByLabel(pageText('en', 'onboard.mechanism')).isVisible(), false, 'no mechanism box with a provider');
    await page.getByRole('button', { name: pageText('en', 'onboard.submit') }).click();
    const record = page.locator('#onboard-record-out');
    await record.waitFor();
    assert.equal(await record.textContent(), CANDIDATE);
    const cells = await page.locator('.compare tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent)));
    assert.deepEqual(cells, [
      ['1', '2'],
      [String('v=spf1 mx ~all'.length), String(CANDIDATE.length)],
    ]);
    assert.equal(await page.locator('.plan .ok').textContent(), pageText('en', 'onboard.verified'));
    await page.getByRole('button', { name: pageText('en', 'onboard.copy') }).click();
    await page.locator('.plan .status', { hasText: pageText('en', 'onboard.copied') }).waitFor();
    assert.equal(await clipboard(page), CANDIDATE);
    await screenshot(page, 'desktop-onboard');
    const notes = await page.locator('.plan details.notes li').allTextContents();
    assert.ok(notes.some((n) => n.includes('is kept: it is your policy for everybody not listed')), `the server's words, not codes: ${notes.join(' | ')}`);

    // A typed mechanism, and the copy fallback where the Clipboard API is missing.
    const bare = await context.newPage();
    // A string, not a function: tsx would wrap a function's inner arrows in its `__name` helper.
    await bare.addInitScript({ content: "Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });" });
    await bare.goto(`${stack.base}#onboard`);
    assert.equal(await inPage(bare, 'typeof navigator.clipboard'), 'undefined');
    await bare.getByLabel(pageText('en', 'onboard.domain')).fill('klant.nl');
    await bare.locator('#onboard-provider option[value="coachview"]').waitFor({ state: 'attached' });
    await bare.getByLabel(pageText('en', 'onboard.mechanism')).fill('a:smtp1.blueinkt.com');
    await bare.getByRole('button', { name: pageText('en', 'onboard.submit') }).click();
    await bare.locator('#onboard-record-out').waitFor();
    assert.equal(await bare.locator('#onboard-record-out').textContent(), 'v=spf1 a:smtp1.blueinkt.com ~all');
    assert.equal(await bare.locator('.compare tbody tr').first().locator('td').first().textContent(), pageText('en', 'onboard.noRecord'));
    await bare.getByRole('button', { name: pageText('en', 'onboard.copy') }).click();
    await bare.locator('.plan .status', { hasText: pageText('en', 'onboard.copied') }).waitFor();
    assert.equal(await clipboard(page), 'v=spf1 a:smtp1.blueinkt.com ~all');

    // A broken starting record blocks the plan; a broken mechanism is refused with the server's words.
    await bare.getByLabel(pageText('en', 'onboard.record')).fill('v=spf1 mx ~al');
    await bare.getByRole('button', { name: pageText('en', 'onboard.submit') }).click();
    const blocked = bare.locator('.plan.blocked[role="alert"]');
    await blocked.waitFor();
    assert.match((await blocked.textContent()) ?? '', /syntax error.*v=spf1 mx ~al/);
    await bare.getByLabel(pageText('en', 'onboard.record')).fill('');
    await bare.getByLabel(pageText('en', 'onboard.mechanism')).fill('-all');
    await bare.getByRole('button', { name: pageText('en', 'onboard.submit') }).click();
    const refused = bare.locator('.out .error[role="alert"]');
    await refused.waitFor();
    // In the page's words: the mechanism field is marked and named by its label.
    const refusal = (await refused.textContent()) ?? '';
    assert.ok(refusal.startsWith(`${pageText('en', 'error.input')}${pageText('en', 'onboard.mechanism')}: `), refusal);
    assert.equal(await bare.locator('#onboard-mechanism').getAttribute('aria-invalid'), 'true');
    assert.notEqual(await bare.locator('#onboard-mechanism + .field-error').textContent(), '');
    await bare.close();
    await page.close();
  });

  it('Onboard tab: when the plan adds ~all, "verified" says what changes for other servers (neutral → softfail), outside the notes', async () => {
    const page = await context.newPage();
    await page.goto(`${stack.base}#onboard`);
    // byteklant.nl publishes `v=spf1 include:spf.byte.nl` (no all): unlisted servers are neutral today.
    await page.getByLabel(pageText('en', 'onboard.domain')).fill('byteklant.nl');
    await page.locator('#onboard-provider option[value="coachview"]').waitFor({ state: 'attached' });
    await page.getByLabel(pageText('en', 'onboard.provider')).selectOption('coachview');
    await page.getByRole('button', { name: pageText('en', 'onboard.submit') }).click();
    await page.locator('#onboard-record-out').waitFor();
    assert.equal(await page.locator('#onboard-record-out').textContent(), 'v=spf1 include:spf.byte.nl include:spf.coachview.net ~all');
    assert.equal(await page.locator('.plan .ok').textContent(), pageText('en', 'onboard.verified.sender'));
    assert.notEqual(await page.locator('.plan .ok').textContent(), pageText('en', 'onboard.verified'));
    const change = page.locator('.plan .others-change li');
    assert.equal(await change.count(), 1);
    assert.equal(await change.textContent(), pageText('en', 'onboard.othersChange', { before: 'neutral', after: 'softfail', ips: '192.0.2.1, 2001:db8::1' }));
    // Shown, not folded away in the notes.
    assert.equal(await change.isVisible(), true);
    assert.equal(await page.locator('details .others-change').count(), 0);
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.locator('.plan .others-change li', { hasText: 'neutral → softfail voor servers die niet in het record staan' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.close();
  });

  it('Onboard tab in Dutch: a broken starting record is shown with the parser\'s problems in Dutch (issue 9.2)', async () => {
    const own = await openContext(browser, stack);
    otherWatches.push(own.watch);
    const page = await own.context.newPage();
    await page.goto(`${stack.base}#onboard`);
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByLabel(pageText('nl', 'onboard.domain')).fill('klant.nl');
    await page.locator('#onboard-provider option[value="coachview"]').waitFor({ state: 'attached' });
    await page.getByLabel(pageText('nl', 'onboard.mechanism')).fill('a:smtp1.blueinkt.com');
    await page.getByLabel(pageText('nl', 'onboard.record')).fill('v=spf1 mx ~al');
    await page.getByRole('button', { name: pageText('nl', 'onboard.submit') }).click();
    const blocked = page.locator('.plan.blocked[role="alert"]');
    await blocked.waitFor();
    const text = (await blocked.textContent()) ?? '';
    assert.ok(text.includes(pageText('nl', 'onboard.issue.syntax')), text);
    const problem = shown(`${t('nl', 'spf.issue.unknown-mechanism', { token: '~al' })}; ${t('nl', 'spf.did-you-mean', { term: '~all' })}`);
    assert.ok(text.includes(problem), `${problem} in ${text}`);
    assert.doesNotMatch(text, /is not a mechanism|was meant/);
    await page.close();
  });

  it('keyboard only: labelled controls, focus reaches the form in order, Enter tests, the result is announced', async () => {
    const page = await context.newPage();
    await page.goto(stack.base);
    const unlabelled = await inPage(page, `[...document.querySelectorAll('input, select, textarea')].filter((el) => el.labels.length === 0).map((el) => el.id)`);
    assert.deepEqual(unlabelled, []);
    const order: string[] = [];
    for (let i = 0; i < 16 && order.at(-1) !== 'test-ip'; i++) {
      await page.keyboard.press('Tab');
      order.push(await inPage<string>(page, `document.activeElement?.id || document.activeElement?.textContent || ''`));
    }
    // Skip link, the language switch, the six tabs, then the form.
    assert.deepEqual(order, [pageText('en', 'app.skip'), 'English', 'Nederlands', 'tab-test', 'tab-why', 'tab-audit', 'tab-onboard', 'tab-verdict', 'tab-customers', 'test-ip']);
    await page.keyboard.type(COACHVIEW_IP);
    await page.keyboard.press('Tab');
    assert.equal(await inPage(page, 'document.activeElement?.id'), 'test-sender');
    await page.keyboard.type(SENDER);
    await page.keyboard.press('Enter');
    assert.equal(await resultOf(page), 'softfail');
    assert.equal(await page.locator('#panel-test .out').getAttribute('aria-live'), 'polite');
    // Tabs are links, actions are buttons.
    assert.equal(await page.locator('nav a').count(), 6);
    assert.equal(await page.locator('[onclick], div[tabindex="0"], span[tabindex="0"]').count(), 0);
    await page.close();
  });

  it('375 px phone: no horizontal scroll on any tab', async () => {
    const phone = await openContext(browser, stack, { viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    otherWatches.push(phone.watch);
    const page = await phone.context.newPage();
    const wide = async (name: string): Promise<void> => {
      const { scrollWidth, clientWidth } = await horizontalOverflow(page);
      assert.equal(clientWidth, 375, name);
      assert.ok(scrollWidth <= clientWidth, `${name}: ${scrollWidth} px wide in a 375 px screen`);
      await screenshot(page, `phone-${name}`);
    };
    await page.goto(stack.base);
    await wide('test-empty');
    await page.getByLabel(pageText('en', 'test.ip')).fill(COACHVIEW_IP);
    await page.getByLabel(pageText('en', 'test.sender')).fill(SENDER);
    await page.getByLabel(pageText('en', 'test.policy.candidate')).check();
    await page.waitForFunction(`document.getElementById('test-candidate')?.value === 'v=spf1 mx ~all'`);
    await page.getByLabel(pageText('en', 'test.candidate')).fill(CANDIDATE);
    await page.getByRole('button', { name: pageText('en', 'test.submit'), exact: true }).click();
    await page.locator('.out .check[data-result="pass"]').waitFor();
    await wide('test-candidate-pass');
    await page.goto(`${stack.base}#why?scope=mfrom&identity=info@example.com&ip=5.255.64.53`);
    await page.locator('.out .check[data-result="fail"]').waitFor();
    await wide('why-fail');
    await page.goto(`${stack.base}#audit?domain=byteklant.nl`);
    await page.locator('.out .audit').waitFor();
    await wide('audit');
    await page.goto(`${stack.base}#onboard`);
    await page.getByLabel(pageText('en', 'onboard.domain')).fill('prezentklant.nl');
    await page.locator('#onboard-provider option[value="coachview"]').waitFor({ state: 'attached' });
    await page.getByLabel(pageText('en', 'onboard.provider')).selectOption('coachview');
    await page.getByRole('button', { name: pageText('en', 'onboard.submit') }).click();
    await page.locator('#onboard-record-out').waitFor();
    await wide('onboard');
    await phone.context.close();
  });

  it('made no request outside 127.0.0.1 and raised no script error', () => {
    const all = [watch, ...otherWatches];
    const requests = all.flatMap((w) => w.requests);
    assert.ok(requests.length > 20, `saw ${requests.length} requests`);
    const outside = requests.filter((url) => !url.startsWith(`${stack.origin}/`) && url !== 'about:blank' && !url.startsWith('data:'));
    assert.deepEqual(outside, []);
    // Chromium logs every HTTP error; the two 400s are the refused `-all` of the Onboard test
    // and the refused address of the Dutch test.
    const refused = 'console: Failed to load resource: the server responded with a status of 400 (Bad Request)';
    const errors = all.flatMap((w) => w.errors);
    assert.deepEqual(errors, [refused, refused]);
  });
});
