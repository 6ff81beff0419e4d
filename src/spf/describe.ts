/**
 * Describing SPF things in words, without evaluating a check: what each term of a record
 * means and costs, where its syntax problems are (`explainRecord`), and the confirmed
 * reverse-DNS name of a client (`lookupPtrName`) that explanations show beside the IP.
 */
import type { Resolver } from '../dns/resolver.ts';
import { TERM_QUOTE_LIMIT, code, elide } from '../i18n/format.ts';
import { type Lang, DEFAULT_LANG } from '../i18n/lang.ts';
import { t } from '../i18n/catalog.ts';
import { canonicalDomain, domainProblem } from './domain.ts';
import { addressMatches, parseClientIp, reverseName } from './ip.ts';
import { isSpfRecordText, parseRecord } from './parse.ts';
import { lookupCost } from './lookup-rules.ts';
import { QUALIFIER_RESULT } from './qualifier.ts';
import { MAX_RECORD_BYTES, MAX_STRING_BYTES, type RecordSize, measureRecord } from './size.ts';
import {
  type DualCidr,
  type MechanismKind,
  type ModifierKind,
  type ParseIssue,
  type ParseIssueCode,
  type Qualifier,
  RFC_LIMITS,
  type Span,
  type Term,
} from './types.ts';

/** One whitespace-separated piece of the record, explained. */
export interface TermExplanation {
  /**
   * The term as written, for showing: control characters as `·`, a term longer than
   * `TERM_QUOTE_LIMIT` shortened with `…` (issue 17.1). `span` points at the exact text.
   */
  text: string;
  span: Span;
  /** The qualifier of a mechanism (written or implied `+`); absent for modifiers. */
  qualifier?: Qualifier;
  /** `version` for `v=spf1`; `invalid` for a piece the parser could not use. */
  kind: MechanismKind | ModifierKind | 'version' | 'invalid';
  /** What the term does, in the chosen language. */
  meaning: string;
  /** DNS-querying terms it costs against the limit of 10 (RFC 7208 §4.6.4): 0 or 1. */
  lookups: number;
}

/** One syntax problem, pointed at. */
export interface IssueExplanation {
  code: ParseIssueCode;
  span: Span;
  /** 1-based column of the problem. */
  column: number;
  token?: string;
  /** The term as it was probably meant (`~all` for `~al`); the message asks "did you mean …?". */
  suggestion?: string;
  /** What is wrong, in the chosen language. */
  message: string;
  /** The record and a line of carets under the problem (see `renderCaret`). */
  caret: string;
}

/** What `explainRecord` returns: data for any shell, plus text via `renderRecordExplanation`. */
export interface RecordExplanation {
  text: string;
  /** True when the record has no syntax problems. */
  ok: boolean;
  terms: TermExplanation[];
  issues: IssueExplanation[];
  /**
   * Problems found beyond the first `MAX_EXPLAINED_ISSUES`, counted but not explained: a
   * long broken record then costs work and output in proportion to its length (issue 17.1).
   */
  moreIssues: number;
  /** Terms beyond the first `MAX_EXPLAINED_TERMS`, counted (and their lookups too) but not explained. */
  moreTerms: number;
  /** DNS-querying terms of this record itself (includes and redirects add their own). */
  lookups: number;
  /** The limit the count is held against (RFC 7208 §4.6.4: 10). */
  limit: number;
  /** What publishing it takes: bytes, TXT strings, over RFC 7208 §3.4's 450 octets or not. */
  size: RecordSize;
  /** Remarks on the record as a whole (too long to publish, over the limit, terms after `all` …). */
  notes: string[];
}

export interface ExplainRecordOptions {
  lang?: Lang;
  /** The DNS-querying term limit to compare with (default RFC 7208's 10). */
  limit?: number;
  /** The domain the record belongs to, named where a term means "this domain" (`a`, `mx`, `ptr`). */
  domain?: string;
}


