// Property (issue 17, fuzzers): explainRecord's output — its JSON and its text form, in both
// languages — stays linear in the size of the record for hostile records: long macros, many
// terms, runs of bad characters, long targets, all mixed. Quadratic output (one issue per bad
// character with a copy of the record, as before issue 17.1) breaks both bounds at once.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { explainRecord, renderRecordExplanation } from './describe.ts';
import type { Lang } from '../i18n/lang.ts';

/** Bytes of output per byte of record, and the fixed part (a short record's 50 explained terms). */
const SLOPE = 40;
const BASE = 40_000;

/** Output size in bytes (UTF-8) of one explanation: its JSON and its text form. */
function outputBytes(text: string, lang: Lang): number {
  const x = explainRecord(text, { lang });
  return Buffer.byteLength(JSON.stringify(x)) + Buffer.byteLength(renderRecordExplanation(x, { lang }));
}

const letter = fc.constantFrom('s', 'l', 'o', 'd', 'i', 'p', 'v', 'h', 'c', 'r', 't', 'S', 'I', 'x', 'z');
/** A macro: valid (`%{ir}`, `%{l1r+-}`), broken (`%{`, `%q`, `%{i99999r}`) or a literal escape. */
const macro = fc.oneof(
  fc.tuple(letter, fc.constantFrom('', '1', '2', '128', '99999'), fc.constantFrom('', 'r'), fc.constantFrom('', '.', '-+', '._=/,')).map(([l, n, r, d]) => `%{${l}${n}${r}${d}}`),
  fc.constantFrom('%%', '%_', '%-', '%{', '%q', '%{i', '%}', '%{ir'),
);
const hostileChar = fc.constantFrom('\x00', '\x01', '\x7f', '"', '\\', '\u202e', '\u200d', '\ud800', '\u{1F600}', '\u00e9', ' ', '\t', ':', '/', '=');
const label = fc.stringMatching(/^[a-z0-9-]{1,63}$/);
/** A domain-spec: labels, macros and bad characters mixed, sometimes very long. */
const target = fc.array(fc.oneof({ weight: 3, arbitrary: label }, { weight: 3, arbitrary: macro }, { weight: 1, arbitrary: hostileChar }), { minLength: 1, maxLength: 12 }).map((parts) => parts.join('.'));
const qualifier = fc.constantFrom('', '+', '-', '~', '?', '!', '++');
const mechanism = fc.constantFrom('a:', 'mx:', 'include:', 'exists:', 'ptr:', 'redirect=', 'exp=', 'ip4:', 'ip6:', 'a/', 'mx//', 'x=', 'inclde:', '');
const term = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(qualifier, mechanism, target).map(([q, m, t]) => `${q}${m}${t}`) },
  { weight: 1, arbitrary: fc.constantFrom('-all', '~all', 'all', 'a', 'mx', 'ptr', 'ip4:192.0.2.1/33', 'ip6:::1/129', 'ip4:1.2.3', 'v=spf1') },
  { weight: 1, arbitrary: fc.tuple(hostileChar, fc.integer({ min: 1, max: 400 })).map(([c, n]) => c.repeat(n)) },
  { weight: 1, arbitrary: fc.tuple(macro, fc.integer({ min: 1, max: 200 })).map(([m, n]) => `a:${m.repeat(n)}`) },
);
const separator = fc.constantFrom(' ', '  ', '\t', ' \x01 ');
/** Pieces of a record and how often they repeat: short records and records of thousands of characters. */
const pieces = fc.tuple(fc.array(fc.tuple(term, separator), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 60 }));
const build = (list: ReadonlyArray<readonly [string, string]>, times: number): string => {
  const body = list.map(([t, s]) => t + s).join('');
  return 'v=spf1 ' + body.repeat(times);
};
const lang = fc.constantFrom<Lang>('en', 'nl');

describe('explainRecord output size (fuzzed, issue 17)', () => {
  it(`is at most ${BASE} + ${SLOPE} bytes per record byte, as JSON and as text`, () => {
    fc.assert(
      fc.property(pieces, lang, ([list, times], l) => {
        const text = build(list, times);
        const bytes = outputBytes(text, l);
        assert.ok(bytes <= BASE + SLOPE * Buffer.byteLength(text), `${Buffer.byteLength(text)}-byte record → ${bytes} bytes of output`);
      }),
      { numRuns: 150 },
    );
  });

  it('twice the record gives at most about twice the output (linear, not the square)', () => {
    fc.assert(
      fc.property(pieces, lang, ([list, times], l) => {
        const once = outputBytes(build(list, times), l);
        const twice = outputBytes(build(list, 2 * times), l);
        // Quadratic growth would be 4× at twice the length; linear is 2× plus the fixed part.
        assert.ok(twice <= 2.2 * once + 10_000, `${once} → ${twice} bytes`);
      }),
      { numRuns: 100 },
    );
  });
});
