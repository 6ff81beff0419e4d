import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { zoneFromObject, zoneResolver } from '../dns/zone.ts';
import type { Resolver } from '../dns/resolver.ts';
import { parseRecord } from '../spf/parse.ts';
import { type AddPlan, type AddPlanReady, addSender } from './add.ts';
import { countLookups } from './lookups.ts';
import { MAX_RECORD_BYTES, MAX_STRING_BYTES } from './split.ts';
import { byteLength } from './terms.ts';

/** The providers of the seeds, as their records look in these fixtures. */
const PROVIDERS = {
  'spf.protection.outlook.com': [{ TXT: 'v=spf1 ip4:40.92.0.0/15 ip4:40.107.0.0/16 ip6:2a01:111:f400::/48 include:spfd.protection.outlook.com -all' }],
  'spfd.protection.outlook.com': [{ TXT: 'v=spf1 ip4:51.4.72.0/24 -all' }],
  'smtp1.blueinkt.com': [{ A: '5.255.64.53' }],
  'spf.byte.nl': [{ TXT: 'v=spf1 ip4:82.94.214.0/24 ip4:46.21.235.240/28 ~all' }],
  'spf.coachview.net': [{ TXT: 'v=spf1 ip4:212.83.209.192/27 -all' }],
  'spf.dmrmail.nl': [{ TXT: 'v=spf1 ip4:185.3.48.0/24 -all' }],
  'provider.example': [{ TXT: 'v=spf1 ip4:203.0.113.0/24 ip6:2001:db8:feed::/48 -all' }],
  'mail.klant.nl': [{ A: '198.51.100.25' }],
};

function resolverWith(extra: Record<string, unknown[]> = {}): Resolver {
  return zoneResolver(zoneFromObject({ ...PROVIDERS, ...extra }));
}

function ready(plan: AddPlan): AddPlanReady {
  assert.notEqual(plan.status, 'blocked', `blocked: ${plan.status === 'blocked' ? JSON.stringify(plan.issues) : ''}`);
  return plan as AddPlanReady;
}

/** What every produced record must satisfy. */
async function assertPublishable(plan: AddPlanReady, resolver: Resolver): Promise<void> {
  const parsed = parseRecord(plan.after.record);
  assert.ok(parsed.ok, `does not parse: ${plan.after.record}`);
  const overrides = new Map(plan.subRecords.map((s) => [s.name, s.record]));
  for (const sub of plan.subRecords) assert.ok(parseRecord(sub.record).ok, `sub-record does not parse: ${sub.record}`);
  const tree = await countLookups(plan.after.record, resolver, { domain: plan.domain, overrides });
  assert.ok(tree.total <= 10, `${tree.total} lookups: ${plan.after.record}`);
  assert.equal(plan.after.lookups, tree.total);
  for (const s of [...plan.after.strings, ...plan.subRecords.flatMap((r) => r.strings)]) assert.ok(byteLength(s) <= MAX_STRING_BYTES);
  assert.equal(plan.after.strings.join(''), plan.after.record);
  assert.ok(plan.verification.ok, `verification failed: ${JSON.stringify(plan.verification.issues)}`);
  for (const check of plan.verification.testIps) assert.equal(check.after, 'pass', check.ip);
}

function codes(list: ReadonlyArray<{ code: string }>): string[] {
  return list.map((r) => r.code);
}

