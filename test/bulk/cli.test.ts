/** `spfkit bulk` in-process on a zone file: formats, summary, resume, usage errors. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/run.ts';
import { CUSTOMERS_CSV, EXPECTED, ZONE_OBJECT } from './fixtures.ts';

let dir = '';
let zoneFile = '';
let customers = '';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'spfkit-bulk-'));
  zoneFile = join(dir, 'zone.json');
  writeFileSync(zoneFile, JSON.stringify({ zone: ZONE_OBJECT }));
  customers = join(dir, 'customers.csv');
  writeFileSync(customers, CUSTOMERS_CSV);
});

after(() => rmSync(dir, { recursive: true, force: true }));

async function spfkit(args: string[], isTty = false): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTty, env: {} };
  const code = await run(['bulk', ...args, '--zone', zoneFile], io);
  return { code, out, err };
}

const jsonLines = (text: string): Array<Record<string, unknown>> => text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('spfkit bulk', () => {
  it('JSON Lines on stdout, one per customer, and the summary on stderr', async () => {
    const { code, out, err } = await spfkit([customers, '--provider', 'blueinkt']);
    assert.equal(code, 0);
    const rows = jsonLines(out);
    assert.deepEqual(rows.map((r) => r.line).sort((a, b) => Number(a) - Number(b)), [...EXPECTED.keys()]);
    for (const r of rows) assert.equal(r.situation, EXPECTED.get(Number(r.line))?.[0]);
    assert.match(err, /Checked 9 customers in/);
    assert.match(err, /\n {2}none +1\n {2}not-authorised +1\n {2}authorised +1\n {2}broken +1\n {2}invalid +5\n {2}total +9\n/);
  });

  it('--out report.csv: a header and one row per customer; --json puts the summary on stdout', async () => {
    const report = join(dir, 'report.csv');
    const { code, out, err } = await spfkit([customers, '--a', 'smtp1.blueinkt.com', '--test-ip', '5.255.64.53', '--out', report, '--json', '--concurrency', '2']);
    assert.equal(code, 0);
    assert.equal(err, '');
    const summary = JSON.parse(out) as { checked: number; skipped: number; situations: Record<string, number>; format: string };
    assert.deepEqual([summary.checked, summary.skipped, summary.situations.invalid, summary.format], [9, 0, 5, 'csv']);
    const lines = readFileSync(report, 'utf8').split('\r\n');
    assert.equal(lines[0], 'line,input,domain,situation,reason,by,recordToPublish,result,cause');
    assert.equal(lines.length, 1 + 9 + 1);
    assert.ok(lines.includes("6,fm_eib_verkoop_midden@eneco.com,eneco.com,authorised,Authorised by a:smtp1.blueinkt.com.,a:smtp1.blueinkt.com,,pass,"));
  });

  it('draws a progress line on a terminal, in the --lang asked for, and clears it', async () => {
    for (const [lang, words] of [['en', /\d+% · \d+ checked · \d+\/s/], ['nl', /\d+% · \d+ gecontroleerd · \d+\/s/]] as const) {
      const { code, err } = await spfkit([customers, '--provider', 'blueinkt', '--out', join(dir, `progress-${lang}.jsonl`), '--lang', lang], true);
      assert.equal(code, 0);
      assert.match(err, /^\r\[[#.]{24}\] /);
      assert.match(err, words);
      assert.ok(err.includes('\r\x1b[K'), 'the line is cleared before the summary');
    }
  });

  it('--lang nl: Dutch reasons and summary labels; situation and cause stay codes', async () => {
    const { code, out, err } = await spfkit([customers, '--provider', 'blueinkt', '--lang', 'nl']);
    assert.equal(code, 0);
    const rows = new Map(jsonLines(out).map((r) => [Number(r.line), r]));
    for (const [line, r] of rows) assert.equal(r.situation, EXPECTED.get(line)?.[0]);
    assert.equal(rows.get(3)?.reason, 'Geen SPF-record: ontvangers beslissen op andere gronden. Publiceer het nieuwe record van deze regel: de dienst, en ~all voor de rest (noem de andere verzenders, dan -all).');
    assert.equal(rows.get(4)?.reason, 'Het record geeft fail voor de dienst (door -all): publiceer het nieuwe record van deze regel.');
    assert.equal(rows.get(6)?.reason, 'Geautoriseerd door a:smtp1.blueinkt.com.');
    assert.match(String(rows.get(7)?.reason), /^Het record eindigt in permerror: een include verwijst naar een domein zonder SPF-record \(§5\.2\)\./);
    assert.equal(rows.get(7)?.cause, 'include-none');
    assert.equal(rows.get(9)?.reason, 'Lege waarde: geen adres of domein om te controleren.');
    assert.equal(rows.get(9)?.cause, 'empty');
    assert.match(err, /^9 klanten gecontroleerd in \d+,\d s/);
    assert.match(err, /\n {2}geen beleid \(none\) +1\n(.|\n)* {2}ongeldig \(invalid\) +5\n {2}totaal +9\n/);
    const bad = await spfkit([customers, '--provider', 'blueinkt', '--lang', 'fr']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--lang must be en or nl/);
  });

  it('--resume skips rows already reported, cuts a torn last line, and leaves each row once', async () => {
    const report = join(dir, 'resume.jsonl');
    // A run that stopped after lines 3 and 7, killed while writing line 4.
    writeFileSync(report, '{"line":3,"input":"info@klant.nl","domain":"klant.nl","situation":"none","reason":"from the first run"}\n{"line":7,"input":"info@broken.nl","domain":"broken.nl","situation":"broken","reason":"from the first run"}\n{"line":4,"inpu');
    const { code, err } = await spfkit([customers, '--provider', 'blueinkt', '--out', report, '--resume']);
    assert.equal(code, 0);
    assert.match(err, /skipped \(resume\) +2/);
    const rows = jsonLines(readFileSync(report, 'utf8'));
    assert.deepEqual(rows.map((r) => r.line).sort((a, b) => Number(a) - Number(b)), [...EXPECTED.keys()]);
    assert.deepEqual(rows.slice(0, 2).map((r) => r.reason), ['from the first run', 'from the first run']);
    // Nothing left to do: a second resume checks nothing and changes nothing.
    const before = readFileSync(report, 'utf8');
    const again = await spfkit([customers, '--provider', 'blueinkt', '--out', report, '--resume', '--json']);
    assert.equal(JSON.parse(again.out).checked, 0);
    assert.equal(readFileSync(report, 'utf8'), before);
  });

  it('--resume on a CSV report appends without a second header; a missing report starts fresh', async () => {
    const report = join(dir, 'resume.csv');
    rmSync(report, { force: true });
    await spfkit([customers, '--provider', 'blueinkt', '--out', report, '--resume']);
    const first = readFileSync(report, 'utf8').split('\r\n');
    writeFileSync(report, first.slice(0, 4).join('\r\n') + '\r\n');
    const { err } = await spfkit([customers, '--provider', 'blueinkt', '--out', report, '--resume']);
    assert.match(err, /skipped \(resume\) +3/);
    const lines = readFileSync(report, 'utf8').trim().split('\r\n');
    assert.equal(lines.filter((l) => l.startsWith('line,')).length, 1);
    assert.deepEqual(lines.slice(1).map((l) => Number(l.split(',')[0])).sort((a, b) => a - b), [...EXPECTED.keys()]);
  });

  it('a progress line on a terminal only, cleared before the summary', async () => {
    const report = join(dir, 'tty.jsonl');
    const tty = await spfkit([customers, '--provider', 'blueinkt', '--out', report], true);
    // ESC [ K (erase to end of line) written as text: the regex stays free of control characters.
    const plain = tty.err.replaceAll('\u001b[K', '<EL>');
    assert.match(plain, /^(\r\[[#.]{24}\] \d+% · \d+ checked · \d+\/s.*?<EL>)+\r<EL>Checked 9/);
    const pipe = await spfkit([customers, '--provider', 'blueinkt', '--out', report], false);
    assert.doesNotMatch(pipe.err, /\r/);
  });

  const usage: Array<[string, string[], RegExp]> = [
    ['no file', ['--provider', 'blueinkt'], /give the customer file/],
    ['no service', ['FILE'], /say which sender: --provider/],
    ['two services', ['FILE', '--provider', 'blueinkt', '--include', 'x.nl'], /one sender at a time, got --provider, --include/],
    ['unknown provider', ['FILE', '--provider', 'nope'], /unknown provider "nope"/],
    ['bad mechanism', ['FILE', '--include', ''], /not a usable mechanism/],
    ['bad test ip', ['FILE', '--a', 'smtp1.blueinkt.com', '--test-ip', '5.255'], /not an IPv4 or IPv6 address/],
    ['bad concurrency', ['FILE', '--provider', 'blueinkt', '--concurrency', '0'], /--concurrency must be/],
    ['bad report name', ['FILE', '--provider', 'blueinkt', '--out', 'r.txt'], /--out must end in/],
    ['resume without out', ['FILE', '--provider', 'blueinkt', '--resume'], /--resume needs --out/],
    ['missing file', ['MISSING', '--provider', 'blueinkt'], /cannot read .*ENOENT/],
    ['no customer column', ['HEADER', '--provider', 'blueinkt'], /none is named email/],
  ];
  for (const [name, args, message] of usage) {
    it(`exit 2: ${name}`, async () => {
      const header = join(dir, 'header.csv');
      writeFileSync(header, 'name,phone\nJan,06\n');
      const resolved = args.map((a) => (a === 'FILE' ? customers : a === 'MISSING' ? join(dir, 'missing.csv') : a === 'HEADER' ? header : a));
      const { code, err } = await spfkit(resolved);
      assert.equal(code, 2);
      assert.match(err, message);
      assert.doesNotMatch(err, /unexpected error|\n {4}at /);
    });
  }

  it('is listed in spfkit --help', async () => {
    let out = '';
    await run(['--help'], { stdout: (t) => (out += t), stderr: () => {}, isTty: false, env: {} });
    assert.match(out, /bulk +check a service's customer list/);
  });
});
