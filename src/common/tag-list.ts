/**
 * The tag=value list of RFC 6376 §3.2, shared by DKIM key records and DMARC records
 * (RFC 7489 §6.3: "DMARC records follow the extensible 'tag-value' syntax for DNS-based key
 * records defined in DKIM").
 *
 * ```abnf
 * tag-list  =  tag-spec *( ";" tag-spec ) [ ";" ]
 * tag-spec  =  [FWS] tag-name [FWS] "=" [FWS] tag-value [FWS]
 * tag-name  =  ALPHA *ALNUMPUNC
 * ALNUMPUNC =  ALPHA / DIGIT / "_"
 * ```
 *
 * The splitter is deliberately lenient: it never fails, it returns every term with its
 * source span, and each protocol judges the terms against its own rules (DMARC allows only
 * WSP around separators, DKIM allows FWS; DMARC tag names are case-insensitive ABNF strings,
 * DKIM tag names are case-sensitive).
 */

import { assertNever } from './assert-never.ts';
import type { Span } from './types.ts';

export type { Span };

/** One well-formed `name=value` term, trimmed of surrounding whitespace. */
export interface Tag {
  /** The tag name as written (not case-folded). */
  name: string;
  /** The value as written, without leading and trailing whitespace. May be empty. */
  value: string;
  /** The whole term, from the first character of the name to the last of the value. */
  span: Span;
  nameSpan: Span;
  /** Where the value is; an empty value has an empty span just after the `=`. */
  valueSpan: Span;
}

/** A term between two `;` separators. */
export type TagListTerm =
  | { kind: 'tag'; tag: Tag }
  /** Nothing but whitespace between two separators (`;;`). `span` is the closing `;`. */
  | { kind: 'empty'; span: Span }
  /** Text without an `=`. `span` covers the trimmed text. */
  | { kind: 'no-equals'; text: string; span: Span };

const WHITESPACE = /\s/u;

function isWhitespace(char: string | undefined): boolean {
  return char !== undefined && WHITESPACE.test(char);
}

/**
 * Splits `text` at every `;` into terms. A whitespace-only term after the last `;` is the
 * optional trailing separator of the grammar and is not returned; an all-whitespace text
 * has no terms.
 *
 * @example
 * splitTagList('v=DKIM1; p=MIGf').map((t) => t.kind); // ['tag', 'tag']
 */
export function splitTagList(text: string): TagListTerm[] {
  const terms: TagListTerm[] = [];
  let segmentStart = 0;
  while (segmentStart <= text.length) {
    const semicolon = text.indexOf(';', segmentStart);
    const segmentEnd = semicolon === -1 ? text.length : semicolon;
    let start = segmentStart;
    let end = segmentEnd;
    while (start < end && isWhitespace(text[start])) start++;
    while (end > start && isWhitespace(text[end - 1])) end--;

    if (start === end) {
      // The last segment may be empty: `[ ";" ]` ends the tag-list.
      if (semicolon !== -1) terms.push({ kind: 'empty', span: { start: semicolon, end: semicolon + 1 } });
    } else {
      const equals = text.indexOf('=', start);
      if (equals === -1 || equals >= end) {
        terms.push({ kind: 'no-equals', text: text.slice(start, end), span: { start, end } });
      } else {
        let nameEnd = equals;
        while (nameEnd > start && isWhitespace(text[nameEnd - 1])) nameEnd--;
        let valueStart = equals + 1;
        while (valueStart < end && isWhitespace(text[valueStart])) valueStart++;
        const valueSpan = valueStart < end ? { start: valueStart, end } : { start: equals + 1, end: equals + 1 };
        terms.push({
          kind: 'tag',
          tag: {
            name: text.slice(start, nameEnd),
            value: text.slice(valueSpan.start, valueSpan.end),
            span: { start, end },
            nameSpan: { start, end: nameEnd },
            valueSpan,
          },
        });
      }
    }
    if (semicolon === -1) break;
    segmentStart = semicolon + 1;
  }
  return terms;
}

/** RFC 6376 §3.2: `tag-name = ALPHA *ALNUMPUNC`. */
export function isTagName(name: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_]*$/.test(name);
}

/** A place where a value runs into the next tag because a `;` is missing. */
export interface RunOnTag {
  /** The name of the tag that follows, as written. */
  name: string;
  /** From the whitespace before the name to the `=` included, relative to the value. */
  offset: number;
  length: number;
}

/**
 * Finds `value` running into a following known tag, as in `v=DMARC1 p=reject` where the `;`
 * was forgotten: whitespace, a known tag name, optional whitespace, `=`.
 *
 * @example
 * findRunOnTag('DMARC1 p=reject', ['p', 'sp']); // { name: 'p', offset: 6, length: 3 }
 */
export function findRunOnTag(value: string, knownNames: readonly string[]): RunOnTag | undefined {
  const pattern = /[ \t\r\n]+([A-Za-z][A-Za-z0-9_]*)[ \t\r\n]*=/g;
  for (const match of value.matchAll(pattern)) {
    const name = match[1];
    if (name !== undefined && knownNames.includes(name.toLowerCase())) {
      return { name, offset: match.index, length: match[0].length };
    }
  }
  return undefined;
}

/**
 * Whitespace characters that a record may not contain, merged into runs. `allowed` lists the
 * whitespace the grammar permits (DMARC: SP and HTAB; DKIM: FWS, which adds CR and LF).
 */
