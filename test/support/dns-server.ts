/**
 * A small authoritative DNS server on loopback for tests, serving a `Zone` over UDP and TCP
 * on the same port. It answers with the same rule as `zoneResolver` (`lookupZone` in
 * src/dns/zone.ts), so `systemResolver` pointed at it must agree with the zone resolver.
 *
 * - NXDOMAIN / NOERROR-empty / SERVFAIL rcodes; AA set; no EDNS (RFC 6891 §7: a reply
 *   without OPT means "no EDNS", so UDP replies stay within 512 octets, RFC 1035 §4.2.1);
 * - CNAMEs followed in the answer section, then the target's records (RFC 1034 §4.3.2), as a
 *   recursive server does (a loop or a chain over 8 → SERVFAIL); `cnames: 'authoritative'`
 *   answers like an authoritative server instead (every CNAME of the chain in one answer,
 *   however long, a loop's CNAMEs once, NOERROR) and `cnames: 'one-step'` gives only the
 *   owner's CNAME (a target the server does not hold), so clients must catch loops themselves;
 * - TIMEOUT owners never answer (the query is dropped);
 * - a UDP reply over 512 octets is sent empty with TC=1 so the client retries over TCP
 *   (RFC 7766 §5), where messages carry a 2-octet length prefix (RFC 1035 §4.2.2);
 * - TXT strings go out as latin1: code point N (0–255) is the octet N.
 *
 * Standalone: `node --import tsx test/support/dns-server.ts --zone zone.yaml --port 5353 [--delay MS]`
 * (`--delay` holds every answer back, a simulated round trip for latency benchmarks).
 *
 * @example
 * const server = await startDnsServer(zoneFromText(text));
 * const resolver = systemResolver({ servers: [server.address], timeout: 300, tries: 1 });
 * // … queries …
 * await server.stop();
 */
import { createSocket } from 'node:dgram';
import type { RemoteInfo, Socket as UdpSocket } from 'node:dgram';
import { createServer } from 'node:net';
import type { Server as TcpServer, Socket as TcpSocket } from 'node:net';
import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { encodableName as isEncodableName } from '../../src/dns/wire.ts';
import * as dnsPacket from 'dns-packet';
import type { Answer, DecodedPacket, Packet, Question } from 'dns-packet';
import { normalizeName } from '../../src/dns/resolver.ts';
import { lookupZone, normalizeZone, zoneFromText } from '../../src/dns/zone.ts';
import type { ReadonlyZone, Zone, ZoneCnameStep, ZoneLookup, ZoneRecord } from '../../src/dns/zone.ts';

/** The TTL put on the wire for zone records without one. */
export const WIRE_DEFAULT_TTL = 300;

/** RFC 1035 §4.2.1: UDP messages are limited to 512 octets (without EDNS). */
const UDP_LIMIT = 512;

const RCODE_NOERROR = 0;
const RCODE_FORMERR = 1;
const RCODE_SERVFAIL = 2;
const RCODE_NXDOMAIN = 3;
const RCODE_NOTIMP = 4;

/** A query the server received. */
export interface ReceivedQuery {
  name: string;
  type: string;
  transport: 'udp' | 'tcp';
}

export interface DnsServerOptions {
  /** The port for UDP and TCP; 0 (default) picks a free one. */
  port?: number;
  /** Milliseconds to hold every answer back: a simulated network round trip (default 0). */
  delayMs?: number;
  /** How CNAMEs are answered (see the header): `recursive` (default), `authoritative` or `one-step`. */
  cnames?: CnameMode;
}

/** How the server answers a name that has a CNAME. */
export type CnameMode = 'recursive' | 'authoritative' | 'one-step';

/** Longest chain an `authoritative` answer carries (an answer must end somewhere). */
const AUTHORITATIVE_CHAIN_CAP = 64;

export interface DnsServer {
  host: '127.0.0.1';
  port: number;
  /** `127.0.0.1:PORT`, ready for `systemResolver({ servers: [address] })`. */
  address: string;
  /** Every query received, in order. */
  readonly queries: ReceivedQuery[];
  /** Serve another zone from now on. */
  setZone(zone: ReadonlyZone): void;
  stop(): Promise<void>;
}

/** A DNS name is encodable (RFC 1035 §2.3.4); the root name is too, here. */
function encodableName(name: string): boolean {
  return name === '' || name === '.' || isEncodableName(name);
}

function rrFor(name: string, record: ZoneRecord): Answer {
  const ttl = record.ttl ?? WIRE_DEFAULT_TTL;
  switch (record.type) {
    case 'TXT':
      // RFC 1035 §3.3.14 wants one or more character-strings; c-ares rejects a TXT RR with
      // none (EBADRESP for the whole reply), so an RR with no strings goes out as one empty string.
      return {
        type: 'TXT',
        name,
        ttl,
        data: record.value.length === 0 ? [Buffer.alloc(0)] : record.value.map((s) => Buffer.from(s, 'latin1')),
      };
    case 'MX':
      return { type: 'MX', name, ttl, data: { preference: record.value.preference, exchange: record.value.exchange } };
    case 'A':
    case 'AAAA':
    case 'PTR':
    case 'CNAME':
      return { type: record.type, name, ttl, data: record.value };
    default: {
      const _never: never = record;
      throw new Error(`unreachable record ${JSON.stringify(_never)}`);
    }
  }
}

