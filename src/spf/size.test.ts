import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_RECORD_BYTES, MAX_STRING_BYTES, measureRecord, splitTxtStrings } from './size.ts';

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
});
