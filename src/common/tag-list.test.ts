import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  findForeignWhitespace,
  findRunOnTag,
  isOneEditApart,
  isTagName,
  splitListItems,
  splitTagList,
  type Span,
  type TagListTerm,
} from './tag-list.ts';

const slice = (text: string, span: Span): string => text.slice(span.start, span.end);

/** A term as `kind:text` with the text its span covers, for compact expectations. */
function show(text: string, term: TagListTerm): string {
  switch (term.kind) {
    case 'tag':
      return `tag:${slice(text, term.tag.nameSpan)}=${slice(text, term.tag.valueSpan)}|${slice(text, term.tag.span)}`;
    case 'empty':
      return `empty:${slice(text, term.span)}@${term.span.start}`;
    case 'no-equals':
      return `no-equals:${slice(text, term.span)}`;
  }
}

describe('splitTagList (RFC 6376 §3.2)', () => {
  const cases: Array<{ text: string; terms: string[] }> = [
    { text: '', terms: [] },
    { text: '   ', terms: [] },
    { text: 'v=DKIM1', terms: ['tag:v=DKIM1|v=DKIM1'] },
    { text: 'v=DKIM1;', terms: ['tag:v=DKIM1|v=DKIM1'] },
    { text: 'v=DKIM1; ', terms: ['tag:v=DKIM1|v=DKIM1'] },
    { text: ' v = DKIM1 ;\tp = abc ', terms: ['tag:v=DKIM1|v = DKIM1', 'tag:p=abc|p = abc'] },
    { text: 'a=;b=1', terms: ['tag:a=|a=', 'tag:b=1|b=1'] },
    { text: 'v=1;;p=2', terms: ['tag:v=1|v=1', 'empty:;@4', 'tag:p=2|p=2'] },
    { text: ';v=1', terms: ['empty:;@0', 'tag:v=1|v=1'] },
    { text: 'v=1; reject ; p=2', terms: ['tag:v=1|v=1', 'no-equals:reject', 'tag:p=2|p=2'] },
    { text: '=x', terms: ['tag:=x|=x'] },
    { text: 'n=a=b', terms: ['tag:n=a=b|n=a=b'] },
    { text: 'p=MIIB\r\n AQAB', terms: ['tag:p=MIIB\r\n AQAB|p=MIIB\r\n AQAB'] },
  ];
  for (const { text, terms } of cases) {
    it(`splits ${JSON.stringify(text)}`, () => {
      assert.deepEqual(
        splitTagList(text).map((term) => show(text, term)),
        terms,
      );
    });
  }

  it('gives an empty value an empty span right after "="', () => {
    const [term] = splitTagList('p= ;');
    assert.equal(term?.kind, 'tag');
    if (term?.kind === 'tag') assert.deepEqual(term.tag.valueSpan, { start: 2, end: 2 });
  });
});

describe('isTagName (RFC 6376 §3.2: ALPHA *ALNUMPUNC)', () => {
  const cases: Array<[string, boolean]> = [
    ['v', true],
    ['rua', true],
    ['x_y9', true],
    ['', false],
    ['1x', false],
    ['r ua', false],
    ['p-ct', false],
  ];
  for (const [name, expected] of cases) {
    it(`${JSON.stringify(name)} → ${expected}`, () => assert.equal(isTagName(name), expected));
  }
});

describe('findRunOnTag', () => {
  const known = ['v', 'p', 'rua'];
  const cases: Array<{ value: string; found: string | undefined }> = [
    { value: 'DMARC1 p=none', found: ' p=' },
    { value: 'reject  RUA = mailto:a@b.c', found: '  RUA =' },
    { value: 'DMARC1', found: undefined },
    { value: 'mailto:a@b.c?subject=x', found: undefined },
    { value: 'a x=1', found: undefined },
  ];
  for (const { value, found } of cases) {
    it(`${JSON.stringify(value)}`, () => {
      const runOn = findRunOnTag(value, known);
      assert.equal(runOn === undefined ? undefined : value.slice(runOn.offset, runOn.offset + runOn.length), found);
    });
  }
});

describe('splitListItems', () => {
  it('trims items and keeps record offsets', () => {
    const items = splitListItems('sha1 : sha256', 10, ':');
    assert.deepEqual(items, [
      { text: 'sha1', span: { start: 10, end: 14 } },
      { text: 'sha256', span: { start: 17, end: 23 } },
    ]);
  });
  it('keeps empty items', () => {
    assert.deepEqual(
      splitListItems('a,,b,', 0, ',').map((item) => item.text),
      ['a', '', 'b', ''],
    );
  });
});

describe('findForeignWhitespace', () => {
  it('merges runs and names the first character', () => {
    const text = 'a;\u00a0\u2003b; c\nd';
    assert.deepEqual(findForeignWhitespace(text, new Set([' ', '\t'])), [
      { span: { start: 2, end: 4 }, char: 'U+00A0' },
      { span: { start: 8, end: 9 }, char: 'U+000A' },
    ]);
  });
});

describe('isOneEditApart', () => {
  const cases: Array<[string, string, boolean]> = [
    ['ruaa', 'rua', true],
    ['adkm', 'adkim', true],
    ['apsf', 'aspf', true],
    ['pcT', 'pct', true],
    ['rua', 'rua', false],
    ['xyz', 'rua', false],
    ['ri', 'rua', false],
  ];
  for (const [a, b, expected] of cases) {
    it(`${a} / ${b} → ${expected}`, () => assert.equal(isOneEditApart(a, b), expected));
  }
});
