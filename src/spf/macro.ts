/**
 * RFC 7208 §7: macro-strings. Parsing (syntax → parts) and expansion (parts → text).
 *
 *   macro-string  = *( macro-expand / macro-literal )
 *   macro-expand  = ( "%{" macro-letter transformers *delimiter "}" ) / "%%" / "%_" / "%-"
 *   macro-literal = %x21-24 / %x26-7E   ; visible characters except "%"
 *   explain-string = *( macro-string / SP )
 */
import { MACRO_LITERAL, isClass } from './charclass.ts';
import { truncateDomain } from './domain.ts';
import type { MacroLetter, MacroPart, MacroString, ParseIssue, Span } from './types.ts';

const CC_PERCENT = 0x25;
const CC_LBRACE = 0x7b;
const CC_SPACE = 0x20;

/** Letters valid in any macro-string; c, r, t only in exp text (RFC 7208 §7.1). */
const LETTERS = 'slodiphcrtv';
const EXP_ONLY = 'crt';
/** RFC 7208 §7.1: delimiter = "." / "-" / "+" / "," / "/" / "_" / "=" */
const DELIMITERS = '.-+,/_=';

export interface MacroParseOptions {
  /** An explain-string (exp TXT): spaces allowed, and the c/r/t letters. */
  explain?: boolean;
  /** Letters c, r, t allowed (exp= domain-spec follows domain-spec rules: not allowed). */
  expLetters?: boolean;
  /**
   * The caller has checked that the text is visible ASCII without "%" (the parser does
   * that once per record), so no character needs looking at.
   */
  plain?: boolean;
}

/**
 * Parses `text[start, end)` as a macro-string. Issues are pushed to `issues`; the returned
 * parts are usable only when no issue was added.
 */
export function parseMacroString(
  text: string,
  start: number,
  end: number,
  issues: ParseIssue[],
  options: MacroParseOptions = {},
): MacroString {
  // Fast path: no '%' and only visible ASCII → one literal.
  let i = start;
  let plain = true;
  if (options.plain) i = end;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isClass(c, MACRO_LITERAL)) continue;
    if (c === CC_PERCENT) {
      plain = false;
      break;
    }
    if (c === CC_SPACE && options.explain) continue;
    // The slow path below reports it (once, with the run it starts).
    plain = false;
    break;
  }
  const whole = text.slice(start, end);
  if (plain) return new ParsedMacroString(whole, start, end, undefined, false);

  const parts: MacroPart[] = [];
  let literal = '';
  let hasMacros = false;
  i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c !== CC_PERCENT) {
      if (isIllegal(c, options)) {
        // A run of bad characters is one problem: one issue per character made explaining
        // a record of 8 000 of them quadratic (issue 17.1).
        let stop = i + 1;
        while (stop < end && isIllegal(text.charCodeAt(stop), options)) stop++;
        pushIllegal(text, i, stop, issues);
        literal += text.slice(i, stop);
        i = stop;
        continue;
      }
      literal += text[i];
      i++;
      continue;
    }
    const next = i + 1 < end ? text.charCodeAt(i + 1) : -1;
    if (next === CC_PERCENT) {
      literal += '%';
      i += 2;
      continue;
    }
    if (next === 0x5f /* _ */) {
      literal += ' ';
      i += 2;
      continue;
    }
    if (next === 0x2d /* - */) {
      literal += '%20';
      i += 2;
      continue;
    }
    if (next !== CC_LBRACE) {
      issues.push({
        code: 'bad-macro',
        span: { start: i, end: Math.min(i + 2, end) },
        token: text.slice(i, Math.min(i + 2, end)),
      });
      i += next === -1 ? 1 : 2;
      continue;
    }
    const close = text.indexOf('}', i + 2);
    if (close === -1 || close >= end) {
      issues.push({ code: 'bad-macro', span: { start: i, end }, token: text.slice(i, end) });
      break;
    }
    const macro = parseMacroBody(text, i, close, issues, options);
    if (macro) {
      if (literal !== '') {
        parts.push({ kind: 'literal', text: literal });
        literal = '';
      }
      parts.push(macro);
      hasMacros = true;
    }
    i = close + 1;
  }
  if (literal !== '') parts.push({ kind: 'literal', text: literal });
  return new ParsedMacroString(whole, start, end, parts, hasMacros);
}

/** A macro-string known to be visible ASCII without "%": one literal (the parser's fast path). */
export function plainMacroString(text: string, start: number, end: number): MacroString {
  return new ParsedMacroString(text.slice(start, end), start, end, undefined, false);
}