/** How many problems of one record `explainRecord` explains; the rest are counted. */
export const MAX_EXPLAINED_ISSUES = 20;
/** How many terms of one record `explainRecord` explains; the rest are counted (issue 17.1). */
export const MAX_EXPLAINED_TERMS = 50;
/** Terms named in a note (`after-all`) before the rest is left out. */
const MAX_NOTED_TERMS = 5;
/** The widest piece of a record a caret line shows (a longer record is cut around the problem, with `…`). */
export const CARET_WINDOW = 100;
/** Characters of context shown before the problem when the record is cut. */
const CARET_LEAD = 30;

/**
 * The text with a line of carets under `span` (at least one caret, also for an empty span).
 * Control characters are shown as `·` so that the carets stay aligned. A text longer than
 * `CARET_WINDOW` is shown only around the span, cut ends marked `…`, so a caret costs the
 * same for any length of record.
 *
 * @example
 * renderCaret('v=spf1 ip4:1.2.3 -all', { start: 11, end: 16 })
 * // 'v=spf1 ip4:1.2.3 -all\n           ^^^^^'
 */
export function renderCaret(text: string, span: Span): string {
  const start = Math.min(Math.max(span.start, 0), text.length);
  const end = Math.min(Math.max(span.end, start), text.length);
  const from = text.length <= CARET_WINDOW ? 0 : Math.max(0, Math.min(start - CARET_LEAD, text.length - CARET_WINDOW));
  const to = Math.min(text.length, from + CARET_WINDOW);
  const head = from > 0 ? '…' : '';
  const tail = to < text.length ? '…' : '';
  const shown = visible(text.slice(from, to));
  const width = Math.max(1, Math.min(end, to) - start);
  return `${head}${shown}${tail}\n${' '.repeat(head.length + start - from)}${'^'.repeat(width)}`;
}

/** Control characters (and NBSP) as `·`, one for one, so text in sentences and under carets stays visible. */
function visible(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u00a0]/g, '·');
}

/** Record text quoted inside a sentence: visible and at most `TERM_QUOTE_LIMIT` characters. */
function quoted(text: string): string {
  return visible(elide(text, TERM_QUOTE_LIMIT));
}

/** What a syntax issue's words are made of (a `ParseIssue`, or an `SpfProblem` copied from one). */
type IssueWords = Pick<ParseIssue, 'code' | 'token' | 'suggestion'>;

/** The offending text of an issue as it can be shown: invisible characters as U+XXXX. */
function shownToken(issue: IssueWords): string {
  const token = issue.token ?? '';
  if (issue.code !== 'illegal-character') return quoted(token);
  const c = token.codePointAt(0) ?? 0;
  return c < 0x21 || c > 0x7e ? `U+${c.toString(16).toUpperCase().padStart(4, '0')}` : code(token);
}

/**
 * A syntax issue in words: the one place a `ParseIssue` becomes a sentence (the parser has none).
 *
 * @example
 * issueMessage({ code: 'bad-address', span, token: '1.2.3' }, 'nl')
 * // '`1.2.3` is geen geldig IP-adres'
 */
export function issueMessage(issue: IssueWords, lang: Lang): string {
  const message = t(lang, `spf.issue.${issue.code}`, { token: shownToken(issue) });
  return issue.suggestion === undefined ? message : `${message}; ${t(lang, 'spf.did-you-mean', { term: issue.suggestion })}`;
}

function cidrText(cidr: DualCidr): string | undefined {
  const text = (cidr.ip4 !== undefined ? `/${cidr.ip4}` : '') + (cidr.ip6 !== undefined ? `//${cidr.ip6}` : '');
  return text === '' ? undefined : text;
}

