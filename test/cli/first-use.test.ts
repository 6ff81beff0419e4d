/**
 * Issue 16.4 through the command line — as a child process where the environment is the point
 * (main.ts hands the process's locale to the commands), in-process otherwise: the terminal's
 * locale (LC_ALL, LC_MESSAGES, LANG — POSIX precedence) picks the language of every command
 * when `--lang` is absent; `explain ""` is a usage error; `add --policy` without a domain does
 * not offer placeholder names as a record to publish.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { formatRequest } from '../../src/policyd/protocol.ts';
import { spawnSpfkit, spfkitIn } from '../support/cli.ts';

const ZONE = 'examples/seeds.yaml';
const NL = { LANG: 'nl_NL.UTF-8' };

describe('spfkit follows the locale when --lang is absent', () => {
  let dir = '';
  let customers = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spfkit-locale-'));
    customers = join(dir, 'customers.csv');
    await writeFile(customers, 'email\ninfo@klant.nl\n');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('check with LANG=nl_NL.UTF-8 answers in Dutch; with no locale in English', async () => {
    const args = ['check', '--ip', '212.83.209.204', '--sender', 'me@mydomain.nl', '--zone', ZONE];
    const nl = await spawnSpfkit(args, { env: NL });
    assert.equal(nl.code, 1, nl.stderr);
    assert.match(nl.stdout, /^Resultaat: softfail$/m);
    const en = await spawnSpfkit(args);
    assert.match(en.stdout, /^Result: +softfail$/m);
  });

  it('explain, audit, add and bulk with LANG=nl_NL.UTF-8 answer in Dutch', async () => {
    const explain = await spfkitIn(NL, 'explain', 'v=spf1 -all');
    assert.match(explain.stdout, /^Geen syntaxproblemen\.$/m, explain.stdout);
    const audit = await spfkitIn(NL, 'audit', 'byteklant.nl', '--zone', ZONE);
    assert.match(audit.stdout, /^Controle van byteklant\.nl: cijfer [A-F]$/m, audit.stdout);
    const add = await spfkitIn(NL, 'add', 'klant.nl', '--provider', 'coachview', '--zone', ZONE);
    assert.match(add.stdout, /^Verzender: +include:spf\.coachview\.net/m, add.stdout);
    const bulk = await spfkitIn(NL, 'bulk', customers, '--provider', 'coachview', '--zone', ZONE);
    assert.equal(bulk.code, 0, bulk.stderr);
    assert.match(bulk.stdout, /"reason":"Geen SPF-record/, bulk.stdout);
  });

  it('help and usage errors follow the locale too (spfkit --help, check --help, a missing --ip)', async () => {
    const main = await spfkitIn(NL, '--help');
    assert.match(main.stdout, /^Gebruik: spfkit <opdracht>/);
    const help = await spfkitIn(NL, 'check', '--help');
    assert.match(help.stdout, /^Gebruik: spfkit check/);
    const error = await spfkitIn(NL, 'check', '--sender', 'me@mydomain.nl');
    assert.equal(error.code, 2);
    assert.equal(error.stderr, 'spfkit check: --ip is verplicht (het adres van de verzendende server)\n');
  });

  it('POSIX precedence: LC_ALL over LC_MESSAGES over LANG; an empty variable does not count; --lang wins over all', async () => {
    const explain = (env: Record<string, string>, ...extra: string[]) => spfkitIn(env, 'explain', 'v=spf1 -all', ...extra);
    const dutch = /^Geen syntaxproblemen\.$/m;
    const english = /^No syntax problems\.$/m;
    assert.match((await explain({ LC_ALL: 'C', LANG: 'nl_NL.UTF-8' })).stdout, english);
    assert.match((await explain({ LC_MESSAGES: 'nl_BE.UTF-8', LANG: 'en_US.UTF-8' })).stdout, dutch);
    assert.match((await explain({ LC_ALL: '', LC_MESSAGES: 'nl', LANG: 'C' })).stdout, dutch);
    assert.match((await explain({ LC_ALL: 'nl_NL.UTF-8', LC_MESSAGES: 'en_GB.UTF-8' })).stdout, dutch);
    assert.match((await explain({ LANG: 'de_DE.UTF-8' })).stdout, english);
    assert.match((await explain(NL, '--lang', 'en')).stdout, english);
  });

  it('policyd: the operator\'s words follow the locale, the words sent with mail only --lang / the config', async () => {
    const config = await spfkitIn(NL, 'policyd', '--check-config', '--set', 'HELO_reject = Fail');
    assert.equal(config.code, 0, config.stderr);
    assert.equal(config.stdout, '--set: configuratie in orde (1 instelling gezet)\n');
    const zone = join(dir, 'zone.yaml');
    await writeFile(zone, 'zone:\n  sluit-uit.nl: [{TXT: "v=spf1 ip4:192.0.2.0/24 -all"}]\n');
    const request = formatRequest({ request: 'smtpd_access_policy', protocol_state: 'RCPT', client_address: '5.255.64.53', helo_name: 'smtp1.blueinkt.com', sender: 'info@sluit-uit.nl' });
    const served = await spawnSpfkit(['policyd', '--zone', zone, '--receiver', 'mx.test'], { env: NL, input: request });
    assert.equal(served.code, 0, served.stderr);
    assert.match(served.stdout, /^action=550 5\.7\.23 SPF fail: the domain of info@sluit-uit\.nl does not authorise 5\.255\.64\.53/);
  });
});

describe('spfkit explain ""', () => {
  it('is a usage error (exit 2, one line on stderr, nothing on stdout), as check --policy "" is', async () => {
    for (const [i, record] of ['', '   '].entries()) {
      const r = i === 0 ? await spawnSpfkit(['explain', record]) : await spfkitIn({}, 'explain', record);
      assert.equal(r.code, 2, JSON.stringify(record));
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, 'spfkit explain: the record is empty: give the SPF record in quotes, spfkit explain "v=spf1 … -all", or --domain <domain>\n');
    }
    const nl = await spfkitIn(NL, 'explain', '');
    assert.equal(nl.code, 2);
    assert.match(nl.stderr, /^spfkit explain: het record is leeg: /);
  });
});

describe('spfkit add --policy without a domain', () => {
  // 40 ranges: 682 bytes, over the 450 of RFC 7208 §3.4, so the plan needs sub-records.
  const long = `v=spf1 ${Array.from({ length: 40 }, (_, i) => `ip4:10.0.${i + 1}.0/24`).join(' ')} ~all`;

  it('a record that needs sub-records asks for the domain (exit 2) instead of proposing include:_spf.example.invalid', async () => {
    const r = await spawnSpfkit(['add', '--policy', long, '--ip4', '192.0.2.9', '--zone', ZONE]);
    assert.equal(r.code, 2, r.stdout);
    assert.equal(r.stdout, '');
    assert.doesNotMatch(r.stderr, /example\.invalid/);
    assert.equal(r.stderr.split('\n').length, 2, r.stderr);
    assert.match(r.stderr, /^spfkit add: the record would be over the 450 bytes that fit \(RFC 7208 §3\.4\), so part of it must move to sub-records named under the domain \(_spf\.<domain>\): give the domain, spfkit add <domain> --policy "…"$/m);
    const json = await spfkitIn({}, 'add', '--policy', long, '--ip4', '192.0.2.9', '--zone', ZONE, '--json');
    assert.equal(json.code, 2);
    assert.doesNotMatch(json.stdout, /example\.invalid/);
  });

  it('with the domain, the same record gets sub-records under it, verified', async () => {
    const r = await spfkitIn({}, 'add', 'klant.nl', '--policy', long, '--ip4', '192.0.2.9', '--zone', ZONE);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^ {2}Sub-record _spf\.klant\.nl:$/m);
    assert.match(r.stdout, /^Verification: passed$/m);
    assert.doesNotMatch(r.stdout, /example\.invalid/);
  });

  it('a short record is still planned without a domain, published at "@", and the warning names no sub-records', async () => {
    const r = await spfkitIn({}, 'add', '--policy', 'v=spf1 include:spf.protection.outlook.com', '--a', 'smtp1.blueinkt.com', '--zone', ZONE);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^ {2}Zone file: +@ 3600 IN TXT "v=spf1 include:spf\.protection\.outlook\.com a:smtp1\.blueinkt\.com ~all"$/m);
    assert.doesNotMatch(r.stdout, /include:_spf/);
    assert.match(r.stdout, /No domain given: "a" and "mx" without a name were tested against example\.invalid, a name that does not exist/);
  });
});