/**
 * A parsed macro-string. Most domain-specs are plain names; for those the parts and span
 * are made on first use, so parsing a record allocates one object per domain-spec.
 */
class ParsedMacroString implements MacroString {
  readonly text: string;
  readonly hasMacros: boolean;
  private readonly start: number;
  private readonly end: number;
  private cachedParts: MacroPart[] | undefined;

  constructor(text: string, start: number, end: number, parts: MacroPart[] | undefined, hasMacros: boolean) {
    this.text = text;
    this.start = start;
    this.end = end;
    this.cachedParts = parts;
    this.hasMacros = hasMacros;
  }

  get parts(): MacroPart[] {
    this.cachedParts ??= this.text === '' ? [] : [{ kind: 'literal', text: this.text }];
    return this.cachedParts;
  }

  get span(): Span {
    return { start: this.start, end: this.end };
  }

  toJSON(): MacroString {
    return { text: this.text, parts: this.parts, hasMacros: this.hasMacros, span: this.span };
  }
}

/** Outside macro-literal (%x21-7E) and not "%" — except SP inside an explain-string. */
function isIllegal(c: number, options: MacroParseOptions): boolean {
  return c !== CC_PERCENT && (c < 0x21 || c > 0x7e) && !(c === CC_SPACE && options.explain);
}

/**
 * One issue for the run of illegal characters `text[at, stop)`; the token is its first
 * character (a whole code point, so an emoji is not shown as two surrogate halves).
 */
function pushIllegal(text: string, at: number, stop: number, issues: ParseIssue[]): void {
  const code = text.codePointAt(at) ?? 0;
  issues.push({
    code: 'illegal-character',
    span: { start: at, end: stop },
    token: String.fromCodePoint(code),
  });
}

/** Parses `%{…}` spanning `text[open, close]` (close = index of "}"). */
function parseMacroBody(
  text: string,
  open: number,
  close: number,
  issues: ParseIssue[],
  options: MacroParseOptions,
): MacroPart | undefined {
  const span = { start: open, end: close + 1 };
  const token = text.slice(open, close + 1);
  let i = open + 2;
  const letterChar = text[i];
  const lower = letterChar?.toLowerCase() ?? '';
  if (lower === '' || !LETTERS.includes(lower) || i >= close) {
    issues.push({ code: 'bad-macro', span, token });
    return undefined;
  }
  if (EXP_ONLY.includes(lower) && !options.explain && !options.expLetters) {
    issues.push({ code: 'bad-macro', span, token });
    return undefined;
  }
  i++;
  let digits: number | undefined;
  const digitsStart = i;
  while (i < close) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) break;
    i++;
  }
  if (i > digitsStart) {
    // Cap the value: anything above 128 keeps every part anyway (a name has at most 127 labels).
    const n = i - digitsStart > 4 ? 9999 : Number(text.slice(digitsStart, i));
    if (n === 0) {
      // RFC 7208 §7.3: "If a DIGIT is specified, the value MUST be nonzero."
      issues.push({ code: 'bad-macro', span, token });
      return undefined;
    }
    digits = n;
  }
  let reverse = false;
  if (i < close && (text[i] === 'r' || text[i] === 'R')) {
    reverse = true;
    i++;
  }
  let delimiters = '';
  for (; i < close; i++) {
    const ch = text[i] as string;
    if (!DELIMITERS.includes(ch)) {
      issues.push({ code: 'bad-macro', span, token });
      return undefined;
    }
    if (!delimiters.includes(ch)) delimiters += ch;
  }
  return {
    kind: 'macro',
    letter: lower as MacroLetter,
    urlEscape: letterChar !== lower,
    digits,
    reverse,
    delimiters,
    span,
  };
}

/** The values macros expand to, for one check at one domain (RFC 7208 §7.2). */
export interface MacroValues {
  /** s: <sender> */
  sender: string;
  /** l: local-part of <sender> */
  local: string;
  /** o: domain of <sender> */
  senderDomain: string;
  /** d: <domain> */
  domain: string;
  /** i: <ip> (dotted quad, or dot-separated nibbles for IPv6) */
  ipDotted: string;
  /** c: <ip> readable (exp only) */
  ipReadable: string;
  /** v: "in-addr" or "ip6" */
  ipVersion: 'in-addr' | 'ip6';
  /** h: HELO/EHLO domain */
  helo: string;
  /** r: the receiving host's name (exp only); "unknown" when not given */
  receiver: string;
  /** t: seconds since the epoch (exp only) */
  timestamp: number;
  /** p: the validated domain name of <ip>; resolved by the evaluator before expansion */
  ptr: string | undefined;
}

