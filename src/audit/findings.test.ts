/**
 * Every finding id, with a zone that triggers it and one that does not. The table is typed
 * `Record<FindingId, …>`: a new id without cases does not compile.
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import type { DnsAnswer, RecordData, Resolver, RrType } from '../dns/resolver.ts';
import { type ResolverProbe, resolverProbe } from '../dns/health.ts';
import { systemResolver } from '../dns/system.ts';
import { zoneFromObject, zoneResolver } from '../dns/zone.ts';
import { MESSAGES } from '../i18n/catalog.ts';
import { LANGS } from '../i18n/lang.ts';
import { auditDomain } from './audit.ts';
import { FINDINGS, FINDING_IDS, type FindingId } from './findings.ts';
import type { AuditResult } from './types.ts';

/** Base64 SubjectPublicKeyInfo of a fresh RSA key, as a DKIM p= value. */
function rsaKey(bits: number): string {
  return generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
}

const RSA_512 = rsaKey(512);
const RSA_2048 = rsaKey(2048);
/** RFC 6376 Appendix C: a 1024-bit key. */
const RSA_1024 =
  'MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9ZJW3/DkMoGeLnQg1fWn7/zYtIxN2SnFCjxOCKG9v3b4jYfcTNh5ijSsq631uBItLa7od+v/RtdC2UzJ1lWT947qR+Rcac2gbto/NMqJ0fzfVjH4OuKhitdY9tf6mcwGjaNBcWToIMmPSPDdQPNUYckcQ2QIDAQAB';
/** RFC 8463 Appendix A: an ed25519 key. */
const ED25519 = '11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=';

/** A TXT value as character-strings of at most 255 characters (how long records are published). */
function txt(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += 255) out.push(text.slice(i, i + 255));
  return out;
}

const key = (tags: string): { TXT: string[] } => ({ TXT: txt(tags) });

/** One audit to run: the domain, its zone, and optionally selectors and a resolver around the zone. */
interface Case {
  domain?: string;
  zone: Record<string, unknown[]>;
  selectors?: string[];
  wrap?: (resolver: Resolver) => Resolver;
  /** The resolver probe given to the audit. */
  probe?: ResolverProbe;
}

/** A UDP port nothing listens on: spfkit's own resolver "down". */
const CLOSED = '127.0.0.1:1';

const D = 'd.nl';

/** A resolver that answers one name's TXT query with `strings` as one record (a zone cannot hold a string over 255). */
function txtOverride(name: string, strings: string[]): (resolver: Resolver) => Resolver {
  return (inner) => ({
    query<T extends RrType>(qname: string, type: T): Promise<DnsAnswer<RecordData[T]>> {
      if (qname === name && type === 'TXT') return Promise.resolve({ kind: 'answer', records: [strings] } as DnsAnswer<RecordData[T]>);
      return inner.query(qname, type);
    },
  });
}