describe('addSender: the seed examples', () => {
  it('seed 004: Blue Inkt added to a record without all → ~all appended, with the reason as data', async () => {
    const resolver = resolverWith();
    const plan = ready(await addSender({ domain: 'klant.nl', record: 'v=spf1 include:spf.protection.outlook.com', mechanism: 'a:smtp1.blueinkt.com', testIps: ['5.255.64.53'] }, { resolver }));
    assert.equal(plan.status, 'added');
    assert.equal(plan.after.record, 'v=spf1 include:spf.protection.outlook.com a:smtp1.blueinkt.com ~all');
    assert.equal(plan.added, 'a:smtp1.blueinkt.com');
    assert.deepEqual(codes(plan.reasons), ['test-ips-given', 'softfail-all-added', 'inserted']);
    assert.deepEqual(plan.verification.testIps.map((c) => [c.ip, c.before, c.after, c.decidedBy]), [['5.255.64.53', 'neutral', 'pass', 'a:smtp1.blueinkt.com']]);
    // The only change for strangers is the declared one: neutral (no all) → softfail (~all).
    assert.deepEqual(plan.verification.outside.map((c) => [c.ip, c.before, c.expected, c.after]), [
      ['192.0.2.1', 'neutral', 'softfail', 'softfail'],
      ['2001:db8::1', 'neutral', 'softfail', 'softfail'],
    ]);
    assert.deepEqual(plan.diff.map((d) => `${d.op} ${d.term}`), ['unchanged include:spf.protection.outlook.com', 'added a:smtp1.blueinkt.com', 'added ~all']);
    assert.deepEqual([plan.before?.lookups, plan.after.lookups], [2, 3]);
    assert.deepEqual([plan.before?.bytes, plan.after.bytes], [41, 67]);
    await assertPublishable(plan, resolver);
  });

  it('seed 004 situation 2: the published -all is kept and the sender goes before it', async () => {
    const resolver = resolverWith({ 'example.com': [{ TXT: 'v=spf1 include:spf.protection.outlook.com -all' }] });
    const plan = ready(await addSender({ domain: 'example.com', mechanism: 'a:smtp1.blueinkt.com', testIps: ['5.255.64.53'] }, { resolver }));
    assert.equal(plan.source, 'dns');
    assert.equal(plan.after.record, 'v=spf1 include:spf.protection.outlook.com a:smtp1.blueinkt.com -all');
    assert.deepEqual(plan.reasons.slice(1), [{ code: 'all-kept', qualifier: '-' }, { code: 'inserted', before: 'all', position: 1 }]);
    assert.equal(plan.verification.testIps[0]?.before, 'fail');
    await assertPublishable(plan, resolver);
  });

  it('seed 002: own server 82.94.214.5 is already inside spf.byte.nl → nothing to add, and says which term', async () => {
    const resolver = resolverWith();
    const plan = ready(await addSender({ domain: 'klant.nl', record: 'v=spf1 include:spf.byte.nl', mechanism: 'ip4:82.94.214.5' }, { resolver }));
    assert.equal(plan.status, 'already-authorised');
    assert.equal(plan.coveredBy, 'include:spf.byte.nl');
    assert.equal(plan.added, undefined);
    assert.equal(plan.after.record, 'v=spf1 include:spf.byte.nl');
    assert.deepEqual(plan.reasons, [
      { code: 'test-ips-derived', from: 'ip4', ips: ['82.94.214.5'] },
      { code: 'covered', term: 'include:spf.byte.nl', ips: ['82.94.214.5'] },
    ]);
    assert.deepEqual(codes(plan.warnings), ['no-all']);
    assert.ok(plan.diff.every((d) => d.op === 'unchanged'));
    await assertPublishable(plan, resolver);
  });

  it('seed 000: Coachview added to "v=spf1 mx ip4:… ~all"', async () => {
    const resolver = resolverWith({ 'klant.nl': [{ MX: [10, 'mail.klant.nl'] }] });
    const plan = ready(await addSender({ domain: 'klant.nl', record: 'v=spf1 mx ip4:198.51.100.7 ~all', mechanism: 'include:spf.coachview.net', testIps: ['212.83.209.204'] }, { resolver }));
    assert.equal(plan.after.record, 'v=spf1 mx ip4:198.51.100.7 include:spf.coachview.net ~all');
    assert.deepEqual(plan.verification.testIps.map((c) => [c.before, c.after]), [['softfail', 'pass']]);
    // The customer's own servers still pass.
    assert.equal(plan.verification.outside.every((c) => c.after === 'softfail'), true);
    await assertPublishable(plan, resolver);
  });

  it('seed 001: dmrmail with website forms, one mechanism at a time', async () => {
    const resolver = resolverWith({ 'awsspf.prezent.nl': [{ TXT: 'v=spf1 ip4:52.58.0.0/16 -all' }] });
    const first = ready(await addSender({ domain: 'klant.nl', record: 'v=spf1 +mx +a -all', mechanism: 'include:spf.dmrmail.nl' }, { resolver }));
    const second = ready(await addSender({ domain: 'klant.nl', record: first.after.record, mechanism: 'include:awsspf.prezent.nl' }, { resolver }));
    // The customer's spelling stays: +mx +a, not mx a (README: keeps every term).
    assert.equal(second.after.record, 'v=spf1 +mx +a include:spf.dmrmail.nl include:awsspf.prezent.nl -all');
    await assertPublishable(second, resolver);
  });
});

