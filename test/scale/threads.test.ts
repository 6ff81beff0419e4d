/**
 * Embedded multi-core mode (issue 12.3): the bulk report from worker threads is byte for byte
 * the single-thread report, against a real DNS server on loopback (test/support/dns-server.ts).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkCustomers } from '../../src/bulk/check.ts';
import { readCustomerRows } from '../../src/bulk/csv.ts';
import { formatReportRow } from '../../src/bulk/report.ts';
import { cachingResolver } from '../../src/dns/cache.ts';
import { systemResolver } from '../../src/dns/system.ts';
import { zoneFromObject } from '../../src/dns/zone.ts';
import { checkCustomersThreaded } from '../../src/scale/threads.ts';
import { type DnsServer, startDnsServer } from '../support/dns-server.ts';
import { ZONE_OBJECT, blueinkt } from '../bulk/fixtures.ts';

const DOMAINS = 1500;
let server: DnsServer;
const lines: string[] = ['email'];

before(async () => {
  // Every situation, over and over: no record, without the service, with it, broken, bad input.
  const zone: Record<string, unknown> = { ...ZONE_OBJECT };
  delete zone['slow.nl'];
  const kinds = ['v=spf1 include:spf.protection.outlook.com -all', 'v=spf1 a:smtp1.blueinkt.com -all', 'v=spf1 include:nowhere.example -all', 'v=spf1 mx ~all'];
  for (let i = 0; i < DOMAINS; i++) {
    const name = `c${String(i)}.example.nl`;
    if (i % 5 !== 4) zone[name] = [{ TXT: kinds[i % 5] }];
    else zone[name] = [{ MX: [10, `mx.${name}`] }];
    lines.push(i % 97 === 0 ? `not an address ${String(i)}` : `info@${name}`);
  }
  server = await startDnsServer(zoneFromObject(zone as Parameters<typeof zoneFromObject>[0]));
});

after(async () => {
  await server.stop();
});

async function report(rows: AsyncIterable<Parameters<typeof formatReportRow>[0]>): Promise<string> {
  let text = '';
  for await (const row of rows) text += formatReportRow(row, 'jsonl');
  return text;
}

describe('checkCustomersThreaded', () => {
  it(`gives the single-thread report byte for byte (${String(DOMAINS)} domains, 2 threads)`, async () => {
    const dns = { servers: [server.address], timeout: 2000 };
    const system = systemResolver(dns);
    const single = await report(checkCustomers(readCustomerRows(lines), { provider: blueinkt, resolver: cachingResolver(system), concurrency: 16 }));
    system.cancel();
    const rows = single.trim().split('\n');
    assert.equal(rows.length, DOMAINS);
    // The report is not trivially uniform: the situations all occur.
    const seen = new Set(rows.map((r) => (JSON.parse(r) as { situation: string }).situation));
    assert.deepEqual([...seen].sort(), ['authorised', 'broken', 'invalid', 'none', 'not-authorised']);
    for (const workers of [2]) {
      const threaded = await report(checkCustomersThreaded(readCustomerRows(lines), { provider: blueinkt, dns, workers, concurrency: 16, batch: 50 }));
      assert.equal(threaded, single, `${String(workers)} threads`);
    }
  });

  it('refuses an unusable service and a bad thread count before starting threads', async () => {
    await assert.rejects(report(checkCustomersThreaded(readCustomerRows(lines), { mechanism: 'include:', dns: {} })), /BulkSenderError|not a usable mechanism/);
    await assert.rejects(report(checkCustomersThreaded(readCustomerRows(lines), { provider: blueinkt, dns: {}, workers: 0 })), RangeError);
  });
});
