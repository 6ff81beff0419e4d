/**
 * Issue 17.11: the fallback path for names c-ares refuses (`dns-socket`, src/dns/wire.ts) had
 * no TCP retry — a truncated answer became a failure — and kept its socket open for seconds
 * after the caller had given up, so the CLI lingered 2–4 s after printing when DNS was dead.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import type { Socket } from 'node:dgram';
import { systemResolver } from '../../src/dns/system.ts';
import { zoneFromObject } from '../../src/dns/zone.ts';
import { type DnsServer, startDnsServer } from '../support/dns-server.ts';
import { CLI } from '../support/policyd.ts';

const BIG = ['x'.repeat(255), 'y'.repeat(255), 'z'.repeat(100)];

describe('the wire path: TCP after a truncated answer, sockets closed at once (issue 17.11)', () => {
  let dns: DnsServer;
  before(async () => {
    dns = await startDnsServer(zoneFromObject({ 'odd:big.example.com': [{ TXT: BIG }], 'odd:small.example.com': [{ TXT: 'v=spf1 -all' }] }));
  });
  after(() => dns.stop());

  it('retries a truncated UDP answer for a name c-ares refuses over TCP', async () => {
    dns.queries.length = 0;
    const resolver = systemResolver({ servers: [dns.address], timeout: 1000, tries: 1 });
    assert.deepEqual(await resolver.query('odd:big.example.com', 'TXT'), { kind: 'answer', records: [BIG] });
    assert.deepEqual(
      dns.queries.map((q) => `${q.transport} ${q.name}`),
      ['udp odd:big.example.com', 'tcp odd:big.example.com'],
    );
  });

  it('still answers a small answer over UDP only', async () => {
    dns.queries.length = 0;
    const resolver = systemResolver({ servers: [dns.address], timeout: 1000, tries: 1 });
    assert.deepEqual(await resolver.query('odd:small.example.com', 'TXT'), { kind: 'answer', records: [['v=spf1 -all']] });
    assert.deepEqual(dns.queries.map((q) => q.transport), ['udp']);
  });
});

describe('the CLI exits soon after printing when DNS is dead (issue 17.11)', () => {
  let hole: Socket;
  let address = '';
  before(async () => {
    // A DNS server that reads every query and never answers.
    hole = createSocket('udp4');
    hole.on('message', () => undefined);
    await new Promise<void>((resolve) => hole.bind(0, '127.0.0.1', resolve));
    address = `127.0.0.1:${hole.address().port}`;
  });
  after(() => hole.close());

  /** Runs `spfkit check` against the dead server; milliseconds from its first output to its exit. */
  async function lingerAfterOutput(sender: string): Promise<{ code: number | null; output: string; lingerMs: number }> {
    const [node, ...pre] = CLI;
    const child = spawn(node, [...pre, 'check', '--ip', '192.0.2.1', '--sender', sender, '--dns', address, '--timeout', '1000'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let firstOutput: number | undefined;
    const onData = (chunk: Buffer): void => {
      firstOutput ??= Date.now();
      output += chunk.toString();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    return { code, output, lingerMs: Date.now() - (firstOutput ?? Date.now()) };
  }

  for (const sender of ['me@example.com', 'me@odd:name.example.com']) {
    it(`spfkit check --sender ${sender}: temperror, then the process ends (< 1.5 s after the output)`, async () => {
      const run = await lingerAfterOutput(sender);
      assert.match(run.output, /temperror/);
      assert.ok(run.lingerMs < 1500, `exited ${run.lingerMs} ms after printing:\n${run.output}`);
    });
  }
});
