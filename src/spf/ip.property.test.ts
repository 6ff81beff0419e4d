// isIp6 is hand-written for speed; node:net's isIPv6 (a regular expression over RFC 4291's
// forms) is the reference it must agree with, minus the zone index SPF does not allow.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isIPv6 } from 'node:net';
import fc from 'fast-check';
import { isIp6 } from './ip.ts';

const reference = (text: string): boolean => isIPv6(text) && !text.includes('%');

const hexGroup = fc.stringMatching(/^[0-9a-fA-F]{1,5}$/);
const octet = fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.constantFrom('00', '01', '010', '255', '256'));
const ip4Tail = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));

/** Addresses near the valid forms: 1–9 groups, an optional "::" anywhere, an optional IPv4 tail. */
const nearAddress = fc
  .tuple(fc.array(hexGroup, { minLength: 0, maxLength: 9 }), fc.option(fc.nat(9)), fc.option(ip4Tail), fc.boolean())
  .map(([groups, gap, tail, trailing]) => {
    const parts = [...groups];
    if (tail !== null) parts.push(tail);
    let text = parts.join(':');
    if (gap !== null) {
      const at = Math.min(gap, parts.length);
      text = `${parts.slice(0, at).join(':')}::${parts.slice(at).join(':')}`;
    }
    return trailing ? `${text}:` : text;
  });

const noise = fc.string({ unit: fc.constantFrom('0', '1', '9', 'a', 'f', 'F', 'g', ':', ':', '.', '%', ' ', '/'), maxLength: 46 });

describe('isIp6', () => {
  it('agrees with node:net on addresses near the valid forms', () => {
    fc.assert(fc.property(nearAddress, (text) => assert.equal(isIp6(text), reference(text), text)), { numRuns: 20000 });
  });

  it('agrees with node:net on arbitrary text from the address alphabet', () => {
    fc.assert(fc.property(noise, (text) => assert.equal(isIp6(text), reference(text), text)), { numRuns: 20000 });
  });

  it('agrees on the RFC 4291 examples and edge cases', () => {
    const cases = [
      '::', '::1', '1::', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8::', '1::2::3',
      '2001:DB8:0:0:8:800:200C:417A', 'FF01::101', '0:0:0:0:0:0:13.1.68.3', '::13.1.68.3', '::FFFF:129.144.52.38',
      '1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:7:1.2.3.4', '1:2:3:4:5::1.2.3.4', '1:2:3:4:5:6::1.2.3.4', '::1.2.3.04',
      ':1', '1:', ':::', '12345::', 'fe80::1%eth0', '', ':', '2001:db8::/48', ' ::1', '::1.2.3', '::1.2.3.4.5',
    ];
    for (const text of cases) assert.equal(isIp6(text), reference(text), text);
  });

  it('checks a slice of a longer text', () => {
    const text = 'ip6:2001:db8::1/64';
    assert.equal(isIp6(text, 4, 15), true);
    assert.equal(isIp6(text, 4, 18), false);
  });
});
