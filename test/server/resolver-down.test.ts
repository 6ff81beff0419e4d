/**
 * Issue 16.2 through the HTTP server on a real socket: with spfkit's own resolver down (a
 * real closed loopback port), /readyz is 503 and names it, a check's explanation says so
 * instead of blaming the domain's DNS, and an audit has no grade and one finding per area;
 * with the resolver up (a DNS server on loopback), /readyz is 200. Every body is held against
 * /openapi.json. Last, src/server/main.ts with DNS_SERVERS=127.0.0.1:1 as a process.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { FastifyInstance } from 'fastify';
import type { AuditResult } from '../../src/audit/types.ts';
import { zoneFromText } from '../../src/dns/zone.ts';
import { type ServerOptions, createServer } from '../../src/server/server.ts';
import { type DnsServer, startDnsServer } from '../support/dns-server.ts';
import { closedPort } from '../support/services.ts';
import { type ResponseValidator, SEED_004_ZONE, responseValidator } from './support.ts';

let dns: DnsServer;
let closed: string;
let validator: ResponseValidator;
const running: FastifyInstance[] = [];

before(async () => {
  dns = await startDnsServer(zoneFromText(SEED_004_ZONE));
  closed = await closedPort();
});
after(async () => {
  await Promise.all(running.map((app) => app.close()));
  await dns.stop();
});

async function listen(options: ServerOptions): Promise<string> {
  const app = createServer({ logger: false, webRoot: false, ...options });
  running.push(app);
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  validator ??= responseValidator(await (await fetch(`${base}/openapi.json`)).json());
  return base;
}

/** GET or POST, the body checked against /openapi.json for `route`. */
async function call(base: string, route: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${base}${path}`, body === undefined ? { headers } : { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const json = (await res.json()) as Record<string, unknown>;
  validator.assert(body === undefined ? 'GET' : 'POST', route, res.status, json);
  return { status: res.status, body: json };
}

describe("the server with its own resolver down (DNS servers: a closed port)", () => {
  let base: string;
  before(async () => {
    base = await listen({ dns: { servers: [closed] } });
  });

  it('/readyz: 503, naming the resolver and the error; /healthz stays liveness', async () => {
    const ready = await call(base, '/readyz', '/readyz');
    assert.equal(ready.status, 503);
    assert.deepEqual(ready.body.dns, { state: 'unreachable', servers: [closed], error: 'refused', detail: `ECONNREFUSED ${closed}` });
    assert.equal(ready.body.message, `The DNS resolver spfkit uses, \`${closed}\`, refused the connection (ECONNREFUSED ${closed}): nothing answers DNS there`);
    const nl = await call(base, '/readyz', '/readyz', undefined, { 'accept-language': 'nl' });
    assert.match(String(nl.body.message), /^De DNS-resolver die spfkit gebruikt/);
    assert.equal((await call(base, '/healthz', '/healthz')).status, 200);
  });

  it("POST /api/check: temperror explained as spfkit's resolver, with the resolver as data", async () => {
    const { status, body } = await call(base, '/api/check', '/api/check', { ip: '5.255.64.53', sender: 'info@mydomain.nl' });
    assert.equal(status, 200);
    const explanation = body.explanation as { headline: string; reason: string; advice: string };
    assert.equal(explanation.headline, "The SPF policy of mydomain.nl could not be checked: spfkit's own DNS resolver could not be reached (temperror).");
    assert.match(explanation.reason, new RegExp(`^The DNS resolver spfkit uses, \`${closed.replace(/\./g, '\\.')}\`, refused the connection`));
    assert.doesNotMatch(explanation.advice, /DNS servers that answer for/);
    assert.deepEqual(body.resolver, { state: 'unreachable', servers: [closed], error: 'refused', detail: `ECONNREFUSED ${closed}` });
  });

  it('GET /api/audit: no grade, one dns-resolver-unreachable finding per area', async () => {
    const { status, body } = await call(base, '/api/audit/{domain}', '/api/audit/byteklant.nl?lang=nl');
    assert.equal(status, 200);
    const audit = body as unknown as AuditResult;
    assert.equal(audit.grade, null);
    assert.deepEqual(
      audit.findings.map((f) => [f.area, f.id]),
      [['spf', 'dns-resolver-unreachable'], ['dkim', 'dns-resolver-unreachable'], ['dmarc', 'dns-resolver-unreachable'], ['mx', 'dns-resolver-unreachable']],
    );
    assert.match(audit.findings[0]?.message ?? '', /^Niet te controleren: de DNS-resolver die spfkit gebruikt/);
  });
});

describe('the server with its resolver up', () => {
  it('/readyz: 200 with the servers; a domain whose DNS times out is still the domain\'s problem', async () => {
    const base = await listen({ dns: { servers: [dns.address], timeout: 300, tries: 1 } });
    const ready = await call(base, '/readyz', '/readyz');
    assert.equal(ready.status, 200);
    assert.deepEqual(ready.body, { status: 'ready', dns: { state: 'reachable', servers: [dns.address] } });
    const { body } = await call(base, '/api/check', '/api/check', { ip: '5.255.64.53', sender: 'info@traag.nl' });
    assert.equal((body.check as { result: string }).result, 'temperror');
    assert.equal(body.resolver, undefined);
    assert.match((body.explanation as { advice: string }).advice, /check the DNS servers that answer for traag\.nl/);
  });

  it('/readyz with a zone resolver: ready, nothing to probe', async () => {
    const { zoneResolver } = await import('../../src/dns/zone.ts');
    const base = await listen({ resolver: zoneResolver(zoneFromText(SEED_004_ZONE), { log: false }) });
    assert.deepEqual((await call(base, '/readyz', '/readyz')).body, { status: 'ready', dns: { state: 'not-probed' } });
  });
});

describe('src/server/main.ts with DNS_SERVERS=127.0.0.1:1', () => {
  it('answers /readyz 503 as a process', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DNS_SERVERS: '127.0.0.1:1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL logged within 20 s:\n${out}`)), 20_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const found = /"url":"(http:\/\/[^"]+)"/.exec(out);
          if (found?.[1]) {
            clearTimeout(timer);
            resolve(found[1]);
          }
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
      });
      const res = await fetch(`${url}/readyz`);
      assert.equal(res.status, 503);
      assert.deepEqual(((await res.json()) as { dns: unknown }).dns, { state: 'unreachable', servers: ['127.0.0.1:1'], error: 'refused', detail: 'ECONNREFUSED 127.0.0.1:1' });
      child.kill('SIGTERM');
      await once(child, 'exit');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
