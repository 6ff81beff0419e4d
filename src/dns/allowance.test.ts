import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { queryAllowance } from './allowance.ts';

describe('queryAllowance', () => {
  const make = (maxClients?: number) => {
    let now = 0;
    const allowance = queryAllowance({ perWindow: 100, windowMs: 60_000, now: () => now, ...(maxClients ? { maxClients } : {}) });
    return { allowance, tick: (ms: number) => void (now += ms) };
  };

  it('reserves whole budgets, refuses one it cannot cover with the wait until it can', () => {
    const { allowance } = make();
    const first = allowance.reserve('a', 60);
    assert.ok('queries' in first && first.queries === 60);
    const second = allowance.reserve('a', 60);
    assert.deepEqual(second, { retryAfterMs: 12_000 }); // 20 missing at 100 per minute
    assert.ok('queries' in allowance.reserve('b', 60), 'another client has its own');
  });

  it('gets back what a request did not use, once', () => {
    const { allowance } = make();
    const r = allowance.reserve('a', 100);
    assert.ok('release' in r);
    r.release(10);
    r.release(0);
    assert.ok('queries' in allowance.reserve('a', 90));
    assert.ok('retryAfterMs' in allowance.reserve('a', 1));
  });

  it('refills over the window, never above its size; a budget larger than the allowance gets the allowance', () => {
    const { allowance, tick } = make();
    const big = allowance.reserve('a', 400);
    assert.ok('queries' in big && big.queries === 100);
    tick(30_000);
    assert.ok('queries' in allowance.reserve('a', 50));
    assert.ok('retryAfterMs' in allowance.reserve('a', 1));
    tick(600_000);
    const full = allowance.reserve('a', 100);
    assert.ok('queries' in full);
    assert.ok('retryAfterMs' in allowance.reserve('a', 1));
  });

  it('forgets refilled clients when it remembers too many, never one that still owes', () => {
    const { allowance, tick } = make(2);
    allowance.reserve('a', 100);
    allowance.reserve('b', 10);
    tick(6_000); // b is full again, a is not
    allowance.reserve('c', 1);
    assert.ok('retryAfterMs' in allowance.reserve('a', 100), 'a still owes');
  });
});
