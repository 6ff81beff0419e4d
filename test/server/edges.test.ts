/**
 * The HTTP edge on a real socket (issue 17.12): long domains in the path, badly %-encoded
 * URLs and JSON with a `__proto__` key are answered in the server's own error shape, with a
 * request id, naming what is wrong.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { zoneFromText, zoneResolver } from '../../src/dns/zone.ts';
import { createServer } from '../../src/server/server.ts';

/** 60 + 1 + 60 + 4 = 125 characters: over Fastify's default parameter limit (100), a valid name. */
const LONG = `${'a'.repeat(60)}.${'b'.repeat(60)}.com`;
/** 3 × 63 + 61 + 3 dots = 253 characters: the longest name in text form (RFC 1035 §2.3.4). */
const LONGEST = `${['c', 'd', 'e'].map((c) => c.repeat(63)).join('.')}.${'f'.repeat(61)}`;

let app: FastifyInstance;
let base: string;

before(async () => {
  const zone = zoneFromText(`zone:\n  ${LONG}: [{TXT: "v=spf1 ip4:192.0.2.0/24 -all"}]\n  ${LONGEST}: [{TXT: "v=spf1 -all"}]\n`);
  app = createServer({ resolver: zoneResolver(zone, { log: false }), logger: false, webRoot: false });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
after(() => app.close());

interface ErrorBody {
  error: string;
  message: string;
  requestId: string;
  issues?: { field: string; code: string; message: string }[];
}

/** The response's status and body, asserting our error shape with a request id when it is an error. */
async function call(path: string, init?: RequestInit): Promise<{ status: number; body: ErrorBody & { domain?: string; areas?: { spf: { record?: string } } } }> {
  const res = await fetch(`${base}${path}`, init);
  const body = (await res.json()) as ErrorBody & { domain?: string };
  if (res.status >= 400) {
    assert.deepEqual(Object.keys(body).filter((k) => k !== 'issues'), ['error', 'message', 'requestId'], JSON.stringify(body));
    assert.match(body.requestId, /^[0-9a-f-]{36}$/);
    assert.equal(res.headers.get('x-request-id'), body.requestId);
  }
  return { status: res.status, body };
}

describe('the HTTP edge (issue 17.12)', () => {
  it('audits a valid 125-character domain, and a 253-character one', async () => {
    for (const domain of [LONG, LONGEST]) {
      const { status, body } = await call(`/api/audit/${domain}`);
      assert.equal(status, 200, JSON.stringify(body).slice(0, 300));
      assert.equal(body.domain, domain);
    }
  });

  it('refuses a domain over 254 characters as the path parameter "domain", not as "no route"', async () => {
    const { status, body } = await call(`/api/audit/${'a'.repeat(300)}.nl`);
    assert.equal(status, 400);
    assert.equal(body.issues?.[0]?.field, 'domain');
    assert.match(body.message, /path parameter "domain" must be at most 254 characters/);
  });

  it('answers a badly %-encoded URL in its own shape, with a request id, in the asked language', async () => {
    const en = await call('/api/audit/%E0%A4%A');
    assert.equal(en.status, 400);
    assert.equal(en.body.error, 'bad-url');
    assert.match(en.body.message, /not validly %-encoded/);
    assert.doesNotMatch(JSON.stringify(en.body), /FST_/);
    const nl = await call('/api/audit/%zz.nl', { headers: { 'accept-language': 'nl' } });
    assert.equal(nl.status, 400);
    assert.match(nl.body.message, /niet geldig %-gecodeerd/);
  });

  it('names a __proto__ key in valid JSON instead of calling it invalid JSON, wherever it is', async () => {
    const post = (body: string) => call('/api/check', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const top = await post('{"ip":"192.0.2.1","sender":"a@x.nl","__proto__":{"polluted":1}}');
    assert.equal(top.status, 400);
    assert.equal(top.body.error, 'invalid-input');
    assert.deepEqual(top.body.issues?.map((i) => [i.field, i.code]), [['__proto__', 'forbidden-key']]);
    assert.match(top.body.message, /field "__proto__": the key "__proto__" is not accepted/);
    const nested = await post('{"ip":"192.0.2.1","sender":"a@x.nl","overrides":{"x.nl":"v=spf1 -all","__proto__":"v=spf1 +all"}}');
    assert.equal(nested.status, 400);
    assert.deepEqual(nested.body.issues?.map((i) => i.field), ['overrides.__proto__']);
    const ctor = await post('{"ip":"192.0.2.1","sender":"a@x.nl","constructor":{"prototype":{}}}');
    assert.deepEqual(ctor.body.issues?.map((i) => [i.field, i.code]), [['constructor', 'forbidden-key']]);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    // Still: broken JSON is "not valid JSON", an empty body says so, a good body is checked.
    assert.equal((await post('{"ip":')).body.error, 'invalid-json');
    assert.equal((await post('')).body.error, 'invalid-json');
    const good = await fetch(`${base}/api/check`, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ ip: '192.0.2.1', sender: `a@${LONG}` }) });
    assert.equal(good.status, 200);
    assert.equal(((await good.json()) as { check: { result: string } }).check.result, 'pass');
  });

  it('bytes that are not HTTP, and oversized headers, are answered in the same shape with a request id', async () => {
    const port = (app.server.address() as net.AddressInfo).port;
    const raw = (text: string) =>
      new Promise<string>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
        let received = '';
        socket.on('data', (chunk) => (received += chunk.toString('latin1')));
        socket.on('error', () => {});
        socket.on('close', () => resolve(received));
      });
    for (const [text, status, error] of [
      ['GARBAGE \x00\x01\r\n\r\n', 400, 'bad-request'],
      [`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431, 'headers-too-large'],
    ] as const) {
      const answer = await raw(text);
      assert.match(answer, new RegExp(`^HTTP/1\\.1 ${status} `));
      const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as ErrorBody;
      assert.equal(body.error, error);
      assert.match(body.requestId, /^[0-9a-f-]{36}$/);
      assert.ok(answer.toLowerCase().includes(`x-request-id: ${body.requestId}`));
    }
  });
});
