import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DnsAnswer, RecordData, Resolver, RrType } from '../dns/resolver.ts';
import { zoneFromText, zoneResolver } from '../dns/zone.ts';
import { evaluateSpf } from './evaluate.ts';

function zoneOf(map: Record<string, unknown[]>) {
  return zoneFromText(JSON.stringify({ zone: map }));
}

/**
 * A resolver that holds every query until the next "round trip": all queries asked so far are
 * answered together, then the next round starts. `rounds` counts the round trips a check
 * waited for — the latency in units of one DNS round trip, with no clock involved.
 */
function roundTripResolver(inner: Resolver): Resolver & { rounds: number; asked: string[] } {
  let waiting: Array<() => void> = [];
  let scheduled = false;
  const state = {
    rounds: 0,
    asked: [] as string[],
    query<T extends RrType>(name: string, type: T): Promise<DnsAnswer<RecordData[T]>> {
      state.asked.push(`${type} ${name}`);
      return new Promise((resolve) => {
        waiting.push(() => void inner.query(name, type).then(resolve));
        if (scheduled) return;
        scheduled = true;
        // The round trip: once the evaluator has asked all it can, answer the whole round.
        setImmediate(() => {
          scheduled = false;
          state.rounds++;
          const round = waiting;
          waiting = [];
          for (const answer of round) answer();
        });
      });
    },
  };
  return state;
}

// The issue's customer record with the providers' nesting: outlook → 1 include,
// google → 3 netblock includes; the MX has one exchange.
const CUSTOMER = zoneOf({
  'klant.example': [{ TXT: 'v=spf1 include:spf.protection.outlook.com include:_spf.google.com include:spf.byte.nl mx -all' }, { MX: [10, 'mx.klant.example'] }],
  'mx.klant.example': [{ A: '198.51.100.25' }],
  'spf.protection.outlook.com': [{ TXT: 'v=spf1 ip4:40.92.0.0/15 ip4:40.107.0.0/16 include:spfd.protection.outlook.com -all' }],
  'spfd.protection.outlook.com': [{ TXT: 'v=spf1 ip4:51.4.72.0/24 -all' }],
  '_spf.google.com': [{ TXT: 'v=spf1 include:_netblocks.google.com include:_netblocks2.google.com include:_netblocks3.google.com ~all' }],
  '_netblocks.google.com': [{ TXT: 'v=spf1 ip4:35.190.247.0/24 ip4:64.233.160.0/19 ~all' }],
  '_netblocks2.google.com': [{ TXT: 'v=spf1 ip6:2001:4860:4000::/36 ~all' }],
  '_netblocks3.google.com': [{ TXT: 'v=spf1 ip4:172.217.0.0/19 ~all' }],
  'spf.byte.nl': [{ TXT: 'v=spf1 ip4:82.94.214.0/24 ~all' }],
});

async function run(zone: ReturnType<typeof zoneOf>, ip: string, sender: string, lookAhead: boolean) {
  const resolver = roundTripResolver(zoneResolver(zone, { log: false }));
  const check = await evaluateSpf({ ip, sender, helo: 'helo.example' }, { resolver, lookAhead });
  return { check, rounds: resolver.rounds, asked: resolver.asked };
}

describe('look-ahead lookups', () => {
  it('answers the issue record in the depth of its tree (3 round trips), not one per query', async () => {
    const on = await run(CUSTOMER, '203.0.113.9', 'info@klant.example', true);
    const off = await run(CUSTOMER, '203.0.113.9', 'info@klant.example', false);
    assert.equal(on.check.result, 'fail');
    assert.equal(off.rounds, off.asked.length, 'without look-ahead every query is its own round trip');
    assert.equal(off.asked.length, 10);
    assert.equal(on.rounds, 3);
    // The same questions, just asked earlier.
    assert.deepEqual([...on.asked].sort(), [...off.asked].sort());
    assert.deepEqual(on.check, off.check);
  });

  it('asks nothing after an ip4 that matches the client, and nothing after all', async () => {
    const zone = zoneOf({
      'ip.example': [{ TXT: 'v=spf1 include:first.example ip4:192.0.2.0/24 include:after.example a mx exists:%{i}.x.example -all' }],
      'first.example': [{ TXT: 'v=spf1 -all include:never.example' }],
    });
    const on = await run(zone, '192.0.2.7', 'info@ip.example', true);
    assert.equal(on.check.result, 'pass');
    assert.deepEqual(on.asked, ['TXT ip.example', 'TXT first.example']);
  });

  it('asks nothing after a term known to end the check (an include without a record)', async () => {
    const zone = zoneOf({
      'gone.example': [{ TXT: 'v=spf1 include:missing.example include:x.example -all' }],
      'x.example': [{ TXT: 'v=spf1 include:y.example -all' }],
    });
    const on = await run(zone, '203.0.113.9', 'info@gone.example', true);
    assert.equal(on.check.result, 'permerror');
    // x.example was started beside missing.example (its fate unknown then); once the missing
    // record is known, nothing under x.example is asked.
    assert.deepEqual([...on.asked].sort(), ['TXT gone.example', 'TXT missing.example', 'TXT x.example']);
  });

  it('never starts a term past the 10-lookup limit (RFC 7208 §4.6.4)', async () => {
    const includes = Array.from({ length: 14 }, (_, i) => `include:i${i}.ex`).join(' ');
    const zone = zoneOf({ 'many.example': [{ TXT: `v=spf1 ${includes} -all` }] });
    const on = await run(zone, '203.0.113.9', 'info@many.example', true);
    assert.equal(on.check.result, 'permerror');
    // The includes are started together, before anyone knows that i0 has no record (a
    // permerror after one include): never more of them than the limit lets an evaluation ask.
    assert.equal(on.asked.filter((q) => /^TXT i\d+\.ex$/.test(q)).length, 10);
    const full = zoneOf({
      'many.example': [{ TXT: `v=spf1 ${includes} -all` }],
      ...Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`i${i}.ex`, [{ TXT: 'v=spf1 -all' }]])),
    });
    const limited = await run(full, '203.0.113.9', 'info@many.example', true);
    assert.equal(limited.check.cause.code, 'lookup-limit');
    assert.deepEqual(
      limited.asked.filter((q) => q !== 'TXT many.example').sort(),
      Array.from({ length: 10 }, (_, i) => `TXT i${i}.ex`).sort(),
    );
  });

  it("starts an mx's address queries together once the MX answer is in", async () => {
    const zone = zoneOf({
      'mx5.example': [{ TXT: 'v=spf1 mx -all' }, { MX: [10, 'a.mx5.example'] }, { MX: [20, 'b.mx5.example'] }, { MX: [30, 'c.mx5.example'] }, { MX: [40, 'd.mx5.example'] }, { MX: [50, 'e.mx5.example'] }],
      ...Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((x, i) => [`${x}.mx5.example`, [{ A: `198.51.100.${i + 1}` }]])),
    });
    const on = await run(zone, '203.0.113.9', 'info@mx5.example', true);
    const off = await run(zone, '203.0.113.9', 'info@mx5.example', false);
    assert.equal(on.rounds, 3);
    assert.equal(off.rounds, 7);
    assert.deepEqual(on.check, off.check);
  });

  it('with lookAhead: false asks one query at a time, in the order of the RFC', async () => {
    const off = await run(CUSTOMER, '203.0.113.9', 'info@klant.example', false);
    assert.deepEqual(off.asked.slice(0, 3), ['TXT klant.example', 'TXT spf.protection.outlook.com', 'TXT spfd.protection.outlook.com']);
  });
});
