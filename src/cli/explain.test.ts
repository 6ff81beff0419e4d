import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spfkit, zoneFileFixture } from '../../test/support/cli.ts';

const ZONE = `zone:
  example.com: [{TXT: "v=spf1 include:spf.protection.outlook.com -all"}, {TXT: "some-verification=1"}]
  spf.protection.outlook.com: [{TXT: "v=spf1 ip4:40.92.0.0/15 -all"}]
  53.64.255.5.in-addr.arpa: [{PTR: "smtp1.blueinkt.com"}]
  smtp1.blueinkt.com: [{A: "5.255.64.53"}]
  kapot.nl: [{TXT: "v=spf1 ip4:1.2.3 -all"}]
  dubbel.nl: [{TXT: "v=spf1 -all"}, {TXT: "v=spf1 mx ~all"}]
  klant.nl: [{A: "192.0.2.1"}]
  traag.nl: [TIMEOUT]
`;

describe('spfkit explain', () => {
  const fixture = zoneFileFixture(ZONE);

  it('explains a record given as text', async () => {
    const r = await spfkit('explain', 'v=spf1 include:spf.byte.nl ~all');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /include:spf\.byte\.nl {2}Servers that the SPF record of spf\.byte\.nl authorises/);
    assert.match(r.stdout, /DNS lookups in this record: 1 of 10/);
  });

  it('speaks Dutch and points at problems (exit 1)', async () => {
    const r = await spfkit('explain', 'v=spf1 ip4:1.2.3 -all', '--lang', 'nl');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /Kolom 12: 1\.2\.3 is geen geldig IP-adres\.\n {4}v=spf1 ip4:1\.2\.3 -all\n {15}\^{5}/);
  });

  it('prints JSON data', async () => {
    const r = await spfkit('explain', 'v=spf1 mx -all', '--json');
    const data = JSON.parse(r.stdout) as { ok: boolean; lookups: number; terms: Array<{ kind: string }> };
    assert.equal(data.ok, true);
    assert.equal(data.lookups, 1);
    assert.deepEqual(data.terms.map((t) => t.kind), ['version', 'mx', 'all']);
  });

  it('fetches the record of a domain', async () => {
    const r = await spfkit('explain', '--domain', 'Example.COM', '--zone', fixture.path);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^SPF record of example\.com:\n {2}v=spf1 include:spf\.protection\.outlook\.com -all\n/);
  });

  it('reports a broken published record (exit 1)', async () => {
    const r = await spfkit('explain', '--domain', 'kapot.nl', '--zone', fixture.path);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /: 1\.2\.3 is not a valid IP address/);
  });

  it('says so when there is no record, several, or DNS fails (exit 1)', async () => {
    const none = await spfkit('explain', '--domain', 'klant.nl', '--zone', fixture.path, '--lang', 'nl');
    assert.equal(none.code, 1);
    assert.match(none.stdout, /^klant\.nl heeft geen SPF-record gepubliceerd\./);
    const nx = await spfkit('explain', '--domain', 'nergens.nl', '--zone', fixture.path, '--json');
    assert.equal(nx.code, 1);
    assert.deepEqual((JSON.parse(nx.stdout) as { problem: { code: string } }).problem.code, 'nxdomain');
    const two = await spfkit('explain', '--domain', 'dubbel.nl', '--zone', fixture.path);
    assert.equal(two.code, 1);
    assert.match(two.stdout, /^dubbel\.nl publishes 2 SPF records/);
    assert.equal(two.stdout.match(/SPF record of dubbel\.nl:/g)?.length, 2);
    const slow = await spfkit('explain', '--domain', 'traag.nl', '--zone', fixture.path);
    assert.equal(slow.code, 1);
    assert.match(slow.stdout, /The TXT lookup of traag\.nl, .*got no answer in time \(timeout/);
  });

  it('rejects bad usage (exit 2)', async () => {
    for (const argv of [
      ['explain'],
      ['explain', 'v=spf1 -all', '--domain', 'x.nl'],
      ['explain', 'v=spf1', '-all'],
      ['explain', 'v=spf1 -all', '--lang', 'de'],
      ['explain', 'v=spf1 -all', '--zone', 'z.yaml'],
      ['explain', '--domain', 'localhost'],
    ]) {
      const r = await spfkit(...argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.stderr, /^spfkit explain: .+\n$/);
    }
  });

  it('check --lang nl prints the explanation with the PTR name', async () => {
    const r = await spfkit('check', '--ip', '5.255.64.53', '--sender', 'info@example.com', '--zone', fixture.path, '--lang', 'nl');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /\nexample\.com heeft met SPF verklaard dat het geen e-mail verstuurt via 5\.255\.64\.53 \(smtp1\.blueinkt\.com\)/);
    assert.match(r.stdout, /\nReden: Het SPF-record van example\.com noemt 5\.255\.64\.53 niet en eindigt op -all/);
    assert.match(r.stdout, /\nAdvies: .* a:smtp1\.blueinkt\.com .*vóór -all\./);
  });
});

