// Property: checkHost on generated records against a generated zone always returns one of
// the seven RFC 7208 results — including for broken records, loops and failing DNS.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { zoneResolver, type Zone, type ZoneItem } from '../dns/zone.ts';
import { evaluateSpf } from './evaluate.ts';
import { SPF_RESULTS } from './types.ts';

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
