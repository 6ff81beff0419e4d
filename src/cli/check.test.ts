// `spfkit check` end to end through the dispatcher: output, --json, exit codes, and every kind
// of bad input as one line (in the --lang asked for) with exit code 2.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { spfkit, zoneFileFixture } from '../../test/support/cli.ts';
import { langInArgs } from './run.ts';

const ZONE = `zone:
  mydomain.nl: [{TXT: "v=spf1 include:spf.coachview.net ~all"}]
  spf.coachview.net: [{TXT: "v=spf1 ip4:212.83.209.0/24 -all"}]
  strikt.nl: [{TXT: "v=spf1 -all exp=uitleg.strikt.nl"}]
  uitleg.strikt.nl: [{TXT: "%{i} mag niet namens %{d} verzenden"}]
  mail.hoster.nl: [{TXT: "v=spf1 a -all"}, {A: "192.0.2.25"}]
  zonder-uitleg.nl: [{TXT: "v=spf1 -all exp=weg.zonder-uitleg.nl"}]
  kapot-include.nl: [{TXT: "v=spf1 include:kapot.nl -all"}]
  kapot.nl: [{TXT: "v=spf1 ip4:1.2.3 -all"}]
`;

/** One line on stderr, naming the command, with no stack trace. */
function assertOneLine(stderr: string, pattern: RegExp): void {
  assert.match(stderr, /^spfkit check: [^\n]+\n$/, stderr);
  assert.match(stderr, pattern);
  assert.doesNotMatch(stderr, /\n\s+at |\.ts:\d+/);
}

