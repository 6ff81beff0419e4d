/**
 * Slow and idle clients on raw sockets (issue 17.10): a client that trickles its headers, one
 * that sends headers and never the body, one that connects and says nothing, and a kept-alive
 * connection left idle are closed after the server's timeouts — not after Node's 30 s check
 * interval or its 60 s / 72 s defaults. Bounds are generous (the CPU is shared).
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { zoneFromText, zoneResolver } from '../../src/dns/zone.ts';
import { type ServerOptions, createServer } from '../../src/server/server.ts';

const running: FastifyInstance[] = [];
after(() => Promise.all(running.map((app) => app.close())));

async function listen(limits: ServerOptions['limits'] = {}): Promise<number> {
  const app = createServer({ resolver: zoneResolver(zoneFromText('zone:\n  x.nl: [{A: "192.0.2.1"}]\n'), { log: false }), logger: false, webRoot: false, limits });
  running.push(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as net.AddressInfo).port;
}

interface Closed {
  /** Milliseconds from connecting until the server closed the connection (Infinity: it had not by `giveUpMs`). */
  ms: number;
  received: string;
}

/** Connects, lets `behave` talk, and waits until the server closes the socket (or `giveUpMs` passes). */
function client(port: number, giveUpMs: number, behave: (socket: net.Socket) => void): Promise<Closed> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = net.connect(port, '127.0.0.1', () => behave(socket));
    let received = '';
    let gaveUp = false;
    const giveUp = setTimeout(() => {
      gaveUp = true;
      socket.destroy();
    }, giveUpMs);
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(giveUp);
      resolve({ ms: gaveUp ? Infinity : Math.round(performance.now() - started), received });
    });
  });
}

const slowHeaders = (socket: net.Socket): void => {
  socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
  const trickle = setInterval(() => socket.writable && socket.write('X-Slow: 1\r\n'), 300);
  socket.once('close', () => clearInterval(trickle));
};
const headersOnly = (socket: net.Socket): void => void socket.write('POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"ip":');
const silent = (): void => {};
const oneRequestThenIdle = (socket: net.Socket): void => void socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');

describe('slow and idle clients (issue 17.10)', () => {
  it('with a 2 s request timeout and 1 s idle timeout: 200 header-only connections and the others are closed in time', async () => {
    // rateMax: the rate limiter would answer most of the 200 with 429 before their bodies are due.
    const port = await listen({ requestTimeoutMs: 2000, idleTimeoutMs: 1000, rateMax: 1000 });
    const giveUp = 15_000;
    const [trickling, quiet, idle, ...bodiless] = await Promise.all([
      client(port, giveUp, slowHeaders),
      client(port, giveUp, silent),
      client(port, giveUp, oneRequestThenIdle),
      ...Array.from({ length: 200 }, () => client(port, giveUp, headersOnly)),
    ]);
    for (const [name, closed] of [['trickling headers', trickling], ['silent', quiet]] as const) {
      assert.ok(closed.ms >= 1500 && closed.ms < 8000, `${name}: closed after ${closed.ms} ms`);
      assert.match(closed.received, /^HTTP\/1\.1 408 /, name);
      // The server's error shape, with a request id, not Fastify's.
      const body = JSON.parse(closed.received.slice(closed.received.indexOf('\r\n\r\n') + 4)) as Record<string, string>;
      assert.deepEqual(Object.keys(body), ['error', 'message', 'requestId']);
      assert.equal(body.error, 'request-timeout');
      assert.equal(body.message, 'the request did not arrive within 2 s');
      assert.match(closed.received, new RegExp(`\r\nx-request-id: ${body.requestId}\r\n`, 'i'));
    }
    assert.ok(idle.ms >= 900 && idle.ms < 8000, `idle keep-alive: closed after ${idle.ms} ms`);
    assert.match(idle.received, /^HTTP\/1\.1 200 /);
    const late = bodiless.filter((c) => !(c.ms >= 1500 && c.ms < 8000));
    assert.equal(late.length, 0, `header-only connections closed after ${late.slice(0, 5).map((c) => c.ms).join(', ')} ms`);
    for (const c of bodiless) assert.match(c.received, /^HTTP\/1\.1 408 /);
  });

  it('by default a slow client is cut off after 10 s (not 22–40 s) and an idle connection after 5 s', async () => {
    const port = await listen();
    const [trickling, bodiless, idle] = await Promise.all([client(port, 25_000, slowHeaders), client(port, 25_000, headersOnly), client(port, 25_000, oneRequestThenIdle)]);
    assert.ok(trickling.ms >= 9500 && trickling.ms < 16_000, `trickling headers: closed after ${trickling.ms} ms`);
    assert.ok(bodiless.ms >= 9500 && bodiless.ms < 16_000, `headers only: closed after ${bodiless.ms} ms`);
    assert.ok(idle.ms >= 4500 && idle.ms < 11_000, `idle keep-alive: closed after ${idle.ms} ms`);
  });

  it('a request that arrives in time is answered, however the timeouts are set', async () => {
    const port = await listen({ requestTimeoutMs: 2000, idleTimeoutMs: 1000 });
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    assert.equal(res.status, 200);
    assert.throws(() => createServer({ logger: false, webRoot: false, limits: { requestTimeoutMs: 0 } }), /limits\.requestTimeoutMs must be a whole number ≥ 1/);
  });
});
