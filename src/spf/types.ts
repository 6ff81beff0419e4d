/**
 * The SPF (RFC 7208) data model: results, the syntax tree of a record, parse issues, and
 * the typed outcome of `checkHost()` with its evaluation trace. Prose is made from these by
 * `explain` (src/spf/explain.ts) in the chosen language; nothing here is meant for display.
 */
import type { Span } from '../common/types.ts';
import type { DnsAnswerKind, RrType } from '../dns/resolver.ts';

/** RFC 7208 §2.6: the seven results; the names are also the Received-SPF header tokens. */
export type SpfResult = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'temperror' | 'permerror';

export const SPF_RESULTS: readonly SpfResult[] = ['pass', 'fail', 'softfail', 'neutral', 'none', 'temperror', 'permerror'];

/** RFC 7208 §4.6.2: qualifier = "+" / "-" / "?" / "~" */
export type Qualifier = '+' | '-' | '~' | '?';

/** Half-open character range `[start, end)` in the record text (one `Span` for every protocol). */
export type { Span };

/**
 * RFC 7208 §7.1:
 *   macro-expand  = ( "%{" macro-letter transformers *delimiter "}" ) / "%%" / "%_" / "%-"
 *   macro-letter  = "s" / "l" / "o" / "d" / "i" / "p" / "h" / "c" / "r" / "t" / "v"
 *   transformers  = *DIGIT [ "r" ]
 *   delimiter     = "." / "-" / "+" / "," / "/" / "_" / "="
 */
export type MacroLetter = 's' | 'l' | 'o' | 'd' | 'i' | 'p' | 'h' | 'c' | 'r' | 't' | 'v';

export type MacroPart =
  | { kind: 'literal'; text: string }
  | {
      kind: 'macro';
      letter: MacroLetter;
      /** An upper-case letter asks for URL escaping of the expansion (§7.3). */
      urlEscape: boolean;
      /** Rightmost parts to keep; undefined = all. */
      digits: number | undefined;
      reverse: boolean;
      /** Delimiters to split on; "" means the default ".". */
      delimiters: string;
      span: Span;
    };

/** A macro-string kept unexpanded (domain-spec, explain-string, unknown modifier value). */
export interface MacroString {
  /** The source text, e.g. `%{i}._spf.%{d}`. */
  text: string;
  /** Parsed parts; a single literal when the text has no `%`. */
  parts: MacroPart[];
  /** True when any part needs expansion (evaluation fast path when false). */
  hasMacros: boolean;
  span: Span;
}

/** Dual CIDR lengths of `a` and `mx` (§5.6: dual-cidr-length). */
export interface DualCidr {
  ip4: number | undefined;
  ip6: number | undefined;
}

interface TermBase {
  span: Span;
}

interface MechanismBase extends TermBase {
  qualifier: Qualifier;
  /** Whether the qualifier was written out (`+a`) or implied (`a`). */
  explicitQualifier: boolean;
}

/** RFC 7208 §5.1 – §5.7 */
export type Mechanism =
  | (MechanismBase & { kind: 'all' })
  | (MechanismBase & { kind: 'include'; domainSpec: MacroString })
  | (MechanismBase & { kind: 'a'; domainSpec: MacroString | undefined; cidr: DualCidr })
  | (MechanismBase & { kind: 'mx'; domainSpec: MacroString | undefined; cidr: DualCidr })
  | (MechanismBase & { kind: 'ptr'; domainSpec: MacroString | undefined })
  | (MechanismBase & { kind: 'ip4'; address: string; prefix: number | undefined; /** the network as an unsigned 32-bit number */ value: number })
  | (MechanismBase & { kind: 'ip6'; address: string; prefix: number | undefined })
  | (MechanismBase & { kind: 'exists'; domainSpec: MacroString });

export type MechanismKind = Mechanism['kind'];

/** RFC 7208 §6 and §12 (unknown-modifier = name "=" macro-string). */
export type Modifier =
  | (TermBase & { kind: 'redirect'; domainSpec: MacroString })
  | (TermBase & { kind: 'exp'; domainSpec: MacroString })
  | (TermBase & { kind: 'unknown-modifier'; name: string; value: MacroString });

export type ModifierKind = Modifier['kind'];

export type Term = Mechanism | Modifier;

/** A parsed `v=spf1` record. */
export interface SpfRecord {
  /** The record text as given (character-strings already joined). */
  text: string;
  /** All terms in order, mechanisms and modifiers mixed, as written. */
  terms: Term[];
  /** The mechanisms in order (directives, §4.6.2). */
  mechanisms: Mechanism[];
  redirect: Extract<Modifier, { kind: 'redirect' }> | undefined;
  exp: Extract<Modifier, { kind: 'exp' }> | undefined;
}

/** Codes of record syntax problems. */
export type ParseIssueCode =
  | 'missing-version'
  | 'wrong-version'
  | 'unknown-mechanism'
  | 'bad-cidr'
  | 'bad-address'
  | 'duplicate-modifier'
  | 'bad-macro'
  | 'illegal-character'
  | 'bad-domain-spec'
  | 'missing-argument'
  | 'unexpected-argument'
  | 'bad-modifier-name'
  | 'empty-term';

