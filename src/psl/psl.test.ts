import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bundledPublicSuffixList } from './bundled.ts';
import { isHostname, isLdhLabel, toAsciiDomain } from './domain-name.ts';
import { publicSuffixListFromRules } from './rules.ts';
import type { PublicSuffixList } from './types.ts';

/** A few rules of the real list, with its wildcard and exception cases. */
const SAMPLE_RULES = `
// ===BEGIN ICANN DOMAINS===
com
uk
co.uk
jp
// wildcard with exception, as in the real list
*.kawasaki.jp
!city.kawasaki.jp
*.ck
!www.ck
中国
de
// ===BEGIN PRIVATE DOMAINS===
github.io  trailing text after whitespace is ignored
`;

/** Cases on which every list implementation must agree: [domain, public suffix]. */
const SHARED_CASES: Array<[string, string]> = [
  ['com', 'com'],
  ['example.com', 'com'],
  ['www.example.com', 'com'],
  ['WWW.Example.COM.', 'com'],
  ['example.co.uk', 'co.uk'],
  ['a.b.example.co.uk', 'co.uk'],
  ['co.uk', 'co.uk'],
  ['c.kawasaki.jp', 'c.kawasaki.jp'],
  ['b.c.kawasaki.jp', 'c.kawasaki.jp'],
  ['city.kawasaki.jp', 'kawasaki.jp'],
  ['www.city.kawasaki.jp', 'kawasaki.jp'],
  ['www.ck', 'ck'],
  ['www.www.ck', 'ck'],
  ['test.ck', 'test.ck'],
  ['a.test.ck', 'test.ck'],
  ['食狮.中国', 'xn--fiqs8s'],
  ['www.xn--85x722f.xn--fiqs8s', 'xn--fiqs8s'],
  ['bücher.de', 'de'],
  ['example.unlistedtld', 'unlistedtld'],
  ['unlistedtld', 'unlistedtld'],
];

const implementations: Array<[string, PublicSuffixList]> = [
  ['publicSuffixListFromRules', publicSuffixListFromRules(SAMPLE_RULES)],
  ['bundledPublicSuffixList', bundledPublicSuffixList()],
];

for (const [name, list] of implementations) {
  describe(`PublicSuffixList: ${name}`, () => {
    for (const [domain, suffix] of SHARED_CASES) {
      it(`${domain} → ${suffix}`, () => assert.equal(list.publicSuffix(domain), suffix));
    }
    it('includes private suffixes by default', () => {
      assert.equal(list.publicSuffix('alice.github.io'), 'github.io');
    });
  });
}

describe('bundledPublicSuffixList options', () => {
  it('can leave out the PRIVATE section', () => {
    assert.equal(bundledPublicSuffixList({ privateDomains: false }).publicSuffix('alice.github.io'), 'io');
  });
  it('answers the default rule for an empty name', () => {
    assert.equal(bundledPublicSuffixList().publicSuffix(''), '');
  });
});

describe('domain names', () => {
  const ascii: Array<[string, string]> = [
    ['Example.COM.', 'example.com'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['', ''],
  ];
  for (const [input, output] of ascii) {
    it(`toAsciiDomain(${JSON.stringify(input)}) → ${output}`, () => assert.equal(toAsciiDomain(input), output));
  }

  const hostnames: Array<[string, number, boolean]> = [
    ['example.com', 1, true],
    ['example.com.', 2, true],
    ['localhost', 1, true],
    ['localhost', 2, false],
    ['-bad.example', 1, false],
    ['bad-.example', 1, false],
    ['a..b', 1, false],
    ['under_score.example', 1, false],
    ['', 1, false],
    [`${'a'.repeat(64)}.example`, 1, false],
    [`${'a.'.repeat(127)}a`, 1, false],
  ];
  for (const [name, minLabels, expected] of hostnames) {
    it(`isHostname(${JSON.stringify(name.slice(0, 30))}, ${minLabels}) → ${expected}`, () =>
      assert.equal(isHostname(name, minLabels), expected));
  }

  it('isLdhLabel allows inner hyphens only', () => {
    assert.deepEqual(
      ['a', 'a-b', 'xn--bcher-kva', '-a', 'a-', '', 'a_b'].map(isLdhLabel),
      [true, true, true, false, false, false, false],
    );
  });
});
