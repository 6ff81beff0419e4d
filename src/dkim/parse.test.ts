import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DKIM_ISSUE_SEVERITY } from './issues.ts';
import { parseDkimKey } from './parse.ts';
import { dkimName } from './selectors.ts';
import type { DkimIssue, DkimIssueCode, DkimKey } from './types.ts';
import { describeDkimIssue } from '../audit/dkim.ts';
import { LANGS } from '../i18n/lang.ts';

/** Base64 SubjectPublicKeyInfo of a fresh RSA key, as a DKIM p= value. */
function rsaKey(bits: number, type: 'spki' | 'pkcs1' = 'spki'): string {
  return generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({ type, format: 'der' }).toString('base64');
}

const RSA_512 = rsaKey(512);
const RSA_1024 = rsaKey(1024);
const RSA_2048 = rsaKey(2048);
const RSA_2048_PKCS1 = rsaKey(2048, 'pkcs1');
const ED25519_SPKI = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' });
const ED25519_RAW = ED25519_SPKI.subarray(ED25519_SPKI.length - 32).toString('base64');
const EC_P256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');

/** RFC 6376 Appendix C: the 1024-bit example key of brisbane._domainkey.example.com. */
const RFC6376_KEY =
  'MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9ZJW3/DkMoGeLnQg1fWn7/zYtIxN2SnFCjxOCKG9v3b4jYfcTNh5ijSsq631uBItLa7od+v/RtdC2UzJ1lWT947qR+Rcac2gbto/NMqJ0fzfVjH4OuKhitdY9tf6mcwGjaNBcWToIMmPSPDdQPNUYckcQ2QIDAQAB';

/** RFC 8463 Appendix A: the ed25519 key of brisbane._domainkey.football.example.com. */
const RFC8463_KEY = '11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=';

/** Splits base64 like a zone file or a DNS UI does: chunks with whitespace between. */
function folded(base64: string, separator: string): string {
  return (base64.match(/.{1,64}/g) ?? []).join(separator);
}

function parsed(text: string): DkimKey {
  const result = parseDkimKey(text);
  assert.ok(result.ok, `expected ${JSON.stringify(text.slice(0, 60))} to parse: ${JSON.stringify(result.issues)}`);
  return result.record;
}

const codes = (issues: DkimIssue[]): DkimIssueCode[] => issues.map((issue) => issue.code);