describe('spfkit check', () => {
  const fixture = zoneFileFixture(ZONE);

  it('prints the result, the reason and the tree; exit 0 on pass', async () => {
    const r = await spfkit('check', '--ip', '212.83.209.204', '--sender', 'me@mydomain.nl', '--zone', fixture.path);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Result: {2}pass\n/);
    assert.match(r.stdout, /\nReason: /);
    assert.match(r.stdout, /\n└─ include:spf\.coachview\.net {2}◀ decided the result\n/);
    assert.match(r.stdout, /\n {3}└─ ip4:212\.83\.209\.0\/24 {2}\(matched\)\n/);
  });

  it('exits 1 for any other result, with the exp= text when one applied', async () => {
    const r = await spfkit('check', '--ip', '192.0.2.1', '--sender', 'info@strikt.nl', '--zone', fixture.path);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^Result: {2}fail\n/);
    assert.match(r.stdout, /Explanation published by the domain \(exp=\): 192\.0\.2\.1 mag niet namens strikt\.nl verzenden/);
  });

  it('--json prints the whole result as data', async () => {
    const r = await spfkit('check', '--ip', '192.0.2.1', '--sender', 'info@strikt.nl', '--zone', fixture.path, '--json');
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    assert.equal(json.result, 'fail');
    assert.equal(json.domain, 'strikt.nl');
    assert.equal(json.explanation, '192.0.2.1 mag niet namens strikt.nl verzenden');
    for (const key of ['matched', 'trace', 'lookups', 'problems']) assert.ok(key in json, key);
    const pass = JSON.parse((await spfkit('check', '--ip', '212.83.209.204', '--sender', 'me@mydomain.nl', '--zone', fixture.path, '--json')).stdout) as Record<string, unknown>;
    assert.equal(pass.result, 'pass');
    assert.equal('explanation' in pass, false);
  });

  it('checks the HELO identity when the sender is empty', async () => {
    const r = await spfkit('check', '--ip', '192.0.2.25', '--sender', '', '--helo', 'mail.hoster.nl', '--zone', fixture.path, '--json');
    assert.equal(r.code, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as { result: string }).result, 'pass');
  });

  it('warns that a 5 791-character candidate cannot be published, as add and audit do (issue 10.11)', async () => {
    let policy = 'v=spf1 include:spf.coachview.net';
    for (let i = 0; policy.length + 25 <= 5791; i++) policy += ` ip4:10.${i >> 8}.${i & 255}.0/24`;
    policy += ' ~all';
    const r = await spfkit('check', '--ip', '212.83.209.204', '--sender', 'me@strikt.nl', '--policy', policy, '--zone', fixture.path);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Result: {2}pass\n/);
    assert.match(r.stdout, new RegExp(`Candidate record for strikt\\.nl: Cannot be published like this: the record is ${policy.length} bytes, over the 450`));
    assert.match(r.stdout, /Candidate record for strikt\.nl: The record is \d+ bytes and a TXT string holds at most 255 .*split into \d+ strings/);
    const nl = await spfkit('check', '--ip', '212.83.209.204', '--sender', 'me@strikt.nl', '--policy', policy, '--zone', fixture.path, '--lang', 'nl');
    assert.match(nl.stdout, /Kandidaat-record voor strikt\.nl: Zo niet te publiceren/);
    const short = await spfkit('check', '--ip', '212.83.209.204', '--sender', 'me@strikt.nl', '--policy', 'v=spf1 include:spf.coachview.net -all', '--zone', fixture.path);
    assert.doesNotMatch(short.stdout, /Candidate record for/);
  });

  it('prints the problems met along the way in the --lang asked for (issue 9.2)', async () => {
    const exp = await spfkit('check', '--ip', '192.0.2.1', '--sender', 'info@zonder-uitleg.nl', '--zone', fixture.path, '--lang', 'nl');
    assert.equal(exp.code, 1, exp.stderr);
    assert.match(exp.stdout, /\nProbleem bij zonder-uitleg\.nl: geen TXT-record met uitleg op weg\.zonder-uitleg\.nl \(nxdomain\)\n/);
    const syntax = await spfkit('check', '--ip', '192.0.2.1', '--sender', 'info@kapot-include.nl', '--zone', fixture.path, '--lang', 'nl');
    assert.match(syntax.stdout, /\nProbleem bij kapot\.nl: 1\.2\.3 is geen geldig IP-adres\n/);
    const en = await spfkit('check', '--ip', '192.0.2.1', '--sender', 'info@kapot-include.nl', '--zone', fixture.path);
    assert.match(en.stdout, /\nProblem at kapot\.nl: 1\.2\.3 is not a valid IP address\n/);
  });

  it('tests a candidate policy and overrides without DNS changes', async () => {
    const policy = await spfkit('check', '--ip', '212.83.209.204', '--sender', 'me@strikt.nl', '--policy', 'v=spf1 include:spf.coachview.net -all', '--zone', fixture.path);
    assert.equal(policy.code, 0);
    assert.match(policy.stdout, /Candidate records used for: strikt\.nl/);
    const override = await spfkit('check', '--ip', '198.51.100.7', '--sender', 'me@mydomain.nl', '--override', 'spf.coachview.net=v=spf1 ip4:198.51.100.0/24 -all', '--zone', fixture.path);
    assert.equal(override.code, 0, override.stdout);
  });

  it('rejects bad input in one line with exit 2', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--ip', '1.2.3', '--sender', 'me@mydomain.nl'], /"1\.2\.3" is not an IPv4 or IPv6 address/],
      [['--ip', '1.2.3.4', '--sender', 'me'], /sender "me" has no domain/],
      [['--ip', '1.2.3.4', '--sender', 'me@'], /sender "me@" has no domain/],
      [['--ip', '1.2.3.4', '--sender', ''], /a HELO name is needed/],
      [['--ip', '1.2.3.4', '--sender', 'me@mydomain.nl', '--policy', 'include:spf.coachview.net -all'], /--policy "include:spf\.coachview\.net -all" is not an SPF record/],
      [['--ip', '1.2.3.4', '--sender', 'me@mydomain.nl', '--override', 'nothing'], /--override needs <domain>=<record>/],
      [['--sender', 'me@mydomain.nl'], /--ip is required/],
      [['--ip', '1.2.3.4'], /--sender is required/],
      [['--ip', '1.2.3.4', '--sender', 'me@mydomain.nl', '--timeout', 'soon'], /--timeout must be a whole number/],
      [['--ip', '1.2.3.4', '--sender', 'me@mydomain.nl', '--dns', 'not a server'], /^spfkit check: --dns not a server: /],
      [['--ip', '1.2.3.4', '--sender', 'me@mydomain.nl', '--zone', join('/nonexistent', 'zone.yaml')], /cannot read zone file .*: there is no such file$/m],
      [['--ip', '1.2.3.4', '--sender', 'me@mydomain.nl', '--colour'], /unknown option --colour \(see --help\)/],
      [['--ip', '--sender', 'me@mydomain.nl'], /option --ip needs a value/],
      [['--ip', '1.2.3.4', '--sender', 'me@mydomain.nl', 'extra'], /unexpected argument "extra"/],
      [['--ip', '1.2.3.4', '--sender', 'me@mydomain.nl', '--lang', 'de'], /--lang must be en or nl, got "de"/],
    ];
    for (const [args, pattern] of cases) {
      const r = await spfkit('check', ...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.equal(r.stdout, '');
      assertOneLine(r.stderr, pattern);
    }
  });

  it('words usage errors in the --lang of the command line, even when it does not parse', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--ip', '1.2.3', '--sender', 'me@mydomain.nl', '--lang', 'nl'], /"1\.2\.3" is geen IPv4- of IPv6-adres/],
      [['--lang=nl', '--ip', '1.2.3.4', '--sender', 'me'], /afzender "me" heeft geen domein/],
      [['--lang', 'nl', '--ip', '1.2.3.4', '--sender', 'me@mydomain.nl', '--colour'], /onbekende optie --colour/],
      [['--lang', 'nl', '--ip'], /optie --ip heeft een waarde nodig/],
      [['--lang', 'nl', '--sender', 'me@mydomain.nl'], /--ip is verplicht/],
      [['--lang', 'nl', '--ip', '1.2.3.4', '--sender', 'me@mydomain.nl', '--policy', 'include:x.nl -all'], /is geen SPF-record/],
    ];
    for (const [args, pattern] of cases) {
      const r = await spfkit('check', ...args);
      assert.equal(r.code, 2, args.join(' '));
      assertOneLine(r.stderr, pattern);
    }
    const unknown = await spfkit('chek', '--lang', 'nl');
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, 'spfkit: onbekende opdracht "chek" (probeer "spfkit --help")\n');
  });

  it('ends an unreachable DNS server as temperror within the timeout, exit 1', async () => {
    const started = performance.now();
    const r = await spfkit('check', '--ip', '1.2.3.4', '--sender', 'me@mydomain.nl', '--dns', '127.0.0.1:1', '--timeout', '300', '--json');
    assert.equal(r.code, 1);
    assert.equal((JSON.parse(r.stdout) as { result: string }).result, 'temperror');
    assert.ok(performance.now() - started < 10_000, 'no hang');
  });
});