/** True when the macro-string uses %{p} (the evaluator must resolve it first). */
export function usesPtrMacro(ms: MacroString): boolean {
  if (!ms.hasMacros) return false;
  for (const part of ms.parts) if (part.kind === 'macro' && part.letter === 'p') return true;
  return false;
}

/**
 * Expands a parsed macro-string. Returns undefined when the output would exceed
 * `maxLength` (a guard against expansion bombs; the caller turns that into a permerror).
 *
 * @example
 * expandMacroString(parse('%{ir}.%{v}._spf.%{d}'), values, 8192) // '4.3.2.1.in-addr._spf.example.com'
 */
export function expandMacroString(ms: MacroString, values: MacroValues, maxLength: number): string | undefined {
  if (!ms.hasMacros) {
    let out = '';
    for (const part of ms.parts) if (part.kind === 'literal') out += part.text;
    return out;
  }
  let out = '';
  for (const part of ms.parts) {
    if (part.kind === 'literal') {
      out += part.text;
    } else {
      out += expandMacro(part, values);
    }
    if (out.length > maxLength) return undefined;
  }
  return out;
}

/**
 * A domain-spec expanded to the name to query, the ONE rule the evaluator and its look-ahead
 * share: no trailing dot, and (RFC 7208 §7.3) an expansion over 253 characters loses labels on
 * the left (`truncated`). Undefined when the expansion exceeds `maxLength`.
 *
 * @example
 * expandDomainSpec(parse('%{i}._spf.%{d}'), values, 8192) // { name: '192.0.2.1._spf.example.com', truncated: false, length: 26 }
 */
export function expandDomainSpec(ms: MacroString, values: MacroValues, maxLength: number): { name: string; truncated: boolean; length: number } | undefined {
  if (!ms.hasMacros) {
    const literal = expandMacroString(ms, values, Infinity) as string;
    return { name: literal.endsWith('.') ? literal.slice(0, -1) : literal, truncated: false, length: literal.length };
  }
  const expanded = expandMacroString(ms, values, maxLength);
  if (expanded === undefined) return undefined;
  const name = truncateDomain(expanded);
  return { name, truncated: name !== (expanded.endsWith('.') ? expanded.slice(0, -1) : expanded), length: expanded.length };
}

function macroValue(letter: MacroLetter, v: MacroValues): string {
  switch (letter) {
    case 's':
      return v.sender;
    case 'l':
      return v.local;
    case 'o':
      return v.senderDomain;
    case 'd':
      return v.domain;
    case 'i':
      return v.ipDotted;
    case 'p':
      return v.ptr ?? 'unknown';
    case 'h':
      return v.helo;
    case 'c':
      return v.ipReadable;
    case 'r':
      return v.receiver;
    case 't':
      return String(v.timestamp);
    case 'v':
      return v.ipVersion;
    default: {
      const never: never = letter;
      throw new Error(`unhandled macro letter ${String(never)}`);
    }
  }
}

function expandMacro(part: Extract<MacroPart, { kind: 'macro' }>, values: MacroValues): string {
  let value = macroValue(part.letter, values);
  if (part.digits !== undefined || part.reverse || part.delimiters !== '') {
    // RFC 7208 §7.3: split on the delimiters (default "."), reverse if asked, keep the
    // rightmost DIGIT parts, and join with ".".
    let pieces = splitOn(value, part.delimiters === '' ? '.' : part.delimiters);
    if (part.reverse) pieces.reverse();
    if (part.digits !== undefined && part.digits < pieces.length) pieces = pieces.slice(pieces.length - part.digits);
    value = pieces.join('.');
  }
  return part.urlEscape ? urlEscape(value) : value;
}

function splitOn(value: string, delimiters: string): string[] {
  if (delimiters.length === 1) return value.split(delimiters);
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    if (delimiters.includes(value[i] as string)) {
      out.push(value.slice(from, i));
      from = i + 1;
    }
  }
  out.push(value.slice(from));
  return out;
}

const UNRESERVED = /^[A-Za-z0-9\-._~]*$/;

/** RFC 7208 §7.3: escape every character outside RFC 3986's "unreserved" set. */
export function urlEscape(value: string): string {
  if (UNRESERVED.test(value)) return value;
  let out = '';
  for (const byte of new TextEncoder().encode(value)) {
    const ch = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(ch) ? ch : '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}
