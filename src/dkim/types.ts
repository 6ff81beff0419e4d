/**
 * DKIM key records, RFC 6376 §3.6.1, with the ed25519 key type of RFC 8463 and the key-size
 * rules of RFC 8301.
 *
 * ```abnf
 * key-v-tag  = %x76 [FWS] "=" [FWS] %x44.4B.49.4D.31          ; "DKIM1"
 * key-h-tag  = %x68 [FWS] "=" [FWS] key-h-tag-alg *( [FWS] ":" [FWS] key-h-tag-alg )
 * key-k-tag  = %x6b [FWS] "=" [FWS] key-k-tag-type            ; "rsa" / x-key-k-tag-type
 * key-n-tag  = %x6e [FWS] "=" [FWS] qp-section
 * key-p-tag  = %x70 [FWS] "=" [ [FWS] base64string ]
 * key-s-tag  = %x73 [FWS] "=" [FWS] key-s-tag-type *( [FWS] ":" [FWS] key-s-tag-type )
 * key-t-tag  = %x74 [FWS] "=" [FWS] key-t-tag-flag *( [FWS] ":" [FWS] key-t-tag-flag )
 * ```
 */
import type { Tag } from '../common/tag-list.ts';
import type { IssueSeverity, Severity, Span } from '../common/types.ts';

export type { IssueSeverity, Severity, Span, Tag };

/** The tags RFC 6376 §3.6.1 defines for key records. */
export type DkimTagName = 'v' | 'h' | 'k' | 'n' | 'p' | 's' | 't';

/** `k=`: `rsa` (RFC 6376) or `ed25519` (RFC 8463 §4). */
export type DkimKeyType = 'rsa' | 'ed25519';

/** `h=`: the registered hash algorithms. */
export type DkimHashAlgorithm = 'sha1' | 'sha256';

/** `s=`: `*` (all services) or `email`. */
export type DkimServiceType = '*' | 'email';

/** `t=`: `y` (testing) and `s` (the `i=` domain must equal `d=`, no subdomains). */
export type DkimFlag = 'y' | 's';

/** What the `p=` data decoded to. */
export interface DkimPublicKeyInfo {
  type: DkimKeyType;
  /** RSA modulus length; 256 for ed25519. */
  bits: number;
  /**
   * `spki`: SubjectPublicKeyInfo DER, what RSA keys are published as in practice.
   * `pkcs1`: a bare RSAPublicKey, which some verifiers do not accept.
   * `raw`: the 32 key bytes of RFC 8463 §4.
   */
  encoding: 'spki' | 'pkcs1' | 'raw';
}

/**
 * A parsed DKIM key record with RFC 6376 §3.6.1 defaults applied.
 *
 * @example
 * // parseDkimKey('v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=').record:
 * // { version: 'DKIM1', keyType: 'ed25519', hashAlgorithms: ['sha1', 'sha256'], revoked: false,
 * //   keyInfo: { type: 'ed25519', bits: 256, encoding: 'raw' }, services: ['*'], flags: [], … }
 */
export interface DkimKey {
  version: 'DKIM1';
  /** `k`, default `rsa`. */
  keyType: DkimKeyType;
  /** `h`: the known algorithms listed; default both (all are acceptable). */
  hashAlgorithms: DkimHashAlgorithm[];
  /** `p` with the whitespace removed; empty when the key is revoked. */
  publicKey: string;
  /** `p=` is empty: RFC 6376 §3.6.1 "this public key has been revoked". */
  revoked: boolean;
  /** What `p=` decoded to; null when revoked. */
  keyInfo: DkimPublicKeyInfo | null;
  /** `s`: the known service types listed; default `['*']`. */
  services: DkimServiceType[];
  /** `t`: the known flags listed; default none. */
  flags: DkimFlag[];
  /** `n`: notes for humans (qp-section, kept as written); default empty. */
  notes: string;
  /** The tags whose value came from the record, in record order. */
  explicit: DkimTagName[];
  /** Every well-formed `name=value` term in record order, known or not. */
  tags: Tag[];
  /** The terms whose name RFC 6376 does not define; verifiers ignore them (§3.2). */
  unknownTags: Tag[];
}

