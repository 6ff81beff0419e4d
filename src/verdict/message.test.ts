import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { zoneFromObject, zoneResolver } from '../dns/zone.ts';
import { keyRecord, makeKey, signMessage, txtStrings } from '../../test/support/dkim-sign.ts';
import { evaluateMessage } from './message.ts';

const NOW = Date.UTC(2026, 11, 3, 12);
const key = makeKey('ed25519');
const MESSAGE = 'From: Info <info@klant.example>\r\nTo: jan@ontvanger.example\r\nSubject: Hallo\r\n\r\nHoi Jan\r\n';

function zone(extra: Record<string, unknown[]> = {}) {
  return zoneResolver(
    zoneFromObject({
      'klant.example': [{ TXT: 'v=spf1 ip4:192.0.2.0/24 -all' }, { A: '192.0.2.1' }],
      '_dmarc.klant.example': [{ TXT: 'v=DMARC1; p=reject' }],
      'cv1._domainkey.klant.example': [{ TXT: txtStrings(keyRecord(key)) }],
      'bounce.coachview.example': [{ TXT: 'v=spf1 ip4:198.51.100.0/24 -all' }],
      ...extra,
    }),
  );
}

describe('evaluateMessage', () => {
  it('aligned DKIM + SPF: dmarc=pass, our Authentication-Results header', async () => {
    const raw = signMessage(MESSAGE, { domain: 'klant.example', selector: 'cv1', key, headers: ['From', 'To', 'Subject'] });
    const evaluation = await evaluateMessage(raw, { ip: '192.0.2.7', helo: 'mail.klant.example', mailFrom: 'info@klant.example' }, { resolver: zone(), now: NOW, authservId: 'mx.test' });
    assert.deepEqual(evaluation.dkim.map((d) => d.result), ['pass']);
    assert.equal(evaluation.spf.kind === 'checked' && evaluation.spf.check.result, 'pass');
    assert.ok(evaluation.dmarc.kind === 'evaluated');
    assert.equal(evaluation.dmarc.outcome.result, 'pass');
    assert.deepEqual(evaluation.dmarc.outcome.passedBy, ['spf', 'dkim']);
    assert.match(evaluation.authenticationResults, /^mx\.test; dkim=pass header\.d=klant\.example header\.s=cv1 header\.a=ed25519-sha256 header\.b=\S{8};\r\n\tspf=pass smtp\.mailfrom=info@klant\.example;\r\n\tdmarc=pass policy\.dmarc=reject header\.from=klant\.example$/);
  });

  it('seed 003: the provider’s own bounce domain passes SPF unaligned; a footer broke DKIM → dmarc=fail, reject', async () => {
    const raw = signMessage(MESSAGE, { domain: 'klant.example', selector: 'cv1', key, headers: ['From', 'To', 'Subject'] }) + '-- \r\nlist footer\r\n';
    const evaluation = await evaluateMessage(raw, { ip: '198.51.100.9', helo: 'out.coachview.example', mailFrom: 'b123@bounce.coachview.example' }, { resolver: zone(), now: NOW });
    assert.equal(evaluation.dkim[0]?.cause.code, 'body-hash-mismatch');
    assert.equal(evaluation.spf.kind === 'checked' && evaluation.spf.check.result, 'pass');
    assert.ok(evaluation.dmarc.kind === 'evaluated');
    assert.equal(evaluation.dmarc.outcome.result, 'fail');
    assert.equal(evaluation.dmarc.outcome.disposition, 'reject');
    assert.equal(evaluation.dmarc.outcome.alignment.spf.state, 'not-aligned');
  });

  it('trace headers only when asked, marked as such; existing Authentication-Results shown, never trusted', async () => {
    const raw = `Return-Path: <info@klant.example>\r\nReceived: from mail.klant.example (mail.klant.example [192.0.2.7]) by mx.other.example\r\nAuthentication-Results: mx.other.example; dkim=pass; spf=pass; dmarc=pass\r\n${MESSAGE}`;
    const without = await evaluateMessage(raw, {}, { resolver: zone(), now: NOW });
    assert.deepEqual(without.spf, { kind: 'not-checked', reason: 'no-ip' });
    assert.equal(without.dmarc.kind === 'evaluated' && without.dmarc.outcome.result, 'fail');
    assert.deepEqual(without.untrusted, [{ name: 'Authentication-Results', value: 'mx.other.example; dkim=pass; spf=pass; dmarc=pass' }]);
    assert.match(without.authenticationResults, /dkim=none/);
    const traced = await evaluateMessage(raw, {}, { resolver: zone(), now: NOW, traceHeaders: true });
    assert.ok(traced.spf.kind === 'checked');
    assert.equal(traced.spf.source, 'trace-headers');
    assert.equal(traced.spf.ip, '192.0.2.7');
    assert.equal(traced.spf.check.result, 'pass');
    assert.match(traced.authenticationResults, /spf=pass \(trace-headers\)/);
  });

  it('no headers, a binary blob, several From: a clear outcome, no crash', async () => {
    const blob = await evaluateMessage(Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31) % 256)), {}, { resolver: zone(), now: NOW });
    assert.ok(blob.message.issues.some((issue) => issue.code === 'no-headers'));
    assert.deepEqual(blob.dmarc, { kind: 'not-evaluated', reason: 'no-from' });
    const several = await evaluateMessage('From: a@klant.example, b@other.example\r\n\r\nx\r\n', {}, { resolver: zone(), now: NOW });
    assert.deepEqual(several.dmarc, { kind: 'not-evaluated', reason: 'several-from' });
  });
});