describe('parseDkimKey: records from real life', () => {
  const cases: Array<{ name: string; text: string; expect: Partial<DkimKey>; issues: DkimIssueCode[] }> = [
    {
      name: 'Google Workspace (2048-bit RSA)',
      text: `v=DKIM1; k=rsa; p=${RSA_2048}`,
      expect: { keyType: 'rsa', keyInfo: { type: 'rsa', bits: 2048, encoding: 'spki' }, explicit: ['v', 'k', 'p'] },
      issues: [],
    },
    {
      name: 'Microsoft 365 style, with notes',
      text: `v=DKIM1; k=rsa; p=${RSA_2048}; n=2048,1452627113,1`,
      expect: { notes: '2048,1452627113,1', explicit: ['v', 'k', 'p', 'n'] },
      issues: [],
    },
    {
      name: 'Microsoft 365 style, 1024-bit key',
      text: `v=DKIM1; k=rsa; p=${RSA_1024}; n=1024,1452627113,1`,
      expect: { keyInfo: { type: 'rsa', bits: 1024, encoding: 'spki' } },
      issues: ['short-key'],
    },
    {
      name: 'RFC 6376 Appendix C example key',
      text: `v=DKIM1; p=${RFC6376_KEY}`,
      expect: { keyType: 'rsa', keyInfo: { type: 'rsa', bits: 1024, encoding: 'spki' }, hashAlgorithms: ['sha1', 'sha256'] },
      issues: ['short-key'],
    },
    {
      name: 'RFC 8463 Appendix A ed25519 key',
      text: `v=DKIM1; k=ed25519; p=${RFC8463_KEY}`,
      expect: { keyType: 'ed25519', keyInfo: { type: 'ed25519', bits: 256, encoding: 'raw' } },
      issues: [],
    },
    {
      name: 'a generated ed25519 key',
      text: `v=DKIM1; k=ed25519; p=${ED25519_RAW}`,
      expect: { keyType: 'ed25519' },
      issues: [],
    },
    {
      name: 'no v=, as Mailchimp and others publish',
      text: `k=rsa; p=${RSA_2048}`,
      expect: { version: 'DKIM1', explicit: ['k', 'p'] },
      issues: [],
    },
    {
      name: 'a key folded with spaces (DNS UIs) and CRLF (zone files); RFC 6376 §3.6.1 allows FWS',
      text: `v=DKIM1; k=rsa; p=${folded(RSA_2048, ' ')}\r\n ;`,
      expect: { publicKey: RSA_2048 },
      issues: [],
    },
    {
      name: 'a key split over lines',
      text: `v=DKIM1;\r\n\tk=rsa;\r\n\tp=${folded(RSA_2048, '\r\n\t')}`,
      expect: { publicKey: RSA_2048 },
      issues: [],
    },
    {
      name: 'every optional tag',
      text: `v=DKIM1; h=sha256; k=rsa; s=email; t=s; n=hello; p=${RSA_2048}`,
      expect: { hashAlgorithms: ['sha256'], services: ['email'], flags: ['s'], notes: 'hello', explicit: ['v', 'h', 'k', 's', 't', 'n', 'p'] },
      issues: [],
    },
    {
      name: 'upper-case tokens in values',
      text: `v=DKIM1; k=RSA; h=SHA256; p=${RSA_2048}`,
      expect: { keyType: 'rsa', hashAlgorithms: ['sha256'] },
      issues: [],
    },
  ];
  for (const { name, text, expect, issues } of cases) {
    it(name, () => {
      const result = parseDkimKey(text);
      assert.ok(result.ok, JSON.stringify(result.issues));
      assert.deepEqual(codes(result.issues), issues);
      for (const [key, value] of Object.entries(expect)) {
        assert.deepEqual(result.record[key as keyof DkimKey], value, key);
      }
    });
  }

  it('applies the RFC 6376 §3.6.1 defaults', () => {
    const record = parsed(`p=${RSA_2048}`);
    assert.deepEqual(
      {
        version: record.version,
        keyType: record.keyType,
        hashAlgorithms: record.hashAlgorithms,
        services: record.services,
        flags: record.flags,
        notes: record.notes,
        revoked: record.revoked,
      },
      { version: 'DKIM1', keyType: 'rsa', hashAlgorithms: ['sha1', 'sha256'], services: ['*'], flags: [], notes: '', revoked: false },
    );
  });

  it('keeps unknown tags', () => {
    const record = parsed(`v=DKIM1; g=*; p=${RSA_2048}; x_custom=1`);
    assert.deepEqual(
      record.unknownTags.map((tag) => `${tag.name}=${tag.value}`),
      ['g=*', 'x_custom=1'],
    );
  });

  it('reads a revoked key (RFC 6376 §3.6.1: empty p=)', () => {
    const record = parsed('v=DKIM1; k=rsa; p=');
    assert.equal(record.revoked, true);
    assert.equal(record.keyInfo, null);
    assert.equal(record.publicKey, '');
  });
});

type Row = { code: DkimIssueCode; text: string; covers: string; ok: boolean; data?: Record<string, unknown>; run?: (text: string) => DkimIssue[] };

const nameIssues = (selector: string): DkimIssue[] => {
  const result = dkimName(selector, 'example.com');
  return result.ok ? [] : [result.issue];
};
const domainIssues = (domain: string): DkimIssue[] => {
  const result = dkimName('selector1', domain);
  return result.ok ? [] : [result.issue];
};

