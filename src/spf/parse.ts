/**
 * RFC 7208 record parser: record text → typed terms with source spans, or syntax issues as
 * data. One pass over the characters; no regular expressions on the hot path.
 *
 *   record    = version terms *SP
 *   version   = "v=spf1"
 *   terms     = *( 1*SP ( directive / modifier ) )
 *   directive = [ qualifier ] mechanism
 *   modifier  = redirect / explanation / unknown-modifier
 *   unknown-modifier = name "=" macro-string
 *   name      = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." )
 */
import { parseMacroString, plainMacroString } from './macro.ts';
import { isIp6, parseIp4 } from './ip.ts';
import { ALPHA, DIGIT, LDH, NAME, isClass } from './charclass.ts';
import { suggestMechanism } from './suggest.ts';
import type { DualCidr, MacroString, Mechanism, Modifier, ParseIssue, ParseResult, Qualifier, SpfRecord, Term } from './types.ts';


const CC_SPACE = 0x20;
const CC_COLON = 0x3a;
const CC_SLASH = 0x2f;
const CC_EQUALS = 0x3d;
const CC_DOT = 0x2e;

/** Visible ASCII and spaces, no "%": the record needs no per-character checks. */
const PLAIN_RECORD = /^[\x20-\x24\x26-\x7e]*$/;
const PLAIN_OPTIONS = { plain: true } as const;
const NO_OPTIONS = {} as const;

/**
 * True when the text is an SPF version 1 record (RFC 7208 §4.5: "v=spf1" followed by a
 * space or the end; compared case-insensitively as ABNF strings are).
 */
export function isSpfRecordText(text: string): boolean {
  const n = text.length;
  if (n < 6 || (n > 6 && text.charCodeAt(6) !== CC_SPACE)) return false;
  return (
    (text.charCodeAt(0) | 0x20) === 0x76 /* v */ &&
    text.charCodeAt(1) === CC_EQUALS &&
    (text.charCodeAt(2) | 0x20) === 0x73 /* s */ &&
    (text.charCodeAt(3) | 0x20) === 0x70 /* p */ &&
    (text.charCodeAt(4) | 0x20) === 0x66 /* f */ &&
    text.charCodeAt(5) === 0x31 /* 1 */
  );
}

/**
 * Parses an SPF record. Never throws: every problem is returned as an issue with its span.
 * When parsing fails, `partial` holds the terms that did parse (for explainers).
 *
 * @example
 * const parsed = parseRecord('v=spf1 include:spf.coachview.net ~all');
 * if (parsed.ok) parsed.record.mechanisms.map((m) => m.kind); // ['include', 'all']
 */
export function parseRecord(text: string): ParseResult & { partial?: SpfRecord } {
  return parseCommonRecord(text) ?? parseRecordFully(text);
}

/**
 * The reference parser: handles every input, reports every issue. `parseRecord` tries the
 * fast path first and falls back to this; a property test holds the two to the same output.
 */
export function parseRecordFully(text: string): ParseResult & { partial?: SpfRecord } {
  const issues: ParseIssue[] = [];
  const record: SpfRecord = { text, terms: [], mechanisms: [], redirect: undefined, exp: undefined };
  let pos: number;
  if (isSpfRecordText(text)) {
    pos = 6;
  } else {
    const head = text.slice(0, text.indexOf(' ') === -1 ? text.length : text.indexOf(' '));
    const looksVersioned = /^v=spf/i.test(head);
    issues.push({
      code: looksVersioned ? 'wrong-version' : 'missing-version',
      span: { start: 0, end: head.length },
      token: head,
    });
    // Keep going after a "v=…" head so the rest of the record is still checked.
    pos = looksVersioned ? head.length : 0;
  }
  // One native pass over the record: when it is all visible ASCII without "%", domain-specs
  // need no per-character checks (the common case).
  const plain = PLAIN_RECORD.test(text);
  const length = text.length;
  while (pos < length) {
    if (text.charCodeAt(pos) === CC_SPACE) {
      pos++;
      continue;
    }
    let end = text.indexOf(' ', pos);
    if (end === -1) end = length;
    const term = parseTerm(text, pos, end, issues, plain);
    if (term) addTerm(record, term, issues);
    pos = end;
  }
  if (issues.length > 0) return { ok: false, issues, partial: record };
  return { ok: true, record };
}

