import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bundledPublicSuffixList } from '../psl/bundled.ts';
import { publicSuffixListFromRules } from '../psl/rules.ts';
import type { PublicSuffixList } from '../psl/types.ts';
import { externalReportTargets, organizationalDomain } from './org-domain.ts';
import { parseDmarcRecord } from './parse.ts';
import type { DmarcRecord } from './types.ts';

const testList = publicSuffixListFromRules('com\nnet\nnl\nuk\nco.uk\njp\n*.kawasaki.jp\n!city.kawasaki.jp\nde\ngithub.io');
const bundled = bundledPublicSuffixList();

function record(text: string): DmarcRecord {
  const result = parseDmarcRecord(text);
  assert.ok(result.ok, JSON.stringify(result.issues));
  return result.record;
}

describe('organizationalDomain (RFC 7489 §3.2)', () => {
  const cases: Array<[string, string]> = [
    ['example.com', 'example.com'],
    ['mail.example.com', 'example.com'],
    ['a.b.c.example.com', 'example.com'],
    ['Mail.Example.COM.', 'example.com'],
    ['example.co.uk', 'example.co.uk'],
    ['eu.mail.example.co.uk', 'example.co.uk'],
    ['_dmarc.example.nl', 'example.nl'],
    ['www.bücher.de', 'xn--bcher-kva.de'],
    ['b.c.kawasaki.jp', 'b.c.kawasaki.jp'],
    ['a.b.c.kawasaki.jp', 'b.c.kawasaki.jp'],
    ['www.city.kawasaki.jp', 'city.kawasaki.jp'],
    ['alice.github.io', 'alice.github.io'],
    ['host.example.unlistedtld', 'example.unlistedtld'],
    // A public suffix has no Organizational Domain in §3.2; we answer the name itself.
    ['co.uk', 'co.uk'],
    ['com', 'com'],
    ['', ''],
  ];
  const lists: Array<[string, PublicSuffixList]> = [
    ['test list', testList],
    ['bundled list', bundled],
  ];
  for (const [listName, list] of lists) {
    for (const [domain, expected] of cases) {
      it(`${listName}: ${JSON.stringify(domain)} → ${JSON.stringify(expected)}`, () => {
        assert.equal(organizationalDomain(domain, list), expected);
      });
    }
  }

  it('follows the private section of the bundled list only when asked', () => {
    assert.equal(organizationalDomain('alice.github.io', bundledPublicSuffixList({ privateDomains: false })), 'github.io');
  });
});

describe('externalReportTargets (RFC 7489 §7.1)', () => {
  it('has no targets when reports stay in the organization', () => {
    const rec = record('v=DMARC1; p=none; rua=mailto:d@example.com, mailto:e@reports.example.com; ruf=mailto:f@example.com');
    assert.deepEqual(externalReportTargets('mail.example.com', rec, testList), []);
  });

  it('names the authorization record of each external destination host', () => {
    const rec = record(
      'v=DMARC1; p=reject; rua=mailto:d@example.com,mailto:dmarc@rua.vendor.net; ruf=mailto:f@Forensics.Other.co.uk!1m',
    );
    const targets = externalReportTargets('example.com', rec, testList);
    assert.deepEqual(
      targets.map(({ tag, targetDomain, targetOrganizationalDomain, authorizationName, uri }) => ({
        tag,
        targetDomain,
        targetOrganizationalDomain,
        authorizationName,
        address: uri.address,
      })),
      [
        {
          tag: 'rua',
          targetDomain: 'rua.vendor.net',
          targetOrganizationalDomain: 'vendor.net',
          authorizationName: 'example.com._report._dmarc.rua.vendor.net',
          address: 'dmarc@rua.vendor.net',
        },
        {
          tag: 'ruf',
          targetDomain: 'forensics.other.co.uk',
          targetOrganizationalDomain: 'other.co.uk',
          authorizationName: 'example.com._report._dmarc.forensics.other.co.uk',
          address: 'f@forensics.other.co.uk',
        },
      ],
    );
  });

  it('uses the domain the policy was published for, as an A-label', () => {
    const rec = record('v=DMARC1; p=none; rua=mailto:dmarc@reports.example.net');
    const [target] = externalReportTargets('Shop.Bücher.de.', rec, testList);
    assert.equal(target?.authorizationName, 'shop.xn--bcher-kva.de._report._dmarc.reports.example.net');
  });

  it('treats sibling organizations under a private suffix as external', () => {
    const rec = record('v=DMARC1; p=none; rua=mailto:dmarc@bob.github.io');
    assert.equal(externalReportTargets('alice.github.io', rec, bundled).length, 1);
  });

  it('uses the authority host of a non-mailto URI and skips URIs without a host', () => {
    const rec = record('v=DMARC1; p=none; rua=https://collector.vendor.net/dmarc, urn:example:x');
    assert.deepEqual(
      externalReportTargets('example.com', rec, testList).map((target) => target.authorizationName),
      ['example.com._report._dmarc.collector.vendor.net'],
    );
  });
});