function reply(query: DecodedPacket, rcode: number, answers: Answer[] = [], extraFlags = 0): Packet {
  // Keep RD from the query (RFC 1035 §4.1.1); AA: this server is authoritative for its zone.
  const rd = query.flags ?? 0;
  return {
    type: 'response',
    id: query.id ?? 0,
    flags: dnsPacket.AUTHORITATIVE_ANSWER | (rd & dnsPacket.RECURSION_DESIRED) | extraFlags | rcode,
    questions: query.questions ?? [],
    answers,
  };
}

/**
 * `lookupZone` as an authoritative server answers (`cnames` modes other than `recursive`): the
 * chain is walked one CNAME at a time, with no bound of 8 and no SERVFAIL for a loop.
 */
function lookupAs(zone: Zone, name: string, type: string, mode: CnameMode): ZoneLookup {
  const first = lookupZone(zone, name, type);
  if (mode === 'recursive' || first.chain.length === 0) return first;
  const step = first.chain[0] as ZoneCnameStep;
  if (mode === 'one-step') return { outcome: 'answer', chain: [step], records: [] };
  const chain: ZoneCnameStep[] = [step];
  const seen = new Set([normalizeName(name)]);
  let owner = normalizeName(step.target);
  while (!seen.has(owner) && chain.length < AUTHORITATIVE_CHAIN_CAP) {
    seen.add(owner);
    const next = lookupZone(zone, owner, type);
    if (next.chain.length === 0) return { ...next, chain };
    const hop = next.chain[0] as ZoneCnameStep;
    chain.push(hop);
    owner = normalizeName(hop.target);
  }
  return { outcome: 'answer', chain, records: [] };
}

/** The reply to one decoded query, or undefined to stay silent (TIMEOUT). */
function answerQuery(zone: Zone, query: DecodedPacket, mode: CnameMode): Packet | undefined {
  const questions = query.questions ?? [];
  const opcode = ((query.flags ?? 0) >> 11) & 0xf;
  if (opcode !== 0) return reply(query, RCODE_NOTIMP);
  const question: Question | undefined = questions[0];
  if (question === undefined || questions.length !== 1) return reply(query, RCODE_FORMERR);
  const found = lookupAs(zone, question.name, question.type, mode);
  if (found.outcome === 'timeout') return undefined;
  if (found.outcome === 'servfail') return reply(query, RCODE_SERVFAIL);
  const answers: Answer[] = [];
  let name = question.name;
  for (const step of found.chain) {
    answers.push({ type: 'CNAME', name, ttl: step.ttl ?? WIRE_DEFAULT_TTL, data: step.target });
    name = step.target;
  }
  for (const record of found.records) answers.push(rrFor(name, record));
  const names = answers.flatMap((a) => (a.type === 'CNAME' || a.type === 'PTR' ? [a.name, a.data] : a.type === 'MX' ? [a.name, a.data.exchange] : [a.name]));
  if (!names.every(encodableName)) return reply(query, RCODE_SERVFAIL);
  return reply(query, found.outcome === 'nxdomain' ? RCODE_NXDOMAIN : RCODE_NOERROR, answers);
}

/** A header-only FORMERR for a message that could not be decoded, when it has an id to echo. */
function formerr(message: Buffer): Buffer | undefined {
  if (message.length < 12 || (message[2] ?? 0) & 0x80) return undefined;
  const out = Buffer.alloc(12);
  message.copy(out, 0, 0, 2);
  out.writeUInt16BE(0x8000 | dnsPacket.AUTHORITATIVE_ANSWER | RCODE_FORMERR, 2);
  return out;
}

/** The encoded reply to a raw message, or undefined for silence. Never throws. */
function handle(zone: Zone, message: Buffer, transport: 'udp' | 'tcp', queries: ReceivedQuery[], mode: CnameMode): Buffer | undefined {
  let query: DecodedPacket;
  try {
    query = dnsPacket.decode(message);
  } catch {
    return formerr(message);
  }
  if (query.type === 'response') return undefined;
  const first = query.questions?.[0];
  if (first !== undefined) queries.push({ name: first.name, type: first.type, transport });
  try {
    const packet = answerQuery(zone, query, mode);
    if (packet === undefined) return undefined;
    let encoded = dnsPacket.encode(packet);
    if (transport === 'udp' && encoded.length > UDP_LIMIT) {
      encoded = dnsPacket.encode(reply(query, RCODE_NOERROR, [], dnsPacket.TRUNCATED_RESPONSE));
    }
    return encoded;
  } catch {
    try {
      return dnsPacket.encode(reply(query, RCODE_SERVFAIL));
    } catch {
      return formerr(message);
    }
  }
}

function listenUdp(port: number): Promise<UdpSocket> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.once('error', reject);
    socket.bind(port, '127.0.0.1', () => {
      socket.off('error', reject);
      resolve(socket);
    });
  });
}

