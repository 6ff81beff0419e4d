/**
 * `whatIf` (issue 11.4) on real parts: a SQLite file of watched customers and a loopback DNS
 * server. The provider's candidate record is evaluated for every customer that authorises
 * it; the customers it would push over 10 lookups, into the void-lookup limit or out of
 * authorisation are listed, the others are not, and nothing is listed when the candidate is
 * what is published today. DNS that does not answer makes a customer `could-not-check`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemResolver } from '../../src/dns/system.ts';
import { zoneFromObject } from '../../src/dns/zone.ts';
import { openSqliteStore } from '../../src/monitor/sqlite-store.ts';
import type { MonitorStore } from '../../src/monitor/store.ts';
import { type WhatIfOutcome, type WhatIfReport, whatIf } from '../../src/monitor/what-if.ts';
import { type ProviderCatalogue, parseProviderCatalogue } from '../../src/record/providers.ts';
import { type DnsServer, startDnsServer } from '../support/dns-server.ts';

const PROVIDER = 'v=spf1 ip4:212.83.209.0/24 -all';
const parsed = parseProviderCatalogue({
  version: 1,
  note: 'test catalogue',
  providers: [
    { id: 'coachview', name: 'Coachview', mechanism: 'include:spf.coachview.net', testIps: ['212.83.209.204'], docs: 'https://example.test/coachview' },
    { id: 'blueinkt', name: 'Blue Inkt', mechanism: 'a:smtp1.blueinkt.com', testIps: ['5.255.64.53'], docs: 'https://example.test/blueinkt' },
  ],
});
if (!parsed.ok) throw new Error('bad test catalogue');
const catalogue: ProviderCatalogue = parsed.catalogue;

const ZONE = {
  // 1 + the provider's 0: one lookup.
  'small.nl': [{ TXT: 'v=spf1 include:spf.coachview.net -all' }],
  // a + mx + google (1 + 3) + outlook (1) + coachview (1) = 8 lookups today.
  'big.nl': [{ TXT: 'v=spf1 a mx include:_spf.google.com include:spf.protection.outlook.com include:spf.coachview.net -all' }, { A: '192.0.2.1' }, { MX: [10, 'big.nl'] }],
  // The provider typed as a mechanism, not by id: still a customer of it.
  'typed.nl': [{ TXT: 'v=spf1 include:spf.coachview.net ~all' }],
  // Does not authorise coachview: never checked.
  'other.nl': [{ TXT: 'v=spf1 include:spf.protection.outlook.com -all' }],
  // DNS does not answer for its record.
  'dead.nl': ['TIMEOUT'],
  'spf.coachview.net': [{ TXT: PROVIDER }],
  '_spf.google.com': [{ TXT: 'v=spf1 include:_netblocks.google.com include:_netblocks2.google.com include:_netblocks3.google.com ~all' }],
  '_netblocks.google.com': [{ TXT: 'v=spf1 ip4:35.190.247.0/24 ~all' }],
  '_netblocks2.google.com': [{ TXT: 'v=spf1 ip6:2001:4860:4000::/36 ~all' }],
  '_netblocks3.google.com': [{ TXT: 'v=spf1 ip4:172.217.0.0/19 ~all' }],
  'spf.protection.outlook.com': [{ TXT: 'v=spf1 ip4:40.92.0.0/15 -all' }],
  'out1.coachview.net': [{ A: '212.83.209.1' }],
  'out2.coachview.net': [{ A: '212.83.209.2' }],
  'out3.coachview.net': [{ A: '212.83.209.3' }],
};

describe('monitor what-if: a provider changes its own record (SQLite file, loopback DNS)', () => {
  let server: DnsServer;
  let dir = '';
  let store: MonitorStore;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spfkit-what-if-'));
    server = await startDnsServer(zoneFromObject(ZONE as never));
    store = await openSqliteStore({ file: join(dir, 'monitor.sqlite') });
    const at = '2026-01-01T00:00:00.000Z';
    await store.watch({ domain: 'small.nl', services: [{ provider: 'coachview' }], customerId: 'K-1' }, at);
    await store.watch({ domain: 'big.nl', services: [{ provider: 'coachview' }], customerId: 'K-2', label: 'Big BV' }, at);
    await store.watch({ domain: 'typed.nl', services: [{ mechanism: 'include:spf.coachview.net', testIps: ['212.83.209.204'] }] }, at);
    await store.watch({ domain: 'other.nl', services: [{ mechanism: 'include:spf.protection.outlook.com' }] }, at);
    await store.watch({ domain: 'dead.nl', services: [{ provider: 'coachview' }] }, at);
  });
  after(async () => {
    await store.close();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function run(policy: string, provider = 'coachview'): Promise<WhatIfOutcome> {
    const resolver = systemResolver({ servers: [server.address], timeout: 300, tries: 1 });
    return whatIf(store, provider, policy, { resolver, catalogue, now: () => new Date('2026-06-01T00:00:00Z') });
  }
  async function report(policy: string): Promise<WhatIfReport> {
    const outcome = await run(policy);
    assert.ok(outcome.ok, JSON.stringify(outcome));
    return outcome.report;
  }
  const listed = (r: WhatIfReport) => Object.fromEntries(r.affected.map((c) => [c.domain, c.reasons]));

  it('the record published today lists nobody but the customer DNS did not answer for', async () => {
    const r = await report(PROVIDER);
    assert.equal(r.checked, 4, 'small, big, typed, dead — not other.nl');
    assert.deepEqual(listed(r), { 'dead.nl': ['could-not-check'] });
    assert.deepEqual(r.candidate.current, { record: PROVIDER, lookups: 1 });
    assert.equal(r.candidate.lookups, 1);
  });

  it('three more lookups push the customer at 8 over 10, and only that one', async () => {
    const r = await report('v=spf1 ip4:212.83.209.0/24 a:out1.coachview.net a:out2.coachview.net a:out3.coachview.net -all');
    assert.equal(r.candidate.lookups, 4);
    assert.deepEqual(listed(r), { 'big.nl': ['over-lookup-limit'], 'dead.nl': ['could-not-check'] });
    const big = r.affected.find((c) => c.domain === 'big.nl');
    assert.equal(big?.before.lookups, 8);
    assert.equal(big?.after.lookups, 11);
    assert.equal(big?.customerId, 'K-2');
    assert.equal(big?.label, 'Big BV');
    assert.equal(big?.already, false);
  });

  it('dropping the range that covers the test address: every customer stops being authorised', async () => {
    const r = await report('v=spf1 ip4:198.51.100.0/24 -all');
    assert.deepEqual(listed(r), { 'big.nl': ['stops-authorising'], 'dead.nl': ['could-not-check'], 'small.nl': ['stops-authorising'], 'typed.nl': ['stops-authorising'] });
    const small = r.affected.find((c) => c.domain === 'small.nl');
    assert.deepEqual(small?.before.results.map((x) => x.result), ['pass']);
    assert.deepEqual(small?.after.results.map((x) => x.result), ['fail']);
    assert.equal(small?.after.situation, 'not-authorised');
  });

  it('three void lookups before the range: the test address ends in the void-lookup limit', async () => {
    const r = await report('v=spf1 a:void1.coachview.net a:void2.coachview.net a:void3.coachview.net ip4:212.83.209.0/24 -all');
    assert.deepEqual(listed(r).small, undefined);
    assert.deepEqual(listed(r)['small.nl'], ['void-limit', 'stops-authorising']);
    assert.equal(r.affected.find((c) => c.domain === 'small.nl')?.after.situation, 'broken');
  });

  it('a candidate over 450 octets is flagged and split into 255-octet strings', async () => {
    const ranges = Array.from({ length: 40 }, (_, i) => `ip4:10.${i}.0.0/16`).join(' ');
    const r = await report(`v=spf1 ip4:212.83.209.0/24 ${ranges} -all`);
    assert.equal(r.candidate.overRecordLimit, true);
    assert.ok(r.candidate.bytes > 450);
    assert.ok(r.candidate.strings.length >= 3);
    assert.equal(r.candidate.strings.join(''), r.candidate.record);
    assert.deepEqual(listed(r), { 'dead.nl': ['could-not-check'] }, 'the length is the provider\'s, no customer loses a pass');
  });

  it('refuses input it cannot evaluate, naming why', async () => {
    assert.deepEqual(await run(PROVIDER, 'nobody'), { ok: false, issue: { code: 'unknown-provider', provider: 'nobody' } });
    assert.deepEqual(await run(PROVIDER, 'blueinkt'), { ok: false, issue: { code: 'no-include', provider: 'blueinkt', mechanism: 'a:smtp1.blueinkt.com' } });
    assert.deepEqual(await run('ip4:1.2.3.4 -all'), { ok: false, issue: { code: 'not-spf', text: 'ip4:1.2.3.4 -all' } });
    const bad = await run('v=spf1 ip4:300.1.1.1 -all');
    assert.equal(bad.ok, false);
    assert.equal(!bad.ok && bad.issue.code, 'bad-policy');
  });
});