/** One syntax problem, as data: no words here (`issueMessage` in spf/describe.ts words it from src/i18n). */
export interface ParseIssue {
  code: ParseIssueCode;
  span: Span;
  /** The offending text (term, character, address …) when there is one. */
  token?: string;
  /** The term as it was probably meant (`~all` for `~al`), for a near-miss mechanism name. */
  suggestion?: string;
}

export type ParseResult = { ok: true; record: SpfRecord } | { ok: false; issues: ParseIssue[] };

/** The §4.6.4 processing limits; every one is an option so that receivers can be modelled. */
export interface SpfLimits {
  /** Terms that cause DNS queries (include, a, mx, ptr, exists, redirect). RFC: 10. */
  dnsTerms: number;
  /** Lookups that return NXDOMAIN or no answers. RFC: 2 (SHOULD). */
  voidLookups: number;
  /** Exchanges looked at per `mx` mechanism. RFC: 10 → beyond is permerror. */
  mxNames: number;
  /** PTR names looked at per `ptr`/`%{p}`. RFC: 10 → the rest is ignored. */
  ptrNames: number;
  /**
   * Whether an a/mx host that has addresses only of the other family than the client's
   * counts as a void lookup (the reading of pyspf and Mail::SPF). When false, an empty
   * answer for the client's family is void only if the other family is empty too.
   */
  voidOtherFamily: boolean;
  /** Longest expanded macro-string accepted (guards against amplification). */
  maxMacroExpansion: number;
  /**
   * An `mx` answer with more than `mxNames` exchanges: `refuse` is a permerror before any
   * exchange is looked at (RFC 7208 §4.6.4, pyspf); `cut` looks at the first `mxNames`, a match
   * among them counts, and only no match is a permerror (libspf2, mailauth). Default `refuse`.
   * Implementation profiles: src/spf/profiles.ts.
   */
  mxOverLimit?: 'refuse' | 'cut';
  /**
   * Where void lookups of an `mx` mechanism's exchanges count: `check` — against the check's
   * `voidLookups` (RFC 7208 §4.6.4, pyspf); `mechanism` — against a budget of `voidLookups` of
   * their own per `mx` term (mailauth). Default `check`.
   */
  mxHostVoids?: 'check' | 'mechanism';
}

export const RFC_LIMITS: Readonly<SpfLimits> = Object.freeze({
  dnsTerms: 10,
  voidLookups: 2,
  mxNames: 10,
  ptrNames: 10,
  voidOtherFamily: true,
  maxMacroExpansion: 8192,
});

/** Where the SPF identity came from (RFC 7208 §2.3 HELO, §2.4 MAIL FROM). */
export type Identity = 'mfrom' | 'helo';

/** The reason behind a result, as data. `domain` is where it happened (maybe nested). */
export type SpfCause =
  /** A mechanism matched; see `matched`. */
  | { code: 'matched'; domain: string }
  /** No mechanism matched and there was no redirect: §4.7 default neutral. */
  | { code: 'no-match'; domain: string }
  /** §4.3: the domain is malformed or not fully qualified: none before any DNS query. */
  | { code: 'invalid-domain'; domain: string; reason: DomainProblem }
  /** §4.5: no SPF record at the domain (NXDOMAIN, no TXT, or no v=spf1 among them). */
  | { code: 'no-record'; domain: string; dns: 'nxdomain' | 'nodata' | 'no-spf' }
  /** §4.5: more than one v=spf1 record. */
  | { code: 'multiple-records'; domain: string; count: number }
  /** §4.6: syntax error(s) in the record. */
  | { code: 'syntax'; domain: string; record: string; issues: ParseIssue[] }
  /**
   * §2.6.6: a DNS query failed temporarily. `refused`: the resolver refused the connection (nothing
   * listens there). `budget`: the caller's query budget (that many queries) was spent, not the name's
   * DNS failing (dns/budget.ts).
   */
  | { code: 'dns-error'; domain: string; name: string; type: RrType; answer: 'timeout' | 'servfail'; detail?: string; refused?: true; budget?: number }
  /** §4.6.4: too many DNS-querying terms. */
  | { code: 'lookup-limit'; domain: string; limit: number }
  /** §4.6.4: too many void lookups. */
  | { code: 'void-limit'; domain: string; limit: number }
  /** §4.6.4: an mx mechanism yielded more exchanges than allowed. */
  | { code: 'mx-limit'; domain: string; limit: number; count: number }
  /** §5.2: an include target has no SPF record. */
  | { code: 'include-none'; domain: string; target: string }
  /** §6.1: the redirect target has no SPF record. */
  | { code: 'redirect-none'; domain: string; target: string }
  /** §4.8 / §7.3: a macro expanded to something that is not a usable domain name. */
  | { code: 'invalid-target'; domain: string; target: string; reason: DomainProblem }
  /** The expansion of a macro-string went over `maxMacroExpansion`. */
  | { code: 'macro-too-long'; domain: string; length: number; limit: number };

