/**
 * The RFC 9989 §4.10 DNS tree walk and the discovery built on it, over a real authoritative
 * DNS server on loopback: every step crosses the wire through the system resolver, and the
 * server's own log of queries is held against the walk's trace.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { auditDomain } from '../../src/audit/audit.ts';
import { discoverDmarc } from '../../src/dmarc/discover.ts';
import { treeWalkDomains, walkDmarcTree, TREE_WALK_MAX_QUERIES } from '../../src/dmarc/tree-walk.ts';
import type { Resolver } from '../../src/dns/resolver.ts';
import { systemResolver } from '../../src/dns/system.ts';
import { zoneFromObject } from '../../src/dns/zone.ts';
import { bundledPublicSuffixList } from '../../src/psl/index.ts';
import { type DnsServer, startDnsServer } from '../support/dns-server.ts';

const PSL = bundledPublicSuffixList();

let dns: DnsServer;
let resolver: Resolver;
before(async () => {
  dns = await startDnsServer(zoneFromObject({}));
  resolver = systemResolver({ servers: [dns.address], timeout: 2000, tries: 1 });
});
after(() => dns.stop());
beforeEach(() => {
  dns.queries.length = 0;
});

/** Serve `zone` from now on. */
function serve(zone: Record<string, unknown>): void {
  dns.setZone(zoneFromObject(zone));
}

/** What the server was asked, as `TYPE name`. */
function asked(): string[] {
  return dns.queries.map((q) => `${q.type} ${q.name.toLowerCase()}`);
}

const txt = (names: string[]): string[] => names.map((name) => `TXT _dmarc.${name}`);

describe('treeWalkDomains (RFC 9989 §4.10 steps 5 and 8)', () => {
  it('drops one label at a time below eight labels, jumps to the last seven from eight up', () => {
    assert.deepEqual(treeWalkDomains('a.mail.example.com'), ['a.mail.example.com', 'mail.example.com', 'example.com', 'com']);
    assert.deepEqual(treeWalkDomains('com'), ['com']);
    const eight = 'h.g.f.e.d.c.b.a';
    assert.deepEqual(treeWalkDomains(eight), [eight, 'g.f.e.d.c.b.a', 'f.e.d.c.b.a', 'e.d.c.b.a', 'd.c.b.a', 'c.b.a', 'b.a', 'a']);
    assert.deepEqual(treeWalkDomains('Mail.Example.COM.'), ['mail.example.com', 'example.com', 'com']);
    assert.deepEqual(treeWalkDomains(''), []);
    assert.deepEqual(treeWalkDomains('a..b'), []);
  });
});