describe('addSender: where the mechanism goes and what happens to all', () => {
  it('creates v=spf1 <mechanism> ~all when there is no record, and says why', async () => {
    const resolver = resolverWith();
    const plan = ready(await addSender({ domain: 'nieuw.nl', mechanism: 'include:spf.coachview.net', testIps: ['212.83.209.204'] }, { resolver }));
    assert.equal(plan.status, 'created');
    assert.equal(plan.source, 'none');
    assert.equal(plan.before, undefined);
    assert.equal(plan.after.record, 'v=spf1 include:spf.coachview.net ~all');
    assert.ok(plan.reasons.some((r) => r.code === 'created-softfail'));
    assert.ok(plan.warnings.some((w) => w.code === 'other-senders-unlisted'));
    assert.deepEqual(plan.verification.outside.map((c) => [c.before, c.after]), [['none', 'softfail'], ['none', 'softfail']]);
    await assertPublishable(plan, resolver);
  });

  it('an empty given record means "no record"', async () => {
    const plan = ready(await addSender({ domain: 'klant.nl', record: '', mechanism: 'mx' }, { resolver: resolverWith({ 'klant.nl': [{ MX: [10, 'mail.klant.nl'] }] }) }));
    assert.equal(plan.status, 'created');
    assert.equal(plan.after.record, 'v=spf1 mx ~all');
    assert.deepEqual(plan.testIps, ['198.51.100.25']);
  });

  it('allPolicy "keep" leaves a record without all as it was', async () => {
    const resolver = resolverWith();
    const plan = ready(await addSender({ domain: 'klant.nl', record: 'v=spf1 include:spf.byte.nl', mechanism: 'include:spf.coachview.net', testIps: ['212.83.209.204'] }, { resolver, allPolicy: 'keep' }));
    assert.equal(plan.after.record, 'v=spf1 include:spf.byte.nl include:spf.coachview.net');
    assert.ok(plan.reasons.some((r) => r.code === 'no-all-kept'));
    assert.deepEqual(plan.verification.outside.map((c) => [c.before, c.after]), [['neutral', 'neutral'], ['neutral', 'neutral']]);
    await assertPublishable(plan, resolver);
  });

  it('inserts before redirect=, adds no all, and the redirect still decides for strangers', async () => {
    const resolver = resolverWith({ '_spf.hoster.nl': [{ TXT: 'v=spf1 ip4:192.0.2.128/25 -all' }] });
    const plan = ready(await addSender({ domain: 'klant.nl', record: 'v=spf1 mx redirect=_spf.hoster.nl', mechanism: 'include:spf.coachview.net', testIps: ['212.83.209.204'] }, { resolver }));
    assert.equal(plan.after.record, 'v=spf1 mx include:spf.coachview.net redirect=_spf.hoster.nl');
    assert.deepEqual(plan.reasons.slice(1), [{ code: 'redirect-kept', target: '_spf.hoster.nl' }, { code: 'inserted', before: 'redirect', position: 1 }]);
    assert.deepEqual(plan.verification.outside.map((c) => [c.before, c.after, c.decidedBy]), [
      ['fail', 'fail', 'redirect=_spf.hoster.nl'],
      ['fail', 'fail', 'redirect=_spf.hoster.nl'],
    ]);
    // mx + include + redirect: the redirect counts as a lookup (§4.6.4).
    assert.equal(plan.after.lookups, 3);
    await assertPublishable(plan, resolver);
  });

  it('a sender the redirect target already authorises is covered by the redirect', async () => {
    const resolver = resolverWith({ '_spf.hoster.nl': [{ TXT: 'v=spf1 include:spf.coachview.net -all' }] });
    const plan = ready(await addSender({ domain: 'klant.nl', record: 'v=spf1 mx redirect=_spf.hoster.nl', mechanism: 'include:spf.coachview.net', testIps: ['212.83.209.204'] }, { resolver }));
    assert.equal(plan.status, 'already-authorised');
    assert.equal(plan.coveredBy, 'redirect=_spf.hoster.nl');
  });

  it('keeps every term, modifiers included, and warns about terms after all and an ignored redirect', async () => {
    const resolver = resolverWith({ 'explain.klant.nl': [{ TXT: 'not allowed' }] });
    const record = 'v=spf1 ?mx -ip4:192.0.2.99 exp=explain.klant.nl -all a:dead.klant.nl redirect=spf.byte.nl';
    const plan = ready(await addSender({ domain: 'klant.nl', record, mechanism: 'include:spf.coachview.net', testIps: ['212.83.209.204'] }, { resolver }));
    assert.equal(plan.after.record, 'v=spf1 ?mx -ip4:192.0.2.99 exp=explain.klant.nl include:spf.coachview.net -all a:dead.klant.nl redirect=spf.byte.nl');
    assert.deepEqual(codes(plan.warnings), ['terms-after-all', 'redirect-ignored']);
    assert.deepEqual(plan.diff.filter((d) => d.op !== 'unchanged'), [{ op: 'added', term: 'include:spf.coachview.net' }]);
    await assertPublishable(plan, resolver);
  });
});

