import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import type { Socket } from 'node:dgram';
import fc from 'fast-check';
import { parseDnsServer, systemResolver } from './system.ts';
import { zoneFromObject, zoneResolver } from './zone.ts';
import { startDnsServer } from '../../test/support/dns-server.ts';
import type { DnsServer } from '../../test/support/dns-server.ts';

/** A UDP socket on loopback that reads queries and never answers. */
async function blackHole(): Promise<{ socket: Socket; address: string; received: () => number }> {
  const socket = createSocket('udp4');
  let count = 0;
  socket.on('message', () => count++);
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { socket, address: `127.0.0.1:${socket.address().port}`, received: () => count };
}

/** A loopback UDP port with nothing listening (free a moment ago). */
async function closedPort(): Promise<string> {
  const { socket, address } = await blackHole();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return address;
}

describe('parseDnsServer', () => {
  const valid: Array<[string, string, number]> = [
    ['192.0.2.1', '192.0.2.1', 53],
    ['127.0.0.1:5353', '127.0.0.1', 5353],
    ['[::1]:5353', '::1', 5353],
    ['[2001:db8::53]', '2001:db8::53', 53],
    ['2001:db8::53', '2001:db8::53', 53],
  ];
  for (const [text, address, port] of valid) {
    it(`reads ${text}`, () => assert.deepEqual(parseDnsServer(text), { address, port }));
  }
  const invalid: Array<[string, RegExp]> = [
    ['dns.example.com', /"dns\.example\.com" is not an IP address \(host names are not accepted\)/],
    ['127.0.0.1:0', /the port "0" is not a number 1–65535/],
    ['127.0.0.1:65536', /the port "65536"/],
    ['127.0.0.1:', /the port ""/],
    ['[::1]:x', /the port "x"/],
    ['[192.0.2.1]:53', /"192\.0\.2\.1" is not an IPv6 address/],
    ['256.0.0.1', /is not an IP address/],
    ['', /invalid DNS server ""/],
  ];
  for (const [text, message] of invalid) {
    it(`rejects ${JSON.stringify(text)}`, () => assert.throws(() => parseDnsServer(text), message));
  }
});

describe('systemResolver', () => {
  it('validates its options at construction', () => {
    assert.throws(() => systemResolver({ servers: ['dns.example.com'] }), /invalid DNS server "dns\.example\.com"/);
    assert.throws(() => systemResolver({ servers: [] }), /servers must not be empty/);
    assert.throws(() => systemResolver({ timeout: 0 }), /timeout must be a positive integer/);
    assert.throws(() => systemResolver({ tries: 1.5 }), /tries must be a positive integer/);
  });

  it('answers a port with nothing listening as a refused timeout (ECONNREFUSED) within the timeout, without throwing', async () => {
    const address = await closedPort();
    const resolver = systemResolver({ servers: [address], timeout: 300, tries: 1 });
    const start = Date.now();
    const answer = await resolver.query('example.com', 'TXT');
    assert.deepEqual(answer, { kind: 'timeout', refused: true, detail: `ECONNREFUSED ${address}` });
    assert.ok(Date.now() - start < 400, `took ${Date.now() - start} ms`);
  });

  it('answers a server that never replies as a timeout (ETIMEOUT) after the timeout', async () => {
    const hole = await blackHole();
    try {
      const resolver = systemResolver({ servers: [hole.address], timeout: 300, tries: 1 });
      const start = Date.now();
      const answer = await resolver.query('example.com', 'A');
      const elapsed = Date.now() - start;
      // c-ares says ETIMEOUT; the guard (100 ms later) only speaks if c-ares is late.
      assert.equal(answer.kind, 'timeout');
      assert.match(answer.kind === 'timeout' ? (answer.detail ?? '') : '', /^(ETIMEOUT|no answer within 300 ms) 127\.0\.0\.1:\d+$/);
      assert.ok(elapsed >= 250 && elapsed < 500, `took ${elapsed} ms`);
      assert.equal(hole.received(), 1);
    } finally {
      hole.socket.close();
    }
  });

  it('sends a try every timeout ms and settles within timeout × tries (c-ares alone would double the timeout)', async () => {
    const hole = await blackHole();
    try {
      const resolver = systemResolver({ servers: [hole.address], timeout: 300, tries: 2 });
      const start = Date.now();
      const answer = await resolver.query('example.com', 'TXT');
      const elapsed = Date.now() - start;
      // Tries at 0 and 300 ms; the deadline ends it at 600 + 100 ms.
      assert.deepEqual(answer, { kind: 'timeout', detail: `no answer within 600 ms ${hole.address}` });
      assert.ok(elapsed >= 650 && elapsed < 880, `took ${elapsed} ms`);
      assert.equal(hole.received(), 2);
    } finally {
      hole.socket.close();
    }
  });

  describe('against the loopback DNS server', () => {
    const addresses = fc.sample(
      fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.constant(0xffff), fc.integer({ min: 0, max: 0xffff })), { minLength: 8, maxLength: 8 }),
      { numRuns: 150, seed: 7208 },
    );
    const zone = zoneFromObject({
      'big.example.com': [{ TXT: ['x'.repeat(255), 'y'.repeat(255), 'z'.repeat(100)] }],
      'many.example.com': addresses.map((words) => ({ AAAA: words.map((w) => w.toString(16)).join(':') })),
      'macro%percent  space%20url-space.example.com': [{ A: '192.0.2.7' }],
      'odd:name.example.com': [{ TXT: 'v=spf1 -all' }],
    });
    let server: DnsServer | undefined;
    before(async () => {
      server = await startDnsServer(zone);
    });
    after(async () => {
      await server?.stop();
    });
    const resolver = (): ReturnType<typeof systemResolver> => systemResolver({ servers: [server?.address ?? ''], timeout: 1000, tries: 1 });

    it('retries a truncated UDP answer over TCP', async () => {
      const answer = await resolver().query('big.example.com', 'TXT');
      assert.deepEqual(answer, { kind: 'answer', records: [['x'.repeat(255), 'y'.repeat(255), 'z'.repeat(100)]] });
      assert.deepEqual(
        server?.queries.filter((q) => q.name === 'big.example.com').map((q) => q.transport),
        ['udp', 'tcp'],
      );
    });

    it('prints IPv6 addresses exactly as the zone resolver does (150 random addresses)', async () => {
      const wire = await resolver().query('many.example.com', 'AAAA');
      const offline = await zoneResolver(zone).query('many.example.com', 'AAAA');
      assert.equal(wire.kind, 'answer');
      assert.deepEqual(wire.kind === 'answer' ? wire.records : [], offline.kind === 'answer' ? [...offline.records] : ['?']);
    });

    it('asks names c-ares refuses to send (spaces, "%", ":") over the wire instead', async () => {
      assert.deepEqual(await resolver().query('macro%percent  space%20url-space.example.com', 'A'), { kind: 'answer', records: ['192.0.2.7'] });
      assert.deepEqual(await resolver().query('odd:name.example.com', 'TXT'), { kind: 'answer', records: [['v=spf1 -all']] });
      assert.equal((await resolver().query('odd:missing.example.com', 'TXT')).kind, 'nxdomain');
      assert.equal((await resolver().query('odd:name.example.com', 'A')).kind, 'nodata');
    });

    it('reports a name that cannot be encoded at all as servfail EBADNAME', async () => {
      const answer = await resolver().query(`${'a'.repeat(64)}.example.com`, 'TXT');
      assert.equal(answer.kind, 'servfail');
      assert.match(answer.kind === 'servfail' ? (answer.detail ?? '') : '', /^EBADNAME /);
    });
  });
});
