/**
 * Client-IP handling for SPF: parsing (incl. IPv4-mapped IPv6, RFC 7208 §5), CIDR
 * matching, and the forms macros need (§7.3 "i", "c", "v"). IPv6 maths via ipaddr.js.
 */
import ipaddr from 'ipaddr.js';
import type { Mechanism } from './types.ts';

export type ClientIp =
  | { family: 4; text: string; value: number }
  | { family: 6; text: string; bytes: number[] };

/**
 * Parses the SMTP client's address. An IPv4-mapped IPv6 address (`::ffff:1.2.3.4`) is
 * evaluated as the IPv4 address (RFC 7208 §5: the check concerns the client's IPv4 identity).
 * Returns undefined for anything that is not an IP address.
 */
export function parseClientIp(input: string): ClientIp | undefined {
  const text = input.trim();
  const v4 = parseIp4(text);
  if (v4 !== undefined) return { family: 4, text: formatIp4(v4), value: v4 };
  if (!isIp6(text)) return undefined;
  const addr = ipaddr.IPv6.parse(text);
  if (addr.isIPv4MappedAddress()) {
    const mapped = addr.toIPv4Address().toByteArray();
    const value = (((mapped[0] ?? 0) << 24) | ((mapped[1] ?? 0) << 16) | ((mapped[2] ?? 0) << 8) | (mapped[3] ?? 0)) >>> 0;
    return { family: 4, text: formatIp4(value), value };
  }
  return { family: 6, text: addr.toString(), bytes: addr.toByteArray() };
}

/**
 * RFC 7208 §5.6: ip4-network = qnum "." qnum "." qnum "." qnum, qnum = 0–255 without
 * leading zeros. Returns the address as an unsigned 32-bit number, or undefined.
 */
export function parseIp4(text: string, start = 0, end = text.length): number | undefined {
  let value = 0;
  let octets = 0;
  let i = start;
  while (octets < 4) {
    const first = i;
    let n = 0;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c < 0x30 || c > 0x39) break;
      n = n * 10 + (c - 0x30);
      i++;
    }
    const len = i - first;
    if (len === 0 || len > 3 || n > 255 || (len > 1 && text.charCodeAt(first) === 0x30)) return undefined;
    value = value * 256 + n;
    octets++;
    if (octets < 4) {
      if (i >= end || text.charCodeAt(i) !== 0x2e) return undefined;
      i++;
    }
  }
  return i === end ? value : undefined;
}

export function formatIp4(value: number): string {
  return `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

/** True when `ip` lies in `network/prefix` (IPv4, numbers). */
export function ip4InNetwork(ip: number, network: number, prefix: number): boolean {
  if (prefix <= 0) return true;
  const shift = 32 - prefix;
  return ip >>> shift === network >>> shift;
}

/** True when the 16-byte `ip` lies in `network/prefix`. */
export function ip6InNetwork(ip: readonly number[], network: readonly number[], prefix: number): boolean {
  let bits = prefix;
  for (let i = 0; i < 16 && bits > 0; i++, bits -= 8) {
    const a = ip[i] ?? 0;
    const b = network[i] ?? 0;
    if (bits >= 8) {
      if (a !== b) return false;
    } else {
      const mask = (0xff << (8 - bits)) & 0xff;
      return (a & mask) === (b & mask);
    }
  }
  return true;
}

function isHexDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66);
}

/**
 * Valid IPv6 text per RFC 4291 §2.2 (no zone index): eight groups of 1–4 hex digits, one
 * "::" standing for one or more zero groups, or a dotted IPv4 address as the last 32 bits.
 * One pass over the characters: node:net's isIPv6 is a regular expression that costs the
 * parser more than the rest of an ip6 term (a property test holds the two to the same answers).
 */
export function isIp6(text: string, start = 0, end = text.length): boolean {
  if (end - start < 2 || end - start > 45) return false;
  let i = start;
  let groups = 0;
  let compressed = false;
  if (text.charCodeAt(i) === 0x3a) {
    if (text.charCodeAt(i + 1) !== 0x3a) return false;
    compressed = true;
    i += 2;
    if (i === end) return true;
  }
  for (;;) {
    const first = i;
    while (i < end && i - first < 4 && isHexDigit(text.charCodeAt(i))) i++;
    if (i < end && text.charCodeAt(i) === 0x2e) {
      // The IPv4 tail: the rest of the text, in place of the last two groups.
      if (parseIp4(text, first, end) === undefined) return false;
      groups += 2;
      break;
    }
    if (i === first) return false;
    groups++;
    if (i === end) break;
    if (text.charCodeAt(i) !== 0x3a) return false;
    i++;
    if (i < end && text.charCodeAt(i) === 0x3a) {
      if (compressed) return false;
      compressed = true;
      i++;
      if (i === end) break;
    } else if (i === end) {
      return false;
    }
  }
  return compressed ? groups <= 7 : groups === 8;
}

/** IPv6 text → 16 bytes (the text must be valid). */
export function ip6Bytes(text: string): number[] {
  return ipaddr.IPv6.parse(text).toByteArray();
}

/** The address a DNS A/AAAA record gives, in the comparable form for the client's family. */
export function addressMatches(client: ClientIp, record: string, prefix4: number, prefix6: number): boolean {
  if (client.family === 4) {
    const v = parseIp4(record);
    return v !== undefined && ip4InNetwork(client.value, v, prefix4);
  }
  if (!isIp6(record)) return false;
  return ip6InNetwork(client.bytes, ip6Bytes(record), prefix6);
}

/**
 * §7.3 "i": dotted quad, or 32 dot-separated nibbles for IPv6 — upper-case hex, as in the
 * RFC's own example (`1.0.B.C.0.0…ip6._spf.example.com`) and the conformance suite.
 */
export function ipDotted(ip: ClientIp): string {
  if (ip.family === 4) return ip.text;
  const nibbles: string[] = [];
  for (const byte of ip.bytes) nibbles.push((byte >> 4).toString(16), (byte & 15).toString(16));
  return nibbles.join('.').toUpperCase();
}

/** The PTR query name for the client (in-addr.arpa / ip6.arpa). */
export function reverseName(ip: ClientIp): string {
  if (ip.family === 4) {
    const v = ip.value;
    return `${v & 255}.${(v >>> 8) & 255}.${(v >>> 16) & 255}.${v >>> 24}.in-addr.arpa`;
  }
  return ipDotted(ip).toLowerCase().split('.').reverse().join('.') + '.ip6.arpa';
}

/**
 * RFC 7208 §5.6: whether an ip4/ip6 mechanism matches the client (ip4 never matches an IPv6
 * client, nor ip6 an IPv4 one) — the evaluator and its look-ahead ask this one rule.
 */
export function networkMatches(ip: ClientIp, m: Extract<Mechanism, { kind: 'ip4' | 'ip6' }>): boolean {
  if (m.kind === 'ip4') return ip.family === 4 && ip4InNetwork(ip.value, m.value, m.prefix ?? 32);
  return ip.family === 6 && ip6InNetwork(ip.bytes, ip6Bytes(m.address), m.prefix ?? 128);
}
