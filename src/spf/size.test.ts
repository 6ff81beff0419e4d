import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { MAX_RECORD_BYTES, MAX_STRING_BYTES, byteLength, measureRecord, splitTxtStrings } from './size.ts';

describe('measureRecord (RFC 1035 §3.3, RFC 7208 §3.4)', () => {
  const record = (bytes: number): string => `v=spf1 ${'a:x.nl '.repeat(Math.ceil(bytes / 7))}`.slice(0, bytes - 5).trimEnd().padEnd(bytes - 5, 'l') + ' -all';
  for (const [bytes, strings, tooLong] of [
    [11, 1, false],
    [MAX_STRING_BYTES, 1, false],
    [MAX_STRING_BYTES + 1, 2, false],
    [MAX_RECORD_BYTES, 2, false],
    [MAX_RECORD_BYTES + 1, 2, true],
    [5791, splitTxtStrings(record(5791)).length, true],
  ] as const) {
    it(`${bytes} bytes: ${strings} string(s), ${tooLong ? 'too long' : 'publishable'}`, () => {
      const text = record(bytes);
      assert.equal(text.length, bytes);
      assert.deepEqual(measureRecord(text), { bytes, strings, tooLong });
    });
  }
  it('counts octets, not characters', () => {
    assert.equal(measureRecord('v=spf1 exp=é -all').bytes, 18);
  });
  it('counts a typed non-ASCII record in UTF-8 and the same record as fetched one octet per code unit', () => {
    const typed = 'v=spf1 exp=é€.example -all';
    const fetched = Buffer.from(typed, 'utf8').toString('latin1'); // what src/dns/wire.ts returns
    assert.equal(byteLength(typed), 29);
    assert.equal(byteLength(fetched, 'wire'), 29);
    assert.notEqual(byteLength(fetched), 29); // read as text, the fetched form would be counted twice
  });
});
