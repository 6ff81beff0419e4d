import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { suggestMechanism } from './suggest.ts';
import { parseRecord } from './parse.ts';

describe('suggestMechanism: near-miss mechanism names (issue 10.13)', () => {
  const cases: Array<[string, boolean, string | undefined]> = [
    ['al', false, 'all'], // cut off: all, not a
    ['Al', false, 'all'],
    ['alll', false, 'all'],
    ['inclde', true, 'include'],
    ['icnlude', true, 'include'],
    ['mxx', false, 'mx'],
    ['exist', true, 'exists'],
    ['ip', true, undefined], // ip4 or ip6: no guess
    ['foo', false, undefined],
    ['al', true, 'a'], // with an argument, all is out
    ['', false, undefined],
  ];
  for (const [typed, colon, expected] of cases) {
    it(`${JSON.stringify(typed)}${colon ? ':…' : ''} → ${String(expected)}`, () => assert.equal(suggestMechanism(typed, colon), expected));
  }
  it('the parse issue carries the term as meant, qualifier and argument kept', () => {
    const parsed = parseRecord('v=spf1 mx ~al inclde:spf.x.nl/24 -all');
    assert.equal(parsed.ok, false);
    if (parsed.ok) return;
    assert.deepEqual(parsed.issues.map((i) => [i.code, i.span, i.suggestion]), [
      ['unknown-mechanism', { start: 10, end: 13 }, '~all'],
      ['unknown-mechanism', { start: 14, end: 32 }, 'include:spf.x.nl/24'],
    ]);
  });
});
