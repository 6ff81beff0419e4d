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
    assert.match(r.stdout, /Kolom 12: `1\.2\.3` is geen geldig IP-adres\.\n {4}v=spf1 ip4:1\.2\.3 -all\n {15}\^{5}/);
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
    assert.match(r.stdout, /`1\.2\.3` is not a valid IP address/);
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
    assert.match(r.stdout, /\nReden: Het SPF-record van example\.com noemt 5\.255\.64\.53 niet en eindigt op `-all`/);
    assert.match(r.stdout, /\nAdvies: .*`a:smtp1\.blueinkt\.com`.*vóór `-all`\./);
  });
});
