import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { BulkSenderError, checkCustomers, type ReportRow } from '../../src/bulk/check.ts';
import { readCustomerRows, splitLines } from '../../src/bulk/csv.ts';
import type { Row } from '../../src/bulk/csv.ts';
import { cachingResolver } from '../../src/dns/cache.ts';
import type { DnsAnswer, RecordData, Resolver, RrType } from '../../src/dns/resolver.ts';
import { zoneResolver } from '../../src/dns/zone.ts';
import { recordCache } from '../../src/spf/record-cache.ts';
import { CUSTOMERS_CSV, EXPECTED, blueinkt, zone } from './fixtures.ts';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const byLine = (rows: ReportRow[]): Map<number, ReportRow> => new Map(rows.map((r) => [r.line, r]));

/** A zone resolver that answers after `delay` ms and records how many queries were in flight at most. */
function slowResolver(delay: number): Resolver & { most: number; total: number } {
  const inner = zoneResolver(zone, { log: false });
  let running = 0;
  const state = {
    most: 0,
    total: 0,
    async query<T extends RrType>(name: string, type: T): Promise<DnsAnswer<RecordData[T]>> {
      running++;
      state.total++;
      state.most = Math.max(state.most, running);
      try {
        await sleep(delay);
        return await inner.query(name, type);
      } finally {
        running--;
      }
    },
  };
  return state;
}

