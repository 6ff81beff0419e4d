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
/** Six bytes each in JSON (`\u0001`): 141 KB when the answer carried the record three times. */
const CONTROL = 'v=spf1 a:' + '\x01'.repeat(8000);
/** 4 000 terms: 520 KB when every term was explained. */
const TERMS = 'v=spf1 ' + 'x '.repeat(4000);
/** Longer than the echo limit (8 192 characters): the record is echoed cut, with its length. */
const HUGE = 'v=spf1 a:' + '\x01'.repeat(20_000);

let dns: DnsServer;
let app: FastifyInstance;
let base: string;

before(async () => {
  dns = await startDnsServer(
    zoneFromObject({
      'run.example': [{ TXT: strings(RUN) }],
      'mixed.example': [{ TXT: strings(MIXED) }],
      'control.example': [{ TXT: strings(CONTROL) }],
      'terms.example': [{ TXT: strings(TERMS) }],
      'huge.example': [{ TXT: strings(HUGE) }],
    }),
  );
  app = createServer({ dns: { servers: [dns.address], timeout: 2000, tries: 1 }, logger: false, webRoot: false });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
after(async () => {
  await app.close();
  await dns.stop();
});

type Answer = { record: string; recordLength?: number; explanation: { text?: string; terms: unknown[]; issues: { code: string }[]; moreIssues: number; moreTerms: number } };

async function explainDomain(domain: string): Promise<{ bytes: number; body: Answer }> {
  const res = await fetch(`${base}/api/explain`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ domain }) });
  assert.equal(res.status, 200);
  const body = Buffer.from(await res.arrayBuffer());
  return { bytes: body.length, body: JSON.parse(body.toString('utf8')) as Answer };
}

describe('POST /api/explain {domain} with 8 000 bad characters published in DNS', () => {
  for (const [domain, record, first, count] of [
    ['run.example', RUN, 'illegal-character', 1],
    ['mixed.example', MIXED, 'illegal-character', 4000],
    ['control.example', CONTROL, 'illegal-character', 1],
    ['terms.example', TERMS, 'unknown-mechanism', 4000],
  ] as const) {
    it(`${domain}: the record fetched whole and carried once, its problems bounded (under 100 KB)`, async () => {
      const { bytes, body } = await explainDomain(domain);
      assert.ok(bytes < 100_000, `${bytes} bytes`);
      assert.equal(body.record, record);
      assert.equal(body.recordLength, undefined);
      assert.equal(body.explanation.text, undefined);
      assert.equal(body.explanation.issues[0]?.code, first);
      assert.ok(body.explanation.issues.length <= 20);
      assert.ok(body.explanation.terms.length <= 50);
      assert.equal(body.explanation.terms.length + body.explanation.moreTerms, record.split(' ').filter(Boolean).length);
      assert.equal(body.explanation.issues.length + body.explanation.moreIssues, count);
    });
  }

  it('a 20 000-character record: echoed cut to 8 192 characters with its length, under 100 KB', async () => {
    const { bytes, body } = await explainDomain('huge.example');
    assert.ok(bytes < 100_000, `${bytes} bytes`);
    assert.equal(body.record, HUGE.slice(0, 8192));
    assert.equal(body.recordLength, HUGE.length);
  });
});
