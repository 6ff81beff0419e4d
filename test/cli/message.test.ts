/** `spfkit message` against the loopback DNS server (issue 13.3): words in en/nl, JSON, exit codes, bad input. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { zoneFromObject } from '../../src/dns/zone.ts';
import { keyRecord, makeKey, signMessage, txtStrings } from '../support/dkim-sign.ts';
import { spfkit } from '../support/cli.ts';
import { startDnsServer, type DnsServer } from '../support/dns-server.ts';

const key = makeKey('ed25519');
const dir = mkdtempSync(join(tmpdir(), 'spfkit-message-'));
const MESSAGE = 'Return-Path: <info@klant.example>\r\nReceived: from mail.klant.example (mail.klant.example [192.0.2.7]) by mx.test\r\nFrom: Info <info@klant.example>\r\nSubject: Hallo\r\n\r\nHoi\r\n';
let dns: DnsServer;

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

before(async () => {
  dns = await startDnsServer(
    zoneFromObject({
      'klant.example': [{ TXT: 'v=spf1 ip4:192.0.2.0/24 -all' }],
      '_dmarc.klant.example': [{ TXT: 'v=DMARC1; p=quarantine' }],
      'k1._domainkey.klant.example': [{ TXT: txtStrings(keyRecord(key)) }],
    }),
  );
});
after(() => dns.stop());

describe('spfkit message', () => {
  it('a signed message: DKIM pass, DMARC pass, exit 0, Dutch words', async () => {
    const path = file('ok.eml', signMessage(MESSAGE, { domain: 'klant.example', selector: 'k1', key, headers: ['From', 'Subject'] }));
    const r = await spfkit('message', path, '--ip', '192.0.2.7', '--mail-from', 'info@klant.example', '--dns', dns.address, '--lang', 'nl');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Handtekening klopt/);
    assert.match(r.stdout, /DMARC pass voor From-domein klant\.example/);
    assert.match(r.stdout, /Authentication-Results: spfkit; dkim=pass/);
  });

  it('a footer after signing: body hash, the appended text named; --trace-headers marked; exit 1', async () => {
    const path = file('footer.eml', signMessage(MESSAGE, { domain: 'klant.example', selector: 'k1', key, headers: ['From', 'Subject'] }) + '--\r\nLijstvoettekst\r\n');
    const r = await spfkit('message', path, '--trace-headers', '--dns', dns.address, '--json');
    const evaluation = JSON.parse(r.stdout) as { dkim: Array<{ cause: { code: string; change: { kind: string } } }>; spf: { source: string; check: { result: string } }; dmarc: { outcome: { result: string } } };
    assert.deepEqual([evaluation.dkim[0]?.cause.code, evaluation.dkim[0]?.cause.change.kind], ['body-hash-mismatch', 'appended']);
    assert.equal(evaluation.spf.source, 'trace-headers');
    assert.equal(evaluation.dmarc.outcome.result, 'pass');
    const words = await spfkit('message', path, '--dns', dns.address);
    assert.equal(words.code, 1);
    assert.match(words.stdout, /bytes were added after the signed body .*Lijstvoettekst/);
  });

  it('bad input: no file, an unreadable one, a binary blob', async () => {
    assert.equal((await spfkit('message')).code, 2);
    const missing = await spfkit('message', join(dir, 'nope.eml'));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read the message file .*ENOENT/);
    const blob = await spfkit('message', file('blob.bin', Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 13) % 256))), '--dns', dns.address);
    assert.equal(blob.code, 1);
    assert.match(blob.stdout, /no header section/);
  });
});