function addTerm(record: SpfRecord, term: Term, issues: ParseIssue[]): void {
  record.terms.push(term);
  switch (term.kind) {
    case 'redirect':
    case 'exp': {
      // RFC 7208 §6: "redirect" and "exp" MUST NOT appear more than once.
      if (record[term.kind] !== undefined) {
        issues.push({ code: 'duplicate-modifier', span: term.span, token: term.kind });
      } else if (term.kind === 'redirect') {
        record.redirect = term;
      } else {
        record.exp = term;
      }
      return;
    }
    case 'unknown-modifier':
      return;
    case 'all':
    case 'include':
    case 'a':
    case 'mx':
    case 'ptr':
    case 'ip4':
    case 'ip6':
    case 'exists':
      record.mechanisms.push(term);
      return;
    default: {
      const never: never = term;
      throw new Error(`unhandled term ${String(never)}`);
    }
  }
}

function isAlpha(c: number): boolean {
  return isClass(c, ALPHA);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * The mechanism named by `text[start, end)`, case-insensitively. A short slice and a string
 * switch is the fastest way V8 offers (native comparison); upper case takes a second try.
 */
function mechanismName(text: string, start: number, end: number): Mechanism['kind'] | undefined {
  const name = text.slice(start, end);
  return mechanismKind(name) ?? mechanismKind(name.toLowerCase());
}

function mechanismKind(name: string): Mechanism['kind'] | undefined {
  switch (name) {
    case 'a':
    case 'mx':
    case 'all':
    case 'ip4':
    case 'ip6':
    case 'ptr':
    case 'exists':
    case 'include':
      return name;
    default:
      return undefined;
  }
}

function qualifierOf(c: number): Qualifier | undefined {
  switch (c) {
    case 0x2b:
      return '+';
    case 0x2d:
      return '-';
    case 0x7e:
      return '~';
    case 0x3f:
      return '?';
    default:
      return undefined;
  }
}

/** Parses one term in `text[start, end)`; returns undefined when it is unusable. */
function parseTerm(text: string, start: number, end: number, issues: ParseIssue[], plain: boolean): Term | undefined {
  const span = { start, end };
  let i = start;
  const qualifier = qualifierOf(text.charCodeAt(i));
  if (qualifier !== undefined) i++;
  const nameStart = i;
  while (i < end && isClass(text.charCodeAt(i), NAME)) i++;
  const nameEnd = i;
  const sep = i < end ? text.charCodeAt(i) : -1;

  if (sep === CC_EQUALS && qualifier === undefined) return parseModifier(text, start, nameEnd, end, issues, plain);

  const name = mechanismName(text, nameStart, nameEnd);
  if (sep !== -1 && sep !== CC_COLON && sep !== CC_SLASH) {
    // Something other than ":" "/" "=" follows the name: an illegal character or a
    // malformed term.
    const c = text.codePointAt(i) ?? 0;
    if (c < 0x21 || c > 0x7e) {
      // The run of bad characters is one issue (issue 17.1), its token one whole code point.
      let stop = i + 1;
      while (stop < end && (text.charCodeAt(stop) < 0x21 || text.charCodeAt(stop) > 0x7e)) stop++;
      issues.push({
        code: 'illegal-character',
        span: { start: i, end: stop },
        token: String.fromCodePoint(c),
      });
    } else if (sep === CC_EQUALS) {
      issues.push({ code: 'bad-modifier-name', span, token: text.slice(start, end) });
    } else {
      issues.push({ code: 'unknown-mechanism', span, token: text.slice(start, end) });
    }
    return undefined;
  }
  const q: Qualifier = qualifier ?? '+';
  const explicitQualifier = qualifier !== undefined;
  const argStart = sep === CC_COLON ? i + 1 : i;
  const hasColon = sep === CC_COLON;
  switch (name) {
    case 'all':
      if (sep !== -1) {
        issues.push({ code: 'unexpected-argument', span, token: text.slice(start, end) });
        return undefined;
      }
      return { kind: 'all', qualifier: q, explicitQualifier, span };
    case 'include':
    case 'exists': {
      if (!hasColon) {
        issues.push({ code: 'missing-argument', span, token: text.slice(start, end) });
        return undefined;
      }
      const domainSpec = parseDomainSpec(text, argStart, end, issues, plain);
      if (!domainSpec) return undefined;
      return { kind: name, qualifier: q, explicitQualifier, domainSpec, span };
    }
    case 'a':
    case 'mx': {
      const cidrAt = findCidrSuffix(text, argStart, end);
      const cidr = parseDualCidr(text, cidrAt, end, issues);
      if (!cidr) return undefined;
      let domainSpec: MacroString | undefined;
      if (hasColon) {
        domainSpec = parseDomainSpec(text, argStart, cidrAt, issues, plain);
        if (!domainSpec) return undefined;
      } else if (cidrAt !== argStart) {
        issues.push({ code: 'bad-cidr', span, token: text.slice(argStart, end) });
        return undefined;
      }
      return { kind: name, qualifier: q, explicitQualifier, domainSpec, cidr, span };
    }
    case 'ptr': {
      let domainSpec: MacroString | undefined;
      if (hasColon) {
        domainSpec = parseDomainSpec(text, argStart, end, issues, plain);
        if (!domainSpec) return undefined;
      } else if (sep !== -1) {
        issues.push({ code: 'unexpected-argument', span, token: text.slice(start, end) });
        return undefined;
      }
      return { kind: 'ptr', qualifier: q, explicitQualifier, domainSpec, span };
    }
    case 'ip4':
    case 'ip6':
      if (!hasColon) {
        issues.push({ code: 'missing-argument', span, token: text.slice(start, end) });
        return undefined;
      }
      return parseIpMechanism(name, q, explicitQualifier, text, argStart, end, span, issues);
    case undefined: {
      const issue: ParseIssue = {
        code: 'unknown-mechanism',
        span,
        token: text.slice(start, end),
      };
      const meant = suggestMechanism(text.slice(nameStart, nameEnd), hasColon);
      if (meant !== undefined) {
        issue.suggestion = text.slice(start, nameStart) + meant + text.slice(nameEnd, end);
      }
      issues.push(issue);
      return undefined;
    }
  }
}

function parseIpMechanism(
  kind: 'ip4' | 'ip6',
  qualifier: Qualifier,
  explicitQualifier: boolean,
  text: string,
  argStart: number,
  end: number,
  span: { start: number; end: number },
  issues: ParseIssue[],
): Mechanism | undefined {
  const slash = text.indexOf('/', argStart);
  const addrEnd = slash === -1 || slash >= end ? end : slash;
  let prefix: number | undefined;
  if (addrEnd < end) {
    prefix = parseCidrLength(text, addrEnd + 1, end, kind === 'ip4' ? 32 : 128);
    if (prefix === undefined) {
      issues.push({
        code: 'bad-cidr',
        span: { start: addrEnd, end },
        token: text.slice(addrEnd, end),
      });
      return undefined;
    }
  }
  const address = text.slice(argStart, addrEnd);
  if (kind === 'ip4') {
    const value = parseIp4(text, argStart, addrEnd);
    if (value === undefined) {
      issues.push({ code: 'bad-address', span: { start: argStart, end: addrEnd }, token: address });
      return undefined;
    }
    return { kind: 'ip4', qualifier, explicitQualifier, address, prefix, value, span };
  }
  if (!isIp6(address)) {
    issues.push({ code: 'bad-address', span: { start: argStart, end: addrEnd }, token: address });
    return undefined;
  }
  return { kind: 'ip6', qualifier, explicitQualifier, address, prefix, span };
}

/** ip4-cidr-length = "/" ("0" / %x31-39 0*1DIGIT); ip6: up to 3 digits. Value ≤ max. */
function parseCidrLength(text: string, start: number, end: number, max: number): number | undefined {
  const len = end - start;
  if (len < 1 || len > 3) return undefined;
  if (len > 1 && text.charCodeAt(start) === 0x30) return undefined;
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isDigit(c)) return undefined;
    n = n * 10 + (c - 0x30);
  }
  return n <= max ? n : undefined;
}

