import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as dnsPacket from 'dns-packet';
import type { DecodedPacket, Packet } from 'dns-packet';
import { startDnsServer } from './dns-server.ts';
import type { DnsServer } from './dns-server.ts';
import { zoneFromObject } from '../../src/dns/zone.ts';
import { systemResolver } from '../../src/dns/system.ts';

const zone = zoneFromObject({
  'example.com': [{ TXT: 'v=spf1 -all' }, { A: '192.0.2.1', ttl: 60 }],
  'www.example.com': [{ CNAME: 'Example.com.' }],
  'big.example.com': [{ TXT: ['a'.repeat(255), 'b'.repeat(255)] }],
  'slow.example.com': ['TIMEOUT'],
  'broken.example.com': ['SERVFAIL'],
});

function query(name: string, type: 'TXT' | 'A', id = 42): Packet {
  return { type: 'query', id, flags: dnsPacket.RECURSION_DESIRED, questions: [{ name, type, class: 'IN' }] };
}

/** Send raw bytes over UDP; the reply, or undefined after `wait` ms. */
async function udpExchange(server: DnsServer, message: Buffer, wait = 300): Promise<Buffer | undefined> {
  const socket = createSocket('udp4');
  try {
    return await new Promise<Buffer | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), wait);
      socket.once('message', (reply: Buffer) => {
        clearTimeout(timer);
        resolve(reply);
      });
      socket.send(message, server.port, server.host);
    });
  } finally {
    socket.close();
  }
}

/** The RCODE of a reply (the low 4 bits of the flags, RFC 1035 §4.1.1), by name. */
function rcode(packet: DecodedPacket | undefined): string | undefined {
  if (packet === undefined) return undefined;
  const names: Record<number, string> = { 0: 'NOERROR', 1: 'FORMERR', 2: 'SERVFAIL', 3: 'NXDOMAIN' };
  const code = (packet.flags ?? 0) & 0xf;
  return names[code] ?? String(code);
}

async function udpQuery(server: DnsServer, packet: Packet): Promise<DecodedPacket | undefined> {
  const reply = await udpExchange(server, dnsPacket.encode(packet));
  return reply === undefined ? undefined : dnsPacket.decode(reply);
}

describe('test DNS server', () => {
  let server: DnsServer | undefined;
  const s = (): DnsServer => {
    assert.ok(server);
    return server;
  };
  before(async () => {
    server = await startDnsServer(zone);
  });
  after(async () => {
    await server?.stop();
  });

  it('answers authoritatively, following CNAMEs in the answer section', async () => {
    const reply = await udpQuery(s(), query('WWW.example.com', 'A'));
    assert.ok(reply);
    assert.equal(reply.id, 42);
    assert.equal(reply.flag_aa, true);
    assert.equal(reply.flag_rd, true);
    assert.equal(rcode(reply), 'NOERROR');
    assert.deepEqual(
      reply.answers?.map((a) => [a.type, a.name, 'data' in a ? a.data : undefined]),
      [
        ['CNAME', 'WWW.example.com', 'Example.com'],
        ['A', 'Example.com', '192.0.2.1'],
      ],
    );
  });

  it('uses NXDOMAIN, NOERROR-empty and SERVFAIL rcodes, and drops TIMEOUT queries', async () => {
    assert.equal(rcode(await udpQuery(s(), query('absent.example.com', 'A'))), 'NXDOMAIN');
    const nodata = await udpQuery(s(), query('www.example.com', 'TXT'));
    assert.equal(rcode(nodata), 'NOERROR');
    assert.equal(rcode(await udpQuery(s(), query('broken.example.com', 'A'))), 'SERVFAIL');
    assert.equal(await udpQuery(s(), query('slow.example.com', 'A')), undefined);
  });

  it('sets TC on a UDP answer over 512 octets', async () => {
    const reply = await udpQuery(s(), query('big.example.com', 'TXT'));
    assert.equal(reply?.flag_tc, true);
    assert.deepEqual(reply?.answers, []);
  });

  it('survives malformed packets and answers FORMERR when it can', async () => {
    const garbage = [Buffer.alloc(0), Buffer.from([1, 2, 3]), Buffer.alloc(12, 0xff), Buffer.from('0001000000050000000000000377777700', 'hex')];
    for (const bytes of garbage) await udpExchange(s(), bytes, 50);
    const header = Buffer.from('abcd0100000100000000000007', 'hex'); // one question, name cut short
    const formerr = await udpExchange(s(), header);
    assert.ok(formerr);
    assert.equal(formerr.readUInt16BE(0), 0xabcd);
    assert.equal(formerr.readUInt16BE(2) & 0x800f, 0x8001);
    const responsePacket = dnsPacket.encode({ ...query('example.com', 'A'), type: 'response' });
    assert.equal(await udpExchange(s(), responsePacket, 100), undefined);
    assert.equal(rcode(await udpQuery(s(), query('example.com', 'A'))), 'NOERROR');
  });

  it('serves TCP with length framing: pipelined and split queries', async () => {
    const socket = connect(s().port, s().host);
    const replies: DecodedPacket[] = [];
    let pending = Buffer.alloc(0);
    const done = new Promise<void>((resolve) => {
      socket.on('data', (chunk: Buffer) => {
        pending = Buffer.concat([pending, chunk]);
        while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
          replies.push(dnsPacket.decode(pending.subarray(2, 2 + pending.readUInt16BE(0))));
          pending = pending.subarray(2 + pending.readUInt16BE(0));
          if (replies.length === 3) resolve();
        }
      });
    });
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    const one = dnsPacket.streamEncode(query('example.com', 'TXT', 1));
    const two = dnsPacket.streamEncode(query('big.example.com', 'TXT', 2));
    const three = dnsPacket.streamEncode(query('absent.example.com', 'A', 3));
    socket.write(Buffer.concat([one, two, three.subarray(0, 5)]));
    await new Promise((resolve) => setTimeout(resolve, 20));
    socket.write(three.subarray(5));
    await done;
    socket.destroy();
    assert.deepEqual(
      replies.map((r) => [r.id, rcode(r), r.flag_tc, r.answers?.length]),
      [
        [1, 'NOERROR', false, 1],
        [2, 'NOERROR', false, 1],
        [3, 'NXDOMAIN', false, 0],
      ],
    );
  });

  it('serves a new zone after setZone', async () => {
    s().setZone(zoneFromObject({ 'example.com': [{ TXT: 'v=spf1 +all' }] }));
    try {
      const resolver = systemResolver({ servers: [s().address], timeout: 500, tries: 1 });
      assert.deepEqual(await resolver.query('example.com', 'TXT'), { kind: 'answer', records: [['v=spf1 +all']] });
    } finally {
      s().setZone(zone);
    }
  });

  it('runs as a standalone process: --zone FILE --port N', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spfkit-dns-'));
    const file = join(dir, 'zone.yaml');
    writeFileSync(file, 'zone:\n  standalone.example: [{TXT: "v=spf1 -all"}]\n');
    // Take a free port from a throwaway server, then hand it to the process.
    const probe = await startDnsServer(new Map());
    const port = probe.port;
    await probe.stop();
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/dns-server.ts', '--zone', file, '--port', String(port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => (chunk.toString().includes('serving') ? resolve() : undefined));
        child.once('exit', (code) => reject(new Error(`exited with ${String(code)}`)));
      });
      const resolver = systemResolver({ servers: [`127.0.0.1:${port}`], timeout: 500, tries: 1 });
      assert.deepEqual(await resolver.query('standalone.example', 'TXT'), { kind: 'answer', records: [['v=spf1 -all']] });
    } finally {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
