/**
 * CIDR ranges: parse, contain, merge and render ip4/ip6 networks (record editing, audit).
 * Addresses are held as bigints so one code path serves both families; parsing and the
 * IPv6 text form (RFC 5952) come from ipaddr.js.
 */
import ipaddr from 'ipaddr.js';
import { parseIp4 } from './ip.ts';

/** A network: the family, the first address (host bits cleared) and the prefix length. */
export interface Cidr {
  family: 4 | 6;
  /** The network address as an unsigned integer (32 or 128 bits). */
  start: bigint;
  prefix: number;
}

function bitsOf(family: 4 | 6): number {
  return family === 4 ? 32 : 128;
}

function blockSize(family: 4 | 6, prefix: number): bigint {
  return 1n << BigInt(bitsOf(family) - prefix);
}

/**
 * A network from an address and a prefix, host bits cleared.
 *
 * @example
 * cidrText(makeCidr(4, 0x52_5e_d6_05n, 24)) // '82.94.214.0/24'
 */
export function makeCidr(family: 4 | 6, address: bigint, prefix: number): Cidr {
  const size = blockSize(family, prefix);
  return { family, start: address - (address % size), prefix };
}

/**
 * Parses `1.2.3.4`, `1.2.3.0/24`, `2001:db8::/32` or `2001:db8::1` (a bare address is a
 * /32 or /128). IPv4 follows RFC 7208 §5.6 (no leading zeros); host bits are cleared.
 *
 * @example
 * cidrText(parseCidr('82.94.214.5/24')!) // '82.94.214.0/24'
 */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  const address = slash === -1 ? text : text.slice(0, slash);
  const prefixText = slash === -1 ? undefined : text.slice(slash + 1);
  const value = addressValue(address);
  if (value === undefined) return undefined;
  const max = bitsOf(value.family);
  let prefix = max;
  if (prefixText !== undefined) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(prefixText)) return undefined;
    prefix = Number(prefixText);
    if (prefix > max) return undefined;
  }
  return makeCidr(value.family, value.value, prefix);
}

/**
 * An IPv4 or IPv6 address as family + integer, or undefined.
 *
 * @example
 * addressValue('::1') // { family: 6, value: 1n }
 */
export function addressValue(text: string): { family: 4 | 6; value: bigint } | undefined {
  const v4 = parseIp4(text);
  if (v4 !== undefined) return { family: 4, value: BigInt(v4) };
  if (!text.includes(':') || text.includes('%') || !ipaddr.IPv6.isValid(text)) return undefined;
  let value = 0n;
  for (const byte of ipaddr.IPv6.parse(text).toByteArray()) value = (value << 8n) | BigInt(byte);
  return { family: 6, value };
}

/**
 * The text of an address integer: dotted quad, or RFC 5952 IPv6.
 *
 * @example
 * addressText(6, 1n) // '::1'
 */
export function addressText(family: 4 | 6, value: bigint): string {
  const bytes: number[] = [];
  const count = family === 4 ? 4 : 16;
  for (let i = count - 1; i >= 0; i--) bytes.push(Number((value >> BigInt(i * 8)) & 0xffn));
  return family === 4 ? bytes.join('.') : ipaddr.fromByteArray(bytes).toString();
}

/**
 * The first address of the network.
 *
 * @example
 * firstAddress(parseCidr('46.21.235.241/28')!) // '46.21.235.240'
 */
export function firstAddress(cidr: Cidr): string {
  return addressText(cidr.family, cidr.start);
}

/**
 * The last address of the network.
 *
 * @example
 * lastAddress(parseCidr('46.21.235.240/28')!) // '46.21.235.255'
 */
export function lastAddress(cidr: Cidr): string {
  return addressText(cidr.family, cidr.start + blockSize(cidr.family, cidr.prefix) - 1n);
}

/**
 * `address/prefix`, the prefix left out for a single address (/32, /128).
 *
 * @example
 * cidrText(parseCidr('2001:db8::1/128')!) // '2001:db8::1'
 */
export function cidrText(cidr: Cidr): string {
  const address = firstAddress(cidr);
  return cidr.prefix === bitsOf(cidr.family) ? address : `${address}/${cidr.prefix}`;
}

/**
 * True when every address of `inner` lies in `outer`.
 *
 * @example
 * cidrContains(parseCidr('82.94.214.0/24')!, parseCidr('82.94.214.5')!) // true
 */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  if (outer.family !== inner.family || outer.prefix > inner.prefix) return false;
  const size = blockSize(outer.family, outer.prefix);
  return inner.start - (inner.start % size) === outer.start;
}

/**
 * True when the address lies in the network.
 *
 * @example
 * cidrHas(parseCidr('82.94.214.0/24')!, addressValue('82.94.214.5')!) // true
 */
export function cidrHas(cidr: Cidr, address: { family: 4 | 6; value: bigint }): boolean {
  return cidrContains(cidr, { family: address.family, start: address.value, prefix: bitsOf(address.family) });
}

/**
 * The smallest list of networks covering exactly the union of `cidrs`: overlaps and
 * duplicates removed, adjacent blocks joined (two /25 → one /24). IPv4 first, each family
 * in address order.
 *
 * @example
 * mergeCidrs(['10.0.0.0/25', '10.0.0.128/25', '10.0.0.7'].map((t) => parseCidr(t)!)).map(cidrText) // ['10.0.0.0/24']
 */
export function mergeCidrs(cidrs: readonly Cidr[]): Cidr[] {
  const out: Cidr[] = [];
  for (const family of [4, 6] as const) {
    const intervals = cidrs
      .filter((c) => c.family === family)
      .map((c) => [c.start, c.start + blockSize(family, c.prefix) - 1n] as [bigint, bigint])
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const merged: Array<[bigint, bigint]> = [];
    for (const [lo, hi] of intervals) {
      const last = merged[merged.length - 1];
      if (last && lo <= last[1] + 1n) {
        if (hi > last[1]) last[1] = hi;
      } else {
        merged.push([lo, hi]);
      }
    }
    for (const [lo, hi] of merged) out.push(...intervalToCidrs(family, lo, hi));
  }
  return out;
}

/** The aligned blocks that exactly cover `[lo, hi]`, largest first from `lo`. */
function intervalToCidrs(family: 4 | 6, lo: bigint, hi: bigint): Cidr[] {
  const bits = bitsOf(family);
  const out: Cidr[] = [];
  let at = lo;
  while (at <= hi) {
    // The largest block aligned at `at`: its lowest set bit (all of the space at 0).
    let size = at === 0n ? 1n << BigInt(bits) : at & -at;
    while (at + size - 1n > hi) size >>= 1n;
    out.push({ family, start: at, prefix: bits - (size.toString(2).length - 1) });
    at += size;
  }
  return out;
}

/**
 * The network of an ip4/ip6 mechanism (RFC 7208 §5.6: no prefix means /32 or /128).
 *
 * @example
 * cidrText(mechanismCidr(parseRecord('v=spf1 ip4:192.0.2.7/24').record.mechanisms[0])!) // '192.0.2.0/24'
 */
export function mechanismCidr(mechanism: { kind: 'ip4' | 'ip6'; address: string; prefix: number | undefined }): Cidr | undefined {
  return parseCidr(mechanism.prefix === undefined ? mechanism.address : `${mechanism.address}/${mechanism.prefix}`);
}