describe('addSender: already authorised', () => {
  it('an exact duplicate (case and "+" aside) is not added again', async () => {
    const plan = ready(await addSender({ domain: 'klant.nl', record: 'v=spf1 +include:SPF.Coachview.net ~all', mechanism: 'include:spf.coachview.net' }, { resolver: resolverWith() }));
    assert.equal(plan.status, 'already-authorised');
    assert.deepEqual(plan.reasons.at(-1), { code: 'duplicate', term: '+include:SPF.Coachview.net' });
  });

  it('an ip range inside an ip range of the record is not added', async () => {
    const plan = ready(await addSender({ domain: 'klant.nl', record: 'v=spf1 ip4:82.94.0.0/16 ip6:2001:db8::/32 -all', mechanism: 'ip6:2001:db8:1::/48' }, { resolver: resolverWith() }));
    assert.equal(plan.status, 'already-authorised');
    assert.deepEqual(plan.reasons.at(-1), { code: 'inside-range', term: 'ip6:2001:db8::/32', range: 'ip6:2001:db8:1::/48' });
  });

  it('an include whose test IPs already pass through another include is covered, and says which', async () => {
    const resolver = resolverWith({ 'spf.hoster.nl': [{ TXT: 'v=spf1 include:spf.coachview.net ip4:192.0.2.200 -all' }] });
    const plan = ready(await addSender({ domain: 'klant.nl', record: 'v=spf1 include:spf.hoster.nl ~all', mechanism: 'include:spf.coachview.net', testIps: ['212.83.209.204'] }, { resolver }));
    assert.equal(plan.status, 'already-authorised');
    assert.equal(plan.coveredBy, 'include:spf.hoster.nl');
    assert.deepEqual(plan.warnings, []);
  });

  it('an include covered only by a fixed ip range is "already authorised" with a warning', async () => {
    const plan = ready(await addSender({ domain: 'klant.nl', record: 'v=spf1 ip4:212.83.209.204 ~all', mechanism: 'include:spf.coachview.net', testIps: ['212.83.209.204'] }, { resolver: resolverWith() }));
    assert.equal(plan.status, 'already-authorised');
    assert.deepEqual(plan.warnings, [{ code: 'covered-by-static-range', term: 'ip4:212.83.209.204' }]);
  });

  it('a duplicate after all does not count (it is never evaluated)', async () => {
    const plan = ready(await addSender({ domain: 'klant.nl', record: 'v=spf1 -all include:spf.coachview.net', mechanism: 'include:spf.coachview.net', testIps: ['212.83.209.204'] }, { resolver: resolverWith() }));
    assert.equal(plan.status, 'added');
    assert.equal(plan.after.record, 'v=spf1 include:spf.coachview.net -all include:spf.coachview.net');
  });
});

