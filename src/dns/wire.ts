/**
 * Queries for names that c-ares will not send. RFC 7208 macros can legitimately expand to
 * names with spaces, "%" or ":" in a label (suite case `macro-mania-in-domain`); DNS carries
 * any octets (RFC 2181 §11), but c-ares 1.34 validates query names as host names and answers
 * EBADNAME. For those names only, spfkit asks the same servers through `dns-socket`, a small
 * UDP DNS client library (on dns-packet) with its own retries and timeouts.
 */
import { createSocket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { createRequire } from 'node:module';
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

/**
 * One question to one server over UDP, answered as a `DnsAnswer`. Never rejects.
 * `server` is `{ address, port }`; `timeout` is the total time for all `tries`.
 */
export function queryOverWire<T extends RrType>(
  server: { address: string; port: number },
  name: string,
  type: T,
  timeout: number,
  tries: number,
): Promise<DnsAnswer<RecordData[T]>> {
  return new Promise((resolve) => {
    const socket = dnsSocket({ timeout, retries: tries, socket: createSocket(isIPv6(server.address) ? 'udp6' : 'udp4') });
    const where = `${server.address}:${server.port}`;
    socket.query({ questions: [{ type, name }] }, server.port, server.address, (error, response) => {
      socket.destroy();
      if (error || !response) {
        resolve({ kind: 'timeout', detail: `${error?.message ?? 'no answer'} ${where}` });
        return;
      }
      if (((response.flags ?? 0) & FLAG_TC) !== 0) {
        resolve({ kind: 'servfail', detail: `truncated answer for an unusual name ${where}` });
        return;
      }
      switch (response.rcode) {
        case 'NXDOMAIN':
          resolve({ kind: 'nxdomain' });
          return;
        case 'NOERROR':
        case undefined: {
          const records = (response.answers ?? []).filter((a) => a.type === type).map((a) => recordOf(type, a.data) as RecordData[T]);
          resolve(records.length === 0 ? { kind: 'nodata' } : { kind: 'answer', records });
          return;
        }
        default:
          resolve({ kind: 'servfail', detail: `${response.rcode} ${where}` });
      }
    });
  });
}