function listenTcp(port: number): Promise<TcpServer> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/**
 * Start an authoritative DNS server for `zone` on 127.0.0.1, UDP and TCP on one port.
 *
 * @example
 * const server = await startDnsServer(zoneFromObject({ 'example.com': [{ TXT: 'v=spf1 -all' }] }));
 * const resolver = systemResolver({ servers: [server.address], timeout: 300, tries: 1 });
 * await resolver.query('example.com', 'TXT');
 * await server.stop();
 */
export async function startDnsServer(zone: ReadonlyZone, options: DnsServerOptions = {}): Promise<DnsServer> {
  let current = normalizeZone(zone);
  const queries: ReceivedQuery[] = [];
  const wanted = options.port ?? 0;
  let udp: UdpSocket | undefined;
  let tcp: TcpServer | undefined;
  // With port 0 the UDP port may be taken for TCP: try a few ports.
  for (let attempt = 0; tcp === undefined; attempt++) {
    const socket = await listenUdp(wanted);
    try {
      tcp = await listenTcp(socket.address().port);
      udp = socket;
    } catch (error) {
      socket.close();
      if (wanted !== 0 || attempt >= 20) throw error;
    }
  }
  if (udp === undefined) throw new Error('unreachable: no UDP socket');
  const port = udp.address().port;
  const connections = new Set<TcpSocket>();
  const delayMs = options.delayMs ?? 0;
  const mode = options.cnames ?? 'recursive';
  let stopped = false;
  // A delayed answer due after stop() is dropped (the socket is closed by then).
  const later = (send: () => void): void => void (delayMs > 0 ? setTimeout(() => stopped || send(), delayMs) : send());

  udp.on('message', (message: Buffer, peer: RemoteInfo) => {
    const out = handle(current, message, 'udp', queries, mode);
    if (out !== undefined) later(() => udp?.send(out, peer.port, peer.address, () => undefined));
  });
  udp.on('error', () => undefined);

  tcp.on('connection', (socket: TcpSocket) => {
    connections.add(socket);
    let pending: Buffer = Buffer.alloc(0);
    socket.setTimeout(30_000, () => socket.destroy());
    socket.on('error', () => undefined);
    socket.on('close', () => connections.delete(socket));
    socket.on('data', (chunk: Buffer) => {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      while (pending.length >= 2) {
        const length = pending.readUInt16BE(0);
        if (pending.length < 2 + length) break;
        const message = pending.subarray(2, 2 + length);
        pending = pending.subarray(2 + length);
        const out = handle(current, message, 'tcp', queries, mode);
        if (out !== undefined) {
          const frame = Buffer.alloc(2 + out.length);
          frame.writeUInt16BE(out.length, 0);
          out.copy(frame, 2);
          later(() => void (socket.destroyed || socket.write(frame)));
        }
      }
    });
  });
  tcp.on('error', () => undefined);

  const udpSocket = udp;
  const tcpServer = tcp;
  return {
    host: '127.0.0.1',
    port,
    address: `127.0.0.1:${port}`,
    queries,
    setZone(next: ReadonlyZone) {
      current = normalizeZone(next);
    },
    async stop() {
      stopped = true;
      for (const socket of connections) socket.destroy();
      await Promise.all([
        new Promise<void>((resolve) => udpSocket.close(() => resolve())),
        new Promise<void>((resolve) => tcpServer.close(() => resolve())),
      ]);
    },
  };
}

function parseArgs(argv: readonly string[]): { zoneFile: string; port: number; delayMs: number } {
  let zoneFile: string | undefined;
  let port = 5353;
  let delayMs = 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--zone' && value !== undefined) {
      zoneFile = value;
      i++;
    } else if (arg === '--port' && value !== undefined && /^\d+$/.test(value) && Number(value) <= 65535) {
      port = Number(value);
      i++;
    } else if (arg === '--delay' && value !== undefined && /^\d+$/.test(value)) {
      delayMs = Number(value);
      i++;
    } else {
      throw new Error(`unexpected argument ${JSON.stringify(arg)}`);
    }
  }
  if (zoneFile === undefined) throw new Error('missing --zone FILE');
  return { zoneFile, port, delayMs };
}

async function main(): Promise<void> {
  let args: { zoneFile: string; port: number; delayMs: number };
  let zone: Zone;
  try {
    args = parseArgs(process.argv.slice(2));
    zone = zoneFromText(readFileSync(args.zoneFile, 'utf8'));
  } catch (error) {
    console.error(`dns-server: ${error instanceof Error ? error.message : String(error)}`);
    console.error('usage: node --import tsx test/support/dns-server.ts --zone zone.yaml [--port 5353] [--delay MS]');
    process.exit(2);
  }
  const server = await startDnsServer(zone, { port: args.port, delayMs: args.delayMs });
  console.log(`dns-server: serving ${zone.size} owners from ${args.zoneFile} on ${server.address} (udp+tcp)`);
  const stop = (): void => {
    void server.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(resolvePath(entry)).href) {
  await main();
}
