// Property: checkHost on generated records against a generated zone always returns one of
// the seven RFC 7208 results — including for broken records, loops and failing DNS.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { zoneResolver, type Zone, type ZoneItem } from '../dns/zone.ts';
import { evaluateSpf } from './evaluate.ts';
import { SPF_RESULTS, type MacroString } from './types.ts';
import type { Resolver } from '../dns/resolver.ts';
import { canonicalDomain } from './domain.ts';
import { spfRecordFromAnswer } from './fetch.ts';
import { ipDotted, networkMatches, parseClientIp } from './ip.ts';
import { type MacroValues, expandDomainSpec, usesPtrMacro } from './macro.ts';
import { parseRecord } from './parse.ts';
import { maxCheckQueries } from './lookup-rules.ts';

const names = ['a.test', 'b.test', 'c.test', 'd.test', 'e.test', 'missing.test'];
const name = fc.constantFrom(...names);
const q = fc.constantFrom('', '+', '-', '~', '?');
const term = fc.oneof(
  fc.tuple(q, name).map(([x, n]) => `${x}include:${n}`),
  fc.tuple(q, name, fc.constantFrom('', '/24', '//64', '/0')).map(([x, n, c]) => `${x}a:${n}${c}`),
  fc.tuple(q, fc.constantFrom('mx', 'a', 'ptr', 'mx/16')).map(([x, k]) => `${x}${k}`),
  fc.tuple(q, name).map(([x, n]) => `${x}mx:${n}`),
  fc.tuple(q, name).map(([x, n]) => `${x}ptr:${n}`),
  fc.tuple(q, name).map(([x, n]) => `${x}exists:%{i}.${n}`),
  fc.tuple(q, fc.constantFrom('192.0.2.0/24', '10.0.0.1', '0.0.0.0/0')).map(([x, a]) => `${x}ip4:${a}`),
  fc.tuple(q, fc.constantFrom('2001:db8::/32', '::1')).map(([x, a]) => `${x}ip6:${a}`),
  name.map((n) => `redirect=${n}`),
  name.map((n) => `exp=${n}`),
  fc.constantFrom('-all', '~all', '?all', '+all', 'bogus', 'a:%{z}', 'ip4:1.2.3', 'foo=bar'),
);
const record = fc.array(term, { maxLength: 8 }).map((ts) => ['v=spf1', ...ts].join(' '));
const item: fc.Arbitrary<ZoneItem> = fc.oneof(
  { weight: 4, arbitrary: record.map((r): ZoneItem => ({ type: 'TXT', value: [r] })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map((r): ZoneItem => ({ type: 'TXT', value: [r] })) },
  { weight: 2, arbitrary: fc.constantFrom('192.0.2.1', '192.0.2.77', '10.0.0.1').map((a): ZoneItem => ({ type: 'A', value: a })) },
  { weight: 1, arbitrary: fc.constantFrom('2001:db8::1').map((a): ZoneItem => ({ type: 'AAAA', value: a })) },
  { weight: 1, arbitrary: name.map((n): ZoneItem => ({ type: 'MX', value: { preference: 10, exchange: n } })) },
  { weight: 1, arbitrary: name.map((n): ZoneItem => ({ type: 'PTR', value: n })) },
  { weight: 1, arbitrary: fc.constantFrom<ZoneItem>({ type: 'TIMEOUT' }, { type: 'SERVFAIL' }) },
);
const zone = fc.tuple(...names.slice(0, 5).map(() => fc.array(item, { maxLength: 4 }))).map((lists) => {
  const z: Zone = new Map();
  lists.forEach((items, i) => z.set(names[i] as string, items));
  z.set('1.2.0.192.in-addr.arpa', [{ type: 'PTR', value: 'a.test' }]);
  return z;
});

describe('checkHost properties', () => {
  it('always returns one of the seven results', async () => {
    await fc.assert(
      fc.asyncProperty(zone, name, fc.constantFrom('192.0.2.1', '10.0.0.1', '2001:db8::1', '::ffff:192.0.2.77'), async (z, domain, ip) => {
        const check = await evaluateSpf({ ip, sender: `user@${domain}`, helo: 'helo.test' }, { resolver: zoneResolver(z, { log: false }) });
        assert.ok(SPF_RESULTS.includes(check.result), check.result);
        assert.ok(check.lookups.terms <= 11);
        assert.ok(check.lookups.void <= 3);
      }),
      { numRuns: 1500 },
    );
  });
});

// Look-ahead (src/spf/look-ahead.ts): the same check with it on, its answers arriving in a
// scrambled order, and the bound on what it may ask.
const ips = fc.constantFrom('192.0.2.1', '10.0.0.1', '2001:db8::1', '::ffff:192.0.2.77');

/** Answers after 0–3 turns of the event loop, by query, so parallel answers arrive out of order. */
function scrambled(inner: Resolver, asked: Set<string>): Resolver {
  return {
    query(name, type) {
      asked.add(`${type} ${name}`);
      let turns = 0;
      for (const ch of name + type) turns = (turns * 31 + ch.charCodeAt(0)) % 4;
      const answer = inner.query(name, type);
      return new Promise((resolve) => {
        const wait = (left: number): void => void (left === 0 ? resolve(answer) : setImmediate(() => wait(left - 1)));
        wait(turns);
      });
    },
  };
}

/**
 * Every query a check that matches nothing could make, without the 10-term limit: the TXT of
 * each record reached through include/redirect, and the queries of its a/mx/exists terms,
 * up to `all` or an ip4/ip6 that matches the client (an independent walk of the zone).
 */
async function reachable(resolver: Resolver, root: string, ip: string): Promise<Set<string>> {
  const client = parseClientIp(ip);
  if (!client) throw new Error(ip);
  const family = client.family === 4 ? 'A' : 'AAAA';
  const values: MacroValues = { sender: `user@${root}`, local: 'user', senderDomain: root, domain: root, ipDotted: ipDotted(client), ipReadable: client.text, ipVersion: client.family === 4 ? 'in-addr' : 'ip6', helo: 'helo.test', receiver: 'unknown', timestamp: 0, ptr: undefined };
  const out = new Set<string>();
  const seen = new Set<string>();
  const todo = [root];
  while (todo.length > 0) {
    const domain = todo.pop() as string;
    if (seen.has(canonicalDomain(domain))) continue;
    seen.add(canonicalDomain(domain));
    out.add(`TXT ${canonicalDomain(domain)}`);
    const found = spfRecordFromAnswer(canonicalDomain(domain), await resolver.query(canonicalDomain(domain), 'TXT'));
    const parsed = found.kind === 'record' ? parseRecord(found.text) : undefined;
    if (!parsed?.ok) continue;
    const target = (spec: MacroString | undefined) => (spec ? (usesPtrMacro(spec) ? undefined : expandDomainSpec(spec, { ...values, domain }, 8192)?.name) : domain);
    let ended = false;
    for (const m of parsed.record.mechanisms) {
      if (m.kind === 'all' || ((m.kind === 'ip4' || m.kind === 'ip6') && networkMatches(client, m))) {
        ended = true;
        break;
      }
      if (m.kind !== 'include' && m.kind !== 'a' && m.kind !== 'mx' && m.kind !== 'exists') continue;
      const t = target(m.domainSpec);
      if (t === undefined) continue;
      const name = canonicalDomain(t);
      if (m.kind === 'include') todo.push(t);
      else if (m.kind === 'a') out.add(`${family} ${name}`);
      else if (m.kind === 'exists') out.add(`A ${name}`);
      else {
        out.add(`MX ${name}`);
        const mx = await resolver.query(name, 'MX');
        if (mx.kind === 'answer') for (const r of mx.records) out.add(`${family} ${canonicalDomain(r.exchange)}`);
      }
    }
    const redirect = parsed.record.redirect;
    if (!ended && redirect && !parsed.record.mechanisms.some((m) => m.kind === 'all')) {
      const t = target(redirect.domainSpec);
      if (t !== undefined) todo.push(t);
    }
  }
  return out;
}

describe('checkHost with look-ahead', () => {
  it('gives the same check (result, cause, trace, counts) as without, in any answer order', async () => {
    await fc.assert(
      fc.asyncProperty(zone, name, ips, async (z, domain, ip) => {
        const input = { ip, sender: `user@${domain}`, helo: 'helo.test' };
        const on = await evaluateSpf(input, { resolver: scrambled(zoneResolver(z, { log: false }), new Set()) });
        const off = await evaluateSpf(input, { resolver: zoneResolver(z, { log: false }), lookAhead: false });
        assert.deepEqual(on, off);
      }),
      { numRuns: 1000 },
    );
  });

  it('asks, beyond what the evaluation asks, only names a check matching nothing could reach — at most 10 terms', async () => {
    await fc.assert(
      fc.asyncProperty(zone, name, ips, async (z, domain, ip) => {
        const input = { ip, sender: `user@${domain}`, helo: 'helo.test' };
        const askedOn = new Set<string>();
        const askedOff = new Set<string>();
        await evaluateSpf(input, { resolver: scrambled(zoneResolver(z, { log: false }), askedOn) });
        await evaluateSpf(input, { resolver: scrambled(zoneResolver(z, { log: false }), askedOff), lookAhead: false });
        const bound = await reachable(zoneResolver(z, { log: false }), domain, ip);
        const extra = [...askedOn].filter((q) => !askedOff.has(q));
        for (const q of extra) assert.ok(bound.has(q), `look-ahead asked ${q}, which no evaluation of this check reaches`);
        // §4.6.4 applies to the look-ahead too: at most 10 terms' TXT/A/AAAA/MX beyond the root TXT,
        // plus the exchanges' addresses (≤ 10 per mx).
        assert.ok(extra.filter((q) => !q.startsWith('A ') && !q.startsWith('AAAA ')).length <= 10, extra.join(', '));
      }),
      { numRuns: 1000 },
    );
  });
});

// Random record worlds built to cost queries (issue 17 fuzzers): names with up to 12 exchanges,
// a client with up to 12 PTR names, records of up to 12 terms with `%{p}` macros. Whatever the
// world, the check does not throw, gives one of the seven results, and sends at most
// `maxCheckQueries()` queries — the bound a server's per-request budget is sized from.
const costlyNames = ['a.test', 'b.test', 'c.test', 'd.test', 'e.test', 'f.test', 'missing.test'];
const costlyName = fc.constantFrom(...costlyNames);
const costlyTerm = fc.oneof(
  fc.tuple(q, costlyName).map(([x, n]) => `${x}include:${n}`),
  { weight: 6, arbitrary: fc.tuple(q, costlyName).map(([x, n]) => `${x}mx:${n}`) },
  fc.tuple(q, costlyName).map(([x, n]) => `${x}a:${n}`),
  fc.tuple(q, costlyName).map(([x, n]) => `${x}ptr:${n}`),
  fc.tuple(q, costlyName).map(([x, n]) => `${x}exists:%{p}.${n}`),
  fc.tuple(q, costlyName).map(([x, n]) => `${x}mx:%{p2}.${n}`),
  fc.constantFrom('mx', 'ptr', 'a', 'redirect=a.test', 'exp=b.test', '-all', 'ip4:10.0.0.0/8'),
);
const exchangeName = fc.constantFrom(...costlyNames.slice(0, -1));
const costlyRecord = fc.array(costlyTerm, { minLength: 1, maxLength: 12 }).map((ts) => ['v=spf1', ...ts].join(' '));
const costlyItems = fc.tuple(
  costlyRecord,
  fc.oneof({ weight: 6, arbitrary: fc.array(exchangeName, { minLength: 8, maxLength: 10 }) }, fc.array(costlyName, { maxLength: 12 })),
  fc.oneof(
    { weight: 8, arbitrary: fc.constant<ZoneItem[]>([{ type: 'A', value: '192.0.2.9' }, { type: 'AAAA', value: '2001:db8::9' }]) },
    fc.constantFrom<ZoneItem[]>([], [{ type: 'A', value: '192.0.2.1' }], [{ type: 'TIMEOUT' }]),
  ),
).map(([r, mx, addresses]): ZoneItem[] => [{ type: 'TXT', value: [r] }, ...mx.map((n, i): ZoneItem => ({ type: 'MX', value: { preference: i, exchange: n } })), ...addresses]);
const costlyZone = fc
  .tuple(fc.tuple(...costlyNames.slice(0, -1).map(() => costlyItems)), fc.array(costlyName, { maxLength: 12 }))
  .map(([lists, ptr]) => {
    const z: Zone = new Map();
    lists.forEach((items, i) => z.set(costlyNames[i] as string, items));
    z.set('1.2.0.192.in-addr.arpa', ptr.map((n): ZoneItem => ({ type: 'PTR', value: n })));
    return z;
  });

describe('checkHost over random costly worlds', () => {
  it(`never throws, gives one of the seven results, sends at most maxCheckQueries() = ${maxCheckQueries()} queries`, async () => {
    let most = 0;
    await fc.assert(
      fc.asyncProperty(costlyZone, costlyName, fc.constantFrom('192.0.2.1', '192.0.2.9', '2001:db8::1'), fc.boolean(), async (z, domain, ip, lookAhead) => {
        let queries = 0;
        const inner = zoneResolver(z, { log: false });
        const counting: Resolver = { query: (n, t) => (queries++, inner.query(n, t)) };
        const check = await evaluateSpf({ ip, sender: `user@${domain}`, helo: 'helo.test' }, { resolver: counting, lookAhead });
        assert.ok(SPF_RESULTS.includes(check.result), check.result);
        assert.ok(queries <= maxCheckQueries(), `${queries} queries > ${maxCheckQueries()} (${check.result}, ${check.cause.code})`);
        most = Math.max(most, queries);
      }),
      { numRuns: 400 },
    );
    // The worlds are costly enough to be a test of the bound, not far below it.
    assert.ok(most >= 60, `the most costly world sent only ${most} queries`);
  });
});
