/**
 * DMARC policy records, RFC 7489 §6.3 (tags) and §6.4 (formal definition).
 *
 * ```abnf
 * dmarc-record    = dmarc-version dmarc-sep [dmarc-request] [dmarc-sep dmarc-srequest]
 *                   [dmarc-sep dmarc-auri] [dmarc-sep dmarc-furi] [dmarc-sep dmarc-adkim]
 *                   [dmarc-sep dmarc-aspf] [dmarc-sep dmarc-ainterval] [dmarc-sep dmarc-fo]
 *                   [dmarc-sep dmarc-rfmt] [dmarc-sep dmarc-percent] [dmarc-sep]
 *                   ; components other than dmarc-version and dmarc-request may appear in any order
 * dmarc-version   = "v" *WSP "=" *WSP %x44 %x4d %x41 %x52 %x43 %x31
 * dmarc-sep       = *WSP %x3b *WSP
 * dmarc-uri       = URI [ "!" 1*DIGIT [ "k" / "m" / "g" / "t" ] ]
 * ```
 */
import type { Tag } from '../common/tag-list.ts';
import type { IssueSeverity, Severity, Span } from '../common/types.ts';

export type { IssueSeverity, Severity, Span, Tag };

/** RFC 7489 §6.3 `p`/`sp`: the Domain Owner's requested handling of failing mail. */
export type DmarcPolicy = 'none' | 'quarantine' | 'reject';

/** RFC 7489 §6.3 `adkim`/`aspf`: relaxed or strict identifier alignment. */
export type DmarcAlignment = 'r' | 's';

/** RFC 7489 §6.3 `fo`: when to generate failure reports. */
export type DmarcFailureOption = '0' | '1' | 'd' | 's';

/** RFC 7489 §6.3 `rf`: failure report formats; only AFRF is registered. */
export type DmarcReportFormat = 'afrf';

/**
 * The tags RFC 9989 §4.7 defines, plus RFC 7489's `pct`, `rf` and `ri`, which RFC 9989 removed:
 * they are still read (an RFC 7489 receiver applies them), and reported as removed. Any other
 * tag is unknown and MUST be ignored.
 */
export type DmarcTagName = 'v' | 'p' | 'sp' | 'np' | 'psd' | 't' | 'adkim' | 'aspf' | 'pct' | 'rua' | 'ruf' | 'fo' | 'rf' | 'ri';

/** The RFC 7489 tags that RFC 9989 removed (its Appendix C): ignored by RFC 9989 receivers. */
export type DmarcRemovedTag = 'pct' | 'rf' | 'ri';

/** RFC 9989 §4.7 `psd`: `y` the domain is a Public Suffix Domain, `n` an Organizational Domain, `u` unspecified (default). */
export type DmarcPsd = 'y' | 'n' | 'u';

/** Size unit of a DMARC URI limit (RFC 7489 §6.2); `b` stands for "no unit" (bytes). */
export type DmarcSizeUnit = 'b' | 'k' | 'm' | 'g' | 't';

/** The `!size[unit]` suffix of a DMARC URI: the largest report the receiver may send. */
export interface DmarcSizeLimit {
  /** The number as written; exact up to 2^53, which is far above any real limit. */
  value: number;
  unit: DmarcSizeUnit;
  /** `value` × 2^(10·n) for k, m, g, t (RFC 7489 §6.2: units are powers of two). */
  bytes: number;
}

/**
 * One entry of `rua` or `ruf`.
 *
 * @example
 * // rua=mailto:dmarc@example.com!10m →
 * // { uri: 'mailto:dmarc@example.com', scheme: 'mailto', address: 'dmarc@example.com',
 * //   domain: 'example.com', maxSize: { value: 10, unit: 'm', bytes: 10485760 }, span }
 */
export interface DmarcUri {
  /** The URI as written, without the size limit. */
  uri: string;
  /** Lower-case scheme, e.g. `mailto`. Receivers only have to support `mailto` (§6.2). */
  scheme: string;
  /** For `mailto:`, the percent-decoded mailbox (`local@domain`). */
  address?: string;
  /** Lower-case mailbox domain (`mailto:`) or authority host (other schemes). */
  domain?: string;
  maxSize?: DmarcSizeLimit;
  /** Where the URI (with its size limit) is in the record text. */
  span: Span;
}

/**
 * A parsed DMARC policy record with RFC 7489 §6.3 defaults applied. `explicit` says which
 * tags the record set (with a valid value); every other field holds the default.
 *
 * @example
 * // parseDmarcRecord('v=DMARC1; p=reject; pct=50').record:
 * // { version: 'DMARC1', policy: 'reject', subdomainPolicy: 'reject', percent: 50,
 * //   dkimAlignment: 'r', …, explicit: ['v', 'p', 'pct'], tags: [...], unknownTags: [] }
 */
