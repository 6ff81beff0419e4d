import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ReportRow } from '../../src/bulk/check.ts';
import { splitCsvLine, splitLines } from '../../src/bulk/csv.ts';
import { REPORT_COLUMNS, csvHeader, formatReportRow, reportFormat, reportedLines } from '../../src/bulk/report.ts';

const row: ReportRow = {
  line: 4,
  input: 'info@example.com',
  domain: 'example.com',
  situation: 'not-authorised',
  reason: 'The record gives fail for the service (by -all): publish the new record of this row.',
  by: '-all',
  recordToPublish: 'v=spf1 include:spf.protection.outlook.com a:smtp1.blueinkt.com -all',
  result: 'fail',
};

describe('report rows', () => {
  it('JSON Lines: one object per line, keys in column order, absent fields left out', () => {
    const text = formatReportRow({ reason: 'r', situation: 'none', line: 3, domain: 'klant.nl', input: 'info@klant.nl', result: 'none' }, 'jsonl');
    assert.equal(text, '{"line":3,"input":"info@klant.nl","domain":"klant.nl","situation":"none","reason":"r","result":"none"}\n');
  });

  it('CSV: RFC 4180 quoting, reads back with the same fields', () => {
    const text = formatReportRow(row, 'csv');
    assert.ok(text.endsWith('\r\n'));
    const split = splitCsvLine(text.slice(0, -2), ',');
    assert.ok(split.ok);
    assert.deepEqual(split.fields, ['4', 'info@example.com', 'example.com', 'not-authorised', row.reason, "'-all", row.recordToPublish, 'fail', '']);
    assert.equal(csvHeader(), REPORT_COLUMNS.join(',') + '\r\n');
  });

  it('CSV: a cell a spreadsheet would run as a formula is defused', () => {
    const text = formatReportRow({ line: 9, input: '=HYPERLINK("http://x","y")', domain: '', situation: 'invalid', reason: 'r', cause: 'not-an-address' }, 'csv');
    assert.match(text, /^9,"'=HYPERLINK\(""http:\/\/x"",""y""\)",/);
  });

  it('the format comes from the extension', () => {
    assert.deepEqual(['r.jsonl', 'R.NDJSON', 'r.csv', 'r.json', 'r'].map(reportFormat), ['jsonl', 'jsonl', 'csv', undefined, undefined]);
  });
});

describe('reportedLines (for --resume)', () => {
  it('JSON Lines: the line numbers, passing over a torn or foreign line', async () => {
    const text = '{"line":3,"situation":"none"}\n{"line":7}\nnot json\nnull\n{"line":"9"}\n{"line":12,"situ';
    assert.deepEqual([...(await reportedLines(splitLines([text]), 'jsonl'))], [3, 7]);
  });

  it('CSV: the line column, after the header', async () => {
    const text = csvHeader() + formatReportRow(row, 'csv') + formatReportRow({ ...row, line: 11 }, 'csv');
    assert.deepEqual([...(await reportedLines(splitLines([text]), 'csv'))], [4, 11]);
  });
});
