/**
 * Issue 17.1 end to end: a record of 8 000 bad characters published in DNS (served by the
 * loopback DNS server, over TCP since it does not fit UDP) and explained by the server on a
 * real socket. The answer stays small — one issue for the run, not one per character with a
 * copy of the record each (24 MB for 4 000 characters before). Timing is measured in
 * bench/explain-bad.ts, not here.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { zoneFromObject } from '../../src/dns/zone.ts';
import { createServer } from '../../src/server/server.ts';
import { type DnsServer, startDnsServer } from '../support/dns-server.ts';

/** `text` as TXT character-strings of at most 255 bytes (RFC 1035 §3.3). */
const strings = (text: string): string[] => Array.from({ length: Math.ceil(text.length / 255) }, (_, i) => text.slice(i * 255, (i + 1) * 255));

const RUN = 'v=spf1 a:' + '\x7f'.repeat(8000);
const MIXED = 'v=spf1 a:' + 'a\x7f'.repeat(4000);

let dns: DnsServer;
let app: FastifyInstance;
let base: string;

before(async () => {
  dns = await startDnsServer(zoneFromObject({ 'run.example': [{ TXT: strings(RUN) }], 'mixed.example': [{ TXT: strings(MIXED) }] }));
  app = createServer({ dns: { servers: [dns.address], timeout: 2000, tries: 1 }, logger: false, webRoot: false });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
after(async () => {
  await app.close();
  await dns.stop();
});

describe('POST /api/explain {domain} with 8 000 bad characters published in DNS', () => {
  for (const [domain, record, count] of [
    ['run.example', RUN, 1],
    ['mixed.example', MIXED, 4000],
  ] as const) {
    it(`${domain}: the record fetched whole, its problems bounded (under 100 KB)`, async () => {
      const res = await fetch(`${base}/api/explain`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ domain }) });
      assert.equal(res.status, 200);
      const body = await res.text();
      assert.ok(body.length < 100_000, `${body.length} bytes`);
      const parsed = JSON.parse(body) as { record: string; explanation: { issues: { code: string }[]; moreIssues: number } };
      assert.equal(parsed.record, record);
      assert.equal(parsed.explanation.issues[0]?.code, 'illegal-character');
      assert.ok(parsed.explanation.issues.length <= 20);
      assert.equal(parsed.explanation.issues.length + parsed.explanation.moreIssues, count);
    });
  }
});