export interface DmarcRecord {
  version: 'DMARC1';
  /** `p`. When §6.6.3 applies (missing or invalid `p`/`sp`, valid `rua`) this is `none`. */
  policy: DmarcPolicy;
  /** `sp`, default: the value of `p`. */
  subdomainPolicy: DmarcPolicy;
  /** `np` (RFC 9989): for subdomains that do not exist; default: the value of `sp`. */
  nonexistentPolicy: DmarcPolicy;
  /** `psd` (RFC 9989), default `u`. The DNS tree walk stops at `y` and `n` (§4.10). */
  publicSuffix: DmarcPsd;
  /** `t=y` (RFC 9989): testing mode — receivers apply the next weaker policy. Default `n` (false). */
  testing: boolean;
  /** `adkim`, default `r`. */
  dkimAlignment: DmarcAlignment;
  /** `aspf`, default `r`. */
  spfAlignment: DmarcAlignment;
  /** `pct`, 0–100, default 100. RFC 7489 only (RFC 9989 removed it; `t` replaces it). */
  percent: number;
  /** `rua`: where aggregate reports go; only the URIs that parsed. */
  aggregateReportUris: DmarcUri[];
  /** `ruf`: where failure reports go; only the URIs that parsed. */
  failureReportUris: DmarcUri[];
  /** `fo`, default `['0']`. */
  failureOptions: DmarcFailureOption[];
  /** `rf`, default `['afrf']`. RFC 7489 only. */
  reportFormats: DmarcReportFormat[];
  /** `ri` in seconds, a 32-bit unsigned integer, default 86400. RFC 7489 only. */
  reportInterval: number;
  /** The tags whose value came from the record, in record order. */
  explicit: DmarcTagName[];
  /** Every well-formed `name=value` term in record order, known or not. */
  tags: Tag[];
  /** The terms whose name RFC 7489 does not define; receivers ignore them (§6.3). */
  unknownTags: Tag[];
}

/** Why a `rua`/`ruf` entry is not a DMARC URI. */
export type DmarcUriProblem =
  /** Nothing between two commas. */
  | 'empty'
  /** No `scheme:` prefix, typically `rua=dmarc@example.com` without `mailto:`. */
  | 'no-scheme'
  /** A character a URI may not contain unencoded (RFC 3986), or a broken `%XX`. */
  | 'bad-char'
  /** The `!` suffix is not `1*DIGIT [k/m/g/t]` or does not fit in 64 bits. */
  | 'bad-size'
  /** A `mailto:` URI whose mailbox is not `local@domain` with a valid domain. */
  | 'bad-address';

interface IssueBase {
  severity: IssueSeverity;
  span: Span;
}

/**
 * A finding about a DMARC record. The data fields carry the variable parts; `tag` is the tag
 * the finding is about, as written in the record for unknown and duplicate tags.
 *
 * @example
 * // parseDmarcRecord('v=DMARC1; p=none; pct=150').issues[0]:
 * // { code: 'bad-tag-value', tag: 'pct', value: '150', severity: 'error',
 * //   span: { start: 22, end: 25 } } — no words: `describeDmarcIssue` (src/audit/dmarc.ts) words it from src/i18n
 */
export type DmarcIssue = IssueBase &
  (
    | { code: 'missing-version' }
    | { code: 'version-not-first'; tag: 'v' }
    | { code: 'bad-version'; tag: 'v'; value: string }
    | { code: 'missing-policy'; tag: 'p' }
    | { code: 'unknown-policy'; tag: 'p' | 'sp' | 'np'; value: string }
    | { code: 'policy-fallback-none'; tag: 'p' | 'sp' | 'np' }
    | { code: 'removed-tag'; tag: DmarcRemovedTag; value: string }
    | { code: 'policy-not-second'; tag: 'p' }
    | { code: 'bad-tag-value'; tag: DmarcTagName; value: string }
    | { code: 'empty-value'; tag: DmarcTagName }
    | { code: 'missing-semicolon'; tag: string; value: string }
    | { code: 'escaped-semicolon'; tag: string }
    | { code: 'bad-uri'; tag: 'rua' | 'ruf'; value: string; reason: DmarcUriProblem }
    | { code: 'unsupported-uri-scheme'; tag: 'rua' | 'ruf'; value: string }
    | { code: 'too-many-uris'; tag: 'rua' | 'ruf'; count: number; limit: number }
    | { code: 'duplicate-tag'; tag: string }
    | { code: 'unknown-tag'; tag: string; suggestion?: DmarcTagName }
    | { code: 'bad-tag-name'; value: string }
    | { code: 'missing-equals'; value: string }
    | { code: 'empty-term' }
    | { code: 'leading-whitespace' }
    | { code: 'bad-whitespace'; value: string }
  );

/** Every DMARC issue code. */
export type DmarcIssueCode = DmarcIssue['code'];

/**
 * `ok: true` when a receiver would apply the record (possibly with defaults or the §6.6.3
 * fallback to `p=none`); error issues may still be present, because RFC 7489 §6.3 tells
 * receivers to discard bad tags "in favor of default values". `ok: false` when receivers
 * ignore the whole record.
 *
 * @example
 * const result: DmarcParseResult = parseDmarcRecord(text);
 * if (!result.ok) return result.issues.filter((issue) => issue.severity === 'error');
 */
export type DmarcParseResult =
  | { ok: true; record: DmarcRecord; issues: DmarcIssue[] }
  | { ok: false; issues: DmarcIssue[] };