describe('addSender: verification catches what a plain insert cannot fix', () => {
  it('a non-pass term for the same host earlier in the record makes the test IP fail, and the plan says so', async () => {
    const plan = ready(await addSender({ domain: 'klant.nl', record: 'v=spf1 -a:smtp1.blueinkt.com ~all', mechanism: 'a:smtp1.blueinkt.com', testIps: ['5.255.64.53'] }, { resolver: resolverWith() }));
    assert.equal(plan.verification.ok, false);
    assert.deepEqual(plan.verification.issues, [{ code: 'test-ip-not-pass', ip: '5.255.64.53', result: 'fail', decidedBy: '-a:smtp1.blueinkt.com' }]);
  });

  it('a mechanism that authorises strangers changes the outside result and fails verification', async () => {
    const plan = ready(await addSender({ domain: 'klant.nl', record: 'v=spf1 mx -all', mechanism: 'ip4:0.0.0.0/0', testIps: ['5.255.64.53'] }, { resolver: resolverWith() }));
    assert.equal(plan.verification.ok, false);
    assert.deepEqual(plan.verification.issues[0], { code: 'outside-ip-changed', ip: '192.0.2.1', expected: 'fail', result: 'pass', decidedBy: 'ip4:0.0.0.0/0' });
  });
});

describe('addSender: blocked plans', () => {
  it('rejects input as data: bad mechanism, non-pass qualifier, all, bad IP, bad domain', async () => {
    const resolver = resolverWith();
    const cases: Array<[Parameters<typeof addSender>[0], string[]]> = [
      [{ domain: 'klant.nl', mechanism: 'include:' }, ['mechanism-syntax']],
      [{ domain: 'klant.nl', mechanism: '-include:spf.coachview.net' }, ['mechanism-not-pass']],
      [{ domain: 'klant.nl', mechanism: '~all' }, ['mechanism-is-all']],
      [{ domain: 'klant.nl', mechanism: 'redirect=spf.byte.nl' }, ['mechanism-is-modifier']],
      [{ domain: 'klant.nl', mechanism: 'mx a' }, ['mechanism-not-one-term']],
      [{ domain: 'klant.nl', mechanism: 'mx', testIps: ['999.1.1.1'] }, ['bad-test-ip']],
      [{ domain: 'localhost', mechanism: 'mx' }, ['bad-domain']],
    ];
    for (const [input, expected] of cases) {
      const plan = await addSender(input, { resolver });
      assert.equal(plan.status, 'blocked', JSON.stringify(input));
      if (plan.status === 'blocked') assert.deepEqual(codes(plan.issues), expected, JSON.stringify(input));
    }
  });

  it('will not edit a record that does not parse, several SPF records, or one it cannot fetch', async () => {
    const resolver = resolverWith({
      'syntax.nl': [{ TXT: 'v=spf1 include: -all' }],
      'twice.nl': [{ TXT: 'v=spf1 mx -all' }, { TXT: 'v=spf1 a -all' }],
      'slow.nl': ['TIMEOUT'],
    });
    const codesOf = async (domain: string) => {
      const plan = await addSender({ domain, mechanism: 'mx' }, { resolver });
      return plan.status === 'blocked' ? codes(plan.issues) : [];
    };
    assert.deepEqual(await codesOf('syntax.nl'), ['record-syntax']);
    assert.deepEqual(await codesOf('twice.nl'), ['multiple-records']);
    assert.deepEqual(await codesOf('slow.nl'), ['dns-error']);
  });
});

