import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { COMMON_SELECTORS } from '../dkim/selectors.ts';
import { createSocket } from 'node:dgram';
import type { Socket } from 'node:dgram';
import { resolverProbe } from '../dns/health.ts';
import type { Resolver } from '../dns/resolver.ts';
import { systemResolver } from '../dns/system.ts';
import { zoneFromObject, zoneResolver } from '../dns/zone.ts';
import { type DnsServer, startDnsServer } from '../../test/support/dns-server.ts';
import { AuditInputError, auditDomain } from './audit.ts';
import { SEVERITY_RANK } from './findings.ts';
import { AUDIT_AREAS, type AuditResult, type Finding } from './types.ts';

const RSA_2048 = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
const keyTxt = (tags: string): string[] => (tags.match(/.{1,255}/g) ?? []);

async function audit(zone: Record<string, unknown[]>, domain = 'd.nl', extra: { selectors?: string[]; lang?: 'en' | 'nl' } = {}): Promise<AuditResult> {
  return auditDomain(domain, { resolver: zoneResolver(zoneFromObject(zone)), ...extra });
}

const ids = (findings: readonly Finding[]): string[] => findings.map((f) => f.id);
const only = (result: AuditResult, id: string): Finding => {
  const found = result.findings.filter((f) => f.id === id);
  assert.equal(found.length, 1, `${id}: ${ids(result.findings).join(', ')}`);
  return found[0] ?? assert.fail();
};

/** A domain with nothing to complain about. */
const GOOD = {
  'd.nl': [{ TXT: 'v=spf1 mx -all' }, { MX: [10, 'mx.d.nl'] }],
  'mx.d.nl': [{ A: '192.0.2.25' }],
  's1._domainkey.d.nl': [{ TXT: keyTxt(`v=DKIM1; k=rsa; p=${RSA_2048}`) }],
  '_dmarc.d.nl': [{ TXT: 'v=DMARC1; p=reject; rua=mailto:dmarc@d.nl' }],
};

