/**
 * Debian's NSD (an authoritative DNS server in C) serving a bench zone on loopback, so the
 * uncached figures measure the resolvers rather than a JavaScript test server. The whole zone
 * is served as the root zone ".", so every owner name answers without delegations.
 * scripts/bench.mjs installs NSD (`apt-get install nsd`) and passes its path in
 * SPFKIT_BENCH_NSD; without it the benchmark falls back to test/support/dns-server.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { promises as dnsPromises } from 'node:dns';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dnsPacket from 'dns-packet';
import type { ReadonlyZone, ZoneItem } from '../src/dns/zone.ts';
import { type ServerProcess, freePort } from './support.ts';

/** One TXT character-string in master-file syntax (RFC 1035 §5.1): quoted, `"` and `\` escaped. */
function quoted(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code < 0x20 || code > 0x7e) out += `\\${String(code).padStart(3, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

function rdata(item: ZoneItem): string {
  switch (item.type) {
    case 'TXT':
      return `TXT ${item.value.map(quoted).join(' ')}`;
    case 'A':
    case 'AAAA':
      return `${item.type} ${item.value}`;
    case 'MX':
      return `MX ${item.value.preference} ${item.value.exchange}.`;
    case 'PTR':
    case 'CNAME':
      return `${item.type} ${item.value}.`;
    case 'TIMEOUT':
    case 'SERVFAIL':
      throw new Error(`NSD cannot serve a ${item.type} marker; use test/support/dns-server.ts for such zones`);
  }
}

/** The zone as an RFC 1035 master file for the root zone. */
export function masterFile(zone: ReadonlyZone): string {
  const lines = ['$ORIGIN .', '$TTL 3600', '. IN SOA ns.bench. hostmaster.bench. 1 3600 600 86400 3600', '. IN NS ns.bench.', 'ns.bench. IN A 127.0.0.1'];
  for (const [owner, items] of zone) for (const item of items) lines.push(`${owner}. ${('ttl' in item ? item.ttl : undefined) ?? 3600} IN ${rdata(item)}`);
  return lines.join('\n') + '\n';
}

/** Where NSD listens: a free port on 127.0.0.1 unless given (a resolv.conf reader needs port 53). */
export interface NsdListen {
  host?: string;
  port?: number;
}

/** Starts NSD in the foreground on a loopback address; resolves once it answers. */
export async function startNsd(binary: string, zone: ReadonlyZone, listen: NsdListen = {}): Promise<ServerProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'spfkit-bench-nsd-'));
  const host = listen.host ?? '127.0.0.1';
  const port = listen.port ?? (await freePort());
  writeFileSync(join(dir, 'root.zone'), masterFile(zone));
  writeFileSync(
    join(dir, 'nsd.conf'),
    [
      'server:',
      `  ip-address: ${host}`,
      `  port: ${port}`,
      '  username: ""',
      `  zonesdir: "${dir}"`,
      '  database: ""',
      `  zonelistfile: "${join(dir, 'zone.list')}"`,
      `  xfrdfile: "${join(dir, 'xfrd.state')}"`,
      `  pidfile: "${join(dir, 'nsd.pid')}"`,
      `  logfile: "${join(dir, 'nsd.log')}"`,
      '  server-count: 1',
      '  verbosity: 0',
      // Response rate limiting (on by default, 200 answers/s per client) would drop most
      // answers to a benchmark on loopback.
      '  rrl-ratelimit: 0',
      '  rrl-whitelist-ratelimit: 0',
      'remote-control:',
      '  control-enable: no',
      'zone:',
      '  name: "."',
      '  zonefile: "root.zone"',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(binary, ['-d', '-c', join(dir, 'nsd.conf')], { stdio: ['ignore', 'ignore', 'inherit'] });
  const stop = (): void => {
    child.kill('SIGTERM');
    child.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  };
  const address = `${host}:${port}`;
  const resolver = new dnsPromises.Resolver({ timeout: 200, tries: 1 });
  resolver.setServers([address]);
  for (const started = performance.now(); performance.now() - started < 60_000; ) {
    if (child.exitCode !== null) throw new Error(`nsd exited with ${child.exitCode} (see ${join(dir, 'nsd.log')})`);
    try {
      await resolver.resolveNs('.');
      return { address, stop };
    } catch {
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  stop();
  throw new Error('nsd did not answer within 60 s');
}

/**
 * A DNS server's own rate, the ceiling beside a benchmark that uses it: TXT queries for
 * `name(i)` from one UDP socket with 64 in flight, answers per second over 3 s after 1 s.
 */
export async function udpQueryRate(host: string, port: number, name: (i: number) => string): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((done) => socket.bind(0, '127.0.0.1', () => done()));
  let answered = 0;
  let id = 0;
  let stopping = false;
  const send = (): void => {
    if (stopping) return;
    id = (id + 1) & 0xffff;
    socket.send(dnsPacket.encode({ type: 'query', id, flags: dnsPacket.RECURSION_DESIRED, questions: [{ type: 'TXT', name: name(id) }] }), port, host);
  };
  socket.on('message', () => {
    answered++;
    send();
  });
  for (let i = 0; i < 64; i++) send();
  // A lost datagram would shrink the window: top it up now and then.
  const topUp = setInterval(send, 50);
  await new Promise((done) => setTimeout(done, 1000));
  const from = answered;
  const started = performance.now();
  await new Promise((done) => setTimeout(done, 3000));
  const rate = (answered - from) / ((performance.now() - started) / 1000);
  stopping = true;
  clearInterval(topUp);
  socket.close();
  return rate;
}
