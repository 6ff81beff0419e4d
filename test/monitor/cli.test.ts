/**
 * `spfkit monitor` as a user runs it: the CLI spawned as a process, on a real SQLite file in
 * a temporary data folder, checking against a loopback DNS server whose zone the test edits
 * between checks. Import with garbage rows (per-row errors, the rest imported), list with
 * filter / search / paging, check (exit 1 when a domain needs action, events on a change,
 * a timeout is could-not-check), events, export (CSV, JSONL), API tokens kept hashed.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zoneFromObject } from '../../src/dns/zone.ts';
import { type DnsServer, startDnsServer } from '../support/dns-server.ts';
import { spfkit } from '../support/cli.ts';
import { CLI } from '../support/policyd.ts';

type ZoneData = Record<string, unknown[]>;

function zone(): ZoneData {
  return {
    'klant.nl': [{ TXT: 'v=spf1 mx include:spf.coachview.net -all' }, { MX: [10, 'mx.klant.nl'] }],
    'mx.klant.nl': [{ A: '192.0.2.1' }],
    'bakker.nl': [{ TXT: 'v=spf1 include:spf.protection.outlook.com -all' }],
    'zonder.nl': [{ A: '192.0.2.9' }],
    'traag.nl': ['TIMEOUT'],
    'spf.coachview.net': [{ TXT: 'v=spf1 ip4:212.83.209.0/24 -all' }],
    'spf.protection.outlook.com': [{ TXT: 'v=spf1 ip4:40.92.0.0/15 -all' }],
  };
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe('spfkit monitor (spawned CLI, SQLite file, loopback DNS)', () => {
  let dns: DnsServer;
  let dir = '';
  let data = '';

  before(async () => {
    dns = await startDnsServer(zoneFromObject(zone()));
    dir = await mkdtemp(join(tmpdir(), 'spfkit-monitor-cli-'));
    data = join(dir, 'data');
  });
  after(async () => {
    await dns.stop();
    await rm(dir, { recursive: true, force: true });
  });

  /** Spawned as a process: what a user runs. */
  function spawned(...args: string[]): Promise<Run> {
    const [node, ...pre] = CLI;
    const child = spawn(node, [...pre, 'monitor', ...args, '--data', data], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SPFKIT_DATA_DIR: '', DATABASE_URL: '', LC_ALL: 'C' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => void (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => void (stderr += c.toString()));
    return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
  }
  /** In-process (the same dispatcher, no process start-up): for the many smaller asks. */
  const monitor = (...args: string[]): Promise<Run> => spfkit('monitor', ...args, '--data', data);
  const dnsArgs = (): string[] => ['--dns', dns.address, '--timeout', '400'];

  it('imports a CSV with garbage rows: each bad row named by line and reason, the rest imported (exit 1)', async () => {
    const csv = join(dir, 'klanten.csv');
    await writeFile(
      csv,
      [
        'Domein;Services;Klant;Naam',
        'klant.nl;coachview;K-1;Bakkerij Jansen',
        'bakker.nl;coachview;K-2;Bakker de Vries',
        '"kapot.nl;coachview',
        'nope;coachview;K-4;',
        'goed.nl;coachvieuw;K-5;',
        'zonder.nl;coachview ip4:192.0.2.9;K-6;Zonder',
        '',
        'traag.nl;coachview;K-7;Traag',
        'klant.nl;byte;K-8;dubbel',
        '\u0000\u0001;;;',
      ].join('\r\n') + '\r\n',
    );
    const r = await spawned('import', csv, '--json', '--lang', 'nl');
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { added: number; updated: number; errors: Array<{ line: number; issues: Array<{ code: string; message: string }> }> };
    assert.equal(out.added, 4);
    assert.equal(out.updated, 0);
    assert.deepEqual(
      out.errors.map((e) => [e.line, e.issues.map((i) => i.code)]),
      [
        [4, ['unclosed-quote']],
        [5, ['bad-domain']],
        [6, ['unknown-provider']],
        [10, ['duplicate-domain']],
        [11, ['bad-domain', 'no-service']],
      ],
    );
    assert.match(out.errors[2]?.issues[0]?.message ?? '', /"coachvieuw" is geen bekende dienst/);

    const list = await monitor('list', '--json');
    assert.equal(list.code, 0, list.stderr);
    const page = JSON.parse(list.stdout) as { total: number; domains: Array<{ domain: string; customerId?: string; label?: string; services: unknown[] }> };
    assert.equal(page.total, 4);
    assert.deepEqual(page.domains.map((d) => d.domain), ['bakker.nl', 'klant.nl', 'traag.nl', 'zonder.nl']);
    assert.deepEqual(page.domains[3]?.services, [{ provider: 'coachview' }, { mechanism: 'ip4:192.0.2.9' }]);
    assert.equal(page.domains[1]?.label, 'Bakkerij Jansen');

    // Words, not JSON: each bad row on stderr with its line.
    const again = await monitor('import', csv);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /^line 4: Unreadable CSV line: a quote is not closed\.$/m);
    assert.match(again.stdout, /Imported: 0 added, 4 updated; 5 rows with problems not imported\./);
  });

  it('refuses a file without a domain column, and an unreadable file, with exit 2', async () => {
    const bad = join(dir, 'geen-kop.csv');
    await writeFile(bad, 'email,provider\ninfo@klant.nl,coachview\n');
    const r = await monitor('import', bad);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /the first line must name the columns, one of them "domain".*"email", "provider"/);
    const missing = await monitor('import', join(dir, 'nothing.csv'));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read .*nothing\.csv: ENOENT/);
  });

  it('checks every domain: exit 1 when one needs action; a timeout is could-not-check', async () => {
    const r = await spawned('check', '--json', ...dnsArgs());
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { checked: number; results: Array<{ domain: string; situation: string; recordToPublish?: string; events: unknown[] }> };
    assert.equal(out.checked, 4);
    const by = Object.fromEntries(out.results.map((x) => [x.domain, x]));
    assert.equal(by['klant.nl']?.situation, 'authorised');
    assert.equal(by['bakker.nl']?.situation, 'not-authorised');
    assert.equal(by['bakker.nl']?.recordToPublish, 'v=spf1 include:spf.protection.outlook.com include:spf.coachview.net -all');
    assert.equal(by['traag.nl']?.situation, 'could-not-check');
    assert.equal(by['zonder.nl']?.situation, 'none');
    // No record yet: one with both services, ~all as the Why? page advises.
    assert.equal(by['zonder.nl']?.recordToPublish, 'v=spf1 include:spf.coachview.net ip4:192.0.2.9 ~all');
    assert.ok(out.results.every((x) => x.events.length === 0), 'a first check raises nothing');

    // One domain by name, all authorised: exit 0.
    const one = await monitor('check', 'klant.nl', ...dnsArgs());
    assert.equal(one.code, 0, one.stderr);
    assert.match(one.stdout, /^klant\.nl {2}authorised {2}\(no change\)$/m);
    const unknown = await monitor('check', 'elders.nl', ...dnsArgs());
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /not watched: elders\.nl/);
  });

  it('a changed zone raises events; list filters and pages; events lists them', async () => {
    const edited = zone();
    edited['klant.nl'] = [{ TXT: 'v=spf1 include:spf.protection.outlook.com -all' }];
    dns.setZone(zoneFromObject(edited));
    try {
      const r = await spawned('check', 'klant.nl', ...dnsArgs(), '--lang', 'nl');
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stdout, /^klant\.nl {2}niet geautoriseerd {2}\(2 gebeurtenissen\)$/m);
      assert.match(r.stdout, /publiceer: v=spf1 include:spf\.protection\.outlook\.com include:spf\.coachview\.net -all/);
      assert.match(r.stdout, /situatie gewijzigd \[alarm gaat af\]: "authorised" → "not-authorised"/);
    } finally {
      dns.setZone(zoneFromObject(zone()));
    }

    const events = await monitor('events', '--domain', 'klant.nl', '--json');
    assert.equal(events.code, 0);
    assert.deepEqual((JSON.parse(events.stdout) as Array<{ kind: string }>).map((e) => e.kind).sort(), ['record-changed', 'situation-changed']);
    const alarms = await monitor('events', '--kind', 'situation-changed');
    assert.match(alarms.stdout, /klant\.nl {2}situation changed \[alarm raised\]/);

    const open = await monitor('list', '--situation', 'not-authorised', '--json');
    assert.deepEqual((JSON.parse(open.stdout) as { domains: Array<{ domain: string }> }).domains.map((d) => d.domain), ['bakker.nl', 'klant.nl']);
    const second = await monitor('list', '--limit', '2', '--offset', '2', '--json');
    const page = JSON.parse(second.stdout) as { total: number; offset: number; limit: number; domains: Array<{ domain: string }> };
    assert.deepEqual([page.total, page.offset, page.limit, page.domains.map((d) => d.domain)], [4, 2, 2, ['traag.nl', 'zonder.nl']]);
    const found = await monitor('list', '--search', 'JANSEN');
    assert.match(found.stdout, /^klant\.nl {2}not authorised/m);
    assert.match(found.stdout, /Domains 1–1 of 1\./);

    const badLimit = await monitor('list', '--limit', '0');
    assert.equal(badLimit.code, 2);
    assert.match(badLimit.stderr, /--limit must be a whole number/);
    const badSituation = await monitor('list', '--situation', 'kapot');
    assert.equal(badSituation.code, 2);
    assert.match(badSituation.stderr, /unknown situation "kapot"; use one of not-authorised/);
  });

  it('exports every domain with its latest check as CSV and JSON Lines', async () => {
    const csv = await monitor('export');
    assert.equal(csv.code, 0);
    const lines = csv.stdout.trimEnd().split('\r\n');
    assert.equal(lines[0], 'domain,customerId,label,services,situation,checkedAt,lookups,bytes,record,recordToPublish,dmarcPolicy');
    assert.equal(lines.length, 5);
    assert.match(lines[1] ?? '', /^bakker\.nl,K-2,Bakker de Vries,coachview,not-authorised,/);
    const file = join(dir, 'export.jsonl');
    const jsonl = await monitor('export', '--out', file, '--situation', 'not-authorised');
    assert.equal(jsonl.code, 0, jsonl.stderr);
    const rows = (await readFile(file, 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l) as { domain: string; recordToPublish?: string });
    assert.deepEqual(rows.map((r) => r.domain), ['bakker.nl', 'klant.nl']);
    assert.equal(rows[1]?.recordToPublish, 'v=spf1 include:spf.protection.outlook.com include:spf.coachview.net -all');
    const badFormat = await monitor('export', '--format', 'xlsx');
    assert.equal(badFormat.code, 2);
  });

  it('makes an API token shown once and keeps only its hash', async () => {
    const r = await spawned('token', 'create', '--label', 'dashboard');
    assert.equal(r.code, 0, r.stderr);
    const token = /^(spfkit_\d+_[A-Za-z0-9_-]{43})$/m.exec(r.stdout)?.[1] ?? '';
    assert.ok(token !== '', r.stdout);
    const list = await monitor('token', 'list');
    assert.match(list.stdout, /dashboard/);
    assert.doesNotMatch(list.stdout, new RegExp(token.slice(-43)));
    const db = await readFile(join(data, 'monitor.sqlite'));
    assert.ok(!db.includes(Buffer.from(token.slice(-43))), 'the secret is not in the database');
    const id = token.split('_')[1] ?? '';
    assert.equal((await monitor('token', 'revoke', id)).code, 0);
    assert.equal((await monitor('token', 'revoke', id)).code, 2);
  });
  it('what-if: a candidate record of the provider lists the customers it would affect, in words or JSON; bad input is exit 2', async () => {
    const json = await monitor('what-if', '--provider', 'coachview', '--policy', 'v=spf1 ip4:198.51.100.0/24 -all', '--json', ...dnsArgs());
    assert.equal(json.code, 1, json.stderr);
    const report = JSON.parse(json.stdout) as { checked: number; candidate: { target: string; current?: { lookups: number } }; affected: Array<{ domain: string; reasons: string[] }> };
    assert.equal(report.candidate.target, 'spf.coachview.net');
    assert.equal(report.candidate.current?.lookups, 1);
    assert.deepEqual(report.affected.map((c) => [c.domain, c.reasons]), [['klant.nl', ['stops-authorising']], ['traag.nl', ['could-not-check']]]);

    const nl = await monitor('what-if', '--provider', 'coachview', '--policy', 'v=spf1 ip4:198.51.100.0/24 -all', '--lang', 'nl', ...dnsArgs());
    assert.equal(nl.code, 1, nl.stderr);
    assert.match(nl.stdout, /^klant\.nl {2}K-1 Bakkerij Jansen\n {2}212\.83\.209\.204 zou niet meer slagen \(pass\)$/m);
    assert.match(nl.stderr, /klanten van coachview gecontroleerd; 2 zouden geraakt worden\. Er is niets gepubliceerd of opgeslagen\./);

    // The record as published today: only the customer DNS did not answer for.
    const same = await monitor('what-if', '--provider', 'coachview', '--policy', 'v=spf1 ip4:212.83.209.0/24 -all', '--json', ...dnsArgs());
    assert.deepEqual((JSON.parse(same.stdout) as typeof report).affected.map((c) => c.domain), ['traag.nl']);

    const bad = await monitor('what-if', '--provider', 'coachview', '--policy', 'v=spf1 ip4:300.0.0.1 -all', ...dnsArgs());
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /cannot evaluate: The candidate record has errors/);
    const none = await monitor('what-if', '--provider', 'coachview', ...dnsArgs());
    assert.equal(none.code, 2);
    assert.match(none.stderr, /use spfkit monitor what-if --provider <id> --policy/);
  });
});
