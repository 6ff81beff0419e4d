/**
 * The seed help pages' situations (/work/shared/seeds) as zones (test/audit/seeds.yaml),
 * audited through the zone resolver.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { auditDomain } from '../../src/audit/audit.ts';
import type { AuditArea, AuditResult, Finding } from '../../src/audit/types.ts';
import { zoneFromText, zoneResolver } from '../../src/dns/zone.ts';

const ZONE = zoneFromText(readFileSync(new URL('./seeds.yaml', import.meta.url), 'utf8'));

async function audit(domain: string, options: { selectors?: string[]; lang?: 'en' | 'nl' } = {}): Promise<AuditResult> {
  return auditDomain(domain, { resolver: zoneResolver(ZONE), ...options });
}

const ids = (result: AuditResult, area: AuditArea): string[] => result.areas[area].findings.map((f) => f.id);
const one = (result: AuditResult, id: string): Finding => {
  const found = result.findings.filter((f) => f.id === id);
  assert.equal(found.length, 1, `${id}: ${result.findings.map((f) => f.id).join(', ')}`);
  return found[0] ?? assert.fail();
};

describe('seed 000 — Coachview: the provider include is not there yet', () => {
  it('tells what the record authorises now', async () => {
    const result = await audit('mydomain.nl');
    assert.equal(result.areas.spf.verdict, 'ok');
    assert.deepEqual(ids(result, 'spf'), ['spf-lookup-count']);
    assert.equal(result.areas.spf.summary, '`v=spf1 mx ~all` (1 of 10 DNS lookups)');
    const count = one(result, 'spf-lookup-count');
    assert.deepEqual(count.evidence.tree, { domain: 'mydomain.nl', own: 1, total: 1, branches: [] });
    assert.match(count.fix ?? '', /count its include's lookups too: the total must stay at 10 or below/);
    assert.equal(result.areas.mx.summary, 'mail servers mail.mydomain.nl (10)');
    assert.deepEqual(ids(result, 'dmarc'), ['dmarc-missing']);
  });
});

describe('seed 001 — Prezent / dmrmail: SPF, DKIM CNAMEs, DMARC', () => {
  it('finds both keys through their CNAMEs and grades A', async () => {
    const result = await audit('prezentklant.nl', { selectors: ['prezent-a', 'prezent-b'] });
    assert.equal(result.grade, 'A');
    assert.deepEqual(
      result.areas.dkim.findings.map((f) => [f.id, f.evidence.selector, f.evidence.cname, f.evidence.bits]),
      [
        ['dkim-key-found', 'prezent-a', '_dkim-a.prezent.nl', 2048],
        ['dkim-key-found', 'prezent-b', '_dkim-b.prezent.nl', 2048],
      ],
    );
    assert.equal(result.areas.spf.summary, '`v=spf1 +mx +a include:spf.dmrmail.nl -all` (3 of 10 DNS lookups)');
    assert.equal(result.areas.dmarc.summary, '`v=DMARC1; p=quarantine; rua=mailto:dmarc@rapport.prezent.nl` (policy quarantine)');
    // The external rua destination has published its authorisation record.
    assert.deepEqual(ids(result, 'dmarc'), []);
  });

  it('says in Dutch where the key lives', async () => {
    const result = await audit('prezentklant.nl', { selectors: ['prezent-a'], lang: 'nl' });
    assert.equal(
      one(result, 'dkim-key-found').message,
      'DKIM-sleutel voor selector prezent-a bij prezent-a._domainkey.prezentklant.nl (CNAME naar _dkim-a.prezent.nl): RSA, 2048 bits.',
    );
    assert.equal(result.areas.dkim.summary, 'sleutel gevonden voor selector prezent-a');
  });

  it('without selectors: the common ones do not include prezent-a — "not found", not ok and not an error (issue 10.13)', async () => {
    const result = await audit('prezentklant.nl');
    assert.equal(result.areas.dkim.verdict, 'not-found');
    assert.equal(one(result, 'dkim-none-found').severity, 'info');
  });
});

describe('seed 002 — Byte: v=spf1 include:spf.byte.nl', () => {
  it('warns that there is no all', async () => {
    const result = await audit('byteklant.nl');
    assert.equal(result.areas.spf.verdict, 'warning');
    assert.deepEqual(ids(result, 'spf'), ['spf-no-all', 'spf-lookup-count']);
    assert.equal(
      one(result, 'spf-no-all').message,
      'The SPF record of byteklant.nl has no `all` and no `redirect=`: servers it does not list get neutral, as if there were no policy (RFC 7208 §4.7).',
    );
  });

  it('sees that the own server is already in Byte\'s range', async () => {
    const result = await audit('eigenserver.nl');
    const finding = one(result, 'spf-range-in-include');
    assert.deepEqual([finding.evidence.term, finding.evidence.coveredBy, finding.evidence.include], ['ip4:82.94.214.5', 'ip4:82.94.214.0/24', 'include:spf.byte.nl']);
  });
});

describe('seed 003 — DMARCSaaS: too many includes, too long a record', () => {
  it('counts 13 lookups, per include', async () => {
    const result = await audit('veelincludes.nl');
    const finding = one(result, 'spf-too-many-lookups');
    assert.equal(finding.evidence.count, 13);
    const tree = finding.evidence.tree as { own: number; branches: Array<{ term: string; total: number }> };
    assert.equal(tree.own, 7);
    assert.deepEqual(
      tree.branches.map((b) => [b.term, b.total]),
      [1, 2, 3, 4, 5, 6].map((i) => [`include:_spf.dienst${i}.nl`, 2]),
    );
    assert.equal(result.areas.spf.verdict, 'error');
  });

  it('warns about the 450-byte UDP budget, not about the strings (each is within 255)', async () => {
    const result = await audit('langrecord.nl');
    assert.equal(one(result, 'spf-record-too-long').severity, 'warning');
    assert.ok(!result.findings.some((f) => f.id === 'spf-string-too-long'));
  });
});

describe('seed 004 — Blue Inkt TeleManager (smtp1.blueinkt.com)', () => {
  it('1: no SPF record', async () => {
    const result = await audit('klant.nl');
    assert.deepEqual(ids(result, 'spf'), ['spf-missing', 'spf-type99-not-checked']);
    assert.equal(one(result, 'spf-missing').evidence.dns, 'nodata');
    assert.equal(result.areas.spf.verdict, 'error');
  });

  it('2: an SPF record without authorisation — valid, and the tree shows what it authorises', async () => {
    const result = await audit('zonder-autorisatie.nl');
    assert.equal(result.areas.spf.verdict, 'ok');
    const tree = one(result, 'spf-lookup-count').evidence.tree as { branches: Array<{ domain: string }> };
    assert.deepEqual(tree.branches.map((b) => b.domain), ['spf.protection.outlook.com']);
  });

  it('3: with authorisation — a:smtp1.blueinkt.com resolves', async () => {
    const result = await audit('met-autorisatie.nl');
    assert.equal(result.areas.spf.verdict, 'ok');
    assert.equal(one(result, 'spf-lookup-count').evidence.count, 2);
  });
});

describe('a domain whose name servers do not answer', () => {
  it('is "could not check", not "no record"', async () => {
    const result = await audit('traag.nl');
    assert.equal(result.areas.spf.verdict, 'unknown');
    assert.equal(result.areas.mx.verdict, 'unknown');
    assert.ok(!result.findings.some((f) => f.id === 'spf-missing' || f.id === 'mx-missing'));
  });
});
