import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DMARC_ISSUE_SEVERITY } from './issues.ts';
import { parseDmarcRecord } from './parse.ts';
import { renderDmarcRecord } from './render.ts';
import type { DmarcIssue, DmarcIssueCode, DmarcRecord, DmarcSizeUnit, DmarcUri } from './types.ts';
import { describeDmarcIssue } from '../audit/dmarc.ts';
import { LANGS } from '../i18n/lang.ts';

/** The record without spans and raw tags: what a receiver acts on. */
function values(record: DmarcRecord) {
  const uri = ({ span: _span, ...rest }: DmarcUri) => rest;
  return {
    policy: record.policy,
    subdomainPolicy: record.subdomainPolicy,
    nonexistentPolicy: record.nonexistentPolicy,
    publicSuffix: record.publicSuffix,
    testing: record.testing,
    dkimAlignment: record.dkimAlignment,
    spfAlignment: record.spfAlignment,
    percent: record.percent,
    aggregateReportUris: record.aggregateReportUris.map(uri),
    failureReportUris: record.failureReportUris.map(uri),
    failureOptions: record.failureOptions,
    reportFormats: record.reportFormats,
    reportInterval: record.reportInterval,
    unknownTags: record.unknownTags.map((tag) => `${tag.name}=${tag.value}`),
  };
}

function parsed(text: string): DmarcRecord {
  const result = parseDmarcRecord(text);
  assert.ok(result.ok, `expected ${JSON.stringify(text)} to parse: ${JSON.stringify(result.issues)}`);
  return result.record;
}

const codes = (issues: DmarcIssue[]): DmarcIssueCode[] => issues.map((issue) => issue.code);