describe('auditDomain', () => {
  it('gives A to a domain with nothing to complain about', async () => {
    const result = await audit(GOOD, 'd.nl', { selectors: ['s1'] });
    assert.equal(result.grade, 'A');
    for (const area of AUDIT_AREAS) assert.equal(result.areas[area].verdict, 'ok', area);
    assert.deepEqual(ids(result.findings), ['spf-lookup-count', 'dkim-key-found']);
    assert.equal(result.areas.spf.summary, '`v=spf1 mx -all` (1 of 10 DNS lookups)');
    assert.equal(result.areas.mx.summary, 'mail servers mx.d.nl (10)');
  });

  it('lists the findings per area in area order, worst first', async () => {
    const result = await audit({ 'd.nl': [{ TXT: 'v=spf1 ptr ip4:1.2.3 +all' }] });
    assert.deepEqual(
      result.findings.map((f) => f.area),
      [...result.areas.spf.findings, ...result.areas.dkim.findings, ...result.areas.dmarc.findings, ...result.areas.mx.findings].map((f) => f.area),
    );
    for (const area of AUDIT_AREAS) {
      const ranks = result.areas[area].findings.map((f) => SEVERITY_RANK[f.severity]);
      assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), area);
    }
    assert.deepEqual(ids(result.areas.spf.findings), ['spf-syntax', 'spf-plus-all', 'spf-ptr', 'spf-lookup-count']);
  });

  it('points at each syntax problem with its column and a caret', async () => {
    const syntax = only(await audit({ 'd.nl': [{ TXT: 'v=spf1 ip4:1.2.3 -all' }] }), 'spf-syntax');
    assert.equal(syntax.message, 'Column 12 of the SPF record of d.nl: `1.2.3` is not a valid IP address.');
    assert.equal(syntax.evidence.column, 12);
    assert.equal(syntax.evidence.caret, 'v=spf1 ip4:1.2.3 -all\n           ^^^^^');
    const nl = only(await audit({ 'd.nl': [{ TXT: 'v=spf1 ip4:1.2.3 -all' }] }, 'd.nl', { lang: 'nl' }), 'spf-syntax');
    assert.equal(nl.message, 'Kolom 12 van het SPF-record van d.nl: `1.2.3` is geen geldig IP-adres.');
  });

  it('shows the tree with each branch\'s count when over the limit', async () => {
    const zone: Record<string, unknown[]> = { 'd.nl': [{ TXT: `v=spf1 ${[1, 2, 3, 4, 5, 6].map((i) => `include:_spf.p${i}.nl`).join(' ')} -all` }] };
    for (let i = 1; i <= 6; i++) {
      zone[`_spf.p${i}.nl`] = [{ TXT: `v=spf1 include:_n.p${i}.nl -all` }];
      zone[`_n.p${i}.nl`] = [{ TXT: 'v=spf1 ip4:192.0.2.0/24 -all' }];
    }
    const finding = only(await audit(zone), 'spf-too-many-lookups');
    assert.equal(finding.evidence.count, 12);
    assert.match(finding.message, /takes 12 DNS lookups; RFC 7208 §4\.6\.4 allows 10, so receivers give permerror\. Per include\/redirect: `include:_spf\.p1\.nl` 2,/);
    const tree = finding.evidence.tree as { total: number; branches: Array<{ term: string; total: number; own: number }> };
    assert.equal(tree.total, 12);
    assert.deepEqual(tree.branches.map((b) => [b.term, b.own, b.total]), [1, 2, 3, 4, 5, 6].map((i) => [`include:_spf.p${i}.nl`, 1, 2]));
  });

  it('reports +all in an included record, which lets every server pass', async () => {
    const finding = only(await audit({ 'd.nl': [{ TXT: 'v=spf1 include:lek.nl -all' }], 'lek.nl': [{ TXT: 'v=spf1 +all' }] }), 'spf-plus-all');
    assert.deepEqual(finding.evidence.via, ['include:lek.nl']);
    assert.match(finding.message, /^The SPF record of lek\.nl \(reached through `include:lek\.nl`\) has `\+all`/);
  });

  it('calls a look-alike an error when it is the only candidate and a warning beside a real record', async () => {
    const alone = await audit({ 'd.nl': [{ TXT: 'v=spf2.0/pra mx -all' }] });
    assert.equal(only(alone, 'spf-bad-version').severity, 'error');
    assert.ok(!ids(alone.findings).includes('spf-missing'));
    const beside = await audit({ 'd.nl': [{ TXT: 'v=spf1 -all' }, { TXT: '"v=spf1 mx -all"' }] });
    assert.equal(only(beside, 'spf-bad-version').severity, 'warning');
  });

  it('counts the 450-byte budget over the name and every TXT record (RFC 7208 §3.4)', async () => {
    const filler = 'x'.repeat(230);
    const result = await audit({ 'd.nl': [{ TXT: 'v=spf1 -all' }, { TXT: [`verification=${filler}`] }, { TXT: [`other=${filler}`] }] });
    const finding = only(result, 'spf-record-too-long');
    assert.equal(finding.evidence.bytes, 4 + 11 + 243 + 236);
  });

  it('counts a non-ASCII TXT record in its octets, as fetched (one code unit per octet)', async () => {
    const utf8 = Buffer.from('é'.repeat(110), 'utf8').toString('latin1'); // 220 octets
    const result = await audit({ 'd.nl': [{ TXT: 'v=spf1 -all' }, { TXT: [`note=${utf8}`] }, { TXT: [`other=${'x'.repeat(209)}`] }] });
    assert.equal(only(result, 'spf-record-too-long').evidence.bytes, 4 + 11 + 225 + 215);
  });

  it('names mx: targets without MX records and MX hosts without address', async () => {
    const noMx = only(await audit({ 'd.nl': [{ TXT: 'v=spf1 mx -all' }] }), 'spf-host-without-address');
    assert.deepEqual([noMx.evidence.type, noMx.evidence.names], ['MX', ['d.nl']]);
    assert.match(noMx.message, /^`mx` in the SPF record of d\.nl points at d\.nl, which has no MX records/);
    const noAddress = only(await audit({ 'd.nl': [{ TXT: 'v=spf1 mx -all' }, { MX: [10, 'mx1.d.nl'] }, { MX: [20, 'mx2.d.nl'] }], 'mx1.d.nl': [{ A: '192.0.2.1' }] }), 'spf-host-without-address');
    assert.deepEqual([noAddress.evidence.type, noAddress.evidence.names], ['A/AAAA', ['mx2.d.nl']]);
  });

  it('throws only for a name that is not a domain', async () => {
    await assert.rejects(audit({}, 'localhost'), AuditInputError);
  });
});

