import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DmarcUriProblem } from './types.ts';
import { parseDmarcUri, renderDmarcUri, splitUriList } from './uri.ts';

const span = { start: 0, end: 0 };

describe('parseDmarcUri (RFC 7489 §6.2, §6.4)', () => {
  const good: Array<{ text: string; scheme: string; address?: string; domain?: string; bytes?: number }> = [
    { text: 'mailto:dmarc@example.com', scheme: 'mailto', address: 'dmarc@example.com', domain: 'example.com' },
    { text: 'MAILTO:Dmarc@Example.COM', scheme: 'mailto', address: 'Dmarc@example.com', domain: 'example.com' },
    { text: 'mailto:dmarc@example.com!10', scheme: 'mailto', domain: 'example.com', bytes: 10 },
    { text: 'mailto:dmarc@example.com!1k', scheme: 'mailto', domain: 'example.com', bytes: 1024 },
    { text: 'mailto:dmarc@example.com!2G', scheme: 'mailto', domain: 'example.com', bytes: 2 * 2 ** 30 },
    { text: 'mailto:dmarc@example.com?subject=DMARC', scheme: 'mailto', address: 'dmarc@example.com', domain: 'example.com' },
    { text: 'mailto:d@b%C3%BCcher.example', scheme: 'mailto', address: 'd@xn--bcher-kva.example', domain: 'xn--bcher-kva.example' },
    { text: 'https://user@Reports.Example.net:8443/path?q', scheme: 'https', domain: 'reports.example.net' },
    { text: 'urn:example:thing', scheme: 'urn' },
  ];
  for (const { text, scheme, address, domain, bytes } of good) {
    it(`accepts ${text}`, () => {
      const parsed = parseDmarcUri(text, span);
      assert.ok(parsed.ok);
      assert.equal(parsed.uri.scheme, scheme);
      assert.equal(parsed.uri.address, address ?? parsed.uri.address);
      assert.equal(parsed.uri.domain, domain);
      assert.equal(parsed.uri.maxSize?.bytes, bytes);
    });
  }

  const bad: Array<[string, DmarcUriProblem]> = [
    ['', 'empty'],
    ['dmarc@example.com', 'no-scheme'],
    ['1mailto:a@example.com', 'no-scheme'],
    ['mailto:a@example.com!', 'bad-size'],
    ['mailto:a@example.com!10kb', 'bad-size'],
    ['mailto:a@example.com!-1', 'bad-size'],
    ['mailto:<a@example.com>', 'bad-char'],
    ['mailto:a@exämple.com', 'bad-char'],
    ['mailto:%E0%A4%A@example.com', 'bad-char'],
    ['mailto:a@example_com', 'bad-address'],
    ['mailto:@example.com', 'bad-address'],
    ['mailto:a@', 'bad-address'],
    [`mailto:${'a'.repeat(65)}@example.com`, 'bad-address'],
  ];
  for (const [text, reason] of bad) {
    it(`rejects ${JSON.stringify(text)} (${reason})`, () => {
      assert.deepEqual(parseDmarcUri(text, span), { ok: false, reason });
    });
  }

  it('renders the size limit back', () => {
    for (const text of ['mailto:a@example.com', 'mailto:a@example.com!10', 'mailto:a@example.com!10m']) {
      const parsed = parseDmarcUri(text, span);
      assert.ok(parsed.ok);
      assert.equal(renderDmarcUri(parsed.uri), text);
    }
  });

  it('splits a list with spans into the record', () => {
    assert.deepEqual(splitUriList('mailto:a@x.example , mailto:b@x.example', 4), [
      { text: 'mailto:a@x.example', span: { start: 4, end: 22 } },
      { text: 'mailto:b@x.example', span: { start: 25, end: 43 } },
    ]);
  });
});