export function findForeignWhitespace(text: string, allowed: ReadonlySet<string>): Array<{ span: Span; char: string }> {
  const found: Array<{ span: Span; char: string }> = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (char !== undefined && isWhitespace(char) && !allowed.has(char)) {
      let end = index + 1;
      while (end < text.length && isWhitespace(text[end]) && !allowed.has(text[end] ?? '')) end++;
      found.push({ span: { start: index, end }, char: codePointName(char) });
      index = end;
    } else {
      index++;
    }
  }
  return found;
}

/** `U+00A0` style name of a character, for issue data. */
export function codePointName(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Damerau-Levenshtein distance of at most one: the typo is one insertion, deletion,
 * substitution or swap of two neighbours. Used to suggest a known tag for an unknown one.
 */
export function isOneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diffs: number[] = [];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diffs.push(i);
    if (diffs.length === 1) return true;
    const [first, second] = diffs;
    return diffs.length === 2 && first !== undefined && second === first + 1 && a[first] === b[second] && a[second] === b[first];
  }
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  for (let i = 0; i < longer.length; i++) {
    if (longer.slice(0, i) + longer.slice(i + 1) === shorter) return true;
  }
  return false;
}

/** One item of a separated list inside a value, trimmed. */
export interface ListItem {
  text: string;
  span: Span;
}

/**
 * Splits a value at `separator` (`:` for DKIM `h=`, `s=`, `t=`; `,` for DMARC URIs) and
 * trims whitespace around each item. `valueStart` is the value's offset in the record, so the
 * item spans point into the record.
 *
 * @example
 * splitListItems('sha1 : sha256', 10, ':'); // [{ text: 'sha1', span: {10,14} }, { text: 'sha256', span: {17,23} }]
 */
export function splitListItems(value: string, valueStart: number, separator: string): ListItem[] {
  const items: ListItem[] = [];
  let from = 0;
  for (;;) {
    const at = value.indexOf(separator, from);
    const to = at === -1 ? value.length : at;
    let start = from;
    let end = to;
    while (start < end && isWhitespace(value[start])) start++;
    while (end > start && isWhitespace(value[end - 1])) end--;
    items.push({ text: value.slice(start, end), span: { start: valueStart + start, end: valueStart + end } });
    if (at === -1) return items;
    from = at + separator.length;
  }
}

/** What `collectTags` finds wrong with a tag-list's terms; each protocol words and weighs it. */
export type TagListProblem<N extends string> =
  | { code: 'empty-term'; span: Span }
  | { code: 'missing-equals'; value: string; span: Span }
  | { code: 'bad-tag-name'; value: string; span: Span }
  | { code: 'unknown-tag'; tag: string; span: Span; suggestion?: N }
  | { code: 'duplicate-tag'; tag: string; span: Span };

/** The terms of a tag-list sorted out: the well-formed tags, the known ones by name, the rest. */
export interface CollectedTags<N extends string> {
  /** Every tag with a well-formed name, in record order. */
  tags: Tag[];
  /** Tags whose name the protocol does not define (RFC 6376 §3.2: "Unrecognized tags MUST be ignored"). */
  unknownTags: Tag[];
  /** The first tag of each known name. */
  known: Map<N, Tag>;
  /** In record order. */
  problems: Array<TagListProblem<N>>;
}

/** How a protocol names its tags. */
export interface TagNaming<N extends string> {
  /** The known tag a name as written stands for (DKIM: case-sensitive; DMARC: case-insensitive), or undefined. */
  known(name: string): N | undefined;
  /** A known tag that an unknown name is probably a typo of. */
  suggest(name: string): N | undefined;
}

/**
 * Sorts the terms of `splitTagList` into known, unknown and broken tags (RFC 6376 §3.2: a
 * tag-spec needs `=` and a `tag-name`; a tag name occurs at most once — the first is kept).
 *
 * @example
 * const { known, problems } = collectTags(splitTagList('v=DKIM1; v=DKIM1'), { known: (n) => (n === 'v' ? 'v' : undefined), suggest: () => undefined });
 * problems[0].code; // 'duplicate-tag'
 */
export function collectTags<N extends string>(terms: readonly TagListTerm[], naming: TagNaming<N>): CollectedTags<N> {
  const collected: CollectedTags<N> = { tags: [], unknownTags: [], known: new Map(), problems: [] };
  for (const term of terms) {
    switch (term.kind) {
      case 'empty':
        collected.problems.push({ code: 'empty-term', span: term.span });
        break;
      case 'no-equals':
        collected.problems.push({ code: 'missing-equals', value: term.text, span: term.span });
        break;
      case 'tag': {
        const { tag } = term;
        if (!isTagName(tag.name)) {
          collected.problems.push({ code: 'bad-tag-name', value: tag.name, span: tag.name === '' ? tag.span : tag.nameSpan });
          break;
        }
        collected.tags.push(tag);
        const name = naming.known(tag.name);
        if (name === undefined) {
          collected.unknownTags.push(tag);
          const suggestion = naming.suggest(tag.name);
          collected.problems.push({ code: 'unknown-tag', tag: tag.name, span: tag.nameSpan, ...(suggestion === undefined ? {} : { suggestion }) });
        } else if (collected.known.has(name)) {
          collected.problems.push({ code: 'duplicate-tag', tag: tag.name, span: tag.span });
        } else {
          collected.known.set(name, tag);
        }
        break;
      }
      default:
        assertNever(term, 'tag-list term');
    }
  }
  return collected;
}