describe('DNS failures: "could not check", never "no record"', () => {
  it('a timeout on the SPF TXT lookup', async () => {
    const result = await audit({ 'd.nl': [{ TIMEOUT: 'TXT' }, { MX: [10, 'mx.d.nl'] }], 'mx.d.nl': [{ A: '192.0.2.25' }] });
    assert.equal(result.areas.spf.verdict, 'unknown');
    assert.deepEqual(ids(result.areas.spf.findings), ['dns-unavailable']);
    assert.deepEqual(only(result, 'dns-unavailable').evidence, { name: 'd.nl', type: 'TXT', answer: 'timeout', detail: 'TIMEOUT marker at d.nl' });
    assert.equal(result.areas.spf.summary, 'could not be checked: a DNS lookup failed');
    assert.equal(result.areas.mx.verdict, 'ok');
    assert.ok(result.grade !== null && result.grade >= 'C');
  });

  it('a SERVFAIL in an include', async () => {
    const result = await audit({ 'd.nl': [{ TXT: 'v=spf1 include:kapot.nl -all' }], 'kapot.nl': ['SERVFAIL'] });
    assert.equal(result.areas.spf.verdict, 'unknown');
    assert.ok(!ids(result.findings).includes('spf-include-missing'));
    assert.match(only(result, 'dns-unavailable').message, /^Could not check: the TXT lookup of kapot\.nl failed \(SERVFAIL\).*This is not the same as "no record"\.$/);
  });

  it('a timeout on _dmarc: no fallback, no "missing"', async () => {
    const result = await audit({ '_dmarc.mail.d.nl': ['TIMEOUT'], '_dmarc.d.nl': [{ TXT: 'v=DMARC1; p=reject' }] }, 'mail.d.nl');
    assert.equal(result.areas.dmarc.verdict, 'unknown');
    assert.deepEqual(ids(result.areas.dmarc.findings), ['dns-unavailable']);
  });

  it('a timeout on a DKIM selector and on an MX host', async () => {
    const result = await audit({ 'd.nl': [{ MX: [10, 'mx.d.nl'] }], 'mx.d.nl': ['TIMEOUT'], 's1._domainkey.d.nl': ['TIMEOUT'] }, 'd.nl', { selectors: ['s1'] });
    assert.equal(result.areas.dkim.verdict, 'unknown');
    assert.ok(!ids(result.findings).includes('dkim-selector-missing'));
    assert.equal(result.areas.mx.verdict, 'unknown');
    assert.ok(!ids(result.findings).includes('mx-unresolvable'));
  });
});

describe("spfkit's own resolver down: said once per area, no grade", () => {
  let server: DnsServer;
  let silent: Socket;
  before(async () => {
    server = await startDnsServer(zoneFromObject({}));
    silent = createSocket('udp4');
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
  });
  after(async () => {
    await server.stop();
    silent.close();
  });

  it('a closed port (connection refused): one dns-resolver-unreachable per area, grade null', async () => {
    const closed = '127.0.0.1:1';
    const resolver = systemResolver({ servers: [closed] });
    for (const lang of ['en', 'nl'] as const) {
      const result = await auditDomain('byteklant.nl', { resolver, lang, probe: resolverProbe({ servers: [closed] }) });
      assert.equal(result.grade, null);
      assert.deepEqual(result.resolver, { state: 'unreachable', servers: [closed], error: 'refused', detail: `ECONNREFUSED ${closed}` });
      assert.deepEqual(
        result.findings.map((f) => [f.area, f.id]),
        AUDIT_AREAS.map((area) => [area, 'dns-resolver-unreachable']),
      );
      for (const area of AUDIT_AREAS) assert.equal(result.areas[area].verdict, 'unknown');
      const [first] = result.findings;
      assert.deepEqual(first?.evidence, { servers: [closed], error: 'refused', detail: `ECONNREFUSED ${closed}` });
      if (lang === 'en') {
        assert.equal(first?.message, "Could not check: the DNS resolver spfkit uses, `127.0.0.1:1`, refused the connection (ECONNREFUSED 127.0.0.1:1): nothing answers DNS there, so not one lookup of this audit could be made. This says nothing about the domain.");
        assert.equal(result.areas.spf.summary, "not checked: spfkit's own DNS resolver could not be reached");
        assert.doesNotMatch(first?.fix ?? '', /DNS host of the domain/);
      } else {
        assert.match(first?.message ?? '', /^Niet te controleren: de DNS-resolver die spfkit gebruikt, `127\.0\.0\.1:1`, weigerde de verbinding/);
      }
    }
  });

  it('a resolver that never replies: no reply, grade null', async () => {
    const address = `127.0.0.1:${silent.address().port}`;
    const result = await auditDomain('byteklant.nl', {
      resolver: systemResolver({ servers: [address], timeout: 200, tries: 1 }),
      probe: resolverProbe({ servers: [address], timeout: 200 }),
      selectors: ['s1'],
    });
    assert.equal(result.grade, null);
    assert.equal(result.resolver?.error, 'no-reply');
    assert.equal(result.findings.length, AUDIT_AREAS.length);
  });

  it("every query failing while the resolver answers the probe is the domain's DNS: dns-unavailable findings and a grade", async () => {
    const failing: Resolver = { query: async () => ({ kind: 'servfail', detail: 'SERVFAIL from the domain' }) };
    const result = await auditDomain('d.nl', { resolver: failing, selectors: ['s1'], probe: resolverProbe({ servers: [server.address] }) });
    assert.equal(result.resolver, undefined);
    assert.notEqual(result.grade, null);
    assert.ok(result.findings.every((f) => f.id === 'dns-unavailable'));
    assert.ok(server.queries.some((q) => q.name === '.' || q.name === ''), 'the probe was asked');
  });
});