/** Every issue code at least once: input, code, and the text its span covers. */
const ISSUE_CASES: Row[] = [
  { code: 'version-not-first', text: `k=rsa; v=DKIM1; p=${RSA_2048}`, covers: 'v=DKIM1', ok: true },
  { code: 'bad-version', text: `v=DKIM2; p=${RSA_2048}`, covers: 'DKIM2', ok: false, data: { value: 'DKIM2' } },
  { code: 'bad-version', text: `v=dkim1; p=${RSA_2048}`, covers: 'dkim1', ok: false },
  { code: 'missing-key', text: 'v=DKIM1; k=rsa', covers: 'v=DKIM1; k=rsa', ok: false },
  { code: 'revoked-key', text: 'v=DKIM1; p=', covers: 'p=', ok: true },
  { code: 'unknown-key-type', text: `v=DKIM1; k=dsa; p=${RSA_2048}`, covers: 'dsa', ok: false, data: { value: 'dsa' } },
  { code: 'bad-key', text: 'v=DKIM1; p=MIGf$MA0G', covers: 'MIGf$MA0G', ok: false, data: { reason: 'base64', value: '$' } },
  { code: 'bad-key', text: 'v=DKIM1; p="MIGfMA0G"', covers: '"MIGfMA0G"', ok: false, data: { reason: 'base64', value: '"' } },
  { code: 'bad-key', text: 'v=DKIM1; p=MIGfMA0', covers: 'MIGfMA0', ok: false, data: { reason: 'base64', value: '' } },
  { code: 'bad-key', text: 'v=DKIM1; p=AAAA', covers: 'AAAA', ok: false, data: { reason: 'der' } },
  { code: 'bad-key', text: `v=DKIM1; k=rsa; p=${EC_P256}`, covers: EC_P256, ok: false, data: { reason: 'type-mismatch', value: 'ec' } },
  {
    code: 'bad-key',
    text: `v=DKIM1; p=${ED25519_SPKI.toString('base64')}`,
    covers: ED25519_SPKI.toString('base64'),
    ok: false,
    data: { reason: 'type-mismatch', value: 'ed25519' },
  },
  { code: 'bad-key', text: `v=DKIM1; k=ed25519; p=${RSA_2048}`, covers: RSA_2048, ok: false, data: { reason: 'ed25519-length', value: '294' } },
  {
    code: 'bad-key',
    text: `v=DKIM1; k=ed25519; p=${ED25519_SPKI.toString('base64')}`,
    covers: ED25519_SPKI.toString('base64'),
    ok: false,
    data: { reason: 'ed25519-spki' },
  },
  { code: 'weak-key', text: `v=DKIM1; k=rsa; p=${RSA_512}`, covers: RSA_512, ok: true, data: { bits: 512 } },
  { code: 'short-key', text: `v=DKIM1; k=rsa; p=${RSA_1024}`, covers: RSA_1024, ok: true, data: { bits: 1024 } },
  { code: 'pkcs1-key', text: `v=DKIM1; p=${RSA_2048_PKCS1}`, covers: RSA_2048_PKCS1, ok: true },
  { code: 'sha1-hash', text: `v=DKIM1; h=sha1:sha256; p=${RSA_2048}`, covers: 'sha1', ok: true },
  { code: 'sha256-not-allowed', text: `v=DKIM1; h=sha1; p=${RSA_2048}`, covers: 'sha1', ok: true },
  { code: 'unknown-hash', text: `v=DKIM1; h=sha256 : sha512; p=${RSA_2048}`, covers: 'sha512', ok: true, data: { value: 'sha512' } },
  { code: 'unknown-service', text: `v=DKIM1; s=email:web; p=${RSA_2048}`, covers: 'web', ok: true, data: { value: 'web' } },
  { code: 'not-for-email', text: `v=DKIM1; s=web; p=${RSA_2048}`, covers: 'web', ok: false },
  { code: 'unknown-flag', text: `v=DKIM1; t=x; p=${RSA_2048}`, covers: 'x', ok: true, data: { value: 'x' } },
  { code: 'testing-mode', text: `v=DKIM1; t=s:y; p=${RSA_2048}`, covers: 'y', ok: true },
  { code: 'bad-tag-value', text: `v=DKIM1; h=sha 256; p=${RSA_2048}`, covers: 'sha 256', ok: true, data: { tag: 'h' } },
  { code: 'bad-tag-value', text: `v=DKIM1; t=y:; p=${RSA_2048}`, covers: 'y:', ok: true, data: { tag: 't' } },
  { code: 'empty-value', text: `v=DKIM1; k=; p=${RSA_2048}`, covers: 'k=', ok: false, data: { tag: 'k' } },
  { code: 'missing-semicolon', text: `v=DKIM1 k=rsa; p=${RSA_2048}`, covers: ' k=', ok: false, data: { tag: 'v', value: 'k' } },
  { code: 'escaped-semicolon', text: `v=DKIM1\\; p=${RSA_2048}`, covers: '\\', ok: false },
  { code: 'duplicate-tag', text: `v=DKIM1; p=${RSA_2048}; p=${RSA_1024}`, covers: `p=${RSA_1024}`, ok: false, data: { tag: 'p' } },
  { code: 'unknown-tag', text: `v=DKIM1; g=*; p=${RSA_2048}`, covers: 'g', ok: true, data: { tag: 'g' } },
  { code: 'unknown-tag', text: `v=DKIM1; K=rsa; P=${RSA_2048}`, covers: 'K', ok: false, data: { tag: 'K', suggestion: 'k' } },
  { code: 'bad-tag-name', text: `v=DKIM1; 1=2; p=${RSA_2048}`, covers: '1', ok: false, data: { value: '1' } },
  { code: 'missing-equals', text: `v=DKIM1; rsa; p=${RSA_2048}`, covers: 'rsa', ok: false, data: { value: 'rsa' } },
  { code: 'empty-term', text: `v=DKIM1;; p=${RSA_2048}`, covers: ';', ok: true },
  { code: 'bad-whitespace', text: `v=DKIM1;\u00a0p=${RSA_2048}`, covers: '\u00a0', ok: true, data: { value: 'U+00A0' } },
  { code: 'bad-selector', text: 'bad_selector', covers: 'bad_selector', ok: false, run: nameIssues, data: { reason: 'bad-label' } },
  { code: 'bad-selector', text: 'ok.-bad', covers: '-bad', ok: false, run: nameIssues, data: { reason: 'bad-label' } },
  { code: 'bad-selector', text: '', covers: '', ok: false, run: nameIssues, data: { reason: 'empty' } },
  { code: 'bad-selector', text: Array(5).fill('a'.repeat(60)).join('.'), covers: Array(5).fill('a'.repeat(60)).join('.'), ok: false, run: nameIssues, data: { reason: 'too-long' } },
  { code: 'bad-domain', text: 'exa mple.com', covers: 'exa mple.com', ok: false, run: domainIssues },
];