/** What a term does (and, for a mechanism, what its qualifier makes of a match). */
function termMeaning(term: Term, lang: Lang, domain: string | undefined): string {
  let what: string;
  const extra: string[] = [];
  switch (term.kind) {
    case 'redirect':
      return t(lang, 'spf.term.redirect', { target: quoted(term.domainSpec.text) }) + macroNote(term.domainSpec.hasMacros, lang);
    case 'exp':
      return t(lang, 'spf.term.exp', { target: quoted(term.domainSpec.text) }) + macroNote(term.domainSpec.hasMacros, lang);
    case 'unknown-modifier':
      return t(lang, 'spf.term.unknown-modifier', { name: quoted(term.name) });
    case 'all':
      what = t(lang, 'spf.term.all');
      if (term.qualifier === '+') extra.push(t(lang, 'spf.term.plus-all'));
      break;
    case 'include':
      what = t(lang, 'spf.term.include', { target: quoted(term.domainSpec.text) });
      break;
    case 'a':
    case 'mx': {
      const params: { target?: string; cidr?: string } = {};
      const target = term.domainSpec?.text ?? domain;
      if (target !== undefined) params.target = quoted(target);
      const cidr = cidrText(term.cidr);
      if (cidr) params.cidr = cidr;
      what = term.kind === 'a' ? t(lang, 'spf.term.a', params) : t(lang, 'spf.term.mx', params);
      break;
    }
    case 'ptr': {
      const target = term.domainSpec?.text ?? domain;
      what = t(lang, 'spf.term.ptr', target !== undefined ? { target: quoted(target) } : {});
      extra.push(t(lang, 'spf.term.ptr-deprecated'));
      break;
    }
    case 'ip4':
    case 'ip6': {
      const params = term.prefix === undefined ? { address: term.address } : { address: term.address, prefix: term.prefix };
      what = term.kind === 'ip4' ? t(lang, 'spf.term.ip4', params) : t(lang, 'spf.term.ip6', params);
      break;
    }
    case 'exists':
      what = t(lang, 'spf.term.exists', { target: quoted(term.domainSpec.text) });
      break;
    default: {
      const never: never = term;
      throw new Error(`unhandled term ${String(never)}`);
    }
  }
  const spec = 'domainSpec' in term ? term.domainSpec : undefined;
  const outcome = t(lang, `spf.qualifier.${QUALIFIER_RESULT[term.qualifier]}`);
  return [t(lang, 'spf.term.directive', { what, outcome }) + macroNote(spec?.hasMacros ?? false, lang), ...extra].join(' ');
}

function macroNote(hasMacros: boolean, lang: Lang): string {
  return hasMacros ? ' ' + t(lang, 'spf.term.macros') : '';
}

/**
 * Explains an SPF record term by term — qualifier, meaning, DNS lookups — and points at
 * every syntax problem. Works on broken records too: what parses is explained, the rest is
 * marked `invalid` and listed in `issues`.
 *
 * @example
 * const x = explainRecord('v=spf1 include:spf.byte.nl ip4:82.94.214.5 ~all', { lang: 'nl' });
 * x.terms[1]; // { text: 'include:spf.byte.nl', kind: 'include', qualifier: '+', lookups: 1, meaning: 'Servers die …' }
 * x.lookups;  // 1
 * console.log(renderRecordExplanation(x, { lang: 'nl' }));
 */