describe('DKIM', () => {
  it('follows a CNAME and shows its target', async () => {
    const result = await audit({ 'prezent-a._domainkey.d.nl': [{ CNAME: '_dkim-a.prezent.nl' }], '_dkim-a.prezent.nl': [{ TXT: keyTxt(`v=DKIM1; k=rsa; p=${RSA_2048}`) }] }, 'd.nl', { selectors: ['prezent-a'] });
    const found = only(result, 'dkim-key-found');
    assert.equal(found.evidence.cname, '_dkim-a.prezent.nl');
    assert.equal(found.evidence.bits, 2048);
    assert.equal(found.message, 'DKIM key for selector prezent-a at prezent-a._domainkey.d.nl (CNAME to _dkim-a.prezent.nl): RSA, 2048 bits.');
    assert.equal(result.areas.dkim.summary, 'key found for selector prezent-a');
  });

  it('probes a bounded list of common selectors when none is given', async () => {
    const resolver = zoneResolver(zoneFromObject({ 'selector1._domainkey.d.nl': [{ TXT: keyTxt(`v=DKIM1; p=${RSA_2048}`) }], 'default._domainkey.d.nl': [{ TXT: 'not a key' }] }));
    const result = await auditDomain('d.nl', { resolver });
    assert.deepEqual(ids(result.areas.dkim.findings), ['dkim-key-found']);
    const dkimQueries = resolver.queries.filter((q) => q.name.includes('._domainkey.'));
    assert.ok(dkimQueries.length <= 2 * COMMON_SELECTORS.length, String(dkimQueries.length));
  });
});

describe('DMARC', () => {
  it('takes the organisational domain\'s record with its sp= for a subdomain', async () => {
    const result = await audit({ '_dmarc.d.nl': [{ TXT: 'v=DMARC1; p=reject; sp=none' }] }, 'mail.d.nl');
    assert.deepEqual(ids(result.areas.dmarc.findings), ['dmarc-policy-none', 'dmarc-org-domain']);
    assert.equal(only(result, 'dmarc-policy-none').evidence.tag, 'sp');
  });

  it('asks the destination for authorisation of external reports (RFC 7489 §7.1)', async () => {
    const resolver = zoneResolver(zoneFromObject({ '_dmarc.d.nl': [{ TXT: 'v=DMARC1; p=reject; rua=mailto:a@rep.vendor.example; ruf=mailto:f@ok.example' }], 'd.nl._report._dmarc.ok.example': [{ TXT: 'v=DMARC1;' }] }));
    const result = await auditDomain('d.nl', { resolver });
    const finding = only(result, 'dmarc-report-unauthorized');
    assert.equal(finding.evidence.authorizationName, 'd.nl._report._dmarc.rep.vendor.example');
    assert.ok(resolver.queries.some((q) => q.name === 'd.nl._report._dmarc.ok.example'));
  });

  it('reports every tag issue with the parser\'s severity', async () => {
    const result = await audit({ '_dmarc.d.nl': [{ TXT: 'v=DMARC1; p=rejct; rua=dmarc@d.nl' }] });
    assert.deepEqual(result.areas.dmarc.findings.map((f) => [f.id, f.severity, f.evidence.code]), [
      ['dmarc-syntax', 'error', 'unknown-policy'],
      ['dmarc-syntax', 'error', 'bad-uri'],
    ]);
  });
});
