import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { zoneFromObject, zoneResolver } from '../dns/zone.ts';
import { findProvider, parseProviderCatalogue } from './providers.ts';
import { customerSituation } from './situation.ts';

/** Seed 004: TeleManager mails from smtp1.blueinkt.com for its customers' addresses. */
const resolver = zoneResolver(
  zoneFromObject({
    'smtp1.blueinkt.com': [{ A: '5.255.64.53' }],
    'spf.protection.outlook.com': [{ TXT: 'v=spf1 ip4:40.92.0.0/15 ip4:40.107.0.0/16 -all' }],
    'klant.nl': [{ MX: [10, 'mx.klant.nl'] }],
    'example.com': [{ TXT: 'v=spf1 include:spf.protection.outlook.com -all' }],
    'eneco.com': [{ TXT: 'v=spf1 include:spf.protection.outlook.com a:smtp1.blueinkt.com -all' }],
    'broken.nl': [{ TXT: 'v=spf1 include:nowhere.example -all' }],
    'slow.nl': ['TIMEOUT'],
    'twice.nl': [{ TXT: 'v=spf1 -all' }, { TXT: 'v=spf1 mx -all' }],
  }),
);

const catalogue = parseProviderCatalogue(JSON.parse(readFileSync(new URL('../../data/providers.json', import.meta.url), 'utf8')));
assert.ok(catalogue.ok);
const blueinkt = findProvider(catalogue.catalogue, 'blueinkt');
assert.ok(blueinkt);

describe('customerSituation: the three situations of seed 004, plus broken', () => {
  it('1. no SPF record: delivered on other grounds; the record to create is the Why? page’s advice', async () => {
    const s = await customerSituation({ sender: 'info@klant.nl', provider: blueinkt }, { resolver });
    assert.equal(s.situation, 'none');
    if (s.situation !== 'none') return;
    assert.deepEqual({ ...s, plan: undefined }, { situation: 'none', domain: 'klant.nl', dns: 'nodata', results: [], plan: undefined });
    assert.equal(s.plan?.status, 'created');
    if (s.plan?.status !== 'created') return;
    assert.equal(s.plan.after.record, 'v=spf1 a:smtp1.blueinkt.com ~all');
    assert.equal(s.plan.verification.ok, true);
  });

  it('2. a record without the service: rejected, and the record to publish', async () => {
    const s = await customerSituation({ sender: 'info@example.com', provider: blueinkt }, { resolver });
    assert.equal(s.situation, 'not-authorised');
    if (s.situation !== 'not-authorised') return;
    assert.deepEqual(s.results, [{ ip: '5.255.64.53', result: 'fail', cause: 'matched', decidedBy: '-all' }]);
    assert.equal(s.plan.status, 'added');
    if (s.plan.status !== 'added') return;
    assert.equal(s.plan.after.record, 'v=spf1 include:spf.protection.outlook.com a:smtp1.blueinkt.com -all');
    assert.ok(s.plan.verification.ok);
  });

  it('3. a record with the service: accepted, and by which term', async () => {
    const s = await customerSituation({ sender: 'fm_eib_verkoop_midden@eneco.com', mechanism: 'a:smtp1.blueinkt.com', testIps: ['5.255.64.53'] }, { resolver });
    assert.equal(s.situation, 'authorised');
    if (s.situation === 'authorised') assert.equal(s.by, 'a:smtp1.blueinkt.com');
  });

  it('broken: permerror or temperror, with the cause', async () => {
    const cases: Array<[string, string, string]> = [
      ['broken.nl', 'permerror', 'include-none'],
      ['twice.nl', 'permerror', 'multiple-records'],
      ['slow.nl', 'temperror', 'dns-error'],
    ];
    for (const [domain, result, cause] of cases) {
      const s = await customerSituation({ domain, provider: blueinkt }, { resolver });
      assert.equal(s.situation, 'broken', domain);
      if (s.situation === 'broken') assert.deepEqual([s.result, s.cause.code], [result, cause], domain);
    }
  });

  it('derives test addresses from the mechanism when none are known', async () => {
    const s = await customerSituation({ domain: 'eneco.com', mechanism: 'a:smtp1.blueinkt.com' }, { resolver });
    assert.equal(s.situation, 'authorised');
    if (s.situation === 'authorised') assert.deepEqual(s.results.map((r) => r.ip), ['5.255.64.53']);
  });

  it('says what is missing instead of guessing', async () => {
    const s = await customerSituation({ sender: 'info@', mechanism: 'include:' }, { resolver });
    assert.equal(s.situation, 'invalid');
    if (s.situation === 'invalid') assert.deepEqual(s.issues.map((i) => i.code), ['missing-domain', 'mechanism-syntax']);
  });
});
