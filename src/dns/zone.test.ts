import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { load, loadAll } from 'js-yaml';
import fc from 'fast-check';
import {
  ZoneFormatError,
  lookupZone,
  normalizeZone,
  zoneFromConformance,
  zoneFromObject,
  zoneFromText,
  zoneResolver,
  zoneToText,
} from './zone.ts';
import type { Zone, ZoneItem, ZoneRecord } from './zone.ts';
import type { RrType } from './resolver.ts';

/** A conformance scenario's zonedata, written as in rfc7208-tests.yml. */
function conformance(yaml: string): Zone {
  return zoneFromConformance(load(yaml));
}

describe('zoneFromConformance (FORMAT.md §4)', () => {
  // The "Record lookup" scenario of rfc7208-tests.yml, verbatim.
  const recordLookup = conformance(`
  both.example.net:
    - TXT:  v=spf1 -all
    - SPF:  v=spf1 -all
  txtonly.example.net:
    - TXT:  v=spf1 -all
  spfonly.example.net:
    - SPF:  v=spf1 -all
    - TXT:  NONE
  spftimeout.example.net:
    - TXT:  v=spf1 -all
    - TIMEOUT
  txttimeout.example.net:
    - SPF:  v=spf1 -all
    - TXT:  NONE
    - TIMEOUT
  nospftxttimeout.example.net:
    - SPF:  "v=spf3 !a:yahoo.com -all"
    - TXT:  NONE
    - TIMEOUT
  alltimeout.example.net:
    - TIMEOUT
`);
  const resolver = zoneResolver(recordLookup);

  it('serves SPF items as TXT only when the owner has no TXT item (rule 1)', async () => {
    assert.deepEqual(await resolver.query('both.example.net', 'TXT'), { kind: 'answer', records: [['v=spf1 -all']] });
    const synthesized = conformance('e1.example.com: [{SPF: "v=spf1 a"}, {SPF: "v=spf1 mx"}, {A: 1.2.3.4}]');
    assert.deepEqual(synthesized.get('e1.example.com'), [
      { type: 'A', value: '1.2.3.4' },
      { type: 'TXT', value: ['v=spf1 a'] },
      { type: 'TXT', value: ['v=spf1 mx'] },
    ]);
  });

  it('reads TXT: NONE as "no TXT here", switching synthesis off (rule 2, spfonly → none)', async () => {
    assert.deepEqual(recordLookup.get('spfonly.example.net'), []);
    assert.deepEqual(await resolver.query('spfonly.example.net', 'TXT'), { kind: 'nodata' });
  });

  it('returns TXT listed before TIMEOUT (spftimeout → fail) and times out otherwise (rule 4)', async () => {
    assert.deepEqual(await resolver.query('spftimeout.example.net', 'TXT'), { kind: 'answer', records: [['v=spf1 -all']] });
    assert.equal((await resolver.query('spftimeout.example.net', 'A')).kind, 'timeout');
    assert.equal((await resolver.query('txttimeout.example.net', 'TXT')).kind, 'timeout');
    assert.equal((await resolver.query('nospftxttimeout.example.net', 'TXT')).kind, 'timeout');
    assert.equal((await resolver.query('alltimeout.example.net', 'TXT')).kind, 'timeout');
  });

  it('does not count synthesized TXT as listed before TIMEOUT', async () => {
    const zone = conformance('x.example.net: [{SPF: v=spf1 -all}, TIMEOUT]');
    assert.equal((await zoneResolver(zone).query('x.example.net', 'TXT')).kind, 'timeout');
  });

  it('reads a list as one RR of several strings, and [] as an RR with none (rule 3, null.example.com)', async () => {
    const zone = conformance(`
  null.example.com:
    - SPF: [ "v=spf1 ip4:", "192.0.2.5 -all" ]
    - SPF: []
`);
    assert.deepEqual(await zoneResolver(zone).query('null.example.com', 'TXT'), {
      kind: 'answer',
      records: [['v=spf1 ip4:', '192.0.2.5 -all'], []],
    });
  });

  it('reads MX as [preference, exchange], including "" and odd exchanges (rule 7)', () => {
    const zone = conformance('e.example.com: [{MX: [10, smtp.example.org.]}, {MX: [0, ""]}, {MX: [5, "foo:bar/baz.example.com"]}]');
    assert.deepEqual(zone.get('e.example.com'), [
      { type: 'MX', value: { preference: 10, exchange: 'smtp.example.org' } },
      { type: 'MX', value: { preference: 0, exchange: '' } },
      { type: 'MX', value: { preference: 5, exchange: 'foo:bar/baz.example.com' } },
    ]);
  });

  it('compares owners case-insensitively and strips trailing dots of targets (ptr-cname-loop)', async () => {
    const zone = conformance(`
  1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.E.B.A.B.E.F.A.C.ip6.arpa:
    - PTR: mail.Example.com.
  cname.example.com:
    - CNAME: "CNAME.example.com."
`);
    const r = zoneResolver(zone);
    const ptr = await r.query('1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.e.b.a.b.e.f.a.c.ip6.arpa', 'PTR');
    assert.deepEqual(ptr, { kind: 'answer', records: ['mail.Example.com'] });
    assert.equal((await r.query('cname.example.com', 'A')).kind, 'servfail');
  });

  it('keeps \\xNN escapes as the code points U+00NN', async () => {
    const zone = conformance(`
  hosed.example.com:
    - SPF: "v=spf1 a:\\xEF\\xBB\\xBFgarbage.example.net -all"
  e3.example.com:
    - SPF: "v=spf1 a:foo.example.com\\0"
`);
    const r = zoneResolver(zone);
    assert.deepEqual(await r.query('hosed.example.com', 'TXT'), { kind: 'answer', records: [['v=spf1 a:\u00ef\u00bb\u00bfgarbage.example.net -all']] });
    assert.deepEqual(await r.query('e3.example.com', 'TXT'), { kind: 'answer', records: [['v=spf1 a:foo.example.com\u0000']] });
  });

  it('accepts the TIMEOUT: true / SERVFAIL: true items of other suites', async () => {
    const r = zoneResolver(conformance('a.example.com: [{TIMEOUT: true}]\nb.example.com: [{SERVFAIL: true}]'));
    assert.equal((await r.query('a.example.com', 'TXT')).kind, 'timeout');
    assert.equal((await r.query('b.example.com', 'TXT')).kind, 'servfail');
  });

  it('reaches the same TXT through two aliases (cname-aliasing)', async () => {
    const r = zoneResolver(conformance('a.example.org: [{SPF: v=spf1 -all}]\nb.example.org: [{CNAME: a.example.org}]\nc.example.org: [{CNAME: b.example.org}]'));
    assert.deepEqual(await r.query('c.example.org', 'TXT'), { kind: 'answer', records: [['v=spf1 -all']] });
  });

  const suite = ['test/conformance/rfc7208-tests.yml', '../shared/conformance/rfc7208-tests.yml'].find((p) => existsSync(p));
  it('loads every scenario of rfc7208-tests.yml', { skip: suite === undefined && 'rfc7208-tests.yml not found next to the checkout' }, () => {
    const docs = loadAll(readFileSync(suite ?? '', 'utf8')).filter((d): d is { zonedata: unknown } => d !== null && typeof d === 'object');
    const zones = docs.map((d) => zoneFromConformance(d.zonedata));
    assert.equal(zones.length, 16);
    assert.equal(zones.reduce((n, z) => n + z.size, 0), 256);
    for (const zone of zones) assert.deepEqual(zoneFromText(zoneToText(zone)), zone);
  });
});

