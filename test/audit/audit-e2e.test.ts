/**
 * `spfkit audit` end to end: the CLI run in-process (`run()` from src/cli/run.ts) against a
 * real authoritative DNS server on loopback serving test/audit/seeds.yaml, so every answer
 * crosses the wire through the system resolver. The options and colour tests use --zone.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { AuditResult } from '../../src/audit/types.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/run.ts';
import { zoneFromText } from '../../src/dns/zone.ts';
import { type DnsServer, startDnsServer } from '../support/dns-server.ts';

const ZONE_FILE = fileURLToPath(new URL('./seeds.yaml', import.meta.url));
const ZONE = zoneFromText(readFileSync(ZONE_FILE, 'utf8'));

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function spfkit(argv: string[], io: Partial<Pick<CliIo, 'isTty' | 'env'>> = {}): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTty: io.isTty ?? false, env: io.env ?? {} });
  return { code, stdout, stderr };
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/;

describe('spfkit audit against a DNS server on loopback', () => {
  let server: DnsServer;
  const dns = (): string[] => ['--dns', server.address, '--timeout', '250'];

  before(async () => {
    server = await startDnsServer(ZONE);
  });
  after(async () => {
    await server.stop();
  });

  it('prints the audit grouped by area (seed 001: DKIM through CNAMEs)', async () => {
    const r = await spfkit(['audit', 'prezentklant.nl', '--selector', 'prezent-a', '-s', 'prezent-b', ...dns()]);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], 'Audit of prezentklant.nl: grade A');
    assert.match(r.stdout, /^SPF {4}ok {15}v=spf1 \+mx \+a include:spf\.dmrmail\.nl -all \(3 of 10 DNS lookups\)$/m);
    assert.match(r.stdout, /^DKIM {3}ok {15}keys found for selector prezent-a and prezent-b$/m);
    assert.match(r.stdout, /^ {2}i dkim-key-found {2}DKIM key for selector prezent-a at prezent-a\._domainkey\.prezentklant\.nl \(CNAME to _dkim-a\.prezent\.nl\): RSA, 2048 bits\.$/m);
    assert.match(r.stdout, /^DMARC {2}ok {15}v=DMARC1; p=quarantine; rua=mailto:dmarc@rapport\.prezent\.nl \(policy quarantine\)$/m);
    assert.match(r.stdout, /^MX {5}ok {15}mail servers mx\.prezentklant\.nl \(10\)$/m);
    assert.doesNotMatch(r.stdout, ANSI);
    // The queries really crossed the wire: the CNAME was asked as such, then TXT at its target.
    const asked = server.queries.map((q) => `${q.type} ${q.name.toLowerCase()}`);
    assert.ok(asked.includes('CNAME prezent-a._domainkey.prezentklant.nl'));
    assert.ok(asked.includes('TXT _dkim-a.prezent.nl'));
    assert.ok(asked.includes('TXT prezentklant.nl._report._dmarc.rapport.prezent.nl'));
  });

  it('prints the whole result as JSON', async () => {
    const r = await spfkit(['audit', 'PrezentKlant.nl.', '--selector', 'prezent-a', '--json', ...dns()]);
    assert.equal(r.code, 0);
    const result = JSON.parse(r.stdout) as AuditResult;
    assert.equal(result.domain, 'prezentklant.nl');
    assert.equal(result.grade, 'A');
    assert.equal(result.lang, 'en');
    assert.deepEqual(Object.keys(result.areas), ['spf', 'dkim', 'dmarc', 'mx']);
    const key = result.areas.dkim.findings[0];
    assert.equal(key?.id, 'dkim-key-found');
    assert.equal(key?.evidence.cname, '_dkim-a.prezent.nl');
    assert.deepEqual(result.findings.map((f) => f.id), ['spf-lookup-count', 'dkim-key-found']);
  });

  it('draws the lookup tree and exits 1 on errors (seed 003, in Dutch)', async () => {
    const r = await spfkit(['audit', 'veelincludes.nl', '--lang', 'nl', ...dns()]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^Controle van veelincludes\.nl: cijfer E$/m);
    assert.match(r.stdout, /^ {2}✗ spf-too-many-lookups {2}Voor de controle van het SPF-record van veelincludes\.nl zijn 13 DNS-lookups nodig;/m);
    assert.match(r.stdout, /^ {6}DNS-lookups per tak:\n {8}veelincludes\.nl: 13\n {8}├─ include:_spf\.dienst1\.nl: 2\n {8}│ {2}└─ include:_ip\.dienst1\.nl: 1$/m);
    assert.match(r.stdout, /^ {6}Oplossing: Verwijder includes van diensten die niet meer worden gebruikt/m);
  });

  it('reports a name server that does not answer as "could not check" (exit 1)', async () => {
    const r = await spfkit(['audit', 'traag.nl', ...dns()]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^SPF {4}could not check {2}could not be checked: a DNS lookup failed$/m);
    assert.match(r.stdout, /^ {2}! dns-unavailable {2}Could not check: the TXT lookup of traag\.nl got no answer in time \([^)]*127\.0\.0\.1:\d+\)\. This is not the same as "no record"\.$/m);
    assert.match(r.stdout, /^MX {5}could not check/m);
    assert.doesNotMatch(r.stdout, /spf-missing|mx-missing/);

    const json = await spfkit(['audit', 'traag.nl', '--json', ...dns()]);
    const result = JSON.parse(json.stdout) as AuditResult;
    assert.equal(result.areas.spf.verdict, 'unknown');
    assert.deepEqual(
      result.areas.spf.findings.map((f) => [f.id, f.evidence.name, f.evidence.type, f.evidence.answer]),
      [['dns-unavailable', 'traag.nl', 'TXT', 'timeout']],
    );
  });
});

describe('spfkit audit options (zone file)', () => {
  const zone = ['--zone', ZONE_FILE];

  it('colours on a terminal, unless --no-color or NO_COLOR', async () => {
    const tty = await spfkit(['audit', 'byteklant.nl', ...zone], { isTty: true });
    assert.ok(tty.stdout.includes('\u001b[33m!\u001b[0m'), 'a yellow warning mark');
    assert.ok(tty.stdout.includes('\u001b[31m✗\u001b[0m'), 'a red error mark');
    assert.doesNotMatch((await spfkit(['audit', 'byteklant.nl', '--no-color', ...zone], { isTty: true })).stdout, ANSI);
    assert.doesNotMatch((await spfkit(['audit', 'byteklant.nl', ...zone], { isTty: true, env: { NO_COLOR: '1' } })).stdout, ANSI);
    assert.match((await spfkit(['audit', 'byteklant.nl', ...zone], { isTty: true, env: { NO_COLOR: '' } })).stdout, ANSI);
  });

  it('no DKIM key at the selectors tried is "not found", not "ok" (issue 10.13)', async () => {
    const r = await spfkit(['audit', 'veelincludes.nl', ...zone]);
    assert.match(r.stdout, /^DKIM {3}not found +no key found \(\d+ selectors tried\)$/m);
    assert.doesNotMatch(r.stdout, /^DKIM {3}ok/m);
    const nl = await spfkit(['audit', 'veelincludes.nl', '--lang', 'nl', ...zone]);
    assert.match(nl.stdout, /^DKIM {3}niet gevonden +geen sleutel gevonden \(\d+ selectors geprobeerd\)$/m);
    const json = JSON.parse((await spfkit(['audit', 'veelincludes.nl', '--json', ...zone])).stdout) as AuditResult;
    assert.equal(json.areas.dkim.verdict, 'not-found');
  });

  it('exits 0 with warnings only', async () => {
    const r = await spfkit(['audit', 'prezentklant.nl', ...zone]);
    assert.equal(r.code, 0);
  });

  it('without --selector, probes the provider catalogue’s selectors besides the common ones', async () => {
    // Seed 001: the Prezent selectors are not common names; the catalogue (dmrmail) knows them.
    const r = await spfkit(['audit', 'prezentklant.nl', '--json', ...zone]);
    const result = JSON.parse(r.stdout) as { areas: { dkim: { verdict: string; findings: Array<{ id: string; evidence: { selector?: string } }> } } };
    assert.equal(result.areas.dkim.verdict, 'ok');
    const found = result.areas.dkim.findings.filter((f) => f.id === 'dkim-key-found').map((f) => f.evidence.selector);
    assert.deepEqual(found, ['prezent-a', 'prezent-b']);
  });

  it('exits 2 on usage errors', async () => {
    for (const argv of [
      ['audit'],
      ['audit', 'a.nl', 'b.nl'],
      ['audit', 'localhost'],
      ['audit', 'd.nl', '--selector', 'bad_selector'],
      ['audit', 'd.nl', '--lang', 'de'],
      ['audit', 'd.nl', '--bogus'],
    ]) {
      const r = await spfkit([...argv, ...zone]);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.stderr, /^spfkit audit: /, argv.join(' '));
    }
  });

  it('has help', async () => {
    const r = await spfkit(['audit', '--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Usage: spfkit audit <domain>/);
    assert.match((await spfkit(['--help'])).stdout, /^ {2}audit {6}audit SPF, DKIM, DMARC and MX/m);
  });
});