/** Why `p=` did not give a usable key. */
export type DkimKeyProblem =
  /** Not base64: `value` names the first bad character, or is empty for bad length/padding. */
  | 'base64'
  /** The bytes are neither an RSA SubjectPublicKeyInfo nor an RSAPublicKey. */
  | 'der'
  /** The bytes are a key of another type (`value`), e.g. ed25519 SPKI without `k=ed25519`. */
  | 'type-mismatch'
  /** `k=ed25519` but not 32 bytes (`value` is the length). */
  | 'ed25519-length'
  /** `k=ed25519` with the key wrapped in SubjectPublicKeyInfo; RFC 8463 wants the raw 32 bytes. */
  | 'ed25519-spki';

/** Why a selector cannot be used in a DNS name (RFC 6376 §3.1). */
export type DkimSelectorProblem = 'empty' | 'bad-label' | 'too-long';

interface IssueBase {
  severity: IssueSeverity;
  span: Span;
}

/**
 * A finding about a DKIM key record (or, for the last two codes, a key record name).
 *
 * @example
 * // parseDkimKey('p=<a 1024-bit key>').issues[0]:
 * // { code: 'short-key', tag: 'p', bits: 1024, severity: 'warning', span } — words: `describeDkimIssue` (src/audit/dkim.ts)
 */
export type DkimIssue = IssueBase &
  (
    | { code: 'version-not-first'; tag: 'v' }
    | { code: 'bad-version'; tag: 'v'; value: string }
    | { code: 'missing-key'; tag: 'p' }
    | { code: 'revoked-key'; tag: 'p' }
    | { code: 'unknown-key-type'; tag: 'k'; value: string }
    | { code: 'bad-key'; tag: 'p'; reason: DkimKeyProblem; value?: string }
    | { code: 'weak-key'; tag: 'p'; bits: number }
    | { code: 'short-key'; tag: 'p'; bits: number }
    | { code: 'pkcs1-key'; tag: 'p' }
    | { code: 'sha1-hash'; tag: 'h' }
    | { code: 'sha256-not-allowed'; tag: 'h' }
    | { code: 'unknown-hash'; tag: 'h'; value: string }
    | { code: 'unknown-service'; tag: 's'; value: string }
    | { code: 'not-for-email'; tag: 's' }
    | { code: 'unknown-flag'; tag: 't'; value: string }
    | { code: 'testing-mode'; tag: 't' }
    | { code: 'bad-tag-value'; tag: DkimTagName; value: string }
    | { code: 'empty-value'; tag: DkimTagName }
    | { code: 'missing-semicolon'; tag: string; value: string }
    | { code: 'escaped-semicolon'; tag: string }
    | { code: 'duplicate-tag'; tag: string }
    | { code: 'unknown-tag'; tag: string; suggestion?: DkimTagName }
    | { code: 'bad-tag-name'; value: string }
    | { code: 'missing-equals'; value: string }
    | { code: 'empty-term' }
    | { code: 'bad-whitespace'; value: string }
    | { code: 'bad-selector'; value: string; reason: DkimSelectorProblem }
    | { code: 'bad-domain'; value: string }
  );

/** Every DKIM issue code. */
export type DkimIssueCode = DkimIssue['code'];

/**
 * `ok: false` when a verifier cannot use the record for email at all: it must be discarded
 * (wrong version, duplicate tags, broken tag-list, `s=` without email) or holds no key it can
 * use (no `p=`, unknown `k=`, undecodable key). Other errors (a key under 1024 bits, `h=sha1`
 * only) come with `ok: true` so that the key details stay visible.
 *
 * @example
 * const result: DkimParseResult = parseDkimKey(text);
 * if (result.ok && result.record.keyInfo) console.log(result.record.keyInfo.bits);
 */
export type DkimParseResult = { ok: true; record: DkimKey; issues: DkimIssue[] } | { ok: false; issues: DkimIssue[] };