const hosts = (prefix: string, n: number): Record<string, unknown[]> =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i + 1}.${D}`, [{ A: `192.0.2.${i + 1}` }]]));
const aTerms = (prefix: string, n: number): string => Array.from({ length: n }, (_, i) => `a:${prefix}${i + 1}.${D}`).join(' ');
const ip4Terms = (n: number): string => Array.from({ length: n }, (_, i) => `ip4:203.0.113.${i + 1}`).join(' ');

/** The cases, by finding id. */
const CASES: Record<FindingId, { trigger: Case; clean: Case }> = {
  'spf-missing': { trigger: { zone: { [D]: [{ A: '192.0.2.1' }] } }, clean: { zone: { [D]: [{ TXT: 'v=spf1 -all' }] } } },
  'spf-multiple-records': { trigger: { zone: { [D]: [{ TXT: 'v=spf1 -all' }, { TXT: 'v=spf1 mx -all' }] } }, clean: { zone: { [D]: [{ TXT: 'v=spf1 -all' }] } } },
  'spf-bad-version': {
    trigger: { zone: { [D]: [{ TXT: 'spf1 mx -all' }] } },
    clean: { zone: { [D]: [{ TXT: 'v=spf1 -all' }, { TXT: 'google-site-verification=abc' }] } },
  },
  'spf-syntax': { trigger: { zone: { [D]: [{ TXT: 'v=spf1 ip4:1.2.3 -all' }] } }, clean: { zone: { [D]: [{ TXT: 'v=spf1 ip4:1.2.3.4 -all' }] } } },
  'spf-too-many-lookups': {
    trigger: { zone: { [D]: [{ TXT: `v=spf1 ${aTerms('h', 11)} -all` }], ...hosts('h', 11) } },
    clean: { zone: { [D]: [{ TXT: `v=spf1 ${aTerms('h', 10)} -all` }], ...hosts('h', 10) } },
  },
  'spf-lookup-count': {
    trigger: { zone: { [D]: [{ TXT: 'v=spf1 mx -all' }, { MX: [10, `mx.${D}`] }], [`mx.${D}`]: [{ A: '192.0.2.1' }] } },
    clean: { zone: { [D]: [{ TXT: `v=spf1 ${aTerms('h', 11)} -all` }], ...hosts('h', 11) } },
  },
  'spf-too-many-void-lookups': {
    trigger: { zone: { [D]: [{ TXT: `v=spf1 ${aTerms('x', 3)} -all` }] } },
    clean: { zone: { [D]: [{ TXT: `v=spf1 ${aTerms('x', 2)} -all` }] } },
  },
  'spf-include-missing': {
    trigger: { zone: { [D]: [{ TXT: 'v=spf1 include:spf.nergens.nl -all' }] } },
    clean: { zone: { [D]: [{ TXT: 'v=spf1 include:spf.p.nl -all' }], 'spf.p.nl': [{ TXT: 'v=spf1 ip4:192.0.2.0/24 -all' }] } },
  },
  'spf-redirect-missing': {
    trigger: { zone: { [D]: [{ TXT: 'v=spf1 redirect=_spf.nergens.nl' }] } },
    clean: { zone: { [D]: [{ TXT: `v=spf1 redirect=_spf.${D}` }], [`_spf.${D}`]: [{ TXT: 'v=spf1 ip4:192.0.2.1 -all' }] } },
  },
  'spf-include-loop': {
    trigger: { zone: { [D]: [{ TXT: `v=spf1 include:${D} -all` }] } },
    clean: { zone: { [D]: [{ TXT: 'v=spf1 include:spf.p.nl -all' }], 'spf.p.nl': [{ TXT: 'v=spf1 -all' }] } },
  },
  'spf-ptr': { trigger: { zone: { [D]: [{ TXT: 'v=spf1 ptr -all' }] } }, clean: { zone: { [D]: [{ TXT: 'v=spf1 -all' }] } } },
  'spf-plus-all': { trigger: { zone: { [D]: [{ TXT: 'v=spf1 +all' }] } }, clean: { zone: { [D]: [{ TXT: 'v=spf1 -all' }] } } },
  'spf-neutral-all': { trigger: { zone: { [D]: [{ TXT: 'v=spf1 ?all' }] } }, clean: { zone: { [D]: [{ TXT: 'v=spf1 ~all' }] } } },
  'spf-no-all': { trigger: { zone: { [D]: [{ TXT: 'v=spf1 ip4:192.0.2.1' }] } }, clean: { zone: { [D]: [{ TXT: 'v=spf1 ip4:192.0.2.1 -all' }] } } },
  'spf-redirect-ignored': {
    trigger: { zone: { [D]: [{ TXT: `v=spf1 -all redirect=_spf.${D}` }], [`_spf.${D}`]: [{ TXT: 'v=spf1 -all' }] } },
    clean: { zone: { [D]: [{ TXT: `v=spf1 redirect=_spf.${D}` }], [`_spf.${D}`]: [{ TXT: 'v=spf1 -all' }] } },
  },
  'spf-after-all': { trigger: { zone: { [D]: [{ TXT: 'v=spf1 -all ip4:192.0.2.1' }] } }, clean: { zone: { [D]: [{ TXT: 'v=spf1 ip4:192.0.2.1 -all' }] } } },
  'spf-string-too-long': {
    trigger: { zone: { [D]: [] }, wrap: txtOverride(D, [`v=spf1 ${ip4Terms(20)} -all`]) },
    clean: { zone: { [D]: [{ TXT: txt(`v=spf1 ${ip4Terms(20)} -all`) }] } },
  },
  'spf-record-too-long': {
    trigger: { zone: { [D]: [{ TXT: txt(`v=spf1 ${ip4Terms(30)} -all`) }] } },
    clean: { zone: { [D]: [{ TXT: `v=spf1 ${ip4Terms(5)} -all` }] } },
  },
  'spf-overlapping-ranges': {
    trigger: { zone: { [D]: [{ TXT: 'v=spf1 ip4:192.0.2.0/24 ip4:192.0.2.7 -all' }] } },
    clean: { zone: { [D]: [{ TXT: 'v=spf1 ip4:192.0.2.0/25 ip4:192.0.2.128/25 -all' }] } },
  },
  'spf-range-in-include': {
    trigger: { zone: { [D]: [{ TXT: 'v=spf1 include:spf.byte.nl ip4:82.94.214.5 -all' }], 'spf.byte.nl': [{ TXT: 'v=spf1 ip4:82.94.214.0/24 ~all' }] } },
    clean: { zone: { [D]: [{ TXT: 'v=spf1 include:spf.byte.nl ip4:82.94.215.5 -all' }], 'spf.byte.nl': [{ TXT: 'v=spf1 ip4:82.94.214.0/24 ~all' }] } },
  },
  'spf-host-without-address': {
    trigger: { zone: { [D]: [{ TXT: `v=spf1 a:smtp.${D} -all` }] } },
    clean: { zone: { [D]: [{ TXT: `v=spf1 a:smtp.${D} -all` }], [`smtp.${D}`]: [{ AAAA: '2001:db8::25' }] } },
  },
  'spf-unknown-modifier': { trigger: { zone: { [D]: [{ TXT: 'v=spf1 -all redirct=_spf.d.nl' }] } }, clean: { zone: { [D]: [{ TXT: 'v=spf1 -all' }] } } },
  'spf-dynamic-term': { trigger: { zone: { [D]: [{ TXT: 'v=spf1 exists:%{i}._spf.d.nl -all' }] } }, clean: { zone: { [D]: [{ TXT: 'v=spf1 exists:_spf.d.nl -all' }], [`_spf.${D}`]: [{ A: '127.0.0.2' }] } } },
  'spf-type99-not-checked': { trigger: { zone: { [D]: [{ TXT: 'hello' }] } }, clean: { zone: { [D]: [{ TXT: 'v=spf1 -all' }] } } },
  'dkim-key-found': {
    trigger: { zone: { [`s1._domainkey.${D}`]: [key(`v=DKIM1; k=rsa; p=${RSA_2048}`)] }, selectors: ['s1'] },
    clean: { zone: { [`s1._domainkey.${D}`]: [key('v=DKIM1; k=rsa; p=')] }, selectors: ['s1'] },
  },
  'dkim-none-found': { trigger: { zone: { [D]: [] } }, clean: { zone: { [`google._domainkey.${D}`]: [key(`v=DKIM1; k=rsa; p=${RSA_2048}`)] } } },
  'dkim-selector-missing': {
    trigger: { zone: { [D]: [] }, selectors: ['s1'] },
    clean: { zone: { [`s1._domainkey.${D}`]: [key(`v=DKIM1; p=${RSA_2048}`)] }, selectors: ['s1'] },
  },
  'dkim-cname-broken': {
    trigger: { zone: { [`s1._domainkey.${D}`]: [{ CNAME: '_dkim-a.provider.nl' }] }, selectors: ['s1'] },
    clean: { zone: { [`s1._domainkey.${D}`]: [{ CNAME: '_dkim-a.provider.nl' }], '_dkim-a.provider.nl': [key(`v=DKIM1; p=${RSA_2048}`)] }, selectors: ['s1'] },
  },
  'dkim-multiple-records': {
    trigger: { zone: { [`s1._domainkey.${D}`]: [key(`v=DKIM1; p=${RSA_2048}`), key(`v=DKIM1; p=${RSA_2048}`)] }, selectors: ['s1'] },
    clean: { zone: { [`s1._domainkey.${D}`]: [key(`v=DKIM1; p=${RSA_2048}`)] }, selectors: ['s1'] },
  },
  'dkim-bad-version': {
    trigger: { zone: { [`s1._domainkey.${D}`]: [key(`v=DKIM2; p=${RSA_2048}`)] }, selectors: ['s1'] },
    clean: { zone: { [`s1._domainkey.${D}`]: [key(`v=DKIM1; p=${RSA_2048}`)] }, selectors: ['s1'] },
  },
  'dkim-weak-key': {
    trigger: { zone: { [`s1._domainkey.${D}`]: [key(`v=DKIM1; p=${RSA_512}`)] }, selectors: ['s1'] },
    clean: { zone: { [`s1._domainkey.${D}`]: [key(`v=DKIM1; p=${RSA_1024}`)] }, selectors: ['s1'] },
  },
  'dkim-short-key': {
    trigger: { zone: { [`s1._domainkey.${D}`]: [key(`v=DKIM1; p=${RSA_1024}`)] }, selectors: ['s1'] },
    clean: { zone: { [`s1._domainkey.${D}`]: [key(`v=DKIM1; p=${RSA_2048}`)] }, selectors: ['s1'] },
  },
  'dkim-ed25519': {
    trigger: { zone: { [`s1._domainkey.${D}`]: [key(`v=DKIM1; k=ed25519; p=${ED25519}`)] }, selectors: ['s1'] },
    clean: { zone: { [`s1._domainkey.${D}`]: [key(`v=DKIM1; k=rsa; p=${RSA_2048}`)] }, selectors: ['s1'] },
  },
  'dkim-revoked': {
    trigger: { zone: { [`s1._domainkey.${D}`]: [key('v=DKIM1; p=')] }, selectors: ['s1'] },
    clean: { zone: { [`s1._domainkey.${D}`]: [key(`v=DKIM1; p=${RSA_2048}`)] }, selectors: ['s1'] },
  },
  'dkim-testing': {
    trigger: { zone: { [`s1._domainkey.${D}`]: [key(`v=DKIM1; t=y; p=${RSA_2048}`)] }, selectors: ['s1'] },
    clean: { zone: { [`s1._domainkey.${D}`]: [key(`v=DKIM1; t=s; p=${RSA_2048}`)] }, selectors: ['s1'] },
  },
  'dkim-hash-algorithms': {
    trigger: { zone: { [`s1._domainkey.${D}`]: [key(`v=DKIM1; h=sha1; p=${RSA_2048}`)] }, selectors: ['s1'] },
    clean: { zone: { [`s1._domainkey.${D}`]: [key(`v=DKIM1; h=sha256; p=${RSA_2048}`)] }, selectors: ['s1'] },
  },
  'dkim-syntax': {
    trigger: { zone: { [`s1._domainkey.${D}`]: [key('v=DKIM1; k=rsa; p=!!notbase64')] }, selectors: ['s1'] },
    clean: { zone: { [`s1._domainkey.${D}`]: [key(`v=DKIM1; k=rsa; p=${RSA_2048}`)] }, selectors: ['s1'] },
  },
  'dmarc-missing': { trigger: { zone: { [D]: [] } }, clean: { zone: { [`_dmarc.${D}`]: [{ TXT: 'v=DMARC1; p=reject' }] } } },
  'dmarc-multiple-records': {
    trigger: { zone: { [`_dmarc.${D}`]: [{ TXT: 'v=DMARC1; p=reject' }, { TXT: 'v=DMARC1; p=none' }] } },
    clean: { zone: { [`_dmarc.${D}`]: [{ TXT: 'v=DMARC1; p=reject' }, { TXT: 'some-other-record' }] } },
  },
  'dmarc-syntax': { trigger: { zone: { [`_dmarc.${D}`]: [{ TXT: 'v=DMARC1; p=reject; pct=150' }] } }, clean: { zone: { [`_dmarc.${D}`]: [{ TXT: 'v=DMARC1; p=reject; adkim=s' }] } } },
  'dmarc-policy-none': { trigger: { zone: { [`_dmarc.${D}`]: [{ TXT: 'v=DMARC1; p=none' }] } }, clean: { zone: { [`_dmarc.${D}`]: [{ TXT: 'v=DMARC1; p=quarantine' }] } } },
  'dmarc-org-domain': {
    trigger: { domain: `mail.${D}`, zone: { [`_dmarc.${D}`]: [{ TXT: 'v=DMARC1; p=reject' }] } },
    clean: { domain: `mail.${D}`, zone: { [`_dmarc.mail.${D}`]: [{ TXT: 'v=DMARC1; p=reject' }], [`_dmarc.${D}`]: [{ TXT: 'v=DMARC1; p=reject' }] } },
  },
  // RFC 9989 §4.10.1: no record of its own nor at d.nl; the public suffix nl (psd=y) has one.
  'dmarc-psd-policy': {
    trigger: { domain: `mail.${D}`, zone: { '_dmarc.nl': [{ TXT: 'v=DMARC1; p=reject; psd=y' }] } },
    clean: { domain: `mail.${D}`, zone: { '_dmarc.nl': [{ TXT: 'v=DMARC1; p=reject; psd=y' }], [`_dmarc.${D}`]: [{ TXT: 'v=DMARC1; p=quarantine' }] } },
  },
  // psd=n at b.d.nl makes it the organisational domain; the Public Suffix List says d.nl, which has no record.
  'dmarc-rfc7489-differs': {
    trigger: { domain: `a.b.${D}`, zone: { [`_dmarc.b.${D}`]: [{ TXT: 'v=DMARC1; p=reject; psd=n' }] } },
    clean: { domain: `a.b.${D}`, zone: { [`_dmarc.${D}`]: [{ TXT: 'v=DMARC1; p=reject' }] } },
  },
  'dmarc-report-unauthorized': {
    trigger: { zone: { [`_dmarc.${D}`]: [{ TXT: 'v=DMARC1; p=reject; rua=mailto:rua@reports.vendor.example' }] } },
    clean: {
      zone: {
        [`_dmarc.${D}`]: [{ TXT: 'v=DMARC1; p=reject; rua=mailto:rua@reports.vendor.example,mailto:dmarc@d.nl' }],
        [`${D}._report._dmarc.reports.vendor.example`]: [{ TXT: 'v=DMARC1' }],
      },
    },
  },
  'mx-missing': { trigger: { zone: { [D]: [] } }, clean: { zone: { [D]: [{ MX: [10, `mx.${D}`] }], [`mx.${D}`]: [{ A: '192.0.2.25' }] } } },
  'mx-null': { trigger: { zone: { [D]: [{ MX: [0, '.'] }] } }, clean: { zone: { [D]: [{ MX: [10, `mx.${D}`] }], [`mx.${D}`]: [{ A: '192.0.2.25' }] } } },
  'mx-unresolvable': {
    trigger: { zone: { [D]: [{ MX: [10, `mx.${D}`] }] } },
    clean: { zone: { [D]: [{ MX: [10, `mx.${D}`] }], [`mx.${D}`]: [{ AAAA: '2001:db8::25' }] } },
  },
  'dns-unavailable': { trigger: { zone: { [D]: ['TIMEOUT'] } }, clean: { zone: { [D]: [{ TXT: 'v=spf1 -all' }] } } },
  'dns-resolver-unreachable': {
    trigger: { zone: {}, wrap: () => systemResolver({ servers: [CLOSED] }), probe: resolverProbe({ servers: [CLOSED] }) },
    // Queries answered: the probe is not even asked.
    clean: { zone: { [D]: [{ TXT: 'v=spf1 -all' }] }, probe: resolverProbe({ servers: [CLOSED] }) },
  },
};

/** Runs one case. */
async function runCase(c: Case, lang: 'en' | 'nl' = 'en'): Promise<AuditResult> {
  const zone = zoneResolver(zoneFromObject(c.zone));
  const resolver = c.wrap ? c.wrap(zone) : zone;
  return auditDomain(c.domain ?? D, { resolver, lang, ...(c.selectors ? { selectors: c.selectors } : {}), ...(c.probe ? { probe: c.probe } : {}) });
}

describe('finding table', () => {
  for (const id of FINDING_IDS) {
    const { trigger, clean } = CASES[id];
    it(`${id}: triggered`, async () => {
      for (const lang of LANGS) {
        const result = await runCase(trigger, lang);
        const found = result.findings.filter((f) => f.id === id);
        assert.ok(found.length > 0, `${id} not reported: ${result.findings.map((f) => f.id).join(', ')}`);
        for (const finding of found) {
          const spec = FINDINGS[id];
          assert.ok((spec.severities as readonly string[]).includes(finding.severity), `${id}: severity ${finding.severity}`);
          if (spec.area !== 'any') assert.equal(finding.area, spec.area);
          assert.ok(finding.message.length > 0);
          assert.doesNotMatch(finding.message + (finding.fix ?? ''), /undefined|\[object Object\]|NaN/);
          assert.ok(Object.keys(finding.evidence).length > 0, `${id}: no evidence`);
          // The finding is in its area's list, and the area's verdict reflects it.
          assert.ok(result.areas[finding.area].findings.includes(finding));
        }
      }
    });
    it(`${id}: not triggered`, async () => {
      const result = await runCase(clean);
      assert.deepEqual(
        result.findings.filter((f) => f.id === id).map((f) => f.message),
        [],
      );
    });
  }

  it('has a message for every id in every language, and a fix unless the finding is information', () => {
    for (const lang of LANGS) {
      const keys = new Set(Object.keys(MESSAGES[lang]));
      for (const id of FINDING_IDS) {
        assert.ok(keys.has(`audit.${id}.message`), `${lang}: audit.${id}.message`);
        const infoOnly = (FINDINGS[id].severities as readonly string[]).every((s) => s === 'info');
        if (!infoOnly) assert.ok(keys.has(`audit.${id}.fix`), `${lang}: audit.${id}.fix`);
      }
    }
  });

  it('uses stable kebab-case ids', () => {
    for (const id of FINDING_IDS) assert.match(id, /^(spf|dkim|dmarc|mx|dns)-[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