/** `n` include targets, each costing one lookup. */
function includes(n: number, prefix = 'inc'): Record<string, unknown[]> {
  const zone: Record<string, unknown[]> = {};
  for (let i = 1; i <= n; i++) zone[`${prefix}${i}.example`] = [{ TXT: `v=spf1 ip4:198.51.100.${i} -all` }];
  return zone;
}

function recordWith(n: number, tail = '-all'): string {
  return `v=spf1 ${Array.from({ length: n }, (_, i) => `include:inc${i + 1}.example`).join(' ')} ${tail}`;
}

describe('addSender: the lookup limit (RFC 7208 §4.6.4)', () => {
  it('9 → 10 lookups: no flattening', async () => {
    const resolver = resolverWith(includes(12));
    const plan = ready(await addSender({ domain: 'klant.nl', record: recordWith(9), mechanism: 'include:provider.example', testIps: ['203.0.113.9'] }, { resolver }));
    assert.deepEqual([plan.before?.lookups, plan.after.lookups], [9, 10]);
    assert.equal(plan.flattening, undefined);
    assert.equal(plan.unflattened, undefined);
    await assertPublishable(plan, resolver);
  });

  it('10 → 11 lookups: one include is flattened, the new sender stays an include, result 10', async () => {
    const resolver = resolverWith(includes(12));
    const plan = ready(await addSender({ domain: 'klant.nl', record: recordWith(10), mechanism: 'include:provider.example', testIps: ['203.0.113.9'] }, { resolver }));
    assert.equal(plan.after.lookups, 10);
    assert.equal(plan.unflattened, `${recordWith(10, 'include:provider.example -all')}`);
    assert.deepEqual(plan.flattening?.flattened.map((f) => [f.term, f.cost, f.ranges]), [['include:inc1.example', 1, ['198.51.100.1']]]);
    assert.ok(plan.after.record.startsWith('v=spf1 ip4:198.51.100.1 include:inc2.example'));
    assert.ok(plan.after.record.includes('include:provider.example'));
    assert.deepEqual(plan.reasons.find((r) => r.code === 'flattened'), { code: 'flattened', includes: ['include:inc1.example'], lookups: { before: 11, after: 10 } });
    assert.deepEqual(plan.warnings.find((w) => w.code === 'flattened-ranges-go-stale'), { code: 'flattened-ranges-go-stale', includes: ['inc1.example'] });
    assert.deepEqual(plan.verification.samples.map((s) => [s.ip, s.expected, s.after]), [['198.51.100.1', 'pass', 'pass']]);
    await assertPublishable(plan, resolver);
  });

  it('12 lookups: the single costliest include goes (fewest flattened), macro includes stay', async () => {
    const resolver = resolverWith({
      ...includes(12),
      'big.example': [{ TXT: 'v=spf1 include:inc11.example include:inc12.example ip4:192.0.2.64/26 -all' }],
      // %{d} expands to the checked domain, so this zone can answer the macro include.
      'klant.nl.macro.example': [{ TXT: 'v=spf1 ip4:192.0.2.250 -all' }],
    });
    const record = 'v=spf1 include:%{d}.macro.example ' + recordWith(7, 'include:big.example -all').slice('v=spf1 '.length);
    const plan = ready(await addSender({ domain: 'klant.nl', record, mechanism: 'include:provider.example', testIps: ['203.0.113.9'] }, { resolver }));
    // 1 (macro) + 7 + 3 (big + 2 nested) + 1 (new) = 12 → flatten big.example only.
    assert.equal(plan.flattening?.lookups.before, 12);
    assert.deepEqual(plan.flattening?.flattened.map((f) => [f.term, f.cost]), [['include:big.example', 3]]);
    assert.deepEqual(plan.flattening?.flattened[0]?.ranges, ['192.0.2.64/26', '198.51.100.11', '198.51.100.12']);
    const macro = plan.flattening?.kept.find((k) => k.term.startsWith('include:%'));
    assert.deepEqual(macro?.reason, { code: 'not-static', problem: { code: 'macro', domain: 'klant.nl', term: 'include:%{d}.macro.example' } });
    assert.equal(plan.after.lookups, 9);
    assert.ok(plan.warnings.some((w) => w.code === 'lookups-uncertain'));
    await assertPublishable(plan, resolver);
  });

  it('an include with exists: or ptr inside is never flattened', async () => {
    const resolver = resolverWith({
      ...includes(12),
      'dyn.example': [{ TXT: 'v=spf1 exists:%{i}.dyn.example ptr:dyn.example -all' }],
    });
    const record = 'v=spf1 include:dyn.example ' + recordWith(9).slice('v=spf1 '.length);
    const plan = ready(await addSender({ domain: 'klant.nl', record, mechanism: 'include:provider.example', testIps: ['203.0.113.9'] }, { resolver }));
    const kept = plan.flattening?.kept.find((k) => k.term === 'include:dyn.example');
    assert.equal(kept?.reason.code, 'not-static');
    assert.ok(!plan.flattening?.flattened.some((f) => f.term === 'include:dyn.example'));
    await assertPublishable(plan, resolver);
  });
});

