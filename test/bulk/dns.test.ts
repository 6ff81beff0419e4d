/** `spfkit bulk` end to end against a real DNS server on loopback (test/support/dns-server.ts). */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/run.ts';
import { type DnsServer, startDnsServer } from '../support/dns-server.ts';
import { CUSTOMERS_CSV, EXPECTED, zone } from './fixtures.ts';

let dir = '';
let server: DnsServer;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spfkit-bulk-dns-'));
  server = await startDnsServer(zone);
});

after(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('spfkit bulk over loopback DNS', () => {
  it('gives the same situations as the zone resolver, asking each name once (one shared cache)', async () => {
    const customers = join(dir, 'customers.csv');
    writeFileSync(customers, CUSTOMERS_CSV + 'Again;info@example.com;\r\nAgain;sales@eneco.com;\r\n');
    const report = join(dir, 'report.jsonl');
    let err = '';
    const io: CliIo = { stdout: () => {}, stderr: (t) => (err += t), isTty: false, env: {} };
    const code = await run(['bulk', customers, '--provider', 'blueinkt', '--out', report, '--dns', server.address, '--timeout', '500'], io);
    assert.equal(code, 0, err);
    const rows = readFileSync(report, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { line: number; situation: string });
    const got = new Map(rows.map((r) => [r.line, r.situation]));
    for (const [line, [situation]] of EXPECTED) assert.equal(got.get(line), situation, `line ${line}`);
    assert.deepEqual([got.get(14), got.get(15)], ['not-authorised', 'authorised']);
    const asked = server.queries.map((q) => `${q.type} ${q.name.toLowerCase()}`);
    assert.equal(new Set(asked).size, asked.length, `asked twice: ${asked.join(', ')}`);
  });
});