describe('zoneFromText', () => {
  it('reads YAML with a zone: key, ttl and every item shape', () => {
    const zone = zoneFromText(`
zone:
  Example.COM.:
    - TXT: v=spf1 -all
      ttl: 300
    - {TXT: ["a", "b"]}
    - A: 192.0.2.1
    - AAAA: 2001:DB8::1
    - MX: [10, mx.example.com.]
    - TIMEOUT
  4.3.2.1.in-addr.arpa: [{PTR: host.example.com}]
  www.example.com: [{CNAME: example.com}, SERVFAIL, {TIMEOUT: TXT}]
  empty.example.com: []
`);
    assert.deepEqual(
      [...zone],
      [
        [
          'example.com',
          [
            { type: 'TXT', value: ['v=spf1 -all'], ttl: 300 },
            { type: 'TXT', value: ['a', 'b'] },
            { type: 'A', value: '192.0.2.1' },
            { type: 'AAAA', value: '2001:db8::1' },
            { type: 'MX', value: { preference: 10, exchange: 'mx.example.com' } },
            { type: 'TIMEOUT' },
          ],
        ],
        ['4.3.2.1.in-addr.arpa', [{ type: 'PTR', value: 'host.example.com' }]],
        ['www.example.com', [{ type: 'CNAME', value: 'example.com' }, { type: 'SERVFAIL' }, { type: 'TIMEOUT', rrType: 'TXT' }]],
        ['empty.example.com', []],
      ],
    );
  });

  it('reads JSON and the bare owner map', () => {
    const fromJson = zoneFromText('{"zone": {"example.com": [{"TXT": "v=spf1 -all", "ttl": 60}]}}');
    const bare = zoneFromText('example.com: [{TXT: v=spf1 -all, ttl: 60}]');
    assert.deepEqual(fromJson, bare);
    assert.deepEqual(bare.get('example.com'), [{ type: 'TXT', value: ['v=spf1 -all'], ttl: 60 }]);
  });

  it('keeps TXT "NONE" as a record (no conformance sentinel here)', () => {
    assert.deepEqual(zoneFromText('a.example: [{TXT: NONE}]').get('a.example'), [{ type: 'TXT', value: ['NONE'] }]);
  });

  const errors: Array<[string, string, RegExp]> = [
    ['not YAML', 'zone: [unclosed', /^not valid YAML\/JSON: /],
    ['not a map', '- a\n- b', /^zone: expected a map of owner name → list of items, got a list/],
    ['items not a list', 'a.example: {TXT: x}', /^zone\["a\.example"\]: expected a list of items/],
    ['unknown type', 'a.example: [{NS: ns.example}]', /^zone\["a\.example"\]\[0\]: unknown key "NS"/],
    ['two type keys', 'a.example: [{A: 192.0.2.1, TXT: x}]', /^zone\["a\.example"\]\[0\]: an item has exactly one type key, got A, TXT/],
    ['bare string', 'a.example: [{A: 192.0.2.1}, NXDOMAIN]', /^zone\["a\.example"\]\[1\]: expected TIMEOUT, SERVFAIL or a map/],
    ['SPF type', 'a.example: [{SPF: v=spf1 -all}]', /^zone\["a\.example"\]\[0\]: SPF \(type 99\) records are not served/],
    ['bad IPv4', 'a.example: [{A: 192.0.2.300}]', /^zone\["a\.example"\]\[0\]\.A: expected an IPv4 address/],
    ['bad IPv6', 'a.example: [{AAAA: 192.0.2.1}]', /^zone\["a\.example"\]\[0\]\.AAAA: expected an IPv6 address/],
    ['MX shape', 'a.example: [{MX: mx.example}]', /^zone\["a\.example"\]\[0\]\.MX: expected \[preference, exchange\]/],
    ['MX preference', 'a.example: [{MX: [70000, mx.example]}]', /^zone\["a\.example"\]\[0\]\.MX\[0\]: the preference must be an integer 0–65535/],
    ['TXT number', 'a.example: [{TXT: 123}]', /^zone\["a\.example"\]\[0\]\.TXT: expected a string or a list of strings, got 123/],
    ['TXT list item', 'a.example: [{TXT: [a, 1]}]', /^zone\["a\.example"\]\[0\]\.TXT\[1\]: expected a string, got 1/],
    ['TXT too long', `a.example: [{TXT: ${'x'.repeat(256)}}]`, /TXT\[0\]: the string is 256 characters long; a character-string holds at most 255/],
    ['TXT above U+00FF', 'a.example: [{TXT: "caf\\u00e9 \\u263a"}]', /TXT\[0\]: the string has the character U\+263A at offset 5/],
    ['ttl', 'a.example: [{A: 192.0.2.1, ttl: -1}]', /^zone\["a\.example"\]\[0\]\.ttl: ttl must be an integer/],
    ['ttl on marker', 'a.example: [{TIMEOUT: true, ttl: 5}]', /^zone\["a\.example"\]\[0\]\.ttl: a TIMEOUT marker has no ttl/],
    ['marker value', 'a.example: [{TIMEOUT: SPF}]', /^zone\["a\.example"\]\[0\]\.TIMEOUT: expected true or a record type/],
    ['duplicate owner', 'a.example: []\nA.example.: []', /^zone\["A\.example\."\]: the owner "a\.example" appears twice/],
    ['long label', `${'x'.repeat(64)}.example: []`, /is 64 characters long, more than 63/],
    ['empty label', 'a..example: []', /has an empty label/],
    ['CNAME to root', 'a.example: [{CNAME: .}]', /\.CNAME: the root name is not allowed here/],
    ['extra top-level key', 'zone: {}\nzones: {}', /^unexpected top-level key "zones"/],
  ];
  for (const [what, text, message] of errors) {
    it(`rejects ${what} with a precise message`, () => {
      assert.throws(() => zoneFromText(text), (error: unknown) => {
        assert.ok(error instanceof ZoneFormatError);
        assert.match(error.message, message);
        return true;
      });
    });
  }
});