describe('parseDmarcRecord: records from real life', () => {
  const cases: Array<{ name: string; text: string; expect: Partial<ReturnType<typeof values>>; explicit: string[]; issues?: DmarcIssueCode[] }> = [
    {
      name: 'the classic enforcing record',
      text: 'v=DMARC1; p=reject; rua=mailto:dmarc@example.com; pct=100',
      expect: {
        policy: 'reject',
        subdomainPolicy: 'reject',
        percent: 100,
        aggregateReportUris: [{ uri: 'mailto:dmarc@example.com', scheme: 'mailto', address: 'dmarc@example.com', domain: 'example.com' }],
      },
      explicit: ['v', 'p', 'rua', 'pct'],
      issues: ['removed-tag'],
    },
    {
      name: 'a monitoring record as a hosting help page suggests it (seed 001)',
      text: 'v=DMARC1; p=none; rua=mailto:dmarc-rapporten@voorbeeld.nl',
      expect: { policy: 'none', dkimAlignment: 'r', spfAlignment: 'r', failureOptions: ['0'], reportInterval: 86400 },
      explicit: ['v', 'p', 'rua'],
    },
    {
      name: 'Google style',
      text: 'v=DMARC1; p=reject; rua=mailto:mailauth-reports@google.com',
      expect: { policy: 'reject' },
      explicit: ['v', 'p', 'rua'],
    },
    {
      name: 'Microsoft style, with an external report processor and failure reports',
      text: 'v=DMARC1; p=reject; pct=100; rua=mailto:d@rua.agari.com; ruf=mailto:d@ruf.agari.com; fo=1',
      expect: {
        failureOptions: ['1'],
        failureReportUris: [{ uri: 'mailto:d@ruf.agari.com', scheme: 'mailto', address: 'd@ruf.agari.com', domain: 'ruf.agari.com' }],
      },
      explicit: ['v', 'p', 'pct', 'rua', 'ruf', 'fo'],
      issues: ['removed-tag'],
    },
    {
      name: 'every tag, no spaces, size limits',
      text: 'v=DMARC1;p=quarantine;sp=reject;adkim=s;aspf=s;fo=0:1:d:s;rua=mailto:dmarc@example.com!10m,mailto:backup@example.org;ruf=mailto:forensic@example.com!500k;ri=3600;rf=afrf;pct=25',
      expect: {
        policy: 'quarantine',
        subdomainPolicy: 'reject',
        dkimAlignment: 's',
        spfAlignment: 's',
        percent: 25,
        failureOptions: ['0', '1', 'd', 's'],
        reportInterval: 3600,
        aggregateReportUris: [
          {
            uri: 'mailto:dmarc@example.com',
            scheme: 'mailto',
            address: 'dmarc@example.com',
            domain: 'example.com',
            maxSize: { value: 10, unit: 'm', bytes: 10 * 2 ** 20 },
          },
          { uri: 'mailto:backup@example.org', scheme: 'mailto', address: 'backup@example.org', domain: 'example.org' },
        ],
      },
      explicit: ['v', 'p', 'sp', 'adkim', 'aspf', 'fo', 'rua', 'ruf', 'ri', 'rf', 'pct'],
      issues: ['removed-tag', 'removed-tag', 'removed-tag'],
    },
    {
      name: 'RFC 9989 tags: np, psd, t',
      text: 'v=DMARC1; p=quarantine; sp=none; np=reject; psd=n; t=y; rua=mailto:d@example.com',
      expect: { policy: 'quarantine', subdomainPolicy: 'none', nonexistentPolicy: 'reject', publicSuffix: 'n', testing: true },
      explicit: ['v', 'p', 'sp', 'np', 'psd', 't', 'rua'],
    },
    {
      name: 'a public suffix operator\'s record (RFC 9989 psd=y)',
      text: 'v=DMARC1; p=reject; psd=y',
      expect: { policy: 'reject', subdomainPolicy: 'reject', nonexistentPolicy: 'reject', publicSuffix: 'y', testing: false },
      explicit: ['v', 'p', 'psd'],
    },
    {
      name: 'upper-case tag names and tokens (ABNF strings are case-insensitive)',
      text: 'V=DMARC1; P=Reject; ADKIM=S; FO=D',
      expect: { policy: 'reject', dkimAlignment: 's', failureOptions: ['d'] },
      explicit: ['v', 'p', 'adkim', 'fo'],
    },
    {
      name: 'whitespace around "=" and ";" (RFC 7489 §6.4 *WSP)',
      text: 'v = DMARC1 ;\tp = none ; rua = mailto:a@example.com , mailto:b@example.com ; ',
      expect: { policy: 'none' },
      explicit: ['v', 'p', 'rua'],
    },
    {
      name: 'percent-encoded mailbox',
      text: 'v=DMARC1; p=none; rua=mailto:dmarc%2Breports@example.com',
      expect: {
        aggregateReportUris: [
          { uri: 'mailto:dmarc%2Breports@example.com', scheme: 'mailto', address: 'dmarc+reports@example.com', domain: 'example.com' },
        ],
      },
      explicit: ['v', 'p', 'rua'],
    },
  ];
  for (const { name, text, expect, explicit, issues = [] } of cases) {
    it(name, () => {
      const result = parseDmarcRecord(text);
      assert.ok(result.ok);
      assert.deepEqual(codes(result.issues), issues);
      const actual = values(result.record);
      for (const [key, value] of Object.entries(expect)) {
        assert.deepEqual(actual[key as keyof typeof actual], value, key);
      }
      assert.deepEqual(result.record.explicit, explicit);
    });
  }

  it('applies the RFC 9989 §4.7 defaults (np from sp, sp from p; psd=u, t=n) and RFC 7489\'s for its removed tags', () => {
    assert.deepEqual(values(parsed('v=DMARC1; p=quarantine')), {
      policy: 'quarantine',
      subdomainPolicy: 'quarantine',
      nonexistentPolicy: 'quarantine',
      publicSuffix: 'u',
      testing: false,
      dkimAlignment: 'r',
      spfAlignment: 'r',
      percent: 100,
      aggregateReportUris: [],
      failureReportUris: [],
      failureOptions: ['0'],
      reportFormats: ['afrf'],
      reportInterval: 86400,
      unknownTags: [],
    });
  });

  it('keeps unknown tags and every tag with its spans; np= is known since RFC 9989', () => {
    const text = 'v=DMARC1; p=reject; np=quarantine; xyz=1';
    const record = parsed(text);
    assert.deepEqual(record.unknownTags.map((tag) => tag.name), ['xyz']);
    assert.equal(record.nonexistentPolicy, 'quarantine');
    assert.deepEqual(
      record.tags.map((tag) => text.slice(tag.span.start, tag.span.end)),
      ['v=DMARC1', 'p=reject', 'np=quarantine', 'xyz=1'],
    );
  });

  it('np defaults to sp, not p (RFC 9989 §4.7)', () => {
    assert.equal(parsed('v=DMARC1; p=reject; sp=quarantine').nonexistentPolicy, 'quarantine');
    assert.equal(parsed('v=DMARC1; p=reject').nonexistentPolicy, 'reject');
  });
});