/**
 * Where the dual-cidr-length of an a/mx term starts: the first "/" of the trailing run of
 * digits and slashes (a domain-spec cannot end in "/" or "/digits").
 */
function findCidrSuffix(text: string, start: number, end: number): number {
  let i = end;
  while (i > start) {
    const c = text.charCodeAt(i - 1);
    if (c === CC_SLASH || isDigit(c)) i--;
    else break;
  }
  const slash = text.indexOf('/', i);
  return slash === -1 || slash >= end ? end : slash;
}

/** dual-cidr-length = [ ip4-cidr-length ] [ "/" ip6-cidr-length ] over `text[start, end)`. */
function parseDualCidr(text: string, start: number, end: number, issues: ParseIssue[] | undefined): DualCidr | undefined {
  const cidr: DualCidr = { ip4: undefined, ip6: undefined };
  if (start === end) return cidr;
  const bad = (): undefined => {
    issues?.push({
      code: 'bad-cidr',
      span: { start, end },
      token: text.slice(start, end),
    });
    return undefined;
  };
  let i = start;
  if (text.charCodeAt(i) === CC_SLASH && text.charCodeAt(i + 1) !== CC_SLASH) {
    let j = i + 1;
    while (j < end && isDigit(text.charCodeAt(j))) j++;
    const v = parseCidrLength(text, i + 1, j, 32);
    if (v === undefined) return bad();
    cidr.ip4 = v;
    i = j;
  }
  if (i < end) {
    if (text.charCodeAt(i) !== CC_SLASH || text.charCodeAt(i + 1) !== CC_SLASH) return bad();
    const v = parseCidrLength(text, i + 2, end, 128);
    if (v === undefined) return bad();
    cidr.ip6 = v;
  }
  return cidr;
}

