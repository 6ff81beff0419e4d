import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { zoneFromText, zoneResolver } from '../dns/zone.ts';
import { SpfInputError, evaluateSpf, validateCheckInput } from './evaluate.ts';
import { evaluationTree, branchLookups } from './tree.ts';
import type { SpfCheck } from './types.ts';

function zone(map: Record<string, unknown[]>) {
  return zoneResolver(zoneFromText(JSON.stringify({ zone: map })));
}

const seeds = {
  'spf.coachview.net': [{ TXT: 'v=spf1 ip4:212.83.209.0/24 -all' }],
  'mydomain.nl': [{ TXT: 'v=spf1 mx ~all' }, { MX: [10, 'mail.mydomain.nl'] }],
  'mail.mydomain.nl': [{ A: '192.0.2.25' }, { AAAA: '2001:db8::25' }],
  'smtp1.blueinkt.com': [{ A: '5.255.64.53' }],
  'example.com': [{ TXT: 'v=spf1 include:spf.protection.outlook.com -all exp=why.example.com' }],
  'why.example.com': [{ TXT: '%{d} does not send mail through %{i}' }],
  'spf.protection.outlook.com': [{ TXT: 'v=spf1 ip4:40.92.0.0/15 -all' }],
  'eneco.com': [{ TXT: 'v=spf1 include:spf.protection.outlook.com a:smtp1.blueinkt.com -all' }],
  'klant.nl': [{ A: '192.0.2.10' }],
  'v6only.example.net': [{ AAAA: '2001:db8::1' }],
};

async function check(ip: string, sender: string, extra: Partial<Parameters<typeof evaluateSpf>[1]> = {}, helo = 'mail.example.org'): Promise<SpfCheck> {
  return evaluateSpf({ ip, sender, helo }, { resolver: zone(seeds), ...extra });
}

describe('evaluateSpf: the seed situations', () => {
  it('no SPF record → none (seed 004, situation 1)', async () => {
    const c = await check('5.255.64.53', 'info@klant.nl');
    assert.equal(c.result, 'none');
    assert.deepEqual(c.cause, { code: 'no-record', domain: 'klant.nl', dns: 'nodata' });
  });
  it('record without the provider → fail with exp explanation (seed 004, situation 2)', async () => {
    const c = await check('5.255.64.53', 'info@example.com');
    assert.equal(c.result, 'fail');
    assert.equal(c.explanation, 'example.com does not send mail through 5.255.64.53');
    assert.equal(c.matched?.text, '-all');
    assert.equal(c.matched?.depth, 0);
  });
  it('record with a:smtp1.blueinkt.com → pass (seed 004, situation 3)', async () => {
    const c = await check('5.255.64.53', 'fm_eib_verkoop_midden@eneco.com');
    assert.equal(c.result, 'pass');
    assert.deepEqual(c.matched && { text: c.matched.text, domain: c.matched.domain, kind: c.matched.kind }, {
      text: 'a:smtp1.blueinkt.com',
      domain: 'eneco.com',
      kind: 'a',
    });
    assert.equal(c.explanation, undefined);
    assert.deepEqual(c.lookups, { terms: 2, void: 0, mx: 0, ptr: 0 });
  });
});

