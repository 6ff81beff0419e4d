import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { zoneFromObject, zoneResolver } from '../dns/zone.ts';
import { canonicalizeBody, canonicalizeHeader } from './canonicalize.ts';
import { parseMessage } from './message.ts';
import { parseDkimSignature, withoutSignatureValue } from './signature.ts';
import { verifyDkim } from './verify.ts';

const RFC8463_ZONE = zoneFromObject({
  'brisbane._domainkey.football.example.com': [{ TXT: 'v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=' }],
  'test._domainkey.football.example.com': [
    {
      TXT: [
        'v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWR',
        'iGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutAC',
        'DfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3',
        'Ip3G+2kryOTIKT+l/K4w3QIDAQAB',
      ],
    },
  ],
});
const RFC8463 = readFileSync(new URL('../../test/fixtures/dkim/rfc8463-a3.eml', import.meta.url));
const NOW = Date.UTC(2026, 11, 3);

describe('RFC 8463 Appendix A.3 (both signatures, ed25519-sha256 and rsa-sha256, over-signed h=)', () => {
  it('both verify with the A.2 key records', async () => {
    const results = await verifyDkim(parseMessage(RFC8463), { resolver: zoneResolver(RFC8463_ZONE), now: NOW });
    assert.deepEqual(
      results.map((r) => [r.algorithm, r.selector, r.result, r.cause.code]),
      [
        ['ed25519-sha256', 'brisbane', 'pass', 'verified'],
        ['rsa-sha256', 'test', 'pass', 'verified'],
      ],
    );
    // h= names from, subject, date twice: the second instances are absent and contribute nothing.
    assert.deepEqual(results[0]?.signedHeaders?.filter((s) => !s.present).map((s) => s.name), ['from', 'subject', 'date']);
  });

  it('a changed Subject breaks both signatures (signature, not body)', async () => {
    const changed = Buffer.from(RFC8463.toString('latin1').replace('Is dinner ready?', 'Is dinner ready?!'), 'latin1');
    const results = await verifyDkim(parseMessage(changed), { resolver: zoneResolver(RFC8463_ZONE), now: NOW });
    assert.deepEqual(results.map((r) => r.cause.code), ['signature-mismatch', 'signature-mismatch']);
  });

  it('a DNS timeout is temperror, an absent key permerror', async () => {
    const zone = zoneFromObject({ 'brisbane._domainkey.football.example.com': ['TIMEOUT'] });
    const results = await verifyDkim(parseMessage(RFC8463), { resolver: zoneResolver(zone), now: NOW });
    assert.deepEqual(results.map((r) => [r.result, r.cause.code]), [
      ['temperror', 'key-unavailable'],
      ['permerror', 'no-key'],
    ]);
  });

  it('a key h=sha1 only, or k= of the other type, refuses the signature', async () => {
    const zone = zoneFromObject({
      'brisbane._domainkey.football.example.com': [{ TXT: 'v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutACDfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3Ip3G+2kryOTIKT+l/K4w3QIDAQAB' }],
      'test._domainkey.football.example.com': [{ TXT: 'v=DKIM1; h=sha1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutACDfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3Ip3G+2kryOTIKT+l/K4w3QIDAQAB' }],
    });
    const results = await verifyDkim(parseMessage(RFC8463), { resolver: zoneResolver(zone), now: NOW });
    assert.deepEqual(results.map((r) => r.cause.code), ['key-type-mismatch', 'key-hash-not-allowed']);
  });
});

describe('canonicalisation (RFC 6376 §3.4.5 example)', () => {
  it('relaxed headers', () => {
    assert.equal(canonicalizeHeader('A: X', 'relaxed'), 'a:X\r\n');
    assert.equal(canonicalizeHeader('B : Y\t\r\n\tZ  ', 'relaxed'), 'b:Y Z\r\n');
  });
  it('bodies', () => {
    const body = ' C \r\nD \t E\r\n\r\n\r\n';
    assert.equal(canonicalizeBody(body, 'relaxed'), ' C\r\nD E\r\n');
    assert.equal(canonicalizeBody(body, 'simple'), ' C \r\nD \t E\r\n');
  });
  it('empty bodies (simple: one CRLF; relaxed: nothing)', () => {
    assert.equal(canonicalizeBody('', 'simple'), '\r\n');
    assert.equal(canonicalizeBody('\r\n\r\n', 'simple'), '\r\n');
    assert.equal(canonicalizeBody('', 'relaxed'), '');
    assert.equal(canonicalizeBody('\r\n \r\n', 'relaxed'), '');
  });
  it('a last line without CRLF gets one', () => {
    assert.equal(canonicalizeBody('abc', 'simple'), 'abc\r\n');
    assert.equal(canonicalizeBody('abc  ', 'relaxed'), 'abc\r\n');
  });
});