/**
 * Every issue code at least once: the input, the code, and the text its span covers.
 * `ok` is whether a receiver would still apply the record.
 */
const ISSUE_CASES: Array<{ code: DmarcIssueCode; text: string; covers: string; ok: boolean; data?: Record<string, unknown> }> = [
  { code: 'missing-version', text: 'p=reject', covers: 'p=reject', ok: false },
  { code: 'missing-version', text: '', covers: '', ok: false },
  { code: 'version-not-first', text: 'p=none; v=DMARC1', covers: 'v=DMARC1', ok: false },
  { code: 'bad-version', text: 'v=DMARC2; p=none', covers: 'DMARC2', ok: false, data: { tag: 'v', value: 'DMARC2' } },
  { code: 'bad-version', text: 'v=dmarc1; p=none', covers: 'dmarc1', ok: false },
  { code: 'missing-policy', text: 'v=DMARC1', covers: 'v=DMARC1', ok: false, data: { tag: 'p' } },
  { code: 'missing-policy', text: 'v=DMARC1; sp=reject; adkim=s', covers: 'v=DMARC1; sp=reject; adkim=s', ok: false },
  { code: 'unknown-policy', text: 'v=DMARC1; p=rejected', covers: 'rejected', ok: false, data: { tag: 'p', value: 'rejected' } },
  { code: 'unknown-policy', text: 'v=DMARC1; p=reject; sp=strict', covers: 'strict', ok: false, data: { tag: 'sp' } },
  { code: 'policy-fallback-none', text: 'v=DMARC1; rua=mailto:d@example.com', covers: 'v=DMARC1; rua=mailto:d@example.com', ok: true, data: { tag: 'p' } },
  { code: 'policy-fallback-none', text: 'v=DMARC1; p=nonee; rua=mailto:d@example.com', covers: 'p=nonee', ok: true },
  { code: 'policy-fallback-none', text: 'v=DMARC1; p=reject; sp=bogus; rua=mailto:d@example.com', covers: 'sp=bogus', ok: true, data: { tag: 'sp' } },
  { code: 'policy-not-second', text: 'v=DMARC1; rua=mailto:d@example.com; p=none', covers: 'p=none', ok: true },
  { code: 'bad-tag-value', text: 'v=DMARC1; p=none; pct=150', covers: '150', ok: true, data: { tag: 'pct', value: '150' } },
  { code: 'bad-tag-value', text: 'v=DMARC1; p=none; pct=50.5', covers: '50.5', ok: true },
  { code: 'bad-tag-value', text: 'v=DMARC1; p=none; adkim=x', covers: 'x', ok: true, data: { tag: 'adkim' } },
  { code: 'bad-tag-value', text: 'v=DMARC1; p=none; aspf=relaxed', covers: 'relaxed', ok: true, data: { tag: 'aspf' } },
  { code: 'bad-tag-value', text: 'v=DMARC1; p=none; ri=-1', covers: '-1', ok: true, data: { tag: 'ri' } },
  { code: 'bad-tag-value', text: 'v=DMARC1; p=none; ri=4294967296', covers: '4294967296', ok: true },
  { code: 'bad-tag-value', text: 'v=DMARC1; p=none; fo=1:2', covers: '1:2', ok: true, data: { tag: 'fo' } },
  { code: 'bad-tag-value', text: 'v=DMARC1; p=none; rf=iodef', covers: 'iodef', ok: true, data: { tag: 'rf' } },
  { code: 'empty-value', text: 'v=DMARC1; p=none; pct=', covers: 'pct=', ok: true, data: { tag: 'pct' } },
  { code: 'empty-value', text: 'v=DMARC1; p=', covers: 'p=', ok: false, data: { tag: 'p' } },
  { code: 'missing-semicolon', text: 'v=DMARC1 p=none', covers: ' p=', ok: false, data: { tag: 'v', value: 'p' } },
  { code: 'missing-semicolon', text: 'v=DMARC1; p=reject rua=mailto:d@example.com', covers: ' rua=', ok: false },
  { code: 'escaped-semicolon', text: 'v=DMARC1\\; p=none', covers: '\\', ok: false },
  { code: 'bad-uri', text: 'v=DMARC1; p=none; rua=dmarc@example.com', covers: 'dmarc@example.com', ok: true, data: { reason: 'no-scheme' } },
  { code: 'bad-uri', text: 'v=DMARC1; p=none; rua=mailto:a@example.com,', covers: '', ok: true, data: { reason: 'empty' } },
  { code: 'bad-uri', text: 'v=DMARC1; p=none; rua=mailto:a b@example.com', covers: 'mailto:a b@example.com', ok: true, data: { reason: 'bad-char' } },
  { code: 'bad-uri', text: 'v=DMARC1; p=none; rua=mailto:a@example.com%2', covers: 'mailto:a@example.com%2', ok: true, data: { reason: 'bad-char' } },
  { code: 'bad-uri', text: 'v=DMARC1; p=none; ruf=mailto:a@example.com!10x', covers: 'mailto:a@example.com!10x', ok: true, data: { tag: 'ruf', reason: 'bad-size' } },
  { code: 'bad-uri', text: 'v=DMARC1; p=none; rua=mailto:a@example.com!18446744073709551616', covers: 'mailto:a@example.com!18446744073709551616', ok: true, data: { reason: 'bad-size' } },
  { code: 'bad-uri', text: 'v=DMARC1; p=none; rua=mailto:example.com', covers: 'mailto:example.com', ok: true, data: { reason: 'bad-address' } },
  { code: 'bad-uri', text: 'v=DMARC1; p=none; rua=mailto:d@localhost', covers: 'mailto:d@localhost', ok: true, data: { reason: 'bad-address' } },
  { code: 'unsupported-uri-scheme', text: 'v=DMARC1; p=none; rua=https://reports.example.com/dmarc', covers: 'https://reports.example.com/dmarc', ok: true, data: { value: 'https' } },
  {
    code: 'too-many-uris',
    text: 'v=DMARC1; p=none; rua=mailto:a@example.com,mailto:b@example.com,mailto:c@example.com',
    covers: 'mailto:a@example.com,mailto:b@example.com,mailto:c@example.com',
    ok: true,
    data: { count: 3, limit: 2 },
  },
  { code: 'duplicate-tag', text: 'v=DMARC1; p=none; p=reject', covers: 'p=reject', ok: true, data: { tag: 'p' } },
  { code: 'unknown-tag', text: 'v=DMARC1; p=none; ruaa=mailto:d@example.com', covers: 'ruaa', ok: true, data: { tag: 'ruaa', suggestion: 'rua' } },
  { code: 'unknown-tag', text: 'v=DMARC1; p=none; xyz=reject', covers: 'xyz', ok: true, data: { tag: 'xyz' } },
  { code: 'removed-tag', text: 'v=DMARC1; p=reject; pct=50', covers: 'pct=50', ok: true, data: { tag: 'pct', value: '50' } },
  { code: 'removed-tag', text: 'v=DMARC1; p=reject; ri=3600', covers: 'ri=3600', ok: true, data: { tag: 'ri' } },
  { code: 'removed-tag', text: 'v=DMARC1; p=reject; rf=afrf', covers: 'rf=afrf', ok: true, data: { tag: 'rf' } },
  { code: 'unknown-policy', text: 'v=DMARC1; p=reject; np=strict', covers: 'strict', ok: false, data: { tag: 'np' } },
  { code: 'policy-fallback-none', text: 'v=DMARC1; p=reject; np=bogus; rua=mailto:d@example.com', covers: 'np=bogus', ok: true, data: { tag: 'np' } },
  { code: 'bad-tag-value', text: 'v=DMARC1; p=none; psd=yes', covers: 'yes', ok: true, data: { tag: 'psd' } },
  { code: 'bad-tag-value', text: 'v=DMARC1; p=none; t=1', covers: '1', ok: true, data: { tag: 't' } },
  { code: 'bad-tag-name', text: 'v=DMARC1; p=none; 1x=2', covers: '1x', ok: true, data: { value: '1x' } },
  { code: 'bad-tag-name', text: 'v=DMARC1; p=none; =none', covers: '=none', ok: true, data: { value: '' } },
  { code: 'missing-equals', text: 'v=DMARC1; p=none; reject', covers: 'reject', ok: true, data: { value: 'reject' } },
  { code: 'empty-term', text: 'v=DMARC1;; p=none', covers: ';', ok: true },
  { code: 'leading-whitespace', text: '  v=DMARC1; p=none', covers: '  ', ok: true },
  { code: 'bad-whitespace', text: 'v=DMARC1;\u00a0p=none', covers: '\u00a0', ok: true, data: { value: 'U+00A0' } },
  { code: 'bad-whitespace', text: 'v=DMARC1;\r\np=none', covers: '\r\n', ok: true, data: { value: 'U+000D' } },
];

