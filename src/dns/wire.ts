/**
 * Queries for names that c-ares will not send. RFC 7208 macros can legitimately expand to
 * names with spaces, "%" or ":" in a label (suite case `macro-mania-in-domain`); DNS carries
 * any octets (RFC 2181 §11), but c-ares 1.34 validates query names as host names and answers
 * EBADNAME. For those names only, spfkit asks the same servers through `dns-socket`, a small
 * UDP DNS client library (on dns-packet) with its own retries and timeouts; a truncated UDP
 * answer (TC=1) is asked again over TCP (RFC 7766 §5), framed by dns-packet's stream
 * encoding. The sockets close as soon as the answer is in or the caller gives up.
 */
import { createSocket } from 'node:dgram';
import { connect, isIPv6 } from 'node:net';
import { createRequire } from 'node:module';
import * as dnsPacket from 'dns-packet';
import type { DnsAnswer, RecordData, RrType } from './resolver.ts';

interface WireAnswer {
  type: string;
  name: string;
  ttl?: number;
  data: unknown;
}

interface WireResponse {
  rcode?: string;
  flags?: number;
  answers?: WireAnswer[];
}

interface DnsSocket {
  query(
    query: { questions: Array<{ type: string; name: string }> },
    port: number,
    host: string,
    callback: (error: Error | null, response?: WireResponse) => void,
  ): number;
  destroy(): void;
}

type DnsSocketFactory = (options: { timeout: number; retries: number; socket?: ReturnType<typeof createSocket> }) => DnsSocket;

const dnsSocket = createRequire(import.meta.url)('dns-socket') as DnsSocketFactory;

/** DNS header flag TC (RFC 1035 §4.1.1). */
const FLAG_TC = 1 << 9;

/** True when every label is 1–63 octets and the name fits 255 octets (RFC 1035 §2.3.4). */
export function encodableName(name: string): boolean {
  const bare = name.endsWith('.') ? name.slice(0, -1) : name;
  if (bare === '') return false;
  let total = 1;
  for (const label of bare.split('.')) {
    const octets = Buffer.byteLength(label);
    if (octets === 0 || octets > 63) return false;
    total += octets + 1;
  }
  return total <= 255;
}

function toLatin1(data: unknown): string {
  return Buffer.isBuffer(data) ? data.toString('latin1') : String(data);
}

function recordOf(type: RrType, data: unknown): RecordData[RrType] {
  switch (type) {
    case 'TXT':
      return (Array.isArray(data) ? data : [data]).map(toLatin1);
    case 'MX': {
      const mx = data as { preference: number; exchange: string };
      return { preference: mx.preference, exchange: mx.exchange };
    }
    case 'A':
    case 'AAAA':
    case 'PTR':
    case 'CNAME':
      return String(data);
    default: {
      const never: never = type;
      throw new Error(`unhandled type ${String(never)}`);
    }
  }
}

/** The answer of a decoded reply; `where` names the server for the detail. */
function answerOfResponse<T extends RrType>(response: WireResponse, type: T, where: string): DnsAnswer<RecordData[T]> {
  switch (response.rcode) {
    case 'NXDOMAIN':
      return { kind: 'nxdomain' };
    case 'NOERROR':
    case undefined: {
      const records = (response.answers ?? []).filter((a) => a.type === type).map((a) => recordOf(type, a.data) as RecordData[T]);
      return records.length === 0 ? { kind: 'nodata' } : { kind: 'answer', records };
    }
    default:
      return { kind: 'servfail', detail: `${response.rcode} ${where}` };
  }
}

/** Options of one wire query. */
export interface WireQueryOptions {
  /** Milliseconds per UDP try, and for the TCP retry of a truncated answer. */
  timeout: number;
  /** UDP tries (at least 1). */
  tries: number;
  /** Aborted when the caller gives up: the sockets close at once and the answer is a timeout. */
  signal?: AbortSignal;
}

/** The same question over TCP (RFC 7766 §5), after a truncated UDP answer. Never rejects. */
function queryOverTcp<T extends RrType>(server: { address: string; port: number }, name: string, type: T, options: WireQueryOptions): Promise<DnsAnswer<RecordData[T]>> {
  const where = `${server.address}:${server.port} (tcp)`;
  return new Promise((resolve) => {
    const socket = connect({ host: server.address, port: server.port });
    let pending = Buffer.alloc(0);
    const finish = (answer: DnsAnswer<RecordData[T]>): void => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(answer);
    };
    const onAbort = (): void => finish({ kind: 'timeout', detail: `abandoned ${where}` });
    const timer = setTimeout(() => finish({ kind: 'timeout', detail: `no answer within ${options.timeout} ms ${where}` }), options.timeout);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const id = Math.floor(Math.random() * 0x10000);
    socket.on('connect', () => socket.write(dnsPacket.streamEncode({ type: 'query', id, flags: dnsPacket.RECURSION_DESIRED, questions: [{ type, name }] })));
    socket.on('error', (error) => finish({ kind: 'timeout', detail: `${(error as NodeJS.ErrnoException).code ?? error.message} ${where}` }));
    socket.on('close', () => finish({ kind: 'timeout', detail: `connection closed without an answer ${where}` }));
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      if (pending.length < 2 || pending.length < 2 + pending.readUInt16BE(0)) return;
      let response: WireResponse & { id?: number };
      try {
        response = dnsPacket.streamDecode(pending) as WireResponse & { id?: number };
      } catch {
        finish({ kind: 'servfail', detail: `malformed answer ${where}` });
        return;
      }
      finish(response.id === id ? answerOfResponse(response, type, where) : { kind: 'servfail', detail: `answer with another id ${where}` });
    });
  });
}

/**
 * One question to one server over UDP (and over TCP when the answer is truncated), answered
 * as a `DnsAnswer`. Never rejects.
 */
export function queryOverWire<T extends RrType>(
  server: { address: string; port: number },
  name: string,
  type: T,
  options: WireQueryOptions,
): Promise<DnsAnswer<RecordData[T]>> {
  const where = `${server.address}:${server.port}`;
  if (options.signal?.aborted) return Promise.resolve({ kind: 'timeout', detail: `abandoned ${where}` });
  return new Promise<DnsAnswer<RecordData[T]> | 'truncated'>((resolve) => {
    // dns-socket sends `retries + 2` tries, one per `timeout`, before it gives up.
    const socket = dnsSocket({ timeout: options.timeout, retries: Math.max(1, options.tries) - 2, socket: createSocket(isIPv6(server.address) ? 'udp6' : 'udp4') });
    const onAbort = (): void => socket.destroy();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    socket.query({ questions: [{ type, name }] }, server.port, server.address, (error, response) => {
      options.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      if (options.signal?.aborted) resolve({ kind: 'timeout', detail: `abandoned ${where}` });
      else if (error || !response) resolve({ kind: 'timeout', detail: `${error?.message ?? 'no answer'} ${where}` });
      else if (((response.flags ?? 0) & FLAG_TC) !== 0) resolve('truncated');
      else resolve(answerOfResponse(response, type, where));
    });
  }).then((answer) => (answer === 'truncated' ? queryOverTcp(server, name, type, options) : answer));
}