/** A record of about `chars` characters: ip4 ranges, then ~all (the issue's candidate was 5 791). */
function longRecord(chars: number): string {
  let record = 'v=spf1';
  for (let i = 0; record.length + 20 + 5 <= chars; i++) record += ` ip4:10.${i >> 8}.${i & 255}.0/24`;
  return `${record} ~all`;
}

describe('spfkit explain: a record too long to publish (issues 10.11, 16.4)', () => {
  it('warns that a 5 791-character record cannot be published, and exits 1', async () => {
    const record = longRecord(5791);
    assert.ok(record.length > 5700 && record.length <= 5791, String(record.length));
    const r = await spfkit('explain', record);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /No syntax problems\./);
    assert.match(r.stdout, new RegExp(`- Cannot be published like this: the record is ${record.length} bytes, over the 450 that fit one DNS answer over UDP \\(RFC 7208 §3\\.4\\)`));
    assert.match(r.stdout, new RegExp(`- The record is ${record.length} bytes and a TXT string holds at most 255 \\(RFC 1035 §3\\.3\\): it has to be split into \\d+ strings of one TXT record`));
    const nl = await spfkit('explain', record, '--lang', 'nl');
    assert.equal(nl.code, 1);
    assert.match(nl.stdout, new RegExp(`Zo niet te publiceren: het record is ${record.length} bytes, meer dan de 450`));
    const json = JSON.parse((await spfkit('explain', record, '--json')).stdout) as { ok: boolean; size: { bytes: number; strings: number; tooLong: boolean } };
    assert.equal(json.ok, true);
    assert.equal(json.size.bytes, record.length);
    assert.equal(json.size.tooLong, true);
    assert.ok(json.size.strings >= Math.ceil(record.length / 255), String(json.size.strings));
  });

  it('says how many strings a 300-byte record takes, and exits 0 (it fits under 450)', async () => {
    const record = longRecord(300);
    assert.ok(record.length > 255 && record.length <= 300);
    const r = await spfkit('explain', record);
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, new RegExp(`The record is ${record.length} bytes and a TXT string holds at most 255 \\(RFC 1035 §3\\.3\\): it has to be split into 2 strings`));
    assert.doesNotMatch(r.stdout, /Cannot be published/);
  });

  it('says nothing about size for a record that fits one string', async () => {
    const r = await spfkit('explain', 'v=spf1 mx -all');
    assert.doesNotMatch(r.stdout, /bytes/);
  });
});

describe('spfkit explain: a near-miss mechanism name (issue 10.13)', () => {
  it('carets ~al and suggests ~all, in both languages and in the JSON', async () => {
    const r = await spfkit('explain', 'v=spf1 mx ~al');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /Column 11: .*~al.* is not a mechanism or modifier .*; probably .?~all.? was meant\.\n {4}v=spf1 mx ~al\n {14}\^{3}/);
    const nl = await spfkit('explain', 'v=spf1 mx ~al', '--lang', 'nl');
    assert.match(nl.stdout, /waarschijnlijk is .?~all.? bedoeld\./);
    const json = JSON.parse((await spfkit('explain', 'v=spf1 mx ~al', '--json')).stdout) as { issues: Array<{ suggestion?: string }> };
    assert.equal(json.issues[0]?.suggestion, '~all');
    const none = await spfkit('explain', 'v=spf1 foo -all');
    assert.doesNotMatch(none.stdout, /was meant/);
  });
});