describe('help', () => {
  it('prints every command with its line, in English or with --lang nl in Dutch', async () => {
    const en = await spfkit('--help');
    assert.equal(en.code, 0);
    for (const name of ['check', 'add', 'explain', 'audit', 'bulk']) assert.match(en.stdout, new RegExp(`\\n  ${name} +\\S`));
    assert.match(en.stdout, /^Usage: spfkit <command>/);
    const nl = await spfkit('--help', '--lang', 'nl');
    assert.match(nl.stdout, /^Gebruik: spfkit <opdracht>/);
    assert.match(nl.stdout, /\n {2}check {6}het SPF-beleid controleren/);
    assert.equal((await spfkit()).code, 2, 'no command at all is a usage error, with the help');
  });

  it("prints a command's options with its DNS options, in the --lang given (English for an unknown one)", async () => {
    const en = await spfkit('check', '--help');
    assert.equal(en.code, 0);
    assert.match(en.stdout, /^Usage: spfkit check --ip <ip> --sender <address>/);
    assert.match(en.stdout, /\nDNS options:\n {2}--dns <server\[:port\]>/);
    const nl = await spfkit('audit', '--help', '--lang', 'nl');
    assert.match(nl.stdout, /^Gebruik: spfkit audit <domein>/);
    assert.match(nl.stdout, /\nDNS-opties:\n/);
    assert.match((await spfkit('bulk', '-h', '--lang', 'de')).stdout, /^Usage: spfkit bulk/);
  });
});

describe('langInArgs', () => {
  it('finds --lang in either form, and falls back to English', () => {
    assert.equal(langInArgs(['--ip', '1.2.3.4', '--lang', 'nl']), 'nl');
    assert.equal(langInArgs(['--lang=nl']), 'nl');
    assert.equal(langInArgs(['--lang', 'de']), 'en');
    assert.equal(langInArgs(['--lang']), 'en');
    assert.equal(langInArgs(['--', '--lang', 'nl']), 'en');
    assert.equal(langInArgs([]), 'en');
  });
});
