/**
 * The one behaviour suite every Resolver implementation passes (STYLE.md: one interface,
 * several implementations, one shared test suite). resolver.test.ts runs it against the zone,
 * system (over the loopback test server), caching and recording resolvers.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DnsAnswer, DnsAnswerKind, Resolver } from './resolver.ts';
import { zoneFromObject } from './zone.ts';
import type { Zone } from './zone.ts';

/** What a contract run needs: a resolver serving the zone, and how to shut it down. */
export interface ContractSubject {
  resolver: Resolver;
  close(): Promise<void> | void;
  /**
   * False when the resolver follows CNAMEs itself without seeing their TTLs (the system
   * resolver against a server that answers one CNAME step: c-ares gives no CNAME TTL). Such
   * an answer must then carry no TTL at all rather than the target's, which may be longer.
   */
  cnameTtls?: false;
}

const LONG = ['a', 'b', 'c'].map((c) => c.repeat(255));

/** Names `c0.chain.example.com` … `c9`: c9 holds the TXT, each other name is a CNAME to the next. */
function chain(): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (let i = 0; i < 9; i++) out[`c${i}.chain.example.com`] = [{ CNAME: `c${i + 1}.chain.example.com` }];
  out['c9.chain.example.com'] = [{ TXT: 'end of chain' }];
  return out;
}

/** The zone the contract runs on. */
export const CONTRACT_ZONE: Zone = zoneFromObject({
  zone: {
    'example.com': [{ TXT: 'v=spf1 mx -all' }, { MX: [10, 'mx.example.com.'] }, { MX: [20, 'mx2.example.com'] }, { A: '192.0.2.10' }],
    'multi.example.com': [{ TXT: ['v=spf1 ', 'ip4:192.0.2.1 ', '-all'] }],
    'two.example.com': [{ TXT: 'v=spf1 -all' }, { TXT: 'site-verification=abc' }],
    'odd.example.com': [
      { TXT: 'v=spf1 a:\xEF\xBB\xBFgarbage.example.net -all' },
      { TXT: '\x80\x96\xE9\xFF' },
      { TXT: 'nul\0end' },
      { TXT: 'cr\r lf\n tab\t' },
    ],
    'empty-rr.example.com': [{ TXT: [] }],
    'big.example.com': [{ TXT: LONG }],
    'nodata.example.com': [{ A: '192.0.2.1' }],
    'exists.example.com': [],
    'ttl.example.com': [{ A: '192.0.2.1', ttl: 120 }, { A: '192.0.2.2', ttl: 60 }, { AAAA: '2001:db8::1', ttl: 90 }],
    'v6.example.com': [{ AAAA: '2001:DB8:0:0:0:0:0:1' }, { AAAA: '::FFFF:192.0.2.1' }],
    '1.2.0.192.in-addr.arpa': [{ PTR: 'mail.Example.com.' }],
    'null-mx.example.com': [{ MX: [0, '.'] }],
    'alias.example.com': [{ CNAME: 'Target.Example.com.' }],
    'target.example.com': [{ TXT: 'v=spf1 ip4:192.0.2.7 -all' }, { A: '192.0.2.7', ttl: 200 }],
    'alias-ttl.example.com': [{ CNAME: 'target.example.com', ttl: 50 }],
    'dangling.example.com': [{ CNAME: 'missing.example.com' }],
    'alias-nodata.example.com': [{ CNAME: 'nodata.example.com' }],
    'loop.example.com': [{ CNAME: 'LOOP.example.com.' }],
    'loop-a.example.com': [{ CNAME: 'loop-b.example.com' }],
    'loop-b.example.com': [{ CNAME: 'loop-a.example.com' }],
    ...chain(),
    'timeout.example.com': ['TIMEOUT'],
    'txt-then-timeout.example.com': [{ TXT: 'v=spf1 -all' }, 'TIMEOUT', { A: '192.0.2.99' }],
    'servfail.example.com': ['SERVFAIL'],
    'typed.example.com': [{ A: '192.0.2.9' }, { TIMEOUT: 'TXT' }, { SERVFAIL: 'MX' }],
  },
});

