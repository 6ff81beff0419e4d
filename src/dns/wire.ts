/**
 * Queries for names that c-ares will not send. RFC 7208 macros can legitimately expand to
 * names with spaces, "%" or ":" in a label (suite case `macro-mania-in-domain`); DNS carries
 * any octets (RFC 2181 §11), but c-ares 1.34 validates query names as host names and answers
 * EBADNAME. For those names only, spfkit asks the same servers through `dns-socket`, a small
 * UDP DNS client library (on dns-packet) with its own retries and timeouts; a truncated UDP
 * answer (TC=1) is asked again over TCP (RFC 7766 §5), framed by dns-packet's stream
 * encoding. The sockets close as soon as the answer is in or the caller gives up. CNAMEs in an
 * answer are followed here, as the zone resolver does: at most `MAX_CNAME_CHAIN`, a loop or a
 * longer chain a typed servfail (temperror for SPF; the reading is in docs/zone-format.md).
 */
import { createSocket } from 'node:dgram';
import { connect, isIPv6 } from 'node:net';
import { createRequire } from 'node:module';
import * as dnsPacket from 'dns-packet';
import { type DnsAnswer, MAX_CNAME_CHAIN, type RecordData, type RrType, normalizeName, withoutTrailingDot } from './resolver.ts';

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
  const bare = withoutTrailingDot(name);
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

/** The CNAMEs walked so far for one question (across replies when a reply stops at a CNAME). */
interface CnameWalk {
  seen: Set<string>;
  steps: number;
}

/**
 * What a decoded reply says about the question `name`: the answer, or the name to ask next
 * when the reply stops at a CNAME whose target it does not cover (an authoritative server
 * answers only what it holds). The answer section is walked from `name` along its CNAMEs
 * (RFC 1034 §3.6.2, §4.3.2; names compare case-insensitively), at most `MAX_CNAME_CHAIN` of
 * them in all: a longer chain or a loop is a servfail with `cname` set, never a quiet nodata
 * (c-ares-style "no TXT in the answer") or a pass at the end of a 20-CNAME chain (issue 17.4).
 * Records count only when their owner is the end of the chain.
 */
function walkResponse<T extends RrType>(response: WireResponse, name: string, type: T, where: string, walk: CnameWalk): DnsAnswer<RecordData[T]> | { follow: string } {
  if (response.rcode !== 'NOERROR' && response.rcode !== 'NXDOMAIN' && response.rcode !== undefined) {
    return { kind: 'servfail', detail: `${response.rcode} ${where}` };
  }
  const answers = response.answers ?? [];
  let owner = normalizeName(name);
  let stepped = false;
  for (;;) {
    const at = answers.filter((a) => normalizeName(a.name) === owner);
    const records = at.filter((a) => a.type === type).map((a) => recordOf(type, a.data) as RecordData[T]);
    if (records.length > 0) return { kind: 'answer', records };
    const cname = type === 'CNAME' ? undefined : at.find((a) => a.type === 'CNAME');
    if (cname === undefined) {
      if (response.rcode === 'NXDOMAIN') return { kind: 'nxdomain' };
      // The reply ends at a CNAME's target without saying what is there: ask the target.
      return stepped ? { follow: owner } : { kind: 'nodata' };
    }
    const target = normalizeName(String(cname.data));
    walk.steps++;
    if (walk.seen.has(target)) return { kind: 'servfail', detail: `CNAME loop at ${target} ${where}`, cname: 'loop' };
    if (walk.steps > MAX_CNAME_CHAIN) return { kind: 'servfail', detail: `CNAME chain longer than ${MAX_CNAME_CHAIN} at ${owner} ${where}`, cname: 'too-long' };
    if (!encodableName(target)) return { kind: 'servfail', detail: `CNAME target ${JSON.stringify(target)} is not a name that can be sent ${where}` };
    walk.seen.add(target);
    owner = target;
    stepped = true;
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

/** A failure of one exchange: no usable reply came (the `DnsAnswer` says why). */
type Failed = DnsAnswer<never>;

/** The same question over TCP (RFC 7766 §5), after a truncated UDP answer. Never rejects. */
function exchangeOverTcp(server: { address: string; port: number }, name: string, type: RrType, options: WireQueryOptions): Promise<WireResponse | Failed> {
  const where = `${server.address}:${server.port} (tcp)`;
  return new Promise((resolve) => {
    const socket = connect({ host: server.address, port: server.port });
    let pending = Buffer.alloc(0);
    const finish = (answer: WireResponse | Failed): void => {
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
      finish(response.id === id ? response : { kind: 'servfail', detail: `answer with another id ${where}` });
    });
  });
}

/** One question, one reply: over UDP, and over TCP when the UDP answer is truncated. Never rejects. */
function exchange(server: { address: string; port: number }, name: string, type: RrType, options: WireQueryOptions): Promise<WireResponse | Failed> {
  const where = `${server.address}:${server.port}`;
  if (options.signal?.aborted) return Promise.resolve({ kind: 'timeout', detail: `abandoned ${where}` });
  return new Promise<WireResponse | Failed | 'truncated'>((resolve) => {
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
      else resolve(response);
    });
  }).then((reply) => (reply === 'truncated' ? exchangeOverTcp(server, name, type, options) : reply));
}

/**
 * One question to one server over UDP (and over TCP when the answer is truncated), answered
 * as a `DnsAnswer`, with the CNAMEs in the answer followed (and asked after, when a reply
 * stops at one) up to `MAX_CNAME_CHAIN`. Never rejects, never loops: every further question
 * follows at least one more CNAME.
 */
export async function queryOverWire<T extends RrType>(
  server: { address: string; port: number },
  name: string,
  type: T,
  options: WireQueryOptions,
): Promise<DnsAnswer<RecordData[T]>> {
  const where = `${server.address}:${server.port}`;
  const walk: CnameWalk = { seen: new Set([normalizeName(name)]), steps: 0 };
  let asked = name;
  for (;;) {
    const reply = await exchange(server, asked, type, options);
    if ('kind' in reply) return reply;
    const walked = walkResponse(reply, asked, type, where, walk);
    if (!('follow' in walked)) return walked;
    asked = walked.follow;
  }
}
