import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { zoneFromObject, zoneResolver } from '../dns/zone.ts';
import { parseRecord } from '../spf/parse.ts';
import { flattenRecord } from './flatten.ts';
import { resolvePassRanges } from './ranges.ts';
import { cidrText } from '../spf/cidr.ts';

const resolver = zoneResolver(
  zoneFromObject({
    'one.example': [{ TXT: 'v=spf1 ip4:198.51.100.1 -all' }],
    'two.example': [{ TXT: 'v=spf1 ip4:198.51.100.2 -all' }],
    'three.example': [{ TXT: 'v=spf1 ip4:198.51.100.3 -all' }],
    'four.example': [{ TXT: 'v=spf1 ip4:198.51.100.4 -all' }],
    'five.example': [{ TXT: 'v=spf1 ip4:198.51.100.5 -all' }],
    'six.example': [{ TXT: 'v=spf1 ip4:198.51.100.6 -all' }],
    'seven.example': [{ TXT: 'v=spf1 ip4:198.51.100.7 -all' }],
    'big.example': [{ TXT: 'v=spf1 include:one.example include:two.example a:host.big.example mx ip6:2001:db8:b16::/48 ~all', ttl: 300 }, { MX: [10, 'mx.big.example'] }],
    'host.big.example': [{ A: '192.0.2.10' }, { AAAA: '2001:db8:b16::10' }],
    'mx.big.example': [{ A: '192.0.2.11', ttl: 60 }],
    'redirected.example': [{ TXT: 'v=spf1 ip4:192.0.2.99 redirect=three.example' }],
    'order.example': [{ TXT: 'v=spf1 -ip4:198.51.100.1 include:one.example -all' }],
    'trailing.example': [{ TXT: 'v=spf1 ip4:192.0.2.77 -ip4:192.0.2.78 ?exists:%{i}.x.example -all' }],
    'passall.example': [{ TXT: 'v=spf1 +all' }],
  }),
);

describe('resolvePassRanges', () => {
  it('follows includes, a, mx (both families, with TTLs) and ignores non-pass all', async () => {
    const r = await resolvePassRanges('big.example', resolver);
    assert.ok(r.ok);
    // 192.0.2.10 (a) and .11 (mx) join into a /31; the AAAA lies inside the ip6 /48.
    assert.deepEqual(r.cidrs.map(cidrText), ['192.0.2.10/31', '198.51.100.1', '198.51.100.2', '2001:db8:b16::/48']);
    assert.equal(r.ttl, 60);
    assert.deepEqual(r.records, ['big.example', 'one.example', 'two.example']);
  });

  it('follows a redirect when there is no all', async () => {
    const r = await resolvePassRanges('redirected.example', resolver);
    assert.ok(r.ok);
    assert.deepEqual(r.cidrs.map(cidrText), ['192.0.2.99', '198.51.100.3']);
  });

  it('ignores trailing non-pass terms, refuses order-dependent sets, +all and missing records', async () => {
    const trailing = await resolvePassRanges('trailing.example', resolver);
    assert.ok(trailing.ok);
    assert.deepEqual(trailing.cidrs.map(cidrText), ['192.0.2.77']);
    const order = await resolvePassRanges('order.example', resolver);
    assert.deepEqual(order.ok ? undefined : order.problem, { code: 'order-dependent', domain: 'order.example', term: '-ip4:198.51.100.1' });
    const all = await resolvePassRanges('passall.example', resolver);
    assert.equal(all.ok ? undefined : all.problem.code, 'pass-all');
    const none = await resolvePassRanges('nothing.example', resolver);
    assert.equal(none.ok ? undefined : none.problem.code, 'no-record');
  });
});

