/**
 * Issue 17.8 through the real HTTP server and a loopback DNS server: the per-request query
 * budget is sized from RFC 7208's worst case, so a record within the RFC's limits — ten `mx`
 * terms of ten exchanges each — gets its RFC result, not temperror; when a (smaller,
 * configured) budget does stop a check, the answer says it was the server's limit, not the
 * domain's DNS; and `/api/add` on that record flattens and verifies (it said "added" with a
 * failed verification of 11 lookups before).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { zoneFromObject } from '../../src/dns/zone.ts';
import { createServer } from '../../src/server/server.ts';
import { CHECK_MAX_QUERIES } from '../../src/server/context.ts';
import { maxCheckQueries } from '../../src/spf/lookup-rules.ts';
import { type DnsServer, startDnsServer } from '../support/dns-server.ts';

/** wide.test: 10 `mx:` terms (the RFC's 10 DNS-querying terms), each with 10 exchanges (the RFC's 10 MX names). */
const WIDE = 'v=spf1 ' + Array.from({ length: 10 }, (_, i) => `mx:m${i}.wide.test`).join(' ') + ' -all';
const zone: Record<string, unknown[]> = {
  'wide.test': [{ TXT: [WIDE] }],
  'spf.prov.test': [{ TXT: ['v=spf1 ip4:198.51.100.0/24 -all'] }],
};
for (let i = 0; i < 10; i++) {
  zone[`m${i}.wide.test`] = Array.from({ length: 10 }, (_, j) => ({ MX: [j, `x${i}-${j}.wide.test`] }));
  for (let j = 0; j < 10; j++) zone[`x${i}-${j}.wide.test`] = [{ A: `192.0.2.${i * 10 + j + 1}` }];
}

let dns: DnsServer;
const servers: FastifyInstance[] = [];
async function start(limits: Record<string, number> = {}): Promise<string> {
  const app = createServer({ dns: { servers: [dns.address], timeout: 2000, tries: 1 }, logger: false, webRoot: false, limits: { rateMax: 10_000, ...limits } });
  servers.push(app);
  return app.listen({ port: 0, host: '127.0.0.1' });
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies of several routes, read field by field
type Json = any;
async function post(base: string, path: string, body: object): Promise<{ status: number; json: Json }> {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

before(async () => {
  dns = await startDnsServer(zoneFromObject(zone as never));
});
after(async () => {
  for (const app of servers) await app.close();
  await dns.stop();
});

describe('the per-request DNS budget (issue 17.8)', () => {
  it('is sized from the RFC worst case: 123 queries a check, plus 11 for the PTR name shown beside it', () => {
    assert.equal(maxCheckQueries(), 123);
    assert.equal(CHECK_MAX_QUERIES, 134);
  });

  it('/api/check: ten mx terms of ten exchanges each get their RFC result (fail), not temperror', async () => {
    const base = await start();
    const sent = dns.queries.length;
    const { status, json } = await post(base, '/api/check', { ip: '203.0.113.5', sender: 'info@wide.test' });
    assert.equal(status, 200);
    assert.equal(json.check.result, 'fail', JSON.stringify(json.check.cause));
    // 1 TXT + 10 MX + 100 A (the evaluation) and the client's PTR name: over the old budget of 100.
    const asked = dns.queries.length - sent;
    assert.ok(asked >= 111 && asked <= CHECK_MAX_QUERIES, `${asked} queries`);
  });

  it('/api/check with a smaller configured budget: temperror, and the words name the server\'s limit', async () => {
    const base = await start({ maxQueries: 50 });
    for (const [lang, words] of [
      ['en', /this server allows one request\. That is the server's limit, not a failure of the domain's DNS/],
      ['nl', /de grens van de server, geen fout in de DNS van het domein/],
    ] as const) {
      const { json } = await post(base, '/api/check', { ip: '203.0.113.5', sender: 'info@wide.test', lang });
      assert.equal(json.check.result, 'temperror');
      assert.equal(json.check.cause.budget, 50);
      assert.match(JSON.stringify(json.explanation), words);
      assert.doesNotMatch(JSON.stringify(json.explanation), /SERVFAIL/);
    }
  });

  it('/api/add on that record flattens the new include and verifies (10 lookups)', async () => {
    const base = await start();
    const { status, json } = await post(base, '/api/add', { domain: 'wide.test', mechanism: 'include:spf.prov.test' });
    assert.equal(status, 200);
    assert.equal(json.plan.status, 'added');
    assert.equal(json.plan.flattening?.status, 'flattened');
    assert.equal(json.plan.after.lookups, 10);
    assert.deepEqual(json.plan.verification.issues, []);
    assert.equal(json.plan.verification.ok, true);
  });

  it('/api/add stopped by a smaller budget: not verified, and it says the server\'s limit stopped it', async () => {
    const base = await start({ addMaxQueries: 60 });
    const { json } = await post(base, '/api/add', { domain: 'wide.test', mechanism: 'include:spf.prov.test' });
    assert.equal(json.plan.verification.ok, false);
    assert.ok(json.plan.verification.issues.some((i: { code: string; budget?: number }) => i.code === 'not-verified' && i.budget === 60), JSON.stringify(json.plan.verification.issues));
    assert.match(json.messages.verification.join(' '), /this server's limit of 60 DNS queries per request/);
  });
});
