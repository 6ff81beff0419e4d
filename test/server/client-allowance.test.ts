/**
 * Issue 17.2 through the real HTTP server and a loopback DNS server: one ~90-byte request
 * could cause 400 DNS queries, and with 60 requests a minute one client made the server send
 * ~24 000 queries a minute to names it chose. Now each client has a DNS allowance over time
 * (`limits.clientQueries` per `limits.rateWindowMs`) that every request's budget — the audit's
 * DKIM selector probing included — is reserved from; past it the answer is 429 in words.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { zoneFromObject } from '../../src/dns/zone.ts';
import { createServer } from '../../src/server/server.ts';
import { type DnsServer, startDnsServer } from '../support/dns-server.ts';

/** d0.test … d29.test: each record asks for nine existing hosts (ten queries a check, all distinct). */
const zone: Record<string, unknown[]> = {};
for (let d = 0; d < 30; d++) {
  zone[`d${d}.test`] = [{ TXT: ['v=spf1 ' + Array.from({ length: 9 }, (_, h) => `a:h${h}.d${d}.test`).join(' ') + ' -all'] }];
  for (let h = 0; h < 9; h++) zone[`h${h}.d${d}.test`] = [{ A: '192.0.2.200' }];
}

const ALLOWANCE = 200;
let dns: DnsServer;
const servers: FastifyInstance[] = [];
async function start(): Promise<string> {
  // An hour's window: the allowance does not refill noticeably while the test runs.
  const app = createServer({ dns: { servers: [dns.address], timeout: 2000, tries: 1 }, logger: false, webRoot: false, limits: { rateMax: 10_000, clientQueries: ALLOWANCE, rateWindowMs: 3_600_000 } });
  servers.push(app);
  return app.listen({ port: 0, host: '127.0.0.1' });
}

before(async () => {
  dns = await startDnsServer(zoneFromObject(zone as never));
});
after(async () => {
  for (const app of servers) await app.close();
  await dns.stop();
});

describe('the per-client DNS allowance (issue 17.2)', () => {
  it('a flood of audits and checks on fresh names sends at most the allowance to DNS; the rest is 429 in words', async () => {
    const base = await start();
    const sent = dns.queries.length;
    const statuses: number[] = [];
    const audit = await fetch(`${base}/api/audit/d29.test`);
    statuses.push(audit.status);
    let refused: Response | undefined;
    for (let d = 0; d < 25; d++) {
      const res = await fetch(`${base}/api/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ip: '203.0.113.5', sender: `info@d${d}.test` }) });
      statuses.push(res.status);
      if (res.status === 429) refused ??= res;
      else await res.arrayBuffer();
    }
    const asked = dns.queries.length - sent;
    assert.ok(asked <= ALLOWANCE, `${asked} DNS queries for one client (allowance ${ALLOWANCE})`);
    assert.equal(statuses[0], 200, 'the audit (its selector probing counted) ran');
    assert.ok(statuses.filter((s) => s === 200).length >= 2, `${statuses.join(' ')}: the checks the allowance covers ran`);
    assert.ok(refused, `${statuses.join(' ')}: some were refused`);
    const body = (await refused.json()) as { error: string; message: string };
    assert.equal(body.error, 'dns-budget');
    assert.match(body.message, /at most 200 DNS queries per 3600 s/);
    const retry = Number(refused.headers.get('retry-after'));
    assert.ok(retry >= 1 && Number.isInteger(retry), `Retry-After ${String(retry)}`);
    assert.match(body.message, new RegExp(`retry in ${retry} s`));
  });

  it('says it in Dutch for a Dutch client', async () => {
    const base = await start();
    const sent = dns.queries.length;
    let last: Response | undefined;
    for (let i = 0; i < 12; i++) {
      last = await fetch(`${base}/api/check`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'nl' }, body: JSON.stringify({ ip: '203.0.113.5', sender: `info@d${i}.test` }) });
      if (last.status === 429) break;
      await last.arrayBuffer();
    }
    assert.equal(last?.status, 429);
    assert.match(((await last.json()) as { message: string }).message, /hoogstens 200 DNS-query's per 3600 s/);
    assert.ok(dns.queries.length - sent <= ALLOWANCE);
  });
});