export type SpfCauseCode = SpfCause['code'];

/** Why a string is not a usable domain name (RFC 7208 §4.3, RFC 1035 §2.3.4). */
export type DomainProblem = 'empty' | 'empty-label' | 'label-too-long' | 'too-long' | 'single-label' | 'bad-character' | 'bad-idn' | 'address-literal';

/** How a check reached a domain. */
export type Via = 'root' | 'include' | 'redirect';

/** One step of an evaluation. `depth` is the include/redirect nesting level (root = 0). */
export type TraceStep =
  | { type: 'check'; depth: number; domain: string; via: Via }
  | { type: 'query'; depth: number; name: string; rrtype: RrType; answer: DnsAnswerKind; records?: string[]; detail?: string }
  | { type: 'record'; depth: number; domain: string; record: string; source: 'dns' | 'override' }
  | {
      type: 'term';
      depth: number;
      domain: string;
      /** Index in `SpfRecord.terms`. */
      index: number;
      /** The term as written. */
      text: string;
      span: Span;
      kind: MechanismKind | 'redirect';
      /** The domain the term's domain-spec expanded to, when it has one. */
      target?: string;
      /** Filled in when the term finished. `error` = the term ended the check with an error. */
      outcome: 'match' | 'no-match' | 'error';
      /** Whether the term counted against the 10-term DNS limit. */
      counted: boolean;
    }
  | { type: 'result'; depth: number; domain: string; result: SpfResult; cause: SpfCause }
  | { type: 'explanation'; depth: number; domain: string; target: string; text?: string; problem?: ExpProblem };

/** The mechanism that decided the result. */
export interface SpfMatch {
  domain: string;
  text: string;
  span: Span;
  kind: MechanismKind;
  qualifier: Qualifier;
  /** Include/redirect nesting level where it matched (0 = the checked domain's own record). */
  depth: number;
}

/** A problem met along the way that did not by itself decide the result. */
export type SpfProblem =
  /** §4.6: a syntax issue of a record met along the way (the check's cause is `syntax`). */
  | { code: ParseIssueCode; domain: string; span: Span; token?: string; suggestion?: string }
  /** §4.8 / see docs/deviations.md: a mechanism's target is not a usable domain name, so it does not match. */
  | { code: 'bad-domain-spec'; domain: string; target: string; reason: DomainProblem }
  /** The expansion of `spec` was cut to `name` (RFC 7208 §7.3: left-hand labels dropped to fit 253 characters). */
  | { code: 'macro-truncated'; domain: string; spec: string; length: number; name: string }
  /** §4.6.4: `ip` has `count` PTR names; only the first `limit` are used. */
  | { code: 'ptr-limit'; domain: string; ip: string; count: number; limit: number }
  | ExpProblem;

/** §6.2: why no explanation came from `exp=` (the result stands; only the explanation is lost). */
export type ExpProblem =
  /** `target` (the exp= domain-spec as written) could not be expanded. */
  | { code: 'exp-failed'; domain: string; target: string; reason: 'not-expanded' }
  /** `target` is not a usable domain name. */
  | { code: 'exp-failed'; domain: string; target: string; reason: 'bad-target' }
  /** No TXT record at `target`; `answer` is how the query ended. */
  | { code: 'exp-failed'; domain: string; target: string; reason: 'no-txt'; answer: DnsAnswerKind }
  /** Expanding the explanation's own macros ended the way `cause` says. */
  | { code: 'exp-failed'; domain: string; target: string; reason: 'expansion-failed'; cause: SpfCauseCode }
  /** The explanation expands beyond `limit` characters. */
  | { code: 'exp-failed'; domain: string; target: string; reason: 'too-long'; limit: number }
  /** `count` TXT records at `target`; an explanation needs exactly one. */
  | { code: 'exp-multiple'; domain: string; target: string; count: number }
  /** The TXT record at `target` is not a valid explain-string (§6.2); `issue` is the first problem. */
  | { code: 'exp-syntax'; domain: string; target: string; issue: ParseIssue };

/** Lookup counts (§4.6.4). `mx` and `ptr` are the largest per-term name counts seen. */
export interface SpfLookups {
  terms: number;
  void: number;
  mx: number;
  ptr: number;
}

/** The outcome of `checkHost()`. */
export interface SpfCheck {
  result: SpfResult;
  /** The domain whose policy was checked (the sender's domain or the HELO name). */
  domain: string;
  identity: Identity;
  /** The sender address used, with `postmaster` filled in where the local-part was empty. */
  sender: string;
  /** The client IP in canonical form (IPv4-mapped IPv6 shown as IPv4). */
  ip: string;
  /** The explanation from the domain's `exp=`, after macro expansion (fail only). */
  explanation?: string;
  cause: SpfCause;
  matched?: SpfMatch;
  trace: TraceStep[];
  lookups: SpfLookups;
  problems: SpfProblem[];
  /** The domains whose record came from `overrides` instead of DNS. */
  overridesUsed: string[];
}