export function explainRecord(text: string, options: ExplainRecordOptions = {}): RecordExplanation {
  const lang = options.lang ?? DEFAULT_LANG;
  const limit = options.limit ?? RFC_LIMITS.dnsTerms;
  const parsed = parseRecord(text);
  const record = parsed.ok ? parsed.record : parsed.partial;
  const parsedTerms = new Map<number, Term>();
  for (const term of record?.terms ?? []) parsedTerms.set(term.span.start, term);

  // Every piece is classified and costed (the lookup count and the notes are about the whole
  // record); only the first MAX_EXPLAINED_TERMS are put in words, so a record of 4 000 pieces
  // costs no more output than one of 50 (issue 17.1).
  const hasVersion = isSpfRecordText(text);
  const all = pieces(text).map((span, index) => {
    const term = index === 0 && span.start === 0 && hasVersion ? undefined : parsedTerms.get(span.start);
    const whole = term !== undefined && term.span.end === span.end ? term : undefined;
    return { span, term: whole, version: index === 0 && span.start === 0 && hasVersion };
  });
  const terms: TermExplanation[] = [];
  for (const { span, term, version } of all.slice(0, MAX_EXPLAINED_TERMS)) {
    const piece = quoted(text.slice(span.start, span.end));
    if (version) {
      terms.push({ text: piece, span, kind: 'version', meaning: t(lang, 'spf.term.version'), lookups: 0 });
    } else if (term) {
      const explained: TermExplanation = { text: piece, span, kind: term.kind, meaning: termMeaning(term, lang, options.domain), lookups: lookupCost(term) };
      if ('qualifier' in term) explained.qualifier = term.qualifier;
      terms.push(explained);
    } else {
      terms.push({ text: piece, span, kind: 'invalid', meaning: t(lang, 'spf.term.invalid'), lookups: 0 });
    }
  }
  const moreTerms = all.length - terms.length;

  const found = parsed.ok ? [] : parsed.issues;
  const issues: IssueExplanation[] = found.slice(0, MAX_EXPLAINED_ISSUES).map((issue) => {
    const explained: IssueExplanation = {
      code: issue.code,
      span: issue.span,
      column: issue.span.start + 1,
      message: issueMessage(issue, lang),
      caret: renderCaret(text, issue.span),
    };
    if (issue.token !== undefined) explained.token = elide(issue.token, TERM_QUOTE_LIMIT);
    if (issue.suggestion !== undefined) explained.suggestion = elide(issue.suggestion, TERM_QUOTE_LIMIT);
    return explained;
  });
  const moreIssues = found.length - issues.length;

  const lookups = all.reduce((sum, piece) => sum + (piece.term ? lookupCost(piece.term) : 0), 0);
  const size = measureRecord(text);
  const notes: string[] = recordSizeNotes(size, lang);
  if (lookups > limit) notes.push(t(lang, 'spf.record.over-limit', { count: lookups, limit }));
  const mechanisms = all.filter((piece) => piece.term !== undefined && 'qualifier' in piece.term);
  const allAt = mechanisms.findIndex((piece) => piece.term?.kind === 'all');
  const termText = (span: Span): string => quoted(text.slice(span.start, span.end));
  // RFC 7208 §4.6.2: evaluation stops at `all`, which always matches.
  if (allAt !== -1 && allAt < mechanisms.length - 1) {
    const unused = mechanisms.slice(allAt + 1);
    const named = unused.slice(0, MAX_NOTED_TERMS).map((piece) => termText(piece.span));
    const more = unused.length - named.length;
    notes.push(t(lang, 'spf.record.after-all', more > 0 ? { terms: named, more } : { terms: named }));
  }
  const redirect = all.find((piece) => piece.term?.kind === 'redirect');
  if (redirect && allAt !== -1) notes.push(t(lang, 'spf.record.redirect-ignored', { term: text.slice(redirect.span.start, redirect.span.end) }));
  if (parsed.ok && allAt === -1 && !redirect) notes.push(t(lang, 'spf.record.no-all'));

  return { text, ok: parsed.ok, terms, issues, moreIssues, moreTerms, lookups, limit, size, notes };
}

/**
 * What a record's size means for publishing it, in words: nothing for a record that fits one
 * TXT string; how many strings it takes above 255 octets; that it cannot be published like
 * this above 450 (`explain`, and `check --policy` for a candidate, say so as `add` and `audit` do).
 *
 * @example
 * recordSizeNotes(measureRecord(longRecord), 'en')
 * // ['Cannot be published like this: the record is 5791 bytes, over the 450 …', 'The record is 5791 bytes and a TXT string …']
 */
export function recordSizeNotes(size: RecordSize, lang: Lang): string[] {
  const notes: string[] = [];
  if (size.tooLong) notes.push(t(lang, 'spf.record.too-long', { bytes: size.bytes, limit: MAX_RECORD_BYTES }));
  if (size.strings > 1) notes.push(t(lang, 'spf.record.strings', { bytes: size.bytes, count: size.strings, limit: MAX_STRING_BYTES }));
  return notes;
}

