/**
 * The server on a real socket with the real system resolver, pointed at a DNS server on
 * loopback (test/support/dns-server.ts): a check end to end, the rate limiter's 429 with
 * Retry-After, slow DNS answered with temperror within the deadline while /healthz keeps
 * answering, and src/server/main.ts started as a process.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { FastifyInstance } from 'fastify';
import { zoneFromText } from '../../src/dns/zone.ts';
import { serverEnv } from '../../src/server/env.ts';
import { type ServerOptions, createServer } from '../../src/server/server.ts';
import { type DnsServer, startDnsServer } from '../support/dns-server.ts';
import { SEED_004_ZONE } from './support.ts';

const BLUEINKT = '5.255.64.53';

let dns: DnsServer;
const running: FastifyInstance[] = [];

before(async () => {
  dns = await startDnsServer(zoneFromText(SEED_004_ZONE));
});
after(async () => {
  await Promise.all(running.map((app) => app.close()));
  await dns.stop();
});

/** A listening server on a free loopback port, DNS from the loopback server; its base URL. */
async function listen(options: ServerOptions = {}): Promise<string> {
  const app = createServer({ dns: { servers: [dns.address], timeout: 1000, tries: 1 }, logger: false, webRoot: false, ...options });
  running.push(app);
  return app.listen({ port: 0, host: '127.0.0.1' });
}

/** The parts of response bodies these tests read. */
interface Body {
  check: { result: string; cause: { detail: string } };
  ptrName?: string;
  explanation: { advice: string };
  error?: string;
  message?: string;
  status?: string;
}

const json = (res: Response): Promise<Body> => res.json() as Promise<Body>;

function post(base: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('the server on loopback, with DNS from a loopback DNS server', () => {
  it('checks end to end: seed 004 situation 2, the PTR name looked up over DNS', async () => {
    const base = await listen();
    const res = await post(base, '/api/check', { ip: BLUEINKT, sender: 'info@example.com', lang: 'nl' });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    const body = await json(res);
    assert.equal(body.check.result, 'fail');
    assert.equal(body.ptrName, 'smtp1.blueinkt.com');
    assert.match(body.explanation.advice, /a:smtp1\.blueinkt\.com/);
    assert.ok(dns.queries.some((q) => q.name === 'spf.protection.outlook.com' && q.type === 'TXT'));
    // The openspf permalink as a browser sends it, ; and all.
    const why = await fetch(`${base}/api/why?scope=mfrom;identity=fm_eib_verkoop_midden@eneco.com;ip=${BLUEINKT}`);
    assert.equal((await json(why)).check.result, 'pass');
  });

  it('answers 429 with Retry-After once a client is over the rate limit', async () => {
    const base = await listen({ limits: { rateMax: 3, rateWindowMs: 30_000 } });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 5; i++) {
      last = await post(base, '/api/check', { ip: BLUEINKT, sender: 'info@klant.nl' });
      statuses.push(last.status);
      if (i < 4) await last.arrayBuffer();
    }
    assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
    const retryAfter = Number(last?.headers.get('retry-after'));
    assert.ok(retryAfter > 0 && retryAfter <= 30, `Retry-After: ${retryAfter}`);
    assert.ok(last);
    const body = await json(last);
    assert.equal(body.error, 'rate-limited');
    assert.equal(body.message, `too many requests; retry in ${retryAfter} s`);
    assert.equal((await fetch(`${base}/healthz`)).status, 200, '/healthz is not limited');
  });

  it('answers temperror within the deadline when DNS does not answer, and keeps serving meanwhile', async () => {
    // The DNS client would wait 2 s; the request deadline is 600 ms.
    const base = await listen({ dns: { servers: [dns.address], timeout: 2000, tries: 1 }, limits: { deadlineMs: 600 } });
    const start = performance.now();
    let settled = false;
    const slow = post(base, '/api/check', { ip: BLUEINKT, sender: 'info@traag.nl' }).then(async (res) => {
      settled = true;
      return { status: res.status, body: await json(res), ms: performance.now() - start };
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const healthStart = performance.now();
    const health = await fetch(`${base}/healthz`);
    const healthMs = performance.now() - healthStart;
    assert.equal(health.status, 200);
    assert.ok(healthMs < 300, `/healthz took ${healthMs} ms`);
    const other = await post(base, '/api/check', { ip: BLUEINKT, sender: 'info@eneco.com' });
    assert.equal((await json(other)).check.result, 'pass', 'other checks go on while one waits for DNS');
    assert.equal(settled, false, 'the slow check was still waiting');
    const { status, body, ms } = await slow;
    assert.equal(status, 200);
    assert.equal(body.check.result, 'temperror');
    assert.match(body.check.cause.detail, /deadline of 600 ms exceeded/);
    assert.ok(ms >= 550 && ms < 1500, `answered after ${ms} ms`);
  });
});

describe('src/server/main.ts', () => {
  it('reads its settings from the environment, naming a bad variable', () => {
    const env = serverEnv({ PORT: '0', HOST: '::1', DNS_SERVERS: '127.0.0.1:5353, [::1]:53', DNS_TIMEOUT: '500', RATE_MAX: '5', TRUST_PROXY: 'true' });
    assert.equal(env.port, 0);
    assert.equal(env.host, '::1');
    assert.deepEqual(env.options.dns, { servers: ['127.0.0.1:5353', '[::1]:53'], timeout: 500 });
    assert.equal(env.options.trustProxy, true);
    assert.deepEqual(env.options.limits, { rateMax: 5, clientQueries: 1200 });
    assert.equal(serverEnv({ DNS_ALLOWANCE: '5000' }).options.limits?.clientQueries, 5000);
    assert.throws(() => serverEnv({ DNS_ALLOWANCE: '100' }), /^Error: DNS_ALLOWANCE must be a whole number 134–100000000, got "100"$/);
    const defaults = serverEnv({});
    assert.equal(defaults.port, 8080);
    assert.equal(defaults.host, '127.0.0.1');
    assert.throws(() => serverEnv({ PORT: '80a' }), /PORT must be a whole number/);
    assert.throws(() => serverEnv({ DNS_SERVERS: 'dns.example.com' }), /DNS_SERVERS: invalid DNS server/);
    assert.throws(() => serverEnv({ LOG_LEVEL: 'loud' }), /LOG_LEVEL/);
    assert.throws(() => serverEnv({ TRUST_PROXY: 'yes' }), /TRUST_PROXY/);
  });

  it('starts, logs its URL as JSON, serves, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DNS_SERVERS: dns.address },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL logged within 20 s:\n${out}`)), 20_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          for (const line of out.split('\n')) {
            if (!line.startsWith('{')) continue;
            const entry = JSON.parse(line) as { url?: string };
            if (entry.url) {
              clearTimeout(timer);
              resolve(entry.url);
            }
          }
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
      });
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.deepEqual(await (await fetch(`${url}/healthz`)).json(), { status: 'ok' });
      const check = await json(await post(url, '/api/check', { ip: BLUEINKT, sender: 'info@klant.nl' }));
      assert.equal(check.check.result, 'none');
      // Request log lines are JSON with the request id.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const lines = out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { reqId?: string; msg?: string });
      assert.ok(lines.some((l) => l.msg === 'request completed' && typeof l.reqId === 'string'));
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      assert.equal(code, 0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