describe('evaluateSpf: trace', () => {
  it('records every query, record and term in order, with nesting depth', async () => {
    const c = await check('212.83.209.204', 'me@mydomain.nl', { overrides: { 'mydomain.nl': 'v=spf1 mx include:spf.coachview.net ~all' } });
    assert.equal(c.result, 'pass');
    assert.deepEqual(c.overridesUsed, ['mydomain.nl']);
    const steps = c.trace.map((s) => {
      switch (s.type) {
        case 'check':
          return `check ${s.depth} ${s.domain} ${s.via}`;
        case 'record':
          return `record ${s.depth} ${s.source} ${s.record}`;
        case 'query':
          return `query ${s.depth} ${s.name} ${s.rrtype} ${s.answer} ${(s.records ?? []).join(',')}`;
        case 'term':
          return `term ${s.depth} ${s.text} ${s.outcome}${s.counted ? ' counted' : ''}`;
        case 'result':
          return `result ${s.depth} ${s.domain} ${s.result}`;
        case 'explanation':
          return `exp ${s.target}`;
      }
    });
    assert.deepEqual(steps, [
      'check 0 mydomain.nl root',
      'record 0 override v=spf1 mx include:spf.coachview.net ~all',
      'term 0 mx no-match counted',
      'query 0 mydomain.nl MX answer 10 mail.mydomain.nl',
      'query 0 mail.mydomain.nl A answer 192.0.2.25',
      'term 0 include:spf.coachview.net match counted',
      'check 1 spf.coachview.net include',
      'query 1 spf.coachview.net TXT answer v=spf1 ip4:212.83.209.0/24 -all',
      'record 1 dns v=spf1 ip4:212.83.209.0/24 -all',
      'term 1 ip4:212.83.209.0/24 match',
      'result 1 spf.coachview.net pass',
      'result 0 mydomain.nl pass',
    ]);
    const tree = evaluationTree(c.trace);
    assert.equal(tree?.domain, 'mydomain.nl');
    assert.equal(tree?.terms[1]?.child?.domain, 'spf.coachview.net');
    assert.equal(tree?.terms[1]?.child?.result, 'pass');
    assert.equal(tree && branchLookups(tree), 2);
  });

  it('an override of "" means "no record" at that domain', async () => {
    const c = await check('5.255.64.53', 'info@example.com', { overrides: { 'EXAMPLE.com.': '' } });
    assert.equal(c.result, 'none');
    assert.deepEqual(c.overridesUsed, ['example.com']);
  });

  it('overrides apply at any depth (a provider include)', async () => {
    const c = await check('5.255.64.53', 'info@example.com', { overrides: { 'spf.protection.outlook.com': 'v=spf1 ip4:5.255.64.0/24 -all' } });
    assert.equal(c.result, 'pass');
    assert.equal(c.matched?.text, 'include:spf.protection.outlook.com');
  });
});

describe('evaluateSpf: limits are options', () => {
  const chain: Record<string, unknown[]> = {};
  for (let i = 0; i < 12; i++) chain[`l${i}.example.net`] = [{ TXT: `v=spf1 include:l${i + 1}.example.net` }];
  chain['l12.example.net'] = [{ TXT: 'v=spf1 +all' }];

  it('the 11th DNS-querying term is a permerror (RFC 7208 §4.6.4)', async () => {
    const c = await evaluateSpf({ ip: '192.0.2.1', sender: 'a@l0.example.net' }, { resolver: zone(chain) });
    assert.equal(c.result, 'permerror');
    assert.deepEqual(c.cause, { code: 'lookup-limit', domain: 'l10.example.net', limit: 10 });
    assert.equal(c.lookups.terms, 11);
  });
  it('a receiver that allows 20 lookups passes the same chain', async () => {
    const c = await evaluateSpf({ ip: '192.0.2.1', sender: 'a@l0.example.net' }, { resolver: zone(chain), limits: { dnsTerms: 20 } });
    assert.equal(c.result, 'pass');
    assert.equal(c.lookups.terms, 12);
  });

  const voids = {
    'v.example.net': [{ TXT: 'v=spf1 a:n1.example.net a:n2.example.net a:n3.example.net -all' }],
  };
  it('a third void lookup is a permerror; the limit is configurable', async () => {
    const strict = await evaluateSpf({ ip: '192.0.2.1', sender: 'a@v.example.net' }, { resolver: zone(voids) });
    assert.equal(strict.result, 'permerror');
    assert.deepEqual(strict.cause, { code: 'void-limit', domain: 'v.example.net', limit: 2 });
    const lax = await evaluateSpf({ ip: '192.0.2.1', sender: 'a@v.example.net' }, { resolver: zone(voids), limits: { voidLookups: 3 } });
    assert.equal(lax.result, 'fail');
    assert.equal(lax.lookups.void, 3);
  });

  const family = {
    'f.example.net': [{ TXT: 'v=spf1 a:v6only.example.net a:v6only.example.net a:v6only.example.net -all' }],
    'v6only.example.net': [{ AAAA: '2001:db8::1' }],
  };
  it('a host with only addresses of the other family counts as void by default', async () => {
    const c = await evaluateSpf({ ip: '192.0.2.1', sender: 'a@f.example.net' }, { resolver: zone(family) });
    assert.equal(c.result, 'permerror');
    assert.equal(c.cause.code, 'void-limit');
  });
  it('…and not with voidOtherFamily: false', async () => {
    const c = await evaluateSpf({ ip: '192.0.2.1', sender: 'a@f.example.net' }, { resolver: zone(family), limits: { voidOtherFamily: false } });
    assert.equal(c.result, 'fail');
    assert.equal(c.lookups.void, 0);
  });

  it('more MX names than mxNames is a permerror', async () => {
    const items: unknown[] = [{ TXT: 'v=spf1 mx -all' }];
    for (let i = 0; i < 11; i++) items.push({ MX: [i, `mx${i}.example.net`] });
    const mx = { 'm.example.net': items };
    const c = await evaluateSpf({ ip: '192.0.2.1', sender: 'a@m.example.net' }, { resolver: zone(mx) });
    assert.equal(c.result, 'permerror');
    assert.deepEqual(c.cause, { code: 'mx-limit', domain: 'm.example.net', limit: 10, count: 11 });
    const more = await evaluateSpf({ ip: '192.0.2.1', sender: 'a@m.example.net' }, { resolver: zone(mx), limits: { mxNames: 11, voidLookups: 20 } });
    assert.equal(more.result, 'fail');
  });
});