describe('the DNS tree walk over a loopback DNS server', () => {
  it('a deep name (11 labels): the name, then its last seven labels down to one — 8 queries, the skipped names never asked', async () => {
    serve({ '_dmarc.example.com': [{ TXT: 'v=DMARC1; p=reject' }] });
    const deep = 'a.b.c.d.e.f.g.h.i.example.com';
    const found = await discoverDmarc(deep, resolver, PSL);
    const expected = [deep, 'e.f.g.h.i.example.com', 'f.g.h.i.example.com', 'g.h.i.example.com', 'h.i.example.com', 'i.example.com', 'example.com', 'com'];
    assert.deepEqual(asked(), txt(expected));
    assert.deepEqual(found.walk.steps.map((s) => s.domain), expected);
    assert.ok(!asked().includes('TXT _dmarc.b.c.d.e.f.g.h.i.example.com'));
    assert.equal(found.kind, 'found');
    if (found.kind !== 'found') return;
    assert.equal(found.source, 'organizational');
    assert.equal(found.organizationalDomain, 'example.com');
    assert.equal(found.name, '_dmarc.example.com');
    // The Public Suffix List says example.com too, and RFC 7489 finds the same record.
    assert.equal(found.rfc7489Differs, undefined);
  });

  it('never more than 8 queries, whatever the depth, when no name has a record', async () => {
    serve({});
    for (const labels of [1, 2, 7, 8, 9, 20]) {
      dns.queries.length = 0;
      const name = [...Array.from({ length: labels - 1 }, (_, i) => `l${i}`), 'test'].join('.');
      const walk = await walkDmarcTree(name, resolver);
      const expected = Math.min(labels, TREE_WALK_MAX_QUERIES);
      assert.equal(dns.queries.length, expected, `${labels} labels: ${asked().join(', ')}`);
      assert.equal(walk.steps.length, expected);
      assert.deepEqual(walk.steps.map((s) => `TXT ${s.name}`), asked());
      assert.equal(walk.kind, 'complete');
      if (walk.kind === 'complete') assert.equal(walk.stop, 'last-label');
      assert.equal(walk.steps.at(-1)?.domain, 'test');
    }
  });

  it('no record anywhere: "none", the organisational domain is the domain itself, each query answered (nxdomain)', async () => {
    serve({ 'example.org': [{ A: '192.0.2.1' }] });
    const found = await discoverDmarc('nothing.example.org', resolver, PSL);
    assert.equal(found.kind, 'none');
    if (found.kind !== 'none') return;
    assert.deepEqual(asked(), txt(['nothing.example.org', 'example.org', 'org']));
    assert.deepEqual(found.walk.steps.map((s) => s.outcome), [
      { kind: 'none', dns: 'nxdomain' },
      { kind: 'none', dns: 'nxdomain' },
      { kind: 'none', dns: 'nxdomain' },
    ]);
    assert.equal(found.organizationalDomain, 'nothing.example.org');
    // RFC 7489 would call example.org the organisational domain (and find no record either).
    assert.deepEqual(found.rfc7489Differs, { organizationalDomain: 'example.org', policy: { kind: 'none' } });
    // The audit says "missing" and does not word the difference: with no record it is moot.
    const audit = await auditDomain('nothing.example.org', { resolver, lang: 'en' });
    const ids = audit.areas.dmarc.findings.map((f) => f.id);
    assert.deepEqual(ids, ['dmarc-missing']);
  });

  it('psd=y at a TLD-like label: the walk stops there, the organisational domain is one label below it', async () => {
    serve({
      '_dmarc.edu.example': [{ TXT: 'v=DMARC1; p=reject; sp=quarantine; psd=y' }],
      // Above the psd=y boundary: never asked.
      '_dmarc.example': [{ TXT: 'v=DMARC1; p=none' }],
    });
    const found = await discoverDmarc('x.mail.school.edu.example', resolver, PSL);
    assert.deepEqual(asked(), txt(['x.mail.school.edu.example', 'mail.school.edu.example', 'school.edu.example', 'edu.example']));
    assert.equal(found.kind, 'found');
    if (found.kind !== 'found') return;
    assert.equal(found.walk.kind, 'complete');
    if (found.walk.kind === 'complete') assert.equal(found.walk.stop, 'psd');
    assert.equal(found.organizationalDomain, 'school.edu.example');
    assert.equal(found.source, 'public-suffix');
    assert.equal(found.policyDomain, 'edu.example');
    // The PSL has no `example`, so its default rule makes edu.example the organisational domain.
    assert.deepEqual(found.rfc7489Differs, {
      organizationalDomain: 'edu.example',
      policy: { kind: 'found', domain: 'edu.example', name: '_dmarc.edu.example', text: 'v=DMARC1; p=reject; sp=quarantine; psd=y' },
    });
    dns.queries.length = 0;
    const audit = await auditDomain('x.mail.school.edu.example', { resolver, lang: 'nl' });
    const ids = audit.areas.dmarc.findings.map((f) => f.id);
    assert.ok(ids.includes('dmarc-psd-policy'), ids.join(', '));
    assert.ok(ids.includes('dmarc-rfc7489-differs'), ids.join(', '));
    assert.match(audit.areas.dmarc.summary, /beleid quarantine/);
    const differs = audit.areas.dmarc.findings.find((f) => f.id === 'dmarc-rfc7489-differs');
    assert.match(differs?.message ?? '', /organisatiedomein edu\.example in plaats van school\.edu\.example/);
  });

  it('psd=y at a real TLD: the name below it is the organisational domain', async () => {
    serve({ '_dmarc.bank': [{ TXT: 'v=DMARC1; p=reject; psd=y' }] });
    const found = await discoverDmarc('mail.klant.bank', resolver, PSL);
    assert.deepEqual(asked(), txt(['mail.klant.bank', 'klant.bank', 'bank']));
    assert.equal(found.kind, 'found');
    if (found.kind !== 'found') return;
    assert.equal(found.organizationalDomain, 'klant.bank');
    assert.equal(found.source, 'public-suffix');
    // The PSL agrees on klant.bank, but RFC 7489 never asks _dmarc.bank: no record there.
    assert.deepEqual(found.rfc7489Differs, { organizationalDomain: 'klant.bank', policy: { kind: 'none' } });
  });

  it('psd=n: the walk stops, that domain is the organisational domain; RFC 7489 needs one query more and finds another record', async () => {
    serve({
      '_dmarc.team.bigcorp.nl': [{ TXT: 'v=DMARC1; p=reject; psd=n' }],
      '_dmarc.bigcorp.nl': [{ TXT: 'v=DMARC1; p=none' }],
    });
    const found = await discoverDmarc('mail.team.bigcorp.nl', resolver, PSL);
    // Three walk queries; the fourth is RFC 7489's own, for its PSL organisational domain.
    assert.deepEqual(asked(), txt(['mail.team.bigcorp.nl', 'team.bigcorp.nl', 'bigcorp.nl']));
    assert.deepEqual(found.walk.steps.map((s) => s.domain), ['mail.team.bigcorp.nl', 'team.bigcorp.nl']);
    assert.equal(found.kind, 'found');
    if (found.kind !== 'found') return;
    assert.equal(found.organizationalDomain, 'team.bigcorp.nl');
    assert.equal(found.source, 'organizational');
    assert.equal(found.text, 'v=DMARC1; p=reject; psd=n');
    assert.deepEqual(found.rfc7489Differs, {
      organizationalDomain: 'bigcorp.nl',
      policy: { kind: 'found', domain: 'bigcorp.nl', name: '_dmarc.bigcorp.nl', text: 'v=DMARC1; p=none' },
      extraQuery: '_dmarc.bigcorp.nl',
    });
    const audit = await auditDomain('mail.team.bigcorp.nl', { resolver, lang: 'en' });
    const differs = audit.areas.dmarc.findings.find((f) => f.id === 'dmarc-rfc7489-differs');
    assert.match(differs?.message ?? '', /organisational domain bigcorp\.nl instead of team\.bigcorp\.nl .*the record at _dmarc\.bigcorp\.nl instead of the record at _dmarc\.team\.bigcorp\.nl/);
  });

  it('records without psd on several levels: the one with the fewest labels is the organisational domain', async () => {
    serve({
      '_dmarc.a.b.example.net': [{ TXT: 'v=DMARC1; p=quarantine' }],
      '_dmarc.example.net': [{ TXT: 'v=DMARC1; p=reject' }],
    });
    const found = await discoverDmarc('a.b.example.net', resolver, PSL);
    assert.deepEqual(asked(), txt(['a.b.example.net', 'b.example.net', 'example.net', 'net']));
    assert.equal(found.kind, 'found');
    if (found.kind !== 'found') return;
    assert.equal(found.source, 'author');
    assert.equal(found.text, 'v=DMARC1; p=quarantine');
    assert.equal(found.organizationalDomain, 'example.net');
  });

  it('several records at one name are discarded and the walk goes on (§4.10 step 2)', async () => {
    serve({
      '_dmarc.mail.dubbel.nl': [{ TXT: 'v=DMARC1; p=reject' }, { TXT: 'v=DMARC1; p=none' }],
      '_dmarc.dubbel.nl': [{ TXT: 'v=DMARC1; p=quarantine' }],
    });
    const found = await discoverDmarc('mail.dubbel.nl', resolver, PSL);
    assert.equal(found.walk.steps[0]?.outcome.kind, 'multiple');
    assert.equal(found.kind, 'found');
    if (found.kind === 'found') assert.equal(found.name, '_dmarc.dubbel.nl');
  });

  for (const marker of ['TIMEOUT', 'SERVFAIL'] as const) {
    it(`a ${marker} at one step is a temporary failure, never "no record"; nothing above it is asked`, async () => {
      serve({ '_dmarc.slow.example': [marker], '_dmarc.example': [{ TXT: 'v=DMARC1; p=reject; psd=y' }] });
      const quick = systemResolver({ servers: [dns.address], timeout: 300, tries: 1 });
      const found = await discoverDmarc('mail.slow.example', quick, PSL);
      assert.equal(found.kind, 'temporary-failure');
      if (found.kind !== 'temporary-failure') return;
      assert.equal(found.failed.name, '_dmarc.slow.example');
      assert.equal(found.failed.outcome.kind, 'temporary-failure');
      if (found.failed.outcome.kind === 'temporary-failure') assert.equal(found.failed.outcome.dns.kind, marker === 'TIMEOUT' ? 'timeout' : 'servfail');
      assert.deepEqual(found.walk.steps.map((s) => s.name), ['_dmarc.mail.slow.example', '_dmarc.slow.example']);
      assert.ok(!asked().includes('TXT _dmarc.example'), asked().join(', '));
      // The audit says it could not check, not that the record is missing.
      const audit = await auditDomain('mail.slow.example', { resolver: quick, lang: 'en' });
      assert.ok(!audit.areas.dmarc.findings.some((f) => f.id === 'dmarc-missing'));
      assert.equal(audit.areas.dmarc.verdict, 'unknown');
    });
  }

  it('a failure above the domain\'s own record: the policy is known (p=), the organisational domain is not', async () => {
    serve({ '_dmarc.own.example': [{ TXT: 'v=DMARC1; p=reject' }], '_dmarc.example': ['TIMEOUT'] });
    const quick = systemResolver({ servers: [dns.address], timeout: 300, tries: 1 });
    const found = await discoverDmarc('own.example', quick, PSL);
    assert.equal(found.walk.kind, 'temporary-failure');
    assert.equal(found.kind, 'found');
    if (found.kind !== 'found') return;
    assert.equal(found.source, 'author');
    assert.equal(found.organizationalDomain, undefined);
    assert.equal(found.rfc7489Differs, undefined);
  });
});