/**
 * domain-spec = macro-string domain-end
 * domain-end  = ( "." toplabel [ "." ] ) / macro-expand
 */
function parseDomainSpec(text: string, start: number, end: number, issues: ParseIssue[], plain: boolean): MacroString | undefined {
  // Fast path, small enough to inline: a plain name ending in "." toplabel [ "." ].
  if (plain && start < end && plainDomainEnd(text, start, end)) return plainMacroString(text, start, end);
  return parseDomainSpecFully(text, start, end, issues, plain);
}

/** "." toplabel [ "." ] at the end of `text[start, end)` (no macros in it). */
function plainDomainEnd(text: string, start: number, end: number): boolean {
  let e = end;
  if (text.charCodeAt(e - 1) === CC_DOT) e--;
  let dot = e - 1;
  while (dot >= start && text.charCodeAt(dot) !== CC_DOT) dot--;
  return dot >= start && isTopLabel(text, dot + 1, e);
}

function parseDomainSpecFully(text: string, start: number, end: number, issues: ParseIssue[], plain: boolean): MacroString | undefined {
  if (start >= end) {
    issues.push({ code: 'bad-domain-spec', span: { start: Math.max(0, start - 1), end: start }, token: '' });
    return undefined;
  }
  const before = issues.length;
  const ms = parseMacroString(text, start, end, issues, plain ? PLAIN_OPTIONS : NO_OPTIONS);
  if (issues.length > before) return undefined;
  if (!hasValidDomainEnd(text, start, end, !plain && ms.text.includes('%'))) {
    issues.push({
      code: 'bad-domain-spec',
      span: { start, end },
      token: ms.text,
    });
    return undefined;
  }
  return ms;
}

/**
 * domain-end over the raw text `text[start, end)`: the text ends in a macro-expand, or its
 * literal tail (after the last macro-expand) ends in "." toplabel [ "." ].
 */
function hasValidDomainEnd(text: string, start: number, end: number, hasPercent: boolean): boolean {
  let tail = start;
  if (hasPercent) {
    // Find where the last macro-expand ends ("%{…}", "%%", "%_", "%-").
    let i = start;
    while (i < end) {
      if (text.charCodeAt(i) === 0x25) {
        const close = text.charCodeAt(i + 1) === 0x7b ? text.indexOf('}', i) : -1;
        i = close === -1 ? i + 2 : close + 1;
        tail = i;
      } else {
        i++;
      }
    }
    if (tail >= end) return true;
  }
  let e = end;
  if (text.charCodeAt(e - 1) === CC_DOT) e--;
  // A backward scan bounded by the term: String#lastIndexOf is slow in V8.
  let dot = e - 1;
  while (dot >= tail && text.charCodeAt(dot) !== CC_DOT) dot--;
  if (dot < tail) return false;
  return isTopLabel(text, dot + 1, e);
}

/**
 * toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum )
 * i.e. a LDH label that is not all digits and neither starts nor ends with "-".
 */
function isTopLabel(text: string, start: number, end: number): boolean {
  const n = end - start;
  if (n === 0 || n > 63) return false;
  let alphaOrHyphen = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isClass(c, LDH)) return false;
    if (!alphaOrHyphen && !isClass(c, DIGIT)) alphaOrHyphen = true;
  }
  if (text.charCodeAt(start) === 0x2d || text.charCodeAt(end - 1) === 0x2d) return false;
  return alphaOrHyphen;
}

