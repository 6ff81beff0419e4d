import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { type Cidr, addressValue, cidrContains, cidrHas, cidrText, firstAddress, lastAddress, mergeCidrs, parseCidr } from './cidr.ts';

const c = (text: string): Cidr => {
  const cidr = parseCidr(text);
  assert.ok(cidr, text);
  return cidr;
};

describe('cidr', () => {
  it('parses ip4/ip6 networks, clears host bits, rejects bad input', () => {
    assert.equal(cidrText(c('82.94.214.5/24')), '82.94.214.0/24');
    assert.equal(cidrText(c('82.94.214.5')), '82.94.214.5');
    assert.equal(cidrText(c('2001:DB8:0:0::1/32')), '2001:db8::/32');
    assert.equal(cidrText(c('::/0')), '::/0');
    for (const bad of ['1.2.3', '01.2.3.4', '1.2.3.4/33', '1.2.3.4/024', '2001:db8::/129', 'fe80::1%eth0', 'x']) assert.equal(parseCidr(bad), undefined, bad);
  });

  it('first and last addresses', () => {
    assert.deepEqual([firstAddress(c('46.21.235.240/28')), lastAddress(c('46.21.235.240/28'))], ['46.21.235.240', '46.21.235.255']);
    assert.equal(lastAddress(c('2001:db8::/126')), '2001:db8::3');
  });

  it('containment never crosses families', () => {
    assert.ok(cidrContains(c('82.94.214.0/24'), c('82.94.214.5')));
    assert.ok(cidrContains(c('0.0.0.0/0'), c('192.0.2.0/24')));
    assert.ok(!cidrContains(c('82.94.214.0/25'), c('82.94.214.128/25')));
    assert.ok(!cidrContains(c('82.94.214.5'), c('82.94.214.0/24')));
    assert.ok(!cidrContains(c('::/0'), c('1.2.3.4')));
    assert.ok(cidrHas(c('2001:db8::/32'), addressValue('2001:db8:ffff::1') ?? assert.fail()));
  });

  it('merges duplicates, overlaps and adjacent blocks into the fewest networks', () => {
    const merged = mergeCidrs(['10.0.0.0/25', '10.0.0.128/25', '10.0.0.7', '10.0.0.0/24', '10.0.2.0/24', '2001:db8::/33', '2001:db8:8000::/33', '10.0.1.0/24'].map(c));
    assert.deepEqual(merged.map(cidrText), ['10.0.0.0/23', '10.0.2.0/24', '2001:db8::/32']);
  });

  it('splits an unaligned union into aligned blocks', () => {
    assert.deepEqual(mergeCidrs(['10.0.0.1', '10.0.0.2/31', '10.0.0.4/30'].map(c)).map(cidrText), ['10.0.0.1', '10.0.0.2/31', '10.0.0.4/30']);
    assert.deepEqual(mergeCidrs(['0.0.0.0/1', '128.0.0.0/1'].map(c)).map(cidrText), ['0.0.0.0/0']);
  });
});