describe('zoneToText', () => {
  it('writes a readable file', () => {
    const zone: Zone = new Map<string, ZoneItem[]>([
      ['example.com', [{ type: 'TXT', value: ['v=spf1 -all'], ttl: 300 }, { type: 'MX', value: { preference: 10, exchange: 'mx.example.com' } }, { type: 'TIMEOUT', rrType: 'A' }]],
      ['odd.example.com', [{ type: 'TXT', value: ['a\0b\x80', 'c'] }, { type: 'SERVFAIL' }]],
    ]);
    assert.equal(
      zoneToText(zone),
      [
        '# spfkit zone file (docs/zone-format.md)',
        'zone:',
        '  example.com:',
        '    - TXT: v=spf1 -all',
        '      ttl: 300',
        '    - MX: [10, mx.example.com]',
        '    - TIMEOUT: A',
        '  odd.example.com:',
        '    - TXT: ["a\\0b\\x80", c]',
        '    - SERVFAIL',
        '',
      ].join('\n'),
    );
  });

  const latin1 = fc.string({ unit: fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 40 });
  const label = fc.stringMatching(/^[a-z0-9_-]{1,12}$/);
  const ttl = fc.option(fc.integer({ min: 0, max: 0x7fffffff }), { nil: undefined });
  const withTtl = (record: ZoneRecord, t: number | undefined): ZoneRecord => (t === undefined ? record : { ...record, ttl: t });
  const rrType = fc.constantFrom<RrType>('TXT', 'A', 'AAAA', 'MX', 'PTR', 'CNAME');
  const item: fc.Arbitrary<ZoneItem> = fc.oneof(
    fc.tuple(fc.array(latin1, { maxLength: 3 }), ttl).map(([value, t]) => withTtl({ type: 'TXT', value }, t)),
    fc.tuple(fc.ipV4(), ttl).map(([value, t]) => withTtl({ type: 'A', value }, t)),
    fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 0xffff })).map(([labels, preference]) => ({
      type: 'MX' as const,
      value: { preference, exchange: labels.join('.') },
    })),
    fc.array(label, { minLength: 1, maxLength: 3 }).map((labels): ZoneItem => ({ type: 'PTR', value: labels.join('.') })),
    fc.constantFrom<ZoneItem>({ type: 'TIMEOUT' }, { type: 'SERVFAIL' }),
    rrType.map((t): ZoneItem => ({ type: 'TIMEOUT', rrType: t })),
  );

  it('round-trips any zone: zoneFromText(zoneToText(z)) = z', () => {
    fc.assert(
      fc.property(fc.dictionary(label.map((l) => `${l}.example`), fc.array(item, { maxLength: 4 }), { maxKeys: 5 }), (owners) => {
        const zone: Zone = new Map(Object.entries(owners));
        assert.deepEqual(zoneFromText(zoneToText(zone)), zone);
      }),
      { numRuns: 300 },
    );
  });
});