function parseModifier(text: string, start: number, nameEnd: number, end: number, issues: ParseIssue[], plain: boolean): Modifier | undefined {
  const span = { start, end };
  const valueStart = nameEnd + 1;
  const rawName = text.slice(start, nameEnd);
  const lower = rawName.toLowerCase();
  const name = lower === 'redirect' || lower === 'exp' ? lower : undefined;
  if (name !== undefined) {
    // RFC 7208 §6.2: the exp= domain-spec follows domain-spec rules (no c/r/t letters).
    const domainSpec = parseDomainSpec(text, valueStart, end, issues, plain);
    if (!domainSpec) return undefined;
    return { kind: name, domainSpec, span };
  }
  if (rawName.length === 0 || !isAlpha(text.charCodeAt(start))) {
    issues.push({ code: 'bad-modifier-name', span, token: rawName });
    return undefined;
  }
  const before = issues.length;
  const value = parseMacroString(text, valueStart, end, issues, { expLetters: true });
  if (issues.length > before) return undefined;
  return { kind: 'unknown-modifier', name: rawName, value, span };
}

/** "v=spf1" in lower case followed by a space or the end (String#startsWith is slow in V8). */
function isLowerVersion(text: string): boolean {
  const n = text.length;
  return (
    n >= 6 &&
    (n === 6 || text.charCodeAt(6) === CC_SPACE) &&
    text.charCodeAt(0) === 0x76 &&
    text.charCodeAt(1) === CC_EQUALS &&
    text.charCodeAt(2) === 0x73 &&
    text.charCodeAt(3) === 0x70 &&
    text.charCodeAt(4) === 0x66 &&
    text.charCodeAt(5) === 0x31
  );
}

/* Three of the commonest term names, compared by character code (cheaper than slicing the name
 * out and comparing strings); the caller has checked the length. */
function isInclude(text: string, at: number): boolean {
  return (
    text.charCodeAt(at) === 0x69 &&
    text.charCodeAt(at + 1) === 0x6e &&
    text.charCodeAt(at + 2) === 0x63 &&
    text.charCodeAt(at + 3) === 0x6c &&
    text.charCodeAt(at + 4) === 0x75 &&
    text.charCodeAt(at + 5) === 0x64 &&
    text.charCodeAt(at + 6) === 0x65
  );
}

function isAll(text: string, at: number): boolean {
  return text.charCodeAt(at) === 0x61 && text.charCodeAt(at + 1) === 0x6c && text.charCodeAt(at + 2) === 0x6c;
}

function isIp4Name(text: string, at: number): boolean {
  return text.charCodeAt(at) === 0x69 && text.charCodeAt(at + 1) === 0x70 && text.charCodeAt(at + 2) === 0x34;
}

/**
 * The fast path for the records seen in practice: lower-case "v=spf1", visible ASCII without
 * macros, known mechanisms, redirect= and exp=. It does the same checks as the reference
 * parser and builds the same terms, in one function (V8 keeps it monomorphic and inlines its
 * helpers); on anything else — upper case, macros, unknown modifiers, any error — it returns
 * undefined and `parseRecordFully` takes over, so issues are always reported by one parser.
 */
