/**
 * A burst of connections at a freshly started server (issue 17.9), src/server/main.ts as a
 * process. To make "the server is busy while the burst arrives" deterministic, the test stops
 * the server process (SIGSTOP) and opens the connections: only the listen backlog holds them
 * then (Node's default 511 dropped the rest, to be retried after 1 s, 3 s …). After SIGCONT
 * every connection is answered. No timing bound other than generous give-up times.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Started listening: its URL from the JSON log line. */
function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no URL logged within 30 s:\n${out}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /"url":"(http:[^"]+)"/.exec(out)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
  });
}

interface Connection {
  connected: Promise<void>;
  isConnected: () => boolean;
  /** The status line of the answer, or the error. */
  answer: Promise<string>;
}

function connect(port: number): Connection {
  let connected = false;
  const socket = net.connect(port, '127.0.0.1');
  const ready = new Promise<void>((resolve) =>
    socket.once('connect', () => {
      connected = true;
      // The kernel holds the request until the server reads it.
      socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      resolve();
    }),
  );
  const answer = new Promise<string>((resolve) => {
    let received = '';
    const giveUp = setTimeout(() => socket.destroy(new Error('no answer within 30 s')), 30_000);
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('error', (error) => (received ||= `error: ${error.message}`));
    socket.on('close', () => {
      clearTimeout(giveUp);
      resolve(received.split('\r\n')[0] ?? '');
    });
  });
  return { connected: ready, isConnected: () => connected, answer };
}

describe('a burst at a freshly started server (issue 17.9)', () => {
  it('holds every connection of a burst that arrives while it is busy, and answers each', async () => {
    // The kernel caps the backlog at net.core.somaxconn; the burst stays within what it allows.
    const somaxconn = Number((await readFile('/proc/sys/net/core/somaxconn', 'utf8')).trim());
    const burst = Math.min(900, somaxconn - 1);
    assert.ok(burst > 511, `net.core.somaxconn is ${somaxconn}: too small to tell a raised backlog from Node's 511`);
    const dir = await mkdtemp(join(tmpdir(), 'spfkit-burst-'));
    const zoneFile = join(dir, 'zone.yaml');
    await writeFile(zoneFile, 'zone:\n  x.nl: [{TXT: "v=spf1 -all"}]\n');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ZONE_FILE: zoneFile, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const url = new URL(await listeningUrl(child));
      child.stdout?.resume();
      child.kill('SIGSTOP');
      const connections = Array.from({ length: burst }, () => connect(Number(url.port)));
      // Handshakes on loopback are done by the kernel at once; wait for all, or 3 s (SYN retries start at 1 s).
      await Promise.race([Promise.all(connections.map((c) => c.connected)), new Promise((resolve) => setTimeout(resolve, 3000))]);
      const held = connections.filter((c) => c.isConnected()).length;
      child.kill('SIGCONT');
      const answers = await Promise.all(connections.map((c) => c.answer));
      assert.equal(held, burst, `the backlog held ${held} of ${burst} connections while the server was busy`);
      const bad = answers.filter((a) => !a.startsWith('HTTP/1.1 200'));
      assert.deepEqual(bad.slice(0, 5), [], `${bad.length} of ${burst} not answered 200`);
      const health = await fetch(`${url.origin}/healthz`);
      assert.equal(health.status, 200);
    } finally {
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
      await rm(dir, { recursive: true, force: true });
    }
  });
});
