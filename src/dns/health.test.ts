import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import type { Socket } from 'node:dgram';
import { type ResolverHealth, PROBE_QUESTION, cachedProbe, resolverProbe } from './health.ts';
import { zoneFromObject } from './zone.ts';
import { type DnsServer, startDnsServer } from '../../test/support/dns-server.ts';

/** A loopback UDP socket that reads queries and never answers. */
async function blackHole(): Promise<Socket> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return socket;
}

/** A loopback UDP port bound a moment ago and closed again: nothing listens there. */
async function closedPort(): Promise<string> {
  const socket = await blackHole();
  const address = `127.0.0.1:${socket.address().port}`;
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return address;
}

describe('resolverProbe', () => {
  let server: DnsServer;
  let silent: Socket;
  before(async () => {
    server = await startDnsServer(zoneFromObject({ 'example.com': [{ TXT: 'v=spf1 -all' }] }));
    silent = await blackHole();
  });
  after(async () => {
    await server.stop();
    silent.close();
  });

  it('finds a resolver that answers reachable, whatever the answer (here NXDOMAIN for the root)', async () => {
    const health = await resolverProbe({ servers: [server.address] })();
    assert.deepEqual(health, { state: 'reachable', servers: [server.address] });
    assert.deepEqual(server.queries.at(-1), { name: PROBE_QUESTION.name, type: PROBE_QUESTION.type, transport: 'udp' });
  });

  it('finds a closed port unreachable: refused, with the server named', async () => {
    const address = await closedPort();
    const health = await resolverProbe({ servers: [address] })();
    assert.deepEqual(health, { state: 'unreachable', servers: [address], error: 'refused', detail: `ECONNREFUSED ${address}` });
  });

  it('finds a server that never replies unreachable: no reply, after one short try', async () => {
    const address = `127.0.0.1:${silent.address().port}`;
    const health = await resolverProbe({ servers: [address], timeout: 200 })();
    assert.equal(health.state, 'unreachable');
    assert.equal(health.state === 'unreachable' && health.error, 'no-reply');
    assert.deepEqual(health.servers, [address]);
  });
});

describe('cachedProbe', () => {
  it('probes once per ttl, and once for concurrent callers', async () => {
    let clock = 0;
    let probes = 0;
    const probe = cachedProbe(
      async (): Promise<ResolverHealth> => {
        probes++;
        return { state: 'reachable', servers: [`#${probes}`] };
      },
      { ttlMs: 5000, now: () => clock },
    );
    const [a, b] = await Promise.all([probe(), probe()]);
    assert.equal(probes, 1);
    assert.deepEqual(a, b);
    clock = 4999;
    assert.deepEqual(await probe(), { state: 'reachable', servers: ['#1'] });
    clock = 5000;
    assert.deepEqual(await probe(), { state: 'reachable', servers: ['#2'] });
    assert.equal(probes, 2);
  });
});