describe('parseDmarcRecord: issues', () => {
  for (const { code, text, covers, ok, data } of ISSUE_CASES) {
    it(`${code}: ${JSON.stringify(text)}`, () => {
      const result = parseDmarcRecord(text);
      assert.equal(result.ok, ok, JSON.stringify(result.issues));
      const issue = result.issues.find((candidate) => candidate.code === code);
      assert.ok(issue, `no ${code} in ${JSON.stringify(codes(result.issues))}`);
      assert.equal(text.slice(issue.span.start, issue.span.end), covers);
      assert.equal(issue.severity, DMARC_ISSUE_SEVERITY[code]);
      for (const lang of LANGS) assert.ok(describeDmarcIssue(issue, lang).length > 0, lang);
      for (const [key, value] of Object.entries(data ?? {})) {
        assert.deepEqual((issue as unknown as Record<string, unknown>)[key], value, key);
      }
    });
  }

  it('covers every issue code', () => {
    const covered = new Set(ISSUE_CASES.map((row) => row.code));
    assert.deepEqual(
      Object.keys(DMARC_ISSUE_SEVERITY).filter((code) => !covered.has(code as DmarcIssueCode)),
      [],
    );
  });

  it('keeps the first of duplicate tags', () => {
    assert.equal(parsed('v=DMARC1; p=none; p=reject').policy, 'none');
  });

  it('falls back to p=none for an invalid sp (RFC 7489 §6.6.3)', () => {
    const record = parsed('v=DMARC1; p=reject; sp=bogus; rua=mailto:d@example.com');
    assert.equal(record.policy, 'none');
    assert.equal(record.subdomainPolicy, 'none');
    assert.deepEqual(record.explicit, ['v', 'rua']);
  });

  it('discards a bad value in favour of the default (RFC 7489 §6.3)', () => {
    const record = parsed('v=DMARC1; p=none; pct=150; adkim=x');
    assert.equal(record.percent, 100);
    assert.equal(record.dkimAlignment, 'r');
    assert.deepEqual(record.explicit, ['v', 'p']);
  });

  it('keeps the valid URIs of a list with a bad one', () => {
    const record = parsed('v=DMARC1; p=none; rua=dmarc@example.com, mailto:ok@example.com');
    assert.deepEqual(
      record.aggregateReportUris.map((uri) => uri.address),
      ['ok@example.com'],
    );
  });

  it('sorts issues by position', () => {
    const result = parseDmarcRecord(' v=DMARC1;; p=none; x=1; pct=900');
    const starts = result.issues.map((issue) => issue.span.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
  });
});

describe('renderDmarcRecord', () => {
  const canonical: Array<[string, string]> = [
    ['v=DMARC1; p=reject; rua=mailto:dmarc@example.com; pct=100', 'v=DMARC1; p=reject; rua=mailto:dmarc@example.com; pct=100'],
    ['V=DMARC1;P=Reject;ADKIM=S', 'v=DMARC1; p=reject; adkim=s'],
    ['v=DMARC1; pct=50; rua=mailto:a@example.com!10M , mailto:b@example.com; p=none', 'v=DMARC1; p=none; rua=mailto:a@example.com!10m,mailto:b@example.com; pct=50'],
    ['v=DMARC1; rua=mailto:d@example.com', 'v=DMARC1; p=none; rua=mailto:d@example.com'],
    ['v=DMARC1; p=none; fo=d:1; np=reject', 'v=DMARC1; p=none; np=reject; fo=d:1'],
    ['v=DMARC1; t=y; psd=n; p=reject', 'v=DMARC1; p=reject; psd=n; t=y'],
    ['v=DMARC1; p=reject; sp=none; ri=3600; rf=afrf; aspf=s', 'v=DMARC1; p=reject; sp=none; aspf=s; ri=3600; rf=afrf'],
  ];
  for (const [input, output] of canonical) {
    it(`renders ${JSON.stringify(input)}`, () => assert.equal(renderDmarcRecord(parsed(input)), output));
  }

  it('renders values a hand-built record changed from the defaults', () => {
    const record = { ...parsed('v=DMARC1; p=reject'), percent: 10, subdomainPolicy: 'none' as const };
    // np stays reject (it was read from p) while sp changed, so np is written too.
    assert.equal(renderDmarcRecord(record), 'v=DMARC1; p=reject; sp=none; np=reject; pct=10');
  });

  const roundTrips = [
    ...canonical.map(([input]) => input),
    'v=DMARC1;p=quarantine;sp=reject;adkim=s;aspf=s;fo=0:1:d:s;rua=mailto:dmarc@example.com!10m,mailto:backup@example.org;ruf=mailto:forensic@example.com!500k;ri=3600;rf=afrf;pct=25',
    'v=DMARC1; p=none; rua=https://reports.example.com/dmarc, mailto:dmarc%2Breports@example.com',
    'v=DMARC1; p=none; rua=mailto:a@example.com!18446744073709551615t',
  ];
  for (const text of roundTrips) {
    it(`parse → render → parse keeps the values of ${JSON.stringify(text)}`, () => {
      const first = parsed(text);
      const rendered = renderDmarcRecord(first);
      const second = parsed(rendered);
      assert.deepEqual(values(second), values(first));
      assert.equal(renderDmarcRecord(second), rendered);
    });
  }
});

const policyArb = fc.constantFrom('none', 'quarantine', 'reject' as const);
const alignmentArb = fc.constantFrom('r', 's' as const);
const uriArb: fc.Arbitrary<DmarcUri> = fc
  .record({
    local: fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,15}$/),
    domain: fc.constantFrom('example.com', 'reports.example.net', 'xn--bcher-kva.example'),
    size: fc.option(fc.record({ value: fc.nat({ max: 100000 }), unit: fc.constantFrom<DmarcSizeUnit>('b', 'k', 'm', 'g', 't') }), {
      nil: undefined,
    }),
  })
  .map(({ local, domain, size }) => {
    const uri: DmarcUri = { uri: `mailto:${local}@${domain}`, scheme: 'mailto', address: `${local}@${domain}`, domain, span: { start: 0, end: 0 } };
    if (size !== undefined) {
      const exponent = { b: 0, k: 10, m: 20, g: 30, t: 40 }[size.unit];
      uri.maxSize = { ...size, bytes: size.value * 2 ** exponent };
    }
    return uri;
  });
