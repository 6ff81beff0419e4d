/**
 * `ip4`/`ip6` ranges as numbers, to see which contain which (RFC 7208 §5.6: a missing
 * prefix length means /32 or /128; bits beyond the prefix are ignored when matching).
 */
import { ip6Bytes } from '../spf/ip.ts';
import type { Mechanism } from '../spf/types.ts';

/** One range of an ip4 or ip6 mechanism. */
export interface IpRange {
  family: 4 | 6;
  /** The network, with the bits beyond the prefix cleared. */
  network: bigint;
  prefix: number;
}

function bitsOf(family: 4 | 6): number {
  return family === 4 ? 32 : 128;
}

function masked(value: bigint, family: 4 | 6, prefix: number): bigint {
  const host = BigInt(bitsOf(family) - prefix);
  return (value >> host) << host;
}

/**
 * The range of an ip4/ip6 mechanism, or undefined for other mechanisms.
 *
 * @example
 * ipRange(parseRecord('v=spf1 ip4:192.0.2.7/24').record.mechanisms[0]);
 * // { family: 4, network: 3221225984n, prefix: 24 }
 */
export function ipRange(mechanism: Mechanism): IpRange | undefined {
  switch (mechanism.kind) {
    case 'ip4': {
      const prefix = mechanism.prefix ?? 32;
      return { family: 4, network: masked(BigInt(mechanism.value), 4, prefix), prefix };
    }
    case 'ip6': {
      const prefix = mechanism.prefix ?? 128;
      let value = 0n;
      for (const byte of ip6Bytes(mechanism.address)) value = (value << 8n) | BigInt(byte);
      return { family: 6, network: masked(value, 6, prefix), prefix };
    }
    case 'all':
    case 'include':
    case 'a':
    case 'mx':
    case 'ptr':
    case 'exists':
      return undefined;
    default: {
      const never: never = mechanism;
      throw new Error(`unhandled mechanism ${String(never)}`);
    }
  }
}

/**
 * True when every address of `inner` is in `outer` (equal ranges included).
 *
 * @example
 * rangeWithin({ family: 4, network: 0xc0000207n, prefix: 32 }, { family: 4, network: 0xc0000200n, prefix: 24 }); // true
 */
export function rangeWithin(inner: IpRange, outer: IpRange): boolean {
  return inner.family === outer.family && outer.prefix <= inner.prefix && masked(inner.network, inner.family, outer.prefix) === outer.network;
}