describe('flattenRecord', () => {
  it('does nothing within the limit', async () => {
    const r = await flattenRecord('v=spf1 include:one.example -all', resolver, { domain: 'klant.nl' });
    assert.deepEqual(r, { status: 'not-needed', record: 'v=spf1 include:one.example -all', lookups: 1 });
  });

  it('flattens the single costliest include when that is enough, in place, and says what to watch', async () => {
    // 6 single includes + big (1 + 2 includes + a + mx = 5) = 11.
    const record = 'v=spf1 include:two.example include:three.example include:big.example include:four.example include:five.example include:six.example include:seven.example -all';
    const r = await flattenRecord(record, resolver, { domain: 'klant.nl' });
    assert.equal(r.status, 'flattened');
    if (r.status !== 'flattened') return;
    assert.deepEqual(r.lookups, { before: 11, after: 6, limit: 10 });
    assert.deepEqual(r.flattened.map((f) => [f.term, f.cost, f.ttl]), [['include:big.example', 5, 60]]);
    // 198.51.100.2 stays although include:two.example passes it too: only earlier "+" ip terms dedupe.
    assert.equal(r.record, 'v=spf1 include:two.example include:three.example ip4:192.0.2.10/31 ip4:198.51.100.1 ip4:198.51.100.2 ip6:2001:db8:b16::/48 include:four.example include:five.example include:six.example include:seven.example -all');
    assert.deepEqual(r.watch, { code: 'flattened-ranges-go-stale', includes: ['big.example'], ttl: 60 });
    assert.ok(parseRecord(r.record).ok);
  });

  it('prefers unprotected includes among equal costs, and keeps the qualifier', async () => {
    const record = 'v=spf1 ~include:one.example include:two.example include:three.example include:four.example include:five.example include:six.example include:seven.example include:big.example -all';
    // 7 + 5 = 12 → big (5) alone is enough.
    const r = await flattenRecord(record, resolver, { domain: 'klant.nl', limit: 7, protect: ['include:big.example'] });
    assert.equal(r.status, 'flattened');
    if (r.status !== 'flattened') return;
    assert.deepEqual(r.flattened.map((f) => f.term), ['include:big.example']);
    const tight = await flattenRecord(record, resolver, { domain: 'klant.nl', limit: 2, protect: ['include:two.example'] });
    assert.ok(tight.status === 'flattened');
    if (tight.status !== 'flattened') return;
    assert.ok(tight.record.startsWith('v=spf1 ~ip4:198.51.100.1 '), tight.record);
    assert.ok(tight.record.includes('include:two.example'), 'the protected include survives when others suffice');
  });

  it('drops flattened ranges an earlier "+" ip term already covers', async () => {
    const record = 'v=spf1 ip4:198.51.100.0/24 include:one.example include:two.example include:three.example include:four.example include:five.example include:six.example include:seven.example include:big.example -all';
    const r = await flattenRecord(record, resolver, { domain: 'klant.nl' });
    assert.ok(r.status === 'flattened');
    if (r.status !== 'flattened') return;
    assert.deepEqual(r.flattened[0]?.ranges, ['192.0.2.10/31', '2001:db8:b16::/48']);
  });

  it('keeps what cannot be resolved and reports insufficient when that is not enough', async () => {
    const record = 'v=spf1 include:%{d}.one.example include:order.example include:passall.example include:missing.example include:one.example include:two.example include:three.example include:four.example include:five.example include:six.example include:seven.example -all';
    const r = await flattenRecord(record, resolver, { domain: 'klant.nl', limit: 3 });
    assert.equal(r.status, 'insufficient');
    if (r.status !== 'insufficient') return;
    assert.deepEqual(r.kept.map((k) => [k.term, k.reason.code === 'not-static' ? k.reason.problem.code : k.reason.code]), [
      ['include:%{d}.one.example', 'macro'],
      ['include:order.example', 'order-dependent'],
      ['include:passall.example', 'pass-all'],
      ['include:missing.example', 'no-record'],
    ]);
    // macro 1 + order.example 2 (it includes one.example) + passall 1 + missing 1.
    assert.equal(r.lookups.after, 5);
  });
});