function parseCommonRecord(text: string): ParseResult | undefined {
  const n = text.length;
  if (!isLowerVersion(text) || !PLAIN_RECORD.test(text)) return undefined;
  const terms: Term[] = [];
  const mechanisms: Mechanism[] = [];
  let redirect: SpfRecord['redirect'];
  let exp: SpfRecord['exp'];
  let pos = 6;
  while (pos < n) {
    if (text.charCodeAt(pos) === CC_SPACE) {
      pos++;
      continue;
    }
    let end = text.indexOf(' ', pos);
    if (end === -1) end = n;
    let i = pos;
    let qualifier: Qualifier = '+';
    let explicitQualifier = true;
    switch (text.charCodeAt(i)) {
      case 0x2b:
        i++;
        break;
      case 0x2d:
        qualifier = '-';
        i++;
        break;
      case 0x7e:
        qualifier = '~';
        i++;
        break;
      case 0x3f:
        qualifier = '?';
        i++;
        break;
      default:
        explicitQualifier = false;
    }
    const span = { start: pos, end };
    let mechanism: Mechanism;
    // The commonest terms by character codes, before any scanning or slicing.
    if (end - i > 8 && text.charCodeAt(i + 7) === CC_COLON && isInclude(text, i)) {
      if (!plainDomainEnd(text, i + 8, end)) return undefined;
      mechanism = { kind: 'include', qualifier, explicitQualifier, domainSpec: plainMacroString(text, i + 8, end), span };
    } else if (end - i === 3 && isAll(text, i)) {
      mechanism = { kind: 'all', qualifier, explicitQualifier, span };
    } else if (end - i === 2 && text.charCodeAt(i) === 0x6d && text.charCodeAt(i + 1) === 0x78) {
      mechanism = { kind: 'mx', qualifier, explicitQualifier, domainSpec: undefined, cidr: { ip4: undefined, ip6: undefined }, span };
    } else if (end - i === 1 && text.charCodeAt(i) === 0x61) {
      mechanism = { kind: 'a', qualifier, explicitQualifier, domainSpec: undefined, cidr: { ip4: undefined, ip6: undefined }, span };
    } else if (end - i > 4 && text.charCodeAt(i + 3) === CC_COLON && isIp4Name(text, i)) {
      const arg = i + 4;
      let slash = text.indexOf('/', arg);
      if (slash === -1 || slash > end) slash = end;
      const value = parseIp4(text, arg, slash);
      if (value === undefined) return undefined;
      let prefix: number | undefined;
      if (slash < end) {
        prefix = parseCidrLength(text, slash + 1, end, 32);
        if (prefix === undefined) return undefined;
      }
      mechanism = { kind: 'ip4', qualifier, explicitQualifier, address: text.slice(arg, slash), prefix, value, span };
    } else {
      let sep = i;
      let sepChar = -1;
      while (sep < end) {
        const c = text.charCodeAt(sep);
        if (c === CC_COLON || c === CC_SLASH || c === CC_EQUALS) {
          sepChar = c;
          break;
        }
        sep++;
      }
      const arg = sep + 1;
      switch (text.slice(i, sep)) {
        case 'ip6': {
          if (sepChar !== CC_COLON) return undefined;
          let slash = text.indexOf('/', arg);
          if (slash === -1 || slash > end) slash = end;
          const address = text.slice(arg, slash);
          if (!isIp6(address)) return undefined;
          let prefix: number | undefined;
          if (slash < end) {
            prefix = parseCidrLength(text, slash + 1, end, 128);
            if (prefix === undefined) return undefined;
          }
          mechanism = { kind: 'ip6', qualifier, explicitQualifier, address, prefix, span };
          break;
        }
        case 'a':
        case 'mx': {
          const kind = sep - i === 1 ? 'a' : 'mx';
          if (sepChar === CC_EQUALS) return undefined;
          const cidrAt = findCidrSuffix(text, sepChar === CC_COLON ? arg : sep, end);
          const cidr = parseDualCidr(text, cidrAt, end, undefined);
          if (!cidr) return undefined;
          let domainSpec: MacroString | undefined;
          if (sepChar === CC_COLON) {
            if (arg >= cidrAt || !plainDomainEnd(text, arg, cidrAt)) return undefined;
            domainSpec = plainMacroString(text, arg, cidrAt);
          } else if (cidrAt !== sep) {
            return undefined;
          }
          mechanism = { kind, qualifier, explicitQualifier, domainSpec, cidr, span };
          break;
        }
        case 'ptr': {
          let domainSpec: MacroString | undefined;
          if (sepChar === CC_COLON) {
            if (arg >= end || !plainDomainEnd(text, arg, end)) return undefined;
            domainSpec = plainMacroString(text, arg, end);
          } else if (sepChar !== -1) {
            return undefined;
          }
          mechanism = { kind: 'ptr', qualifier, explicitQualifier, domainSpec, span };
          break;
        }
        case 'exists':
          if (sepChar !== CC_COLON || arg >= end || !plainDomainEnd(text, arg, end)) return undefined;
          mechanism = { kind: 'exists', qualifier, explicitQualifier, domainSpec: plainMacroString(text, arg, end), span };
          break;
        case 'redirect':
        case 'exp': {
          if (explicitQualifier || sepChar !== CC_EQUALS || arg >= end || !plainDomainEnd(text, arg, end)) return undefined;
          const domainSpec = plainMacroString(text, arg, end);
          if (sep - i === 3) {
            if (exp) return undefined;
            exp = { kind: 'exp', domainSpec, span };
            terms.push(exp);
          } else {
            if (redirect) return undefined;
            redirect = { kind: 'redirect', domainSpec, span };
            terms.push(redirect);
          }
          pos = end;
          continue;
        }
        default:
          return undefined;
      }
    }
    terms.push(mechanism);
    mechanisms.push(mechanism);
    pos = end;
  }
  return { ok: true, record: { text, terms, mechanisms, redirect, exp } };
}
