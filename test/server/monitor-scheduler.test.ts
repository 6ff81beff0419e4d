/**
 * `npm start`'s process (src/server/main.ts) runs the monitor's scheduler on the embedded
 * store by default: a domain marked due is checked over a real loopback DNS server and
 * stored in the SQLite file. SPFKIT_SCHEDULER=0 turns it off; a data folder that cannot be
 * created is logged and the server keeps answering; a dead DNS server is a stored
 * could-not-check, not a crash.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { zoneFromObject } from '../../src/dns/zone.ts';
import { requestCheck } from '../../src/monitor/scheduler.ts';
import { openSqliteStore } from '../../src/monitor/sqlite-store.ts';
import { SQLITE_FILE } from '../../src/monitor/open.ts';
import { sampleCheck } from '../../src/monitor/store.contract.ts';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DnsServer, startDnsServer } from '../support/dns-server.ts';

let dns: DnsServer;
let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spfkit-server-monitor-'));
  dns = await startDnsServer(
    zoneFromObject({
      'klant.nl': [{ TXT: 'v=spf1 include:spf.coachview.net -all' }],
      'spf.coachview.net': [{ TXT: 'v=spf1 ip4:212.83.209.0/24 -all' }],
      'traag.nl': ['TIMEOUT'],
    }),
  );
});
after(async () => {
  await dns.stop();
  await rm(dir, { recursive: true, force: true });
});

interface Started {
  child: ChildProcessByStdio<null, Readable, Readable>;
  url: string;
  /** Resolves when the log has a line matching `pattern` (the whole log so far). */
  logged(pattern: RegExp): Promise<string>;
  stop(): Promise<void>;
}

async function startServer(env: Record<string, string>, args: string[] = []): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', ...args], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', XDG_DATA_HOME: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const waiters: Array<() => void> = [];
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (const w of waiters.splice(0)) w();
  });
  child.stderr.on('data', (chunk: Buffer) => void (out += chunk.toString()));
  const logged = (pattern: RegExp): Promise<string> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not logged within 30 s: ${pattern}\n${out}`)), 30_000);
      const look = (): void => {
        if (pattern.test(out)) {
          clearTimeout(timer);
          resolve(out);
        } else if (child.exitCode !== null) {
          clearTimeout(timer);
          reject(new Error(`exited with ${child.exitCode}:\n${out}`));
        } else waiters.push(look);
      };
      look();
    });
  const log = await logged(/"url":"http:\/\/[^"]+"/);
  const url = /"url":"(http:\/\/[^"]+)"/.exec(log)?.[1] ?? '';
  return {
    child,
    url,
    logged,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await once(child, 'exit');
      clearTimeout(timer);
    },
  };
}

describe('the server process runs the monitor scheduler', () => {
  it('checks due domains over loopback DNS and stores them in the embedded SQLite file; a DNS timeout is a stored could-not-check, and the server keeps answering', async () => {
    const data = join(dir, 'on');
    const seed = await openSqliteStore({ file: join(data, SQLITE_FILE) });
    for (const domain of ['klant.nl', 'traag.nl']) await seed.watch({ domain, services: [{ provider: 'coachview' }] }, new Date().toISOString());
    // A check from before, with another record: the server's check raises record-changed, posted to the webhook.
    await seed.saveCheck(sampleCheck('klant.nl', new Date(Date.now() - 86_400_000).toISOString(), 'authorised', 'v=spf1 mx include:spf.coachview.net -all'), []);
    const posted: Array<{ body: string; valid: boolean }> = [];
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        posted.push({ body: body.toString(), valid: req.headers['x-spfkit-signature'] === `sha256=${createHmac('sha256', 'k3y').update(body).digest('hex')}` });
        res.statusCode = 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    await seed.addWebhook({ url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`, secret: 'k3y', createdAt: new Date().toISOString() });
    await requestCheck(seed, { all: true }, new Date(Date.now() - 1000));
    await seed.close();
    const server = await startServer({ SPFKIT_DATA_DIR: data, DNS_SERVERS: dns.address, DNS_TIMEOUT: '300' });
    try {
      await server.logged(/"checked":2,.*"msg":"monitor round"/);
      assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
      const store = await openSqliteStore({ file: join(data, SQLITE_FILE) });
      const [check] = await store.recentChecks('klant.nl', 5);
      const domain = await store.getDomain('klant.nl');
      const [slow] = await store.recentChecks('traag.nl', 5);
      await store.close();
      assert.equal(check?.situation, 'authorised');
      assert.equal(slow?.situation, 'could-not-check');
      assert.ok(Date.parse(domain?.nextDueAt ?? '') > Date.now() + 6 * 3_600_000, 'next check a day on, not at once');
      assert.ok(dns.queries.some((q) => q.name === 'klant.nl' && q.type === 'TXT'));
      // The seeded check had a DMARC record and another SPF record; the zone has neither.
      for (let i = 0; i < 200 && posted.length < 2; i++) await new Promise((r) => setTimeout(r, 50));
      assert.deepEqual(posted.map((p) => (JSON.parse(p.body) as { event: { kind: string } }).event.kind).sort(), ['dmarc-removed', 'record-changed'], 'each event posted once');
      assert.ok(posted.every((p) => p.valid), 'signed with the hook secret');
    } finally {
      await server.stop();
      receiver.close();
    }
    assert.equal(server.child.exitCode, 0, 'SIGTERM stops the scheduler and the server cleanly');
  });

  it('--no-scheduler turns it off (SPFKIT_SCHEDULER=0 too: src/server/monitor.test.ts)', async () => {
    const server = await startServer({ SPFKIT_DATA_DIR: join(dir, 'off'), DNS_SERVERS: dns.address }, ['--no-scheduler']);
    try {
      const log = await server.logged(/"msg":"monitor scheduler off"/);
      assert.doesNotMatch(log, /monitor scheduler started/);
    } finally {
      await server.stop();
    }
  });

  it('a data folder that cannot be created is logged, and the server keeps answering', async () => {
    const blocker = join(dir, 'a-file');
    await writeFile(blocker, 'not a folder');
    const server = await startServer({ SPFKIT_DATA_DIR: join(blocker, 'data'), DNS_SERVERS: dns.address });
    try {
      await server.logged(/monitor store could not be opened; trying again/);
      assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    } finally {
      await server.stop();
    }
    assert.equal(server.child.exitCode, 0);
  });
});