describe('addSender: record size', () => {
  const ranges = (n: number, third = 100) => Array.from({ length: n }, (_, i) => `ip4:198.51.${third}.${i * 2 + 1}`).join(' ');

  it('> 255 bytes: one TXT record of several strings, split at term boundaries', async () => {
    const resolver = resolverWith();
    const record = `v=spf1 ${ranges(14)} -all`;
    const plan = ready(await addSender({ domain: 'klant.nl', record, mechanism: 'include:spf.coachview.net', testIps: ['212.83.209.204'] }, { resolver }));
    assert.ok(plan.after.bytes > 255 && plan.after.bytes <= MAX_RECORD_BYTES, String(plan.after.bytes));
    assert.equal(plan.after.strings.length, 2);
    assert.ok(plan.after.strings[0]?.endsWith(' '), 'the split falls between terms');
    assert.deepEqual(plan.reasons.at(-1), { code: 'strings-split', count: 2 });
    assert.deepEqual(plan.subRecords, []);
    await assertPublishable(plan, resolver);
  });

  it('> 450 bytes: the ip ranges move to _spf.<domain>, both records rendered and verified', async () => {
    const resolver = resolverWith();
    const record = `v=spf1 mx ${ranges(24)} -all`;
    const plan = ready(await addSender({ domain: 'klant.nl', record, mechanism: 'include:spf.coachview.net', testIps: ['212.83.209.204'] }, { resolver }));
    assert.equal(plan.after.record, 'v=spf1 mx include:_spf.klant.nl include:spf.coachview.net -all');
    assert.equal(plan.subRecords.length, 1);
    assert.equal(plan.subRecords[0]?.name, '_spf.klant.nl');
    assert.equal(plan.subRecords[0]?.record, `v=spf1 ${ranges(24)} -all`);
    assert.ok((plan.subRecords[0]?.bytes ?? 0) <= MAX_RECORD_BYTES);
    assert.deepEqual(plan.reasons.find((r) => r.code === 'sub-records'), { code: 'sub-records', names: ['_spf.klant.nl'], moved: 24 });
    assert.equal(plan.after.lookups, 3);
    // Moved ranges still pass, through the sub-record.
    assert.ok(plan.verification.samples.length > 0);
    assert.ok(plan.verification.samples.some((c) => c.ip === '198.51.100.1' && c.after === 'pass' && c.decidedBy === 'include:_spf.klant.nl'));
    await assertPublishable(plan, resolver);
  });

  it('10 lookups and > 450 bytes: the sub-record include is paid for by flattening one more include', async () => {
    const resolver = resolverWith(includes(12));
    const record = `${recordWith(10, ranges(22))} -all`;
    const plan = ready(await addSender({ domain: 'klant.nl', record, mechanism: 'include:provider.example', testIps: ['203.0.113.9'] }, { resolver }));
    assert.ok(plan.subRecords.length >= 1);
    assert.equal(plan.flattening?.flattened.length, 2);
    assert.ok(plan.after.bytes <= MAX_RECORD_BYTES);
    await assertPublishable(plan, resolver);
  });
});
