import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BUDGET_EXHAUSTED, budgetResolver } from './budget.ts';
import { cachingResolver } from './cache.ts';
import type { DnsAnswer, RecordData, Resolver, RrType } from './resolver.ts';
import { zoneFromText, zoneResolver } from './zone.ts';
import { checkHost } from '../index.ts';

const ZONE = zoneFromText(`
zone:
  example.com: [{TXT: "v=spf1 a mx -all"}, {A: "192.0.2.1"}, {MX: [10, "mx.example.com"]}]
  mx.example.com: [{A: "192.0.2.2"}]
`);

/** A resolver over ZONE whose answers come after `delayMs` (never, for Infinity); counts what it is asked. */
function slowResolver(delayMs: number): Resolver & { asked: number } {
  const fast = zoneResolver(ZONE, { log: false });
  const slow = {
    asked: 0,
    query<T extends RrType>(name: string, type: T): Promise<DnsAnswer<RecordData[T]>> {
      slow.asked++;
      if (delayMs === Infinity) return new Promise(() => {});
      return new Promise((resolve) => setTimeout(() => resolve(fast.query(name, type)), delayMs));
    },
  };
  return slow;
}

describe('budgetResolver', () => {
  it('passes answers through while within budget and deadline', async () => {
    const resolver = budgetResolver(zoneResolver(ZONE, { log: false }), { maxQueries: 5, deadlineMs: 1000 });
    const answer = await resolver.query('mx.example.com', 'A');
    assert.deepEqual(answer.kind === 'answer' && answer.records, ['192.0.2.2']);
    assert.deepEqual({ ...resolver.stats }, { queries: 1, repeated: 0, refused: 0, expired: 0 });
  });

  it('answers servfail "query budget exhausted" after maxQueries, without asking the inner resolver', async () => {
    const inner = slowResolver(0);
    const resolver = budgetResolver(inner, { maxQueries: 2, deadlineMs: 1000 });
    const kinds: string[] = [];
    for (const name of ['example.com', 'mx.example.com', 'a.example.com', 'b.example.com']) kinds.push((await resolver.query(name, 'A')).kind);
    assert.deepEqual(kinds, ['answer', 'answer', 'servfail', 'servfail']);
    const refused = (await resolver.query('example.com', 'TXT')) as DnsAnswer<unknown>;
    assert.equal(refused.kind === 'servfail' && refused.detail, `${BUDGET_EXHAUSTED} (2 queries)`);
    assert.equal(refused.kind === 'servfail' && refused.budget, 2);
    assert.equal(inner.asked, 2);
    assert.deepEqual({ ...resolver.stats }, { queries: 5, repeated: 0, refused: 3, expired: 0 });
  });

  it('counts a question asked again once: the repeat gets the first answer and is not sent again', async () => {
    const inner = slowResolver(0);
    const resolver = budgetResolver(inner, { maxQueries: 2, deadlineMs: 1000 });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await resolver.query(i % 2 === 0 ? 'example.com' : 'EXAMPLE.com.', 'A'));
    assert.ok(answers.every((a) => a.kind === 'answer'));
    assert.equal((await resolver.query('mx.example.com', 'A')).kind, 'answer');
    assert.equal((await resolver.query('example.com', 'TXT')).kind, 'servfail');
    assert.equal(inner.asked, 2);
    assert.deepEqual({ ...resolver.stats }, { queries: 3, repeated: 4, refused: 1, expired: 0 });
  });

  it('answers timeout at the deadline for a query still pending, and at once afterwards', async () => {
    const inner = slowResolver(Infinity);
    const resolver = budgetResolver(inner, { maxQueries: 10, deadlineMs: 60 });
    const start = performance.now();
    const pending = await resolver.query('example.com', 'TXT');
    const waited = performance.now() - start;
    assert.equal(pending.kind, 'timeout');
    assert.equal(pending.kind === 'timeout' && pending.detail, 'deadline of 60 ms exceeded');
    assert.ok(waited >= 55 && waited < 500, `waited ${waited} ms`);
    const later = performance.now();
    assert.equal((await resolver.query('example.com', 'A')).kind, 'timeout');
    assert.ok(performance.now() - later < 20);
    assert.equal(inner.asked, 1, 'no query is sent after the deadline');
    assert.deepEqual({ ...resolver.stats }, { queries: 2, repeated: 0, refused: 0, expired: 2 });
  });

  it('sends nothing after the deadline timer fired, even when the clock has not reached the deadline yet', async (t) => {
    // Node's timers may fire a fraction of a millisecond before performance.now() shows the
    // deadline passed. Mock timers make that deterministic: the timer fires at once on tick(),
    // while performance.now() has hardly moved.
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const inner = slowResolver(Infinity);
    const resolver = budgetResolver(inner, { maxQueries: 10, deadlineMs: 60_000 });
    const pending = resolver.query('example.com', 'TXT');
    t.mock.timers.tick(60_000);
    assert.equal((await pending).kind, 'timeout');
    assert.equal((await resolver.query('example.com', 'A')).kind, 'timeout');
    assert.equal(inner.asked, 1, 'no query is sent after the deadline timer fired');
    assert.deepEqual({ ...resolver.stats }, { queries: 2, repeated: 0, refused: 0, expired: 2 });
  });

  it('keeps answers that arrive before the deadline', async () => {
    const resolver = budgetResolver(slowResolver(10), { maxQueries: 10, deadlineMs: 500 });
    assert.equal((await resolver.query('example.com', 'TXT')).kind, 'answer');
    assert.equal(resolver.stats.expired, 0);
  });

  it('passes a thrown error (a programmer error) through', async () => {
    const throwing: Resolver = { query: () => Promise.reject(new Error('boom')) };
    await assert.rejects(budgetResolver(throwing, { maxQueries: 1, deadlineMs: 100 }).query('example.com', 'A'), /boom/);
  });

  it('rejects unusable options', () => {
    const inner = zoneResolver(ZONE, { log: false });
    assert.throws(() => budgetResolver(inner, { maxQueries: -1, deadlineMs: 10 }), /maxQueries/);
    assert.throws(() => budgetResolver(inner, { maxQueries: 1, deadlineMs: 1.5 }), /deadlineMs/);
  });

  it('turns a spent budget into temperror with the reason (RFC 7208 §2.6.6)', async () => {
    const shared = cachingResolver(zoneResolver(ZONE, { log: false }));
    const check = await checkHost({ ip: '192.0.2.9', sender: 'info@example.com' }, { resolver: budgetResolver(shared, { maxQueries: 2, deadlineMs: 1000 }) });
    assert.equal(check.result, 'temperror');
    assert.equal(check.cause.code, 'dns-error');
    assert.match(check.cause.code === 'dns-error' ? (check.cause.detail ?? '') : '', /query budget exhausted/);
    // A fresh budget over the same shared cache finishes the check.
    const again = await checkHost({ ip: '192.0.2.9', sender: 'info@example.com' }, { resolver: budgetResolver(shared, { maxQueries: 10, deadlineMs: 1000 }) });
    assert.equal(again.result, 'fail');
  });
});
