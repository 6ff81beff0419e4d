import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseRecord } from '../spf/parse.ts';
import { MAX_RECORD_BYTES, proposeSubRecords, splitTxtStrings } from './split.ts';

const ranges = (n: number) => Array.from({ length: n }, (_, i) => `ip4:198.51.${Math.floor(i / 200)}.${i % 200}`).join(' ');

describe('splitTxtStrings', () => {
  it('keeps a short record in one string', () => {
    assert.deepEqual(splitTxtStrings('v=spf1 mx -all'), ['v=spf1 mx -all']);
  });

  it('splits at term boundaries into strings of at most 255 bytes that join back', () => {
    const record = `v=spf1 ${ranges(40)} -all`;
    const strings = splitTxtStrings(record);
    assert.ok(strings.length >= 3);
    assert.equal(strings.join(''), record);
    for (const s of strings) assert.ok(s.length <= 255);
    for (const s of strings.slice(0, -1)) assert.ok(s.endsWith(' ') && !s.endsWith('  '), JSON.stringify(s));
  });

  it('cuts a single overlong term inside (still valid: strings are joined before parsing)', () => {
    const record = `v=spf1 include:${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.example -all`;
    const strings = splitTxtStrings(record, 100);
    assert.equal(strings.join(''), record);
    for (const s of strings) assert.ok(s.length <= 100);
  });
});

describe('proposeSubRecords', () => {
  it('is not needed up to 450 bytes', () => {
    assert.deepEqual(proposeSubRecords('v=spf1 mx -all', 'klant.nl'), { status: 'not-needed', bytes: 14 });
  });

  it('moves the ranges into _spf.<domain>, then _spf2 …, each under 450 bytes', () => {
    const record = `v=spf1 mx ${ranges(60)} include:spf.coachview.net ~all`;
    const p = proposeSubRecords(record, 'klant.nl');
    assert.equal(p.status, 'proposed');
    if (p.status !== 'proposed') return;
    assert.deepEqual(p.subRecords.map((s) => s.name), ['_spf.klant.nl', '_spf2.klant.nl', '_spf3.klant.nl']);
    assert.equal(p.main, 'v=spf1 mx include:_spf.klant.nl include:_spf2.klant.nl include:_spf3.klant.nl include:spf.coachview.net ~all');
    assert.equal(p.moved.length, 60);
    for (const s of p.subRecords) {
      assert.ok(s.bytes <= MAX_RECORD_BYTES);
      assert.ok(parseRecord(s.record).ok);
      assert.ok(s.record.endsWith(' -all'));
    }
  });

  it('moves no range past a non-pass mechanism (evaluation order, §4.6.2)', () => {
    const record = `v=spf1 -ip4:198.51.0.1 ${ranges(40)} -all`;
    assert.deepEqual(proposeSubRecords(record, 'klant.nl'), { status: 'impossible', bytes: record.length, reason: 'no-movable-ranges' });
  });
});