describe('parseMessage', () => {
  it('folded headers, LF line ends read as CRLF', () => {
    const message = parseMessage('From: a@example.com\nSubject: one\n two\n\nbody\n');
    assert.deepEqual(message.headers.map((h) => h.raw), ['From: a@example.com', 'Subject: one\r\n two']);
    assert.equal(message.body, 'body\r\n');
    assert.deepEqual(message.issues, [{ code: 'bare-lf' }]);
  });
  it('no headers: the whole text is body', () => {
    const message = parseMessage('just some text\r\nmore\r\n');
    assert.equal(message.headers.length, 0);
    assert.deepEqual(message.issues, [{ code: 'no-headers' }]);
    assert.equal(message.body, 'just some text\r\nmore\r\n');
  });
  it('a body-less message, and an empty one', () => {
    assert.equal(parseMessage('From: a@example.com').headers[0]?.raw, 'From: a@example.com');
    assert.deepEqual(parseMessage(''), { headers: [], body: '', issues: [] });
  });
  it('a binary blob is no message, without a crash', () => {
    const blob = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const message = parseMessage(blob);
    assert.equal(message.headers.length, 0);
    assert.ok(message.issues.some((issue) => issue.code === 'no-headers'), JSON.stringify(message.issues));
  });
});

describe('DKIM-Signature syntax', () => {
  const good = 'v=1; a=rsa-sha256; d=example.com; s=s1; h=from:to; bh=AAAA; b=AAAA';
  const bad: Array<[string, string]> = [
    ['v=1; a=rsa-sha256; d=example.com; s=s1; h=from; bh=AAAA', 'missing-tag'],
    [`${good}; b=BBBB`, 'duplicate-tag'],
    [good.replace('v=1', 'v=2'), 'bad-version'],
    [good.replace('rsa-sha256', 'rsa-md5'), 'unknown-algorithm'],
    [good.replace('h=from:to', 'h=to:subject'), 'from-not-signed'],
    [`${good}; i=@other.example`, 'identity-mismatch'],
    [`${good}; c=fancy/simple`, 'unknown-canonicalization'],
    [`${good}; l=-5`, 'bad-tag-value'],
    [`${good}; t=200; x=100`, 'expires-before-signed'],
    ['garbage without equals', 'syntax'],
  ];
  for (const [value, code] of bad) {
    it(`${code}: ${value.slice(0, 50)}`, () => {
      const parsed = parseDkimSignature(value);
      assert.equal(parsed.ok ? 'ok' : parsed.problem.code, code);
    });
  }
  it('reads the defaults (c=simple/simple, i=@d)', () => {
    const parsed = parseDkimSignature(good);
    assert.ok(parsed.ok);
    assert.equal(parsed.signature.headerCanonicalization, 'simple');
    assert.equal(parsed.signature.identity, '@example.com');
  });
  it('b= emptied, folding kept, bh= untouched', () => {
    assert.equal(withoutSignatureValue('DKIM-Signature: a=x; bh=QQ==; b=AB\r\n CD; t=1'), 'DKIM-Signature: a=x; bh=QQ==; b=; t=1');
  });
  it('a malformed signature is permerror, with d= and s= when readable', async () => {
    const raw = 'DKIM-Signature: v=1; d=example.com; s=s1\r\nFrom: a@example.com\r\n\r\nhi\r\n';
    const [result] = await verifyDkim(parseMessage(raw), { resolver: zoneResolver(zoneFromObject({})), now: NOW });
    assert.equal(result?.result, 'permerror');
    assert.equal(result?.cause.code, 'malformed-signature');
    assert.equal(result?.domain, 'example.com');
  });
});