describe('parseDkimKey: issues', () => {
  for (const { code, text, covers, ok, data, run } of ISSUE_CASES) {
    it(`${code}: ${JSON.stringify(text.length > 50 ? `${text.slice(0, 50)}…` : text)}`, () => {
      let issues: DkimIssue[];
      if (run === undefined) {
        const result = parseDkimKey(text);
        assert.equal(result.ok, ok, JSON.stringify(result.issues));
        issues = result.issues;
      } else {
        issues = run(text);
      }
      const issue = issues.find((candidate) => candidate.code === code);
      assert.ok(issue, `no ${code} in ${JSON.stringify(codes(issues))}`);
      assert.equal(text.slice(issue.span.start, issue.span.end), covers);
      assert.equal(issue.severity, DKIM_ISSUE_SEVERITY[code]);
      for (const lang of LANGS) assert.ok(describeDkimIssue(issue, lang).length > 0, lang);
      for (const [key, value] of Object.entries(data ?? {})) {
        assert.deepEqual((issue as unknown as Record<string, unknown>)[key], value, key);
      }
    });
  }

  it('covers every issue code', () => {
    const covered = new Set(ISSUE_CASES.map((row) => row.code));
    assert.deepEqual(
      Object.keys(DKIM_ISSUE_SEVERITY).filter((code) => !covered.has(code as DkimIssueCode)),
      [],
    );
  });

  it('keeps the key details of a weak key visible', () => {
    assert.deepEqual(parsed(`p=${RSA_512}`).keyInfo, { type: 'rsa', bits: 512, encoding: 'spki' });
  });

  it('reports a bare RSAPublicKey but reads it', () => {
    assert.deepEqual(parsed(`p=${RSA_2048_PKCS1}`).keyInfo, { type: 'rsa', bits: 2048, encoding: 'pkcs1' });
  });

  it('ignores unknown hash algorithms, services and flags (RFC 6376 §3.6.1)', () => {
    const record = parsed(`h=sha256:sha512; s=email:web; t=y:z; p=${RSA_2048}`);
    assert.deepEqual([record.hashAlgorithms, record.services, record.flags], [['sha256'], ['email'], ['y']]);
  });
});

/** Text that looks like a key record often enough to reach the key decoder. */
const keyLikeText = fc
  .array(
    fc.oneof(
      fc.constantFrom('v=DKIM1', 'k=rsa', 'k=ed25519', 'h=sha256', 'h=sha1:sha256', 's=email', 't=y:s', 'n=note', 'p='),
      fc.constantFrom(`p=${RSA_1024}`, `p=${RFC8463_KEY}`, `p=${RSA_2048.slice(0, 100)}`),
      fc.base64String({ maxLength: 400 }).map((base64) => `p=${base64}`),
      fc.string({ maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 30 }),
    ),
    { maxLength: 12 },
  )
  .chain((parts) => fc.constantFrom(';', '; ', ' ;\r\n\t').map((separator) => parts.join(separator)));

describe('parseDkimKey: properties', () => {
  it('never throws, and its issues point into the text', () => {
    const check = (text: string): void => {
      const result = parseDkimKey(text);
      for (const issue of result.issues) {
        assert.ok(issue.span.start >= 0 && issue.span.start <= issue.span.end && issue.span.end <= text.length);
        for (const lang of LANGS) assert.ok(describeDkimIssue(issue, lang).length > 0, lang);
      }
      if (result.ok) assert.equal(result.record.revoked, result.record.keyInfo === null);
    };
    fc.assert(fc.property(fc.string({ maxLength: 2000 }), check), { numRuns: 200 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), check), { numRuns: 200 });
    fc.assert(fc.property(keyLikeText, check), { numRuns: 500 });
  });
});