/** Spans of the space-separated pieces of a record (RFC 7208 §4.6.1: terms are split on SP). */
function pieces(text: string): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < text.length) {
    if (text.charCodeAt(i) === 0x20) {
      i++;
      continue;
    }
    const end = text.indexOf(' ', i);
    const stop = end === -1 ? text.length : end;
    spans.push({ start: i, end: stop });
    i = stop;
  }
  return spans;
}

/**
 * The text form of a record explanation: the terms with their meaning and cost, the
 * lookup count, the problems with carets, and the notes.
 *
 * @example
 * renderRecordExplanation(explainRecord('v=spf1 -all'), { lang: 'en' });
 */
export function renderRecordExplanation(x: RecordExplanation, options: { lang?: Lang; title?: string; words?: (message: string) => string } = {}): string {
  const lang = options.lang ?? DEFAULT_LANG;
  // A shell's way of showing the sentences' code markup (the CLI: no backticks on a terminal); record text stays as it is.
  const words = options.words ?? ((message: string) => message);
  const lines: string[] = [];
  if (options.title) lines.push(options.title);
  lines.push(`  ${visible(x.text)}`, '');
  const width = Math.min(32, Math.max(0, ...x.terms.map((term) => term.text.length)));
  for (const term of x.terms) {
    const cost = term.lookups > 0 ? ` (${t(lang, 'spf.term.lookups', { count: term.lookups })})` : '';
    const name = term.text.length > width ? `${term.text}\n  ${' '.repeat(width)}` : term.text.padEnd(width);
    lines.push(`  ${name}  ${words(term.meaning)}${cost}`);
  }
  if (x.moreTerms > 0) lines.push(`  ${words(t(lang, 'spf.record.more-terms', { count: x.moreTerms }))}`);
  lines.push('', words(t(lang, 'spf.record.lookups', { count: x.lookups, limit: x.limit })));
  if (x.issues.length === 0) {
    lines.push(t(lang, 'spf.record.ok'));
  } else {
    lines.push('', t(lang, 'spf.record.issues', { count: x.issues.length + x.moreIssues }));
    for (const issue of x.issues) {
      lines.push(`  ${words(t(lang, 'spf.record.issue-at', { column: issue.column, problem: issue.message }))}`);
      for (const line of issue.caret.split('\n')) lines.push(`    ${line}`);
    }
    if (x.moreIssues > 0) lines.push(`  ${t(lang, 'spf.record.more-issues', { count: x.moreIssues })}`);
  }
  if (x.notes.length > 0) {
    lines.push('');
    for (const note of x.notes) lines.push(`- ${words(note)}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * The client's reverse-DNS name, when it is forward-confirmed: a PTR name of the IP
 * (at most 10 are tried, RFC 7208 §4.6.4) whose A/AAAA records contain the IP. Any DNS
 * failure gives undefined — the name is decoration for explanations, never a verdict.
 *
 * @example
 * await lookupPtrName(resolver, '5.255.64.53') // 'smtp1.blueinkt.com'
 */
export async function lookupPtrName(resolver: Resolver, ip: string): Promise<string | undefined> {
  const client = parseClientIp(ip);
  if (!client) return undefined;
  const answer = await resolver.query(reverseName(client), 'PTR');
  if (answer.kind !== 'answer') return undefined;
  const type = client.family === 4 ? 'A' : 'AAAA';
  for (const raw of answer.records.slice(0, RFC_LIMITS.ptrNames)) {
    const name = canonicalDomain(raw);
    if (domainProblem(name) !== undefined) continue;
    const forward = await resolver.query(name, type);
    if (forward.kind === 'answer' && forward.records.some((address) => addressMatches(client, address, 32, 128))) return name;
  }
  return undefined;
}