function expectKind(answer: DnsAnswer<unknown>, kind: DnsAnswerKind): void {
  assert.equal(answer.kind, kind, `expected ${kind}, got ${JSON.stringify(answer)}`);
}

function recordsOf<T>(answer: DnsAnswer<T>): T[] {
  assert.equal(answer.kind, 'answer', `expected an answer, got ${JSON.stringify(answer)}`);
  return answer.kind === 'answer' ? [...answer.records] : [];
}

/** `ttl` when the implementation knows it (the system resolver knows it for A and AAAA only). */
function ttlOf(answer: DnsAnswer<unknown>): number | undefined {
  return answer.kind === 'answer' ? answer.ttl : undefined;
}

/**
 * Register the shared behaviour tests for one Resolver implementation. `makeResolver` is called
 * once with `CONTRACT_ZONE`; its `close` runs after the suite.
 *
 * @example
 * resolverContract('zoneResolver', async (zone) => ({ resolver: zoneResolver(zone), close() {} }));
 */
export function resolverContract(name: string, makeResolver: (zone: Zone) => Promise<ContractSubject>): void {
  describe(`Resolver contract: ${name}`, () => {
    let subject: ContractSubject | undefined;
    const r = (): Resolver => {
      assert.ok(subject, 'resolver not started');
      return subject.resolver;
    };
    before(async () => {
      subject = await makeResolver(CONTRACT_ZONE);
    });
    after(async () => {
      await subject?.close();
    });

    it('answers TXT with each record as its list of strings', async () => {
      assert.deepEqual(recordsOf(await r().query('example.com', 'TXT')), [['v=spf1 mx -all']]);
    });

    it('keeps the character-strings of one TXT record apart (RFC 7208 §3.3 joins them later)', async () => {
      assert.deepEqual(recordsOf(await r().query('multi.example.com', 'TXT')), [['v=spf1 ', 'ip4:192.0.2.1 ', '-all']]);
    });

    it('returns every TXT record of the name, in zone order', async () => {
      assert.deepEqual(recordsOf(await r().query('two.example.com', 'TXT')), [['v=spf1 -all'], ['site-verification=abc']]);
    });

    it('returns odd bytes as the code points 0–255 (NUL, CR, LF, \\x80, a UTF-8 BOM as three characters)', async () => {
      assert.deepEqual(recordsOf(await r().query('odd.example.com', 'TXT')), [
        ['v=spf1 a:\xEF\xBB\xBFgarbage.example.net -all'],
        ['\x80\x96\xE9\xFF'],
        ['nul\0end'],
        ['cr\r lf\n tab\t'],
      ]);
    });

    it('answers a TXT record with no strings as an empty text', async () => {
      // On the wire an RR needs one string (RFC 1035 §3.3.14), so implementations may give [] or [''].
      assert.deepEqual(recordsOf(await r().query('empty-rr.example.com', 'TXT')).map((strings) => strings.join('')), ['']);
    });

    it('answers a TXT record larger than a UDP message', async () => {
      assert.deepEqual(recordsOf(await r().query('big.example.com', 'TXT')), [LONG]);
    });

    it('answers A, AAAA (in the canonical text form), MX and PTR', async () => {
      assert.deepEqual(recordsOf(await r().query('example.com', 'A')), ['192.0.2.10']);
      assert.deepEqual(recordsOf(await r().query('v6.example.com', 'AAAA')), ['2001:db8::1', '::ffff:192.0.2.1']);
      assert.deepEqual(recordsOf(await r().query('example.com', 'MX')), [
        { preference: 10, exchange: 'mx.example.com' },
        { preference: 20, exchange: 'mx2.example.com' },
      ]);
      assert.deepEqual(recordsOf(await r().query('1.2.0.192.in-addr.arpa', 'PTR')), ['mail.Example.com']);
      assert.deepEqual(recordsOf(await r().query('null-mx.example.com', 'MX')), [{ preference: 0, exchange: '' }]);
    });

    it('tells NXDOMAIN from NODATA (RFC 7208 §4.6.4 counts both as void)', async () => {
      expectKind(await r().query('absent.example.com', 'TXT'), 'nxdomain');
      expectKind(await r().query('nodata.example.com', 'TXT'), 'nodata');
      expectKind(await r().query('exists.example.com', 'A'), 'nodata');
      expectKind(await r().query('example.com', 'AAAA'), 'nodata');
    });

    it('compares names case-insensitively and accepts a trailing dot (RFC 4343)', async () => {
      assert.deepEqual(recordsOf(await r().query('EXAMPLE.Com.', 'TXT')), [['v=spf1 mx -all']]);
      expectKind(await r().query('NoData.Example.COM', 'TXT'), 'nodata');
    });

    it('follows CNAMEs for other types, case-insensitively (RFC 1034 §3.6.2)', async () => {
      assert.deepEqual(recordsOf(await r().query('alias.example.com', 'TXT')), [['v=spf1 ip4:192.0.2.7 -all']]);
      assert.deepEqual(recordsOf(await r().query('alias.example.com', 'A')), ['192.0.2.7']);
      assert.deepEqual(recordsOf(await r().query('alias.example.com', 'CNAME')), ['Target.Example.com']);
      expectKind(await r().query('dangling.example.com', 'A'), 'nxdomain');
      expectKind(await r().query('alias-nodata.example.com', 'TXT'), 'nodata');
    });

    it('follows a chain of 8 CNAMEs and fails a longer one', async () => {
      assert.deepEqual(recordsOf(await r().query('c1.chain.example.com', 'TXT')), [['end of chain']]);
      expectKind(await r().query('c0.chain.example.com', 'TXT'), 'servfail');
    });

    it('reports a CNAME loop as servfail, never a crash', async () => {
      expectKind(await r().query('loop.example.com', 'A'), 'servfail');
      expectKind(await r().query('loop-a.example.com', 'TXT'), 'servfail');
    });

    it('turns TIMEOUT into a timeout answer, and SERVFAIL into servfail', async () => {
      expectKind(await r().query('timeout.example.com', 'TXT'), 'timeout');
      expectKind(await r().query('servfail.example.com', 'A'), 'servfail');
    });

    it('still returns records of the queried type listed before TIMEOUT (FORMAT.md §4 rule 4)', async () => {
      assert.deepEqual(recordsOf(await r().query('txt-then-timeout.example.com', 'TXT')), [['v=spf1 -all']]);
      expectKind(await r().query('txt-then-timeout.example.com', 'A'), 'timeout');
    });

    it('applies a typed marker to its type only', async () => {
      assert.deepEqual(recordsOf(await r().query('typed.example.com', 'A')), ['192.0.2.9']);
      expectKind(await r().query('typed.example.com', 'TXT'), 'timeout');
      expectKind(await r().query('typed.example.com', 'MX'), 'servfail');
      expectKind(await r().query('typed.example.com', 'AAAA'), 'nodata');
    });

    it('gives the smallest TTL of the set, and of the CNAME chain, where it knows TTLs', async () => {
      const a = await r().query('ttl.example.com', 'A');
      assert.deepEqual(recordsOf(a), ['192.0.2.1', '192.0.2.2']);
      assert.equal(ttlOf(a), 60);
      assert.equal(ttlOf(await r().query('ttl.example.com', 'AAAA')), 90);
      assert.equal(ttlOf(await r().query('alias-ttl.example.com', 'A')), subject?.cnameTtls === false ? undefined : 50);
      const unknown = ttlOf(await r().query('example.com', 'TXT'));
      assert.ok(unknown === undefined || (Number.isInteger(unknown) && unknown >= 0), `odd ttl ${String(unknown)}`);
    });

    it('answers many concurrent queries', async () => {
      const names = ['example.com', 'absent.example.com', 'alias.example.com', 'nodata.example.com'];
      const answers = await Promise.all(names.flatMap((n) => [r().query(n, 'TXT'), r().query(n, 'A')]));
      assert.deepEqual(
        answers.map((a) => a.kind),
        ['answer', 'answer', 'nxdomain', 'nxdomain', 'answer', 'answer', 'nodata', 'answer'],
      );
    });
  });
}
