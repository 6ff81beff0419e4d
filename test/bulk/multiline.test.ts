/**
 * `spfkit bulk` on a spreadsheet export whose notes column has line breaks (RFC 4180 §2.6,
 * issue 17.14): every customer is checked, on the line its row starts, and a stray quote
 * costs one row, not the rows after it. Through the CLI on a zone file, plus the reader.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_RECORD_LINES, type Row, readCustomerRows, splitLines } from '../../src/bulk/csv.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/run.ts';
import { ZONE_OBJECT } from './fixtures.ts';

let dir = '';
let zoneFile = '';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'spfkit-bulk-ml-'));
  zoneFile = join(dir, 'zone.json');
  writeFileSync(zoneFile, JSON.stringify({ zone: ZONE_OBJECT }));
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function bulk(input: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const path = join(dir, `in-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, input);
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTty: false, env: {} };
  const code = await run(['bulk', path, '--provider', 'blueinkt', '--zone', zoneFile, ...args], io);
  return { code, out, err };
}

interface Line {
  line: number;
  input: string;
  situation: string;
  cause?: string;
  result?: string;
}
const rowsOf = (out: string): Line[] => out.trim().split('\n').map((l) => JSON.parse(l) as Line);

async function collect(rows: AsyncIterable<Row>): Promise<Row[]> {
  const out: Row[] = [];
  for await (const row of rows) out.push(row);
  return out;
}
const read = (text: string): Promise<Row[]> => collect(readCustomerRows(splitLines([text])));

describe('bulk CSV with line breaks in quoted fields (issue 17.14)', () => {
  it('checks the address on a row whose notes cell spans lines (Excel export: CRLF, LF inside the cell)', async () => {
    const csv = ['Name;Email;Notes', 'Klant;info@klant.nl;"called 3 May\nasked about SPF"', 'Eneco;fm_eib_verkoop_midden@eneco.com;"line one\r\n\r\nline three; with ""quotes"""', 'Example;info@example.com;plain', ''].join('\r\n');
    const { code, out } = await bulk(csv);
    assert.equal(code, 0);
    const rows = rowsOf(out);
    assert.deepEqual(
      rows.map((r) => [r.line, r.input, r.situation]),
      [
        [2, 'info@klant.nl', 'none'],
        [4, 'fm_eib_verkoop_midden@eneco.com', 'authorised'],
        [7, 'info@example.com', 'not-authorised'],
      ],
    );
  });

  it('the value cell itself may span lines (then it is not an address, and says so), and the rows after it are read', async () => {
    const rows = await read('email,note\n"info@\nklant.nl",x\ninfo@example.com,y\n');
    assert.deepEqual(rows, [
      { line: 2, input: 'info@\nklant.nl' },
      { line: 4, input: 'info@example.com' },
    ]);
  });

  it('a quote that is never closed costs its own row only', async () => {
    const csv = ['email;note', 'info@klant.nl;"forgot to close', 'info@example.com;ok', 'fm_eib_verkoop_midden@eneco.com;"closed"', ''].join('\n');
    const rows = rowsOf((await bulk(csv)).out);
    assert.deepEqual(
      rows.map((r) => [r.line, r.situation, r.cause]),
      [
        [2, 'invalid', 'unclosed-quote'],
        [3, 'not-authorised', undefined],
        [4, 'authorised', undefined],
      ],
    );
  });

  it('a record that closes but does not read cleanly is one bad row, and its lines are read again', async () => {
    // Line 2 opens a quote; line 3's quote closes it, followed by text: not one record.
    const rows = await read('email;note\ninfo@klant.nl;"open\ninfo@example.com;"x" y\nfm_eib_verkoop_midden@eneco.com;z\n');
    assert.deepEqual(rows, [
      { line: 2, input: 'info@klant.nl;"open', problem: 'unclosed-quote' },
      { line: 3, input: 'info@example.com;"x" y', problem: 'text-after-quote' },
      { line: 4, input: 'fm_eib_verkoop_midden@eneco.com' },
    ]);
  });

  it(`a record spans at most ${MAX_RECORD_LINES} lines`, async () => {
    const inside = Array.from({ length: MAX_RECORD_LINES }, (_, i) => `note ${i}`);
    const fits = await read(['email,note', `info@klant.nl,"${inside.join('\n')}"`, 'info@example.com,'].join('\n'));
    assert.deepEqual(fits, [
      { line: 2, input: 'info@klant.nl' },
      { line: 2 + MAX_RECORD_LINES, input: 'info@example.com' },
    ]);
    const tooLong = await read(['email', `"info@klant.nl${'\nx'.repeat(MAX_RECORD_LINES)}"`, 'info@example.com'].join('\n'));
    assert.deepEqual(tooLong[0], { line: 2, input: '"info@klant.nl', problem: 'unclosed-quote' });
    assert.deepEqual(tooLong.at(-1), { line: 3 + MAX_RECORD_LINES, input: 'info@example.com' });
  });

  it('a comment line with a quote does not start a record', async () => {
    assert.deepEqual(await read('# don"t\nemail\ninfo@klant.nl\n'), [{ line: 3, input: 'info@klant.nl' }]);
  });

  it('--resume on a CSV report whose input cell holds a line break checks nothing twice', async () => {
    const report = join(dir, 'ml-report.csv');
    const csv = 'email,note\n"info@\nklant.nl",x\ninfo@example.com,"a\nb"\n';
    const first = await bulk(csv, '--out', report, '--json');
    assert.equal(first.code, 0);
    const text = readFileSync(report, 'utf8');
    assert.match(text, /\r\n2,"info@\nklant\.nl",/);
    const again = await bulk(csv, '--out', report, '--json', '--resume');
    assert.deepEqual(((JSON.parse(again.out) as { checked: number; skipped: number }) ?? {}).skipped, 2);
    assert.equal(readFileSync(report, 'utf8'), text);
  });
});