describe('evaluateSpf: hostile input stays bounded', () => {
  it('a 10 000-character macro record is a permerror, not a hang', async () => {
    const long = 'v=spf1 exists:' + '%{l}'.repeat(2500) + '.example.com -all';
    const c = await evaluateSpf({ ip: '192.0.2.1', sender: 'x'.repeat(60) + '@h.example.net' }, {
      resolver: zone({ 'h.example.net': [{ TXT: long.match(/.{1,255}/g) }] }),
    });
    assert.ok(long.length > 10000);
    assert.equal(c.result, 'permerror');
    assert.equal(c.cause.code, 'macro-too-long');
  });
  it('a syntax error anywhere is a permerror with the issue and its span', async () => {
    const c = await evaluateSpf({ ip: '192.0.2.1', sender: 'a@s.example.net' }, { resolver: zone({ 's.example.net': [{ TXT: 'v=spf1 -all ip4:1.2.3.4/33' }] }) });
    assert.equal(c.result, 'permerror');
    assert.equal(c.cause.code, 'syntax');
    if (c.cause.code === 'syntax') {
      assert.equal(c.cause.issues[0]?.code, 'bad-cidr');
      assert.deepEqual(c.cause.issues[0]?.span, { start: 23, end: 26 });
    }
  });
});

describe('input validation', () => {
  const cases: Array<[string, string, string, string | undefined]> = [
    ['1.2.3', 'a@b.nl', '', 'bad-ip'],
    ['1.2.3.4', 'info@', '', 'sender-without-domain'],
    ['1.2.3.4', 'info', '', 'sender-without-domain'],
    ['1.2.3.4', '', '', 'missing-helo'],
    ['::ffff:1.2.3.4', 'a@b.nl', '', undefined],
    ['1.2.3.4', 'example.com', '', undefined],
  ];
  for (const [ip, sender, helo, code] of cases) {
    it(`${ip} ${JSON.stringify(sender)} → ${code ?? 'ok'}`, () => {
      const v = validateCheckInput({ ip, sender, helo });
      if (code === undefined) assert.ok(v.ok);
      else assert.equal(v.ok ? undefined : v.issues[0]?.code, code);
    });
  }
  it('evaluateSpf rejects an unusable IP with SpfInputError', async () => {
    await assert.rejects(check('not-an-ip', 'a@b.nl'), SpfInputError);
  });
  it('SpfInputError says it in the English catalogue\'s words; the issues are data (issue 9.2)', async () => {
    await assert.rejects(check('not-an-ip', 'info@'), (error: unknown) => {
      assert.ok(error instanceof SpfInputError);
      assert.deepEqual(error.issues, [
        { field: 'ip', code: 'bad-ip', value: 'not-an-ip' },
        { field: 'sender', code: 'sender-without-domain', value: 'info@' },
      ]);
      assert.equal(error.message, '"not-an-ip" is not an IPv4 or IPv6 address; sender "info@" has no domain; use an address like info@example.com');
      // The CLI's last resort (src/cli/run.ts) words it in the language asked for.
      assert.match(error.words('nl'), /^"not-an-ip" is geen IPv4- of IPv6-adres; afzender "info@" heeft geen domein/);
      return true;
    });
  });
  it('an IPv4-mapped IPv6 client is checked as IPv4', async () => {
    const c = await check('::ffff:5.255.64.53', 'x@eneco.com');
    assert.equal(c.ip, '5.255.64.53');
    assert.equal(c.result, 'pass');
  });
  it('the null sender checks the HELO identity with postmaster', async () => {
    const c = await evaluateSpf({ ip: '5.255.64.53', sender: '', helo: 'eneco.com' }, { resolver: zone(seeds) });
    assert.equal(c.identity, 'helo');
    assert.equal(c.sender, 'postmaster@eneco.com');
    assert.equal(c.result, 'pass');
  });
});
