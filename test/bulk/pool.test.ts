import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { mapConcurrent } from '../../src/bulk/pool.ts';

/** A source of `count` numbers that records how far it has been read. */
function countingSource(count: number): { source: AsyncGenerator<number>; readonly pulled: number; readonly returned: boolean } {
  const state = { pulled: 0, returned: false };
  const source = (async function* () {
    try {
      for (let i = 0; i < count; i++) {
        state.pulled++;
        yield i;
      }
    } finally {
      state.returned = true;
    }
  })();
  return {
    source,
    get pulled() {
      return state.pulled;
    },
    get returned() {
      return state.returned;
    },
  };
}

describe('mapConcurrent', () => {
  it('keeps at most `concurrency` calls in flight and uses them all', async () => {
    let running = 0;
    let most = 0;
    const out: number[] = [];
    const { source } = countingSource(50);
    for await (const n of mapConcurrent(source, 4, async (i) => {
      running++;
      most = Math.max(most, running);
      await sleep(1 + (i % 3));
      running--;
      return i;
    })) out.push(n);
    assert.equal(most, 4);
    assert.deepEqual([...out].sort((a, b) => a - b), Array.from({ length: 50 }, (_, i) => i));
  });

  it('yields in the order calls finish, not the order read', async () => {
    const out: number[] = [];
    for await (const n of mapConcurrent([30, 1, 15], 3, async (ms) => (await sleep(ms), ms))) out.push(n);
    assert.deepEqual(out, [1, 15, 30]);
  });

  it('reads no more than 2 × concurrency ahead of a slow consumer (back-pressure)', async () => {
    const counted = countingSource(200);
    let yielded = 0;
    let ahead = 0;
    for await (const _ of mapConcurrent(counted.source, 5, async (i) => i)) {
      yielded++;
      ahead = Math.max(ahead, counted.pulled - yielded);
      await sleep(0);
    }
    assert.equal(yielded, 200);
    assert.ok(ahead <= 10, `read ${ahead} rows ahead`);
  });

  it('stops reading the source when the consumer stops', async () => {
    const counted = countingSource(1000);
    for await (const n of mapConcurrent(counted.source, 3, async (i) => i)) if (n >= 5) break;
    assert.ok(counted.returned);
    assert.ok(counted.pulled < 20, `pulled ${counted.pulled}`);
  });

  it('ends with the error of a call that rejects', async () => {
    const run = async () => {
      for await (const _ of mapConcurrent([1, 2, 3], 2, async (i) => (i === 2 ? Promise.reject(new Error('boom')) : i))) void _;
    };
    await assert.rejects(run, /boom/);
  });

  it('refuses a concurrency below 1', async () => {
    await assert.rejects(async () => {
      for await (const _ of mapConcurrent([1], 0, async (i) => i)) void _;
    }, RangeError);
  });
});