describe('zoneResolver', () => {
  const zone = zoneFromObject({ 'example.com': [{ TXT: 'v=spf1 -all' }], 'www.example.com': [{ CNAME: 'example.com' }] });

  it('logs every query with the name as asked, and reset() empties the log', async () => {
    const r = zoneResolver(zone);
    await r.query('Example.com', 'TXT');
    await r.query('www.example.com', 'TXT');
    await r.query('nope.example.com', 'A');
    await r.query('example.com', 'MX');
    assert.deepEqual(r.queries, [
      { name: 'Example.com', type: 'TXT', answer: 'answer' },
      { name: 'www.example.com', type: 'TXT', answer: 'answer' },
      { name: 'nope.example.com', type: 'A', answer: 'nxdomain' },
      { name: 'example.com', type: 'MX', answer: 'nodata' },
    ]);
    const log = r.queries;
    r.reset();
    assert.equal(r.queries.length, 0);
    assert.equal(log, r.queries);
  });

  it('keeps no log with { log: false }', async () => {
    const r = zoneResolver(zone, { log: false });
    await r.query('example.com', 'TXT');
    assert.deepEqual(r.queries, []);
  });

  it('answers from precomputed, frozen answers', async () => {
    const r = zoneResolver(zone, { log: false });
    const first = r.query('example.com', 'TXT');
    assert.equal(r.query('example.com', 'TXT'), first);
    const answer = await first;
    assert.ok(Object.isFrozen(answer));
    assert.ok(answer.kind === 'answer' && Object.isFrozen(answer.records) && Object.isFrozen(answer.records[0]));
  });

  it('is not changed by later edits of the zone it was built from', async () => {
    const mutable = zoneFromObject({ 'example.com': [{ TXT: 'v=spf1 -all' }] });
    const r = zoneResolver(mutable);
    mutable.set('new.example.com', []);
    (mutable.get('example.com')?.[0] as { value: string[] }).value[0] = 'changed';
    assert.deepEqual(await r.query('example.com', 'TXT'), { kind: 'answer', records: [['v=spf1 -all']] });
    assert.equal((await r.query('new.example.com', 'TXT')).kind, 'nxdomain');
  });

  it('normalises a hand-built zone (owner case, trailing dots, AAAA form, duplicates merged)', async () => {
    const r = zoneResolver(
      new Map<string, ZoneItem[]>([
        ['Host.Example.', [{ type: 'AAAA', value: '2001:DB8:0::1' }]],
        ['host.example', [{ type: 'CNAME', value: 'other.example.' }]],
      ]),
    );
    assert.deepEqual(await r.query('host.example', 'AAAA'), { kind: 'answer', records: ['2001:db8::1'] });
    assert.deepEqual(await r.query('host.example', 'CNAME'), { kind: 'answer', records: ['other.example'] });
  });

  it('rejects an unknown type as a programmer error', async () => {
    const r = zoneResolver(zone);
    await assert.rejects(r.query('example.com', 'SOA' as RrType), TypeError);
  });
});

describe('lookupZone', () => {
  it('reports the CNAME chain with targets as written, for the DNS server', () => {
    const zone = normalizeZone(zoneFromObject({ 'a.example': [{ CNAME: 'B.example', ttl: 5 }], 'b.example': [{ A: '192.0.2.1' }] }));
    const found = lookupZone(zone, 'A.EXAMPLE', 'A');
    assert.equal(found.outcome, 'answer');
    assert.deepEqual(found.chain, [{ owner: 'a.example', target: 'B.example', ttl: 5 }]);
    assert.deepEqual(found.records, [{ type: 'A', value: '192.0.2.1' }]);
  });

  it('treats a type the zone never holds as nodata / nxdomain', () => {
    const zone = normalizeZone(zoneFromObject({ 'a.example': [{ A: '192.0.2.1' }] }));
    assert.equal(lookupZone(zone, 'a.example', 'SOA').outcome, 'nodata');
    assert.equal(lookupZone(zone, 'b.example', 'SOA').outcome, 'nxdomain');
  });
});