describe('checkCustomers: seed 004 over a customer list', () => {
  it('answers every row of the CSV: the three situations, broken, and each bad row as invalid', async () => {
    const resolver = cachingResolver(zoneResolver(zone));
    const rows = await collect(checkCustomers(readCustomerRows(splitLines([CUSTOMERS_CSV])), { provider: blueinkt, resolver, concurrency: 4, records: recordCache() }));
    const got = byLine(rows);
    assert.equal(rows.length, EXPECTED.size);
    for (const [line, [situation, detail]] of EXPECTED) {
      const row = got.get(line);
      assert.ok(row, `line ${line} reported`);
      assert.equal(row.situation, situation, `line ${line}`);
      assert.equal(row.situation === 'invalid' || row.situation === 'broken' ? row.cause : row.result, detail, `line ${line}`);
      assert.ok(row.reason.length > 0 && row.reason.length < 200, `line ${line} has a short reason`);
    }
    assert.deepEqual(got.get(4), {
      line: 4,
      input: 'info@example.com',
      domain: 'example.com',
      situation: 'not-authorised',
      reason: 'The record gives fail for the service (by -all): publish the new record of this row.',
      by: '-all',
      recordToPublish: 'v=spf1 include:spf.protection.outlook.com a:smtp1.blueinkt.com -all',
      result: 'fail',
    });
    assert.equal(got.get(6)?.by, 'a:smtp1.blueinkt.com');
    // No SPF record: the same answer as the Why? page — a new record with the service and ~all.
    assert.equal(got.get(3)?.reason, 'No SPF record: receivers decide on other grounds. Publish the new record of this row: the service, and ~all for the rest (list the other senders, then -all).');
    assert.equal(got.get(3)?.recordToPublish, 'v=spf1 a:smtp1.blueinkt.com ~all');
    // Rows come in the order of the input, not as their checks finish.
    assert.deepEqual(rows.map((r) => r.line), [...rows.map((r) => r.line)].sort((a, b) => a - b));
  });

  it('input order holds when early rows are slow (order: input); order: finish hands rows on as they finish', async () => {
    const base = zoneResolver(zone);
    // klant.nl's lookups wait until the two other rows have finished (no clock involved): its
    // row finishes last, yet comes out first in input order.
    const run = async (order: 'input' | 'finish'): Promise<number[]> => {
      let open: () => void = () => {};
      const gate = new Promise<void>((done) => (open = done));
      const slow: Resolver = { query: async (name, type) => (name.startsWith('klant.nl') ? gate.then(() => base.query(name, type)) : base.query(name, type)) };
      const rows = readCustomerRows(splitLines(['email\ninfo@klant.nl\ninfo@example.com\nfm_eib_verkoop_midden@eneco.com\n']));
      const out = await collect(checkCustomers(rows, { provider: blueinkt, resolver: slow, concurrency: 3, order, onProgress: (p) => p.done >= 2 && open() }));
      return out.map((r) => r.line);
    };
    assert.deepEqual(await run('input'), [2, 3, 4]);
    assert.equal((await run('finish')).at(-1), 2, 'the slow row last');
  });

  it('works with a mechanism and test addresses instead of a provider; temperror is broken', async () => {
    const rows: Row[] = [{ line: 1, input: 'x@slow.nl' }, { line: 2, input: 'eneco.com' }];
    const out = byLine(await collect(checkCustomers(rows, { mechanism: 'a:smtp1.blueinkt.com', testIps: ['5.255.64.53'], resolver: zoneResolver(zone) })));
    assert.deepEqual([out.get(1)?.situation, out.get(1)?.result, out.get(1)?.cause], ['broken', 'temperror', 'dns-error']);
    assert.equal(out.get(2)?.situation, 'authorised');
  });

  const inputs: Array<[string, string, string]> = [
    ['Jan <jan@eneco.com>', 'authorised', 'eneco.com'],
    ['INFO@Eneco.COM.', 'authorised', 'eneco.com'],
    ['info@bücher.de', 'none', 'xn--bcher-kva.de'],
    ['@eneco.com', 'invalid', ''],
    ['a@b@eneco.com', 'invalid', ''],
    ['info@', 'invalid', ''],
    ['https://eneco.com', 'invalid', ''],
    ['a..b.nl', 'invalid', 'a..b.nl'],
  ];
  for (const [input, situation, domain] of inputs) {
    it(`reads ${JSON.stringify(input)} as ${situation}`, async () => {
      const [row] = await collect(checkCustomers([{ line: 1, input }], { provider: blueinkt, resolver: zoneResolver(zone) }));
      assert.deepEqual([row?.situation, row?.domain], [situation, domain]);
    });
  }

  it('a check that throws becomes an invalid row; the run goes on', async () => {
    const inner = zoneResolver(zone);
    const resolver: Resolver = {
      query(name, type) {
        if (name.startsWith('example.com')) throw new Error('resolver exploded');
        return inner.query(name, type);
      },
    };
    const rows: Row[] = [{ line: 1, input: 'info@example.com' }, { line: 2, input: 'info@eneco.com' }];
    const out = byLine(await collect(checkCustomers(rows, { provider: blueinkt, resolver })));
    assert.deepEqual([out.get(1)?.situation, out.get(1)?.cause, out.get(1)?.reason], ['invalid', 'check-failed', 'The check failed: resolver exploded.']);
    assert.equal(out.get(2)?.situation, 'authorised');
  });

  it('keeps at most `concurrency` customers in flight, and reports each row once', async () => {
    const rows: Row[] = Array.from({ length: 40 }, (_, i) => ({ line: i + 1, input: `user${i}@${['klant.nl', 'example.com', 'eneco.com', 'broken.nl'][i % 4]}` }));
    // One row at a time first: the most queries a single row has in flight (the check's
    // look-ahead asks a record's terms in parallel).
    const single = slowResolver(3);
    await collect(checkCustomers(rows.slice(0, 4), { provider: blueinkt, resolver: single, concurrency: 1 }));
    const resolver = slowResolver(3);
    const progress: number[] = [];
    // Uncached, so every row asks DNS: queries in flight ≤ rows in flight × one row's most.
    const out = await collect(checkCustomers(rows, { provider: blueinkt, resolver, concurrency: 5, onProgress: (p) => progress.push(p.done) }));
    assert.ok(resolver.most <= 5 * single.most, `${resolver.most} queries in flight (one row: ${single.most})`);
    assert.ok(resolver.most > single.most, `only ${resolver.most} in flight (one row: ${single.most}): not concurrent`);
    assert.deepEqual(out.map((r) => r.line).sort((a, b) => a - b), rows.map((r) => r.line));
    assert.deepEqual(progress, Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('refuses an unusable service before reading any row', () => {
    assert.throws(() => checkCustomers([], { mechanism: 'include:', resolver: zoneResolver(zone) }), BulkSenderError);
    assert.throws(() => checkCustomers([], { mechanism: 'a:smtp1.blueinkt.com', testIps: ['5.255.64'], resolver: zoneResolver(zone) }), /not an IPv4 or IPv6 address/);
  });
});
