import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cachingResolver } from './cache.ts';
import type { DnsAnswer, RecordData, Resolver, RrType } from './resolver.ts';

/** A scripted upstream: answers from a table, counts queries, can hold answers back. */
function upstream(table: Record<string, DnsAnswer<unknown>>) {
  const asked: string[] = [];
  let gate: Promise<void> | undefined;
  let open: (() => void) | undefined;
  const resolver: Resolver = {
    async query<T extends RrType>(name: string, type: T): Promise<DnsAnswer<RecordData[T]>> {
      asked.push(`${type} ${name}`);
      if (gate !== undefined) await gate;
      const answer = table[`${type} ${name.toLowerCase()}`] ?? { kind: 'nxdomain' };
      return answer as DnsAnswer<RecordData[T]>;
    },
  };
  return {
    resolver,
    asked,
    hold() {
      gate = new Promise((resolve) => (open = resolve));
    },
    release() {
      open?.();
      gate = undefined;
    },
  };
}

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (seconds: number) => (t += seconds * 1000) };
}

const TXT: DnsAnswer<string[]> = { kind: 'answer', records: [['v=spf1 -all']], ttl: 60 };

describe('cachingResolver', () => {
  it('answers repeats from the cache until the TTL runs out', async () => {
    const up = upstream({ 'TXT example.com': TXT });
    const c = clock();
    const cache = cachingResolver(up.resolver, { now: c.now });
    assert.deepEqual(await cache.query('example.com', 'TXT'), TXT);
    assert.deepEqual(await cache.query('EXAMPLE.com.', 'TXT'), TXT);
    c.advance(59.9);
    await cache.query('example.com', 'TXT');
    assert.equal(up.asked.length, 1);
    c.advance(0.1);
    await cache.query('example.com', 'TXT');
    assert.equal(up.asked.length, 2);
    assert.deepEqual({ ...cache.stats }, { hits: 2, misses: 2, coalesced: 0, size: 1 });
  });

  it('keys on the type as well as the name', async () => {
    const up = upstream({ 'TXT example.com': TXT });
    const cache = cachingResolver(up.resolver);
    await cache.query('example.com', 'TXT');
    assert.equal((await cache.query('example.com', 'A')).kind, 'nxdomain');
    assert.deepEqual(up.asked, ['TXT example.com', 'A example.com']);
  });

  it('clamps TTLs to [minTtl, maxTtl] and uses defaultTtl when the answer has none', async () => {
    const up = upstream({
      'TXT long.example': { kind: 'answer', records: [['x']], ttl: 86_400 },
      'TXT short.example': { kind: 'answer', records: [['x']], ttl: 1 },
      'TXT none.example': { kind: 'answer', records: [['x']] },
    });
    const c = clock();
    const cache = cachingResolver(up.resolver, { now: c.now, maxTtl: 100, minTtl: 10, defaultTtl: 50 });
    for (const n of ['long.example', 'short.example', 'none.example']) await cache.query(n, 'TXT');
    const fresh = async (): Promise<string[]> => {
      const before = up.asked.length;
      const out: string[] = [];
      for (const n of ['long.example', 'short.example', 'none.example']) {
        const count = up.asked.length;
        await cache.query(n, 'TXT');
        if (up.asked.length === count) out.push(n);
      }
      assert.ok(up.asked.length >= before);
      return out;
    };
    c.advance(9);
    assert.deepEqual(await fresh(), ['long.example', 'short.example', 'none.example']);
    c.advance(2); // 11 s: short (min 10) has expired and is asked again, cached again for 10 s
    assert.deepEqual(await fresh(), ['long.example', 'none.example']);
    c.advance(40); // 51 s: none (default 50) expired
    assert.deepEqual(await fresh(), ['long.example']);
    c.advance(49); // 100 s: long (max 100) expired; none, asked again at 51 s, is still fresh
    assert.deepEqual(await fresh(), ['none.example']);
  });

  it('does not cache a TTL of 0', async () => {
    const up = upstream({ 'A zero.example': { kind: 'answer', records: ['192.0.2.1'], ttl: 0 } });
    const cache = cachingResolver(up.resolver);
    await cache.query('zero.example', 'A');
    await cache.query('zero.example', 'A');
    assert.equal(up.asked.length, 2);
    assert.equal(cache.stats.size, 0);
  });

  it('caches nxdomain and nodata for negativeTtl at most (RFC 2308)', async () => {
    const up = upstream({ 'TXT nodata.example': { kind: 'nodata' }, 'TXT soa.example': { kind: 'nodata', ttl: 30 } });
    const c = clock();
    const cache = cachingResolver(up.resolver, { now: c.now, negativeTtl: 60 });
    for (let i = 0; i < 2; i++) {
      await cache.query('nx.example', 'TXT');
      await cache.query('nodata.example', 'TXT');
      await cache.query('soa.example', 'TXT');
    }
    assert.equal(up.asked.length, 3);
    c.advance(31);
    await cache.query('soa.example', 'TXT');
    await cache.query('nx.example', 'TXT');
    assert.equal(up.asked.length, 4);
    c.advance(30);
    await cache.query('nx.example', 'TXT');
    assert.equal(up.asked.length, 5);
  });

  it('does not cache timeouts or servfails (RFC 7208 §2.6.6: temperror means try again)', async () => {
    const up = upstream({ 'TXT slow.example': { kind: 'timeout' }, 'TXT broken.example': { kind: 'servfail', detail: 'x' } });
    const cache = cachingResolver(up.resolver);
    for (let i = 0; i < 2; i++) {
      assert.equal((await cache.query('slow.example', 'TXT')).kind, 'timeout');
      assert.equal((await cache.query('broken.example', 'TXT')).kind, 'servfail');
    }
    assert.equal(up.asked.length, 4);
    assert.equal(cache.stats.size, 0);
  });

  it('evicts the least recently used entry beyond maxEntries', async () => {
    const up = upstream({});
    const cache = cachingResolver(up.resolver, { maxEntries: 3 });
    for (const n of ['a', 'b', 'c']) await cache.query(`${n}.example`, 'TXT');
    await cache.query('a.example', 'TXT'); // a is now the most recent; b the least
    await cache.query('d.example', 'TXT'); // evicts b
    assert.equal(cache.stats.size, 3);
    up.asked.length = 0;
    for (const n of ['a', 'c', 'd']) await cache.query(`${n}.example`, 'TXT');
    assert.deepEqual(up.asked, []);
    await cache.query('b.example', 'TXT');
    assert.deepEqual(up.asked, ['TXT b.example']);
  });

  it('coalesces identical queries in flight into one upstream query', async () => {
    const up = upstream({ 'TXT example.com': TXT });
    const cache = cachingResolver(up.resolver);
    up.hold();
    const pending = [cache.query('example.com', 'TXT'), cache.query('Example.COM', 'TXT'), cache.query('example.com', 'TXT'), cache.query('example.com', 'A')];
    up.release();
    const answers = await Promise.all(pending);
    assert.deepEqual(answers.slice(0, 3), [TXT, TXT, TXT]);
    assert.deepEqual(up.asked, ['TXT example.com', 'A example.com']);
    assert.deepEqual({ ...cache.stats }, { hits: 0, misses: 2, coalesced: 2, size: 2 });
  });

  it('coalesces timeouts too but forgets them once settled', async () => {
    const up = upstream({ 'TXT slow.example': { kind: 'timeout' } });
    const cache = cachingResolver(up.resolver);
    up.hold();
    const both = Promise.all([cache.query('slow.example', 'TXT'), cache.query('slow.example', 'TXT')]);
    up.release();
    await both;
    await cache.query('slow.example', 'TXT');
    assert.equal(up.asked.length, 2);
  });

  it('passes an upstream rejection (a programmer error) to every waiter and does not keep it', async () => {
    let calls = 0;
    const failing: Resolver = {
      query() {
        calls++;
        return Promise.reject(new Error('boom'));
      },
    };
    const cache = cachingResolver(failing);
    await Promise.all([assert.rejects(cache.query('x.example', 'TXT'), /boom/), assert.rejects(cache.query('x.example', 'TXT'), /boom/)]);
    await assert.rejects(cache.query('x.example', 'TXT'), /boom/);
    assert.equal(calls, 2);
  });

  it('clear() drops every entry', async () => {
    const up = upstream({ 'TXT example.com': TXT });
    const cache = cachingResolver(up.resolver);
    await cache.query('example.com', 'TXT');
    cache.clear();
    assert.equal(cache.stats.size, 0);
    await cache.query('example.com', 'TXT');
    assert.equal(up.asked.length, 2);
  });

  it('rejects nonsensical options', () => {
    const up = upstream({});
    assert.throws(() => cachingResolver(up.resolver, { maxEntries: 0 }), /maxEntries must be a number ≥ 1/);
    assert.throws(() => cachingResolver(up.resolver, { maxTtl: -1 }), /maxTtl/);
  });
});
