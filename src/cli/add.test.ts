/**
 * `spfkit add`, in-process on a zone file. (Belongs beside src/cli/add.ts as add.test.ts;
 * kept here because this change was scoped to src/record.)
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './run.ts';
import type { CliIo } from './io.ts';

let dir = '';
let zone = '';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'spfkit-add-'));
  zone = join(dir, 'zone.json');
  writeFileSync(
    zone,
    JSON.stringify({
      zone: {
        'klant.nl': [{ TXT: 'v=spf1 include:spf.protection.outlook.com' }],
        'example.com': [{ TXT: 'v=spf1 include:spf.protection.outlook.com -all' }],
        'twice.nl': [{ TXT: 'v=spf1 -all' }, { TXT: 'v=spf1 mx -all' }],
        'spf.protection.outlook.com': [{ TXT: 'v=spf1 ip4:40.92.0.0/15 ip4:40.107.0.0/16 -all' }],
        'smtp1.blueinkt.com': [{ A: '5.255.64.53' }],
        'spf.byte.nl': [{ TXT: 'v=spf1 ip4:82.94.214.0/24 ip4:46.21.235.240/28 ~all' }],
        'spf.dmrmail.nl': [{ TXT: 'v=spf1 ip4:185.3.48.0/24 -all' }],
      },
    }),
  );
});

after(() => rmSync(dir, { recursive: true, force: true }));

async function spfkit(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTty: false, env: {} };
  const code = await run(['add', ...args, '--zone', zone], io);
  return { code, out, err };
}

describe('spfkit add', () => {
  it('prints the plan, the three publish forms, the diff and the verification (seed 004)', async () => {
    const { code, out } = await spfkit('klant.nl', '--provider', 'blueinkt');
    assert.equal(code, 0);
    assert.match(out, /Plan: {4}add a:smtp1\.blueinkt\.com/);
    assert.match(out, /klant\.nl\. 3600 IN TXT "v=spf1 include:spf\.protection\.outlook\.com a:smtp1\.blueinkt\.com ~all"/);
    assert.match(out, /\n {2}\+ a:smtp1\.blueinkt\.com\n {2}\+ ~all\n/);
    assert.match(out, /ok {3}5\.255\.64\.53 +neutral → pass/);
    assert.match(out, /~all is added \(softfail: marked, not rejected\)/);
    assert.match(out, /Before: .*\n +1 DNS lookup, 41 bytes/);
  });

  it("keeps the customer's spelling of the terms it does not touch: +mx +a stays +mx +a (issue 10.13)", async () => {
    const { code, out } = await spfkit('example.com', '--policy', 'v=spf1 +mx +a -all', '--include', 'spf.dmrmail.nl', '--test-ip', '185.3.48.10');
    assert.equal(code, 0, out);
    assert.match(out, /example\.com\. 3600 IN TXT "v=spf1 \+mx \+a include:spf\.dmrmail\.nl -all"/);
    // Unchanged in the diff too: the same terms, not a removed "+mx" and an added "mx".
    assert.match(out, /\n {4}\+mx\n {4}\+a\n {2}\+ include:spf\.dmrmail\.nl\n/);
  });

  it('--lang nl words the reasons, warnings and issues in Dutch', async () => {
    const { code, out } = await spfkit('klant.nl', '--provider', 'blueinkt', '--lang', 'nl');
    assert.equal(code, 0);
    assert.match(out, /~all wordt toegevoegd \(softfail: de e-mail wordt gemarkeerd, niet geweigerd\)/);
    assert.doesNotMatch(out, /~all is added/);
    // The labels and lines around the plan too, lined up under the longest Dutch label.
    assert.match(out, /^Domein: {5}klant\.nl \(gepubliceerd record\)$/m);
    assert.match(out, /^Voorstel: {3}a:smtp1\.blueinkt\.com toevoegen$/m);
    assert.match(out, /^Huidig: .*\n {12}1 DNS-lookup, 41 bytes$/m);
    assert.match(out, /\nWaarom:\n/);
    assert.match(out, /\nWijzigingen:\n/);
    assert.match(out, /\nPubliceren:\n {2}Zonebestand: {2}klant\.nl\. 3600 IN TXT/);
    assert.match(out, /\n {2}Beheerpaneel: naam klant\.nl, type TXT, waarde:\n/);
    assert.match(out, /\nVerificatie: geslaagd\n {2}ok {3}5\.255\.64\.53 +neutral → pass/);
    assert.match(out, /ok {3}\d+ van 10 DNS-lookups/);
    assert.doesNotMatch(out, /Verification|Domain:|Changes:|Publish:|DNS lookup/);
    const failed = await spfkit('example.com', '--ip4', '0.0.0.0/0', '--test-ip', '5.255.64.53', '--lang', 'nl');
    assert.equal(failed.code, 1);
    assert.match(failed.out, /\nVerificatie: MISLUKT\n/);
    assert.match(failed.out, /FOUT .*\(verwacht: fail\)/);
    assert.match(failed.out, /de nieuwe verzender autoriseert meer dan de bedoeling is/);
    const nothing = await spfkit('--policy', 'v=spf1 include:spf.byte.nl', '--ip4', '82.94.214.5', '--lang', 'nl');
    assert.match(nothing.out, /niets toe te voegen: ip4:82\.94\.214\.5 is al geautoriseerd door include:spf\.byte\.nl/);
    assert.match(nothing.out, /^Domein: {5}\(niet opgegeven\) \(opgegeven record\)$/m);
    const provider = await spfkit('example.com', '--provider', 'dmrmail', '--lang', 'nl');
    assert.match(provider.out, /ook include:awsspf\.prezent\.nl \(website\)/);
    assert.match(provider.out, /Documentatie: https?:/);
    const blocked = await spfkit('twice.nl', '--mx', '--lang', 'nl');
    assert.equal(blocked.code, 1);
    assert.match(blocked.out, /twice\.nl publiceert 2 SPF-records/);
    const input = await spfkit('klant.nl', '--mechanism=~all', '--lang', 'nl');
    assert.equal(input.code, 2);
    assert.match(input.err, /“all” is geen verzender/);
    const bad = await spfkit('klant.nl', '--mx', '--lang', 'de');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--lang must be en or nl/);
  });

  it('says why nothing is added (seed 002)', async () => {
    const { code, out } = await spfkit('--policy', 'v=spf1 include:spf.byte.nl', '--ip4', '82.94.214.5');
    assert.equal(code, 0);
    assert.match(out, /nothing to add: ip4:82\.94\.214\.5 is already authorised by include:spf\.byte\.nl/);
    assert.doesNotMatch(out, /Publish:/);
  });

  it('--json gives the plan and the publish forms', async () => {
    const { code, out } = await spfkit('example.com', '--a', 'smtp1.blueinkt.com', '--test-ip', '5.255.64.53', '--json', '--ttl', '300');
    assert.equal(code, 0);
    const json = JSON.parse(out) as { plan: { status: string; after: { record: string } }; publish: { main: { zoneLine: string } } };
    assert.equal(json.plan.status, 'added');
    assert.equal(json.publish.main.zoneLine, 'example.com. 300 IN TXT "v=spf1 include:spf.protection.outlook.com a:smtp1.blueinkt.com -all"');
  });

  it('shows a provider\'s extra include and DKIM records', async () => {
    const { out } = await spfkit('example.com', '--provider', 'dmrmail');
    assert.match(out, /also include:awsspf\.prezent\.nl \(website\)/);
    assert.match(out, /DKIM: prezent-a\._domainkey CNAME _dkim-a\.prezent\.nl/);
  });

  it('exit 1 when the record must be fixed first or verification fails', async () => {
    const blocked = await spfkit('twice.nl', '--mx');
    assert.equal(blocked.code, 1);
    assert.match(blocked.out, /publishes 2 SPF records/);
    const failed = await spfkit('example.com', '--ip4', '0.0.0.0/0', '--test-ip', '5.255.64.53');
    assert.equal(failed.code, 1);
    assert.match(failed.out, /Verification: FAILED/);
  });

  it('exit 2 for usage and input errors, in one line', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['klant.nl'], /say which sender: --provider/],
      [['klant.nl', '--mx', '--include', 'x.example'], /one sender at a time, got --include, --mx/],
      [['klant.nl', '--provider', 'nope'], /unknown provider "nope" \(known: coachview, /],
      [['klant.nl', '--mx', '--test-ip', 'nonsense'], /"nonsense" is not an IPv4 or IPv6 address/],
      [['klant.nl', '--mechanism=~all'], /"all" is not a sender/],
      [['--mx'], /give the domain, or the record with --policy/],
    ];
    for (const [args, message] of cases) {
      const { code, err } = await spfkit(...args);
      assert.equal(code, 2, args.join(' '));
      assert.match(err, message);
      assert.equal(err.trim().split('\n').length, 1);
    }
  });
});