const recordArb: fc.Arbitrary<DmarcRecord> = fc.record({
  version: fc.constant('DMARC1' as const),
  policy: policyArb,
  subdomainPolicy: policyArb,
  nonexistentPolicy: policyArb,
  publicSuffix: fc.constantFrom('y', 'n', 'u' as const),
  testing: fc.boolean(),
  dkimAlignment: alignmentArb,
  spfAlignment: alignmentArb,
  percent: fc.integer({ min: 0, max: 100 }),
  aggregateReportUris: fc.array(uriArb, { maxLength: 3 }),
  failureReportUris: fc.array(uriArb, { maxLength: 2 }),
  failureOptions: fc.uniqueArray(fc.constantFrom('0', '1', 'd', 's' as const), { minLength: 1 }),
  reportFormats: fc.constant(['afrf' as const]),
  reportInterval: fc.integer({ min: 0, max: 4294967295 }),
  explicit: fc.constant([]),
  tags: fc.constant([]),
  unknownTags: fc.constant([]),
});

/** Text that looks like a DMARC record often enough to reach the deep paths. */
const recordLikeText = fc
  .array(
    fc.oneof(
      fc.constantFrom('v=DMARC1', 'p=reject', 'p=none', 'sp=quarantine', 'pct=50', 'fo=1:d', 'rf=afrf', 'ri=86400', 'adkim=s', 'aspf=r'),
      fc.constantFrom('rua=mailto:a@example.com!10m', 'ruf=mailto:b@example.org', 'rua=https://x.example/r', 'rua=a@b', 'np=reject'),
      fc.string({ maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 30 }),
    ),
    { maxLength: 20 },
  )
  .chain((parts) => fc.constantFrom(';', '; ', ' ;\t', ',').map((separator) => parts.join(separator)));

describe('parseDmarcRecord: properties', () => {
  it('renders any record to text that parses back to the same values', () => {
    fc.assert(
      fc.property(recordArb, (record) => {
        const text = renderDmarcRecord(record);
        const result = parseDmarcRecord(text);
        assert.ok(result.ok, text);
        assert.deepEqual(values(result.record), values(record));
        assert.equal(renderDmarcRecord(result.record), text);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, and its issues point into the text', () => {
    const check = (text: string): void => {
      const result = parseDmarcRecord(text);
      for (const issue of result.issues) {
        assert.ok(issue.span.start >= 0 && issue.span.start <= issue.span.end && issue.span.end <= text.length);
        for (const lang of LANGS) assert.ok(describeDmarcIssue(issue, lang).length > 0, lang);
      }
      if (result.ok) assert.doesNotThrow(() => parseDmarcRecord(renderDmarcRecord(result.record)));
    };
    fc.assert(fc.property(fc.string({ maxLength: 2000 }), check), { numRuns: 200 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), check), { numRuns: 200 });
    fc.assert(fc.property(recordLikeText, check), { numRuns: 500 });
  });
});
