/**
 * POST /api/message on a listening server whose DNS is the loopback test server (issue 13.3):
 * a signed message verified, bad input (a 50 MB message, no headers, a binary blob, a
 * malformed DKIM-Signature) answered clearly, and the server keeps serving.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { systemResolver } from '../../src/dns/system.ts';
import { zoneFromObject } from '../../src/dns/zone.ts';
import { createServer } from '../../src/server/server.ts';
import { keyRecord, makeKey, signMessage, txtStrings } from '../support/dkim-sign.ts';
import { startDnsServer, type DnsServer } from '../support/dns-server.ts';

const key = makeKey('rsa', 2048);
const MESSAGE = 'From: Info <info@klant.example>\r\nTo: jan@ontvanger.example\r\nSubject: Hallo\r\n\r\nHoi Jan\r\n';

let dns: DnsServer;
let app: FastifyInstance;
let base: string;

before(async () => {
  dns = await startDnsServer(
    zoneFromObject({
      'klant.example': [{ TXT: 'v=spf1 ip4:192.0.2.0/24 -all' }],
      '_dmarc.klant.example': [{ TXT: 'v=DMARC1; p=reject' }],
      'prezent-a._domainkey.klant.example': [{ CNAME: 'prezent-a._domainkey.prezent.example' }],
      'prezent-a._domainkey.prezent.example': [{ TXT: txtStrings(keyRecord(key)) }],
    }),
  );
  app = createServer({ resolver: systemResolver({ servers: [dns.address], timeout: 500, tries: 1 }), logger: false, webRoot: false });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
after(async () => {
  await app.close();
  await dns.stop();
});

async function post(body: Uint8Array | string, query = '', type = 'message/rfc822'): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${base}/api/message${query}`, { method: 'POST', headers: { 'content-type': type }, body });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('POST /api/message', () => {
  it('verifies a message signed through a CNAMEd selector, with SPF and DMARC for the client given', async () => {
    const raw = signMessage(MESSAGE, { domain: 'klant.example', selector: 'prezent-a', key, headers: ['From', 'To', 'Subject'] });
    const { status, body } = await post(raw, '?ip=192.0.2.9&helo=mail.klant.example&mailFrom=info@klant.example&lang=nl');
    assert.equal(status, 200, JSON.stringify(body).slice(0, 400));
    const evaluation = body.evaluation as { dkim: Array<{ result: string; keyCname?: string }>; dmarc: { outcome: { result: string } }; authenticationResults: string };
    assert.deepEqual(evaluation.dkim.map((d) => [d.result, d.keyCname]), [['pass', 'prezent-a._domainkey.prezent.example']]);
    assert.equal(evaluation.dmarc.outcome.result, 'pass');
    assert.match(evaluation.authenticationResults, /dkim=pass .*spf=pass .*dmarc=pass/s);
    assert.ok((body.lines as string[]).some((line) => /Handtekening klopt/.test(line)));
  });

  it('a 50 MB message is a 413 that says the limit; the server keeps serving', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0x61);
    const { status, body } = await post(big);
    assert.equal(status, 413);
    assert.equal(body.error, 'body-too-large');
    assert.match(String(body.message), /at most 26214400 bytes/);
    const health = await fetch(`${base}/healthz`);
    assert.equal(health.status, 200);
  });

  it('no headers, a binary blob, a malformed DKIM-Signature: clear answers, no crash', async () => {
    const blob = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 131) % 256));
    const binary = await post(blob, '', 'application/octet-stream');
    assert.equal(binary.status, 200);
    const e1 = binary.body.evaluation as { message: { issues: Array<{ code: string }> }; dmarc: { reason: string } };
    assert.ok(e1.message.issues.some((issue) => issue.code === 'no-headers'));
    assert.equal(e1.dmarc.reason, 'no-from');
    const malformed = await post(`DKIM-Signature: v=1; a=rsa-sha256; d=klant.example; s=x; h=subject; bh=AA==; b=AA==\r\n${MESSAGE}`);
    const e2 = malformed.body.evaluation as { dkim: Array<{ result: string; cause: { code: string; problem: { code: string } } }> };
    assert.deepEqual(e2.dkim.map((d) => [d.result, d.cause.code, d.cause.problem.code]), [['permerror', 'malformed-signature', 'from-not-signed']]);
    const empty = await post('');
    assert.equal(empty.status, 400);
  });
});
