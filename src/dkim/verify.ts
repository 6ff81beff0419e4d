/**
 * DKIM signature verification, RFC 6376 §6.1, with ed25519-sha256 (RFC 8463) and the
 * algorithm and key-size rules of RFC 8301. Every DKIM-Signature field of a message is
 * verified on its own and gets a result with its cause as data; words are made from the cause
 * in src/i18n (`dkim-verify.*`). DNS only through the caller's resolver; the time comes in as
 * an option.
 *
 * Result tokens are those of RFC 8601 §2.7.1 (they go into Authentication-Results as is):
 * - `pass`: the signature verified with a usable key;
 * - `fail`: it did not — the body hash (§3.7, the body changed) or the signature over the
 *   header fields (a signed field changed, added or removed);
 * - `policy`: the signature verified but RFC 8301 forbids accepting it (rsa-sha1, a key under
 *   1024 bits);
 * - `neutral`: it could not be used at this time — expired (`x=`) or dated in the future (`t=`),
 *   or not checked (over the per-message limit);
 * - `temperror`: the key record could not be fetched (DNS timeout or server failure; never
 *   read as "no key");
 * - `permerror`: a malformed signature, no key, a revoked or unusable key, a key that does not
 *   allow this signature (`k=`, `h=`, `s=`, `t=s`).
 * docs/dkim.md lists where mailauth's tokens differ.
 */
import type { Buffer } from 'node:buffer';
import { createHash, verify as cryptoVerify, type Hash } from 'node:crypto';
import type { Resolver } from '../dns/resolver.ts';
import { canonicalizeBody, canonicalizeHeader, type Canonicalization } from './canonicalize.ts';
import { lookupKey } from './lookup.ts';
import { octets, type HeaderField, type ParsedMessage } from './message.ts';
import { parseDkimKey, publicKeyObject } from './parse.ts';
import { dkimName } from './selectors.ts';
import { parseDkimSignature, withoutSignatureValue, type DkimSignature, type DkimSignatureAlgorithm, type SignatureProblem } from './signature.ts';
import type { DkimIssueCode } from './types.ts';

/** RFC 8601 §2.7.1 DKIM result tokens (`none` is a message without signatures). */
export type DkimResult = 'pass' | 'fail' | 'policy' | 'neutral' | 'temperror' | 'permerror';

/** What probably changed the body, judged from the message as received. */
export type BodyChange =
  /** The signed body is a prefix of this one: text was added at the end (a list footer, a disclaimer). */
  | { kind: 'appended'; octets: number; preview: string }
  /** `l=` says more octets were signed than the body has now: the body was cut. */
  | { kind: 'truncated'; signedLength: number; bodyLength: number }
  /** The other canonicalisation would have matched: only whitespace changed (`c=simple` is fragile). */
  | { kind: 'whitespace' }
  /** Anything else: edited, or re-encoded (e.g. 8bit → quoted-printable by a relay). */
  | { kind: 'changed'; reencodable: boolean };

/** One `h=` entry and whether the message has an instance for it. */
export interface SignedHeaderSlot {
  name: string;
  /** False: no instance left for this entry; it contributed nothing to the hash (§5.4.2). */
  present: boolean;
}

/** A header field that probably broke the signature. */
export interface HeaderSuspect {
  name: string;
  /** `added`: more instances than the signer saw; `absent`: signed, but the message has none now. */
  kind: 'added' | 'absent';
}

/** Why a signature got its result. */
export type DkimCause =
  | { code: 'verified' }
  | { code: 'body-hash-mismatch'; change: BodyChange }
  | { code: 'signature-mismatch'; suspects: HeaderSuspect[] }
  | { code: 'sha1-not-accepted' }
  | { code: 'key-too-short'; bits: number }
  | { code: 'expired'; expiration: number }
  | { code: 'signed-in-future'; timestamp: number }
  | { code: 'not-checked'; limit: number }
  | { code: 'key-unavailable'; name: string }
  | { code: 'malformed-signature'; problem: SignatureProblem }
  | { code: 'no-key'; name: string }
  | { code: 'key-revoked'; name: string }
  | { code: 'key-unusable'; name: string; issues: DkimIssueCode[] }
  | { code: 'key-type-mismatch'; keyType: string; algorithm: DkimSignatureAlgorithm }
  | { code: 'key-hash-not-allowed'; allowed: string[]; algorithm: DkimSignatureAlgorithm }
  | { code: 'identity-not-allowed'; identityDomain: string }
  | { code: 'no-from' };

/** The cause codes. */
export type DkimCauseCode = DkimCause['code'];

/** The verdict on one DKIM-Signature field. */
export interface DkimVerification {
  result: DkimResult;
  cause: DkimCause;
  /** Position of the field among the message's header fields (0 = top). */
  field: number;
  /** `d=`, `s=` as far as they could be read. */
  domain?: string;
  selector?: string;
  algorithm?: DkimSignatureAlgorithm;
  canonicalization?: `${Canonicalization}/${Canonicalization}`;
  identity?: string;
  bodyLength?: number;
  timestamp?: number;
  expiration?: number;
  /** The first 8 characters of `b=` (RFC 6008 `header.b`), to tell signatures apart. */
  b?: string;
  /** The key record's name and, when it is a CNAME, its target. */
  keyName?: string;
  keyCname?: string;
  keyBits?: number;
  /** The key has `t=y`: the domain is testing DKIM. */
  testing?: boolean;
  /** The `h=` entries and whether each found an instance. */
  signedHeaders?: SignedHeaderSlot[];
}

export interface VerifyOptions {
  resolver: Resolver;
  /** The verification time, milliseconds since the epoch. */
  now: number;
  /** At most this many signatures are verified (RFC 6376 §6.1 "SHOULD limit"); default 10. */
  maxSignatures?: number;
}

/** RFC 8301 §3.2: verifiers MUST NOT accept RSA keys under 1024 bits. */
const MIN_RSA_BITS = 1024;
/** A `t=` this far ahead of our clock is still accepted: clocks drift. */
const FUTURE_SKEW_SECONDS = 300;
const DEFAULT_MAX_SIGNATURES = 10;
/** How many line ends before the end of the body are tried as the end of a signed prefix. */
const PREFIX_LINES = 2000;

/** The header fields selected by `h=` (RFC 6376 §5.4.2): for each name, the next instance from the bottom. */
function selectHeaders(headers: readonly HeaderField[], names: readonly string[], skip: number): { fields: HeaderField[]; slots: SignedHeaderSlot[] } {
  const used = new Map<string, number>();
  const fields: HeaderField[] = [];
  const slots: SignedHeaderSlot[] = [];
  for (const name of names) {
    let from = used.get(name) ?? headers.length;
    let found: number | undefined;
    for (let i = from - 1; i >= 0; i--) {
      const header = headers[i];
      if (header !== undefined && i !== skip && header.key === name) {
        found = i;
        break;
      }
    }
    if (found === undefined) {
      // §5.4.2: a name with no instance left "MUST be treated as the null input string".
      used.set(name, 0);
      slots.push({ name, present: false });
      continue;
    }
    from = found;
    used.set(name, from);
    const header = headers[found];
    if (header !== undefined) fields.push(header);
    slots.push({ name, present: true });
  }
  return { fields, slots };
}

function hashName(algorithm: DkimSignatureAlgorithm): 'sha256' | 'sha1' {
  return algorithm === 'rsa-sha1' ? 'sha1' : 'sha256';
}

/** Canonical bodies, computed once per canonicalisation for all signatures of a message. */
class BodyCache {
  private readonly cache = new Map<Canonicalization, string>();
  constructor(private readonly body: string) {}
  get(algorithm: Canonicalization): string {
    let text = this.cache.get(algorithm);
    if (text === undefined) {
      text = canonicalizeBody(this.body, algorithm);
      this.cache.set(algorithm, text);
    }
    return text;
  }
}

function digest(algorithm: 'sha256' | 'sha1', text: string): Buffer {
  return createHash(algorithm).update(octets(text)).digest();
}

/** Why the body hash does not match, as far as the message shows. */
function judgeBodyChange(signature: DkimSignature, bodies: BodyCache, headers: readonly HeaderField[]): BodyChange {
  const hash = hashName(signature.algorithm);
  const canonical = bodies.get(signature.bodyCanonicalization);
  if (signature.bodyLength !== undefined && signature.bodyLength > canonical.length) {
    return { kind: 'truncated', signedLength: signature.bodyLength, bodyLength: canonical.length };
  }
  if (signature.bodyLength === undefined) {
    const appended = findSignedPrefix(canonical, hash, signature.bodyHash);
    if (appended !== undefined) return { kind: 'appended', octets: canonical.length - appended, preview: canonical.slice(appended, appended + 120) };
  }
  const other: Canonicalization = signature.bodyCanonicalization === 'simple' ? 'relaxed' : 'simple';
  const otherText = bodies.get(other);
  const sliced = signature.bodyLength === undefined ? otherText : otherText.slice(0, signature.bodyLength);
  if (signature.bodyCanonicalization === 'simple' && digest(hash, sliced).equals(signature.bodyHash)) return { kind: 'whitespace' };
  const encoding = [...headers].reverse().find((header) => header.key === 'content-transfer-encoding')?.value.trim().toLowerCase() ?? '';
  const reencodable = /quoted-printable|base64|8bit/.test(encoding) || /[\x80-\xff]/.test(canonical.slice(0, 65536)) || headers.some((header) => header.key === 'content-type' && /multipart/i.test(header.value));
  return { kind: 'changed', reencodable };
}

/**
 * The end of the longest prefix of `canonical`, ending at a line end, whose hash is `expected`
 * (only the last `PREFIX_LINES` line ends are tried), or undefined.
 */
function findSignedPrefix(canonical: string, hash: 'sha256' | 'sha1', expected: Buffer): number | undefined {
  const ends: number[] = [];
  for (let i = canonical.length - 2; i > 0 && ends.length < PREFIX_LINES; i = canonical.lastIndexOf('\r\n', i - 1)) {
    if (i === -1) break;
    if (canonical.startsWith('\r\n', i) && i + 2 < canonical.length) ends.push(i + 2);
  }
  if (ends.length === 0) return undefined;
  ends.reverse();
  const hasher: Hash = createHash(hash);
  let done = 0;
  let found: number | undefined;
  for (const end of ends) {
    hasher.update(octets(canonical.slice(done, end)));
    done = end;
    // A signer removed trailing empty lines, so a prefix ending in an empty line was never hashed.
    if (canonical.startsWith('\r\n\r\n', end - 4)) continue;
    if (hasher.copy().digest().equals(expected)) found = end;
  }
  return found;
}

/** Which header fields probably broke the signature. */
function suspectHeaders(headers: readonly HeaderField[], signature: DkimSignature, slots: readonly SignedHeaderSlot[]): HeaderSuspect[] {
  const suspects: HeaderSuspect[] = [];
  const listed = new Map<string, number>();
  for (const name of signature.signedHeaders) listed.set(name, (listed.get(name) ?? 0) + 1);
  for (const [name, count] of listed) {
    const present = headers.filter((header) => header.key === name).length;
    // Over-signed (listed more often than the signer had instances) and now all slots filled,
    // or more instances than signed: one was probably added.
    if ((count >= 2 && present >= count) || present > count) suspects.push({ name, kind: 'added' });
    else if (present === 0 && count === 1 && slots.some((slot) => slot.name === name && !slot.present)) suspects.push({ name, kind: 'absent' });
  }
  return suspects;
}

/**
 * Verifies every DKIM-Signature field of a parsed message (RFC 6376 §6.1). Never throws for
 * anything a message or DNS can hold; the array is empty when the message is not signed.
 *
 * @example
 * const results = await verifyDkim(parseMessage(raw), { resolver, now: Date.now() });
 * results.map((r) => `${r.domain}: ${r.result} (${r.cause.code})`);
 */
export async function verifyDkim(message: ParsedMessage, options: VerifyOptions): Promise<DkimVerification[]> {
  const limit = options.maxSignatures ?? DEFAULT_MAX_SIGNATURES;
  const bodies = new BodyCache(message.body);
  const positions = message.headers.flatMap((header, index) => (header.key === 'dkim-signature' ? [index] : []));
  return Promise.all(
    positions.map((field, n) =>
      n >= limit ? Promise.resolve<DkimVerification>({ result: 'neutral', cause: { code: 'not-checked', limit }, field }) : verifyOne(message, field, bodies, options),
    ),
  );
}

async function verifyOne(message: ParsedMessage, field: number, bodies: BodyCache, options: VerifyOptions): Promise<DkimVerification> {
  const header = message.headers[field];
  if (header === undefined) throw new Error(`no header field ${field}`);
  const parsed = parseDkimSignature(header.value);
  if (!parsed.ok) {
    return {
      result: 'permerror',
      cause: { code: 'malformed-signature', problem: parsed.problem },
      field,
      ...(parsed.domain === undefined ? {} : { domain: parsed.domain }),
      ...(parsed.selector === undefined ? {} : { selector: parsed.selector }),
    };
  }
  const signature = parsed.signature;
  const base: DkimVerification = {
    result: 'permerror',
    cause: { code: 'verified' },
    field,
    domain: signature.domain,
    selector: signature.selector,
    algorithm: signature.algorithm,
    canonicalization: `${signature.headerCanonicalization}/${signature.bodyCanonicalization}`,
    identity: signature.identity,
    b: signature.signature.toString('base64').slice(0, 8),
    ...(signature.bodyLength === undefined ? {} : { bodyLength: signature.bodyLength }),
    ...(signature.timestamp === undefined ? {} : { timestamp: signature.timestamp }),
    ...(signature.expiration === undefined ? {} : { expiration: signature.expiration }),
  };
  const done = (result: DkimResult, cause: DkimCause, extra: Partial<DkimVerification> = {}): DkimVerification => ({ ...base, ...extra, result, cause });

  // RFC 6376 §6.1.1 (and §3.5 x=, t=): the time checks need no DNS.
  const nowSeconds = Math.floor(options.now / 1000);
  if (signature.expiration !== undefined && signature.expiration < nowSeconds) return done('neutral', { code: 'expired', expiration: signature.expiration });
  if (signature.timestamp !== undefined && signature.timestamp > nowSeconds + FUTURE_SKEW_SECONDS) return done('neutral', { code: 'signed-in-future', timestamp: signature.timestamp });
  if (!message.headers.some((h) => h.key === 'from')) return done('permerror', { code: 'no-from' });

  // §6.1.2: the key record at selector._domainkey.d.
  const named = dkimName(signature.selector, signature.domain);
  const name = named.ok ? named.name : `${signature.selector}._domainkey.${signature.domain}`;
  const lookup = await lookupKey(options.resolver, name);
  const keyWhere = { keyName: name, ...(lookup.kind !== 'unavailable' && lookup.cname !== undefined ? { keyCname: lookup.cname } : {}) };
  switch (lookup.kind) {
    case 'unavailable':
      // §6.1.2: "If the query for the public key fails to respond, the Verifier MAY seek a later
      // verification attempt by returning TEMPFAIL" — never read as "no key".
      return done('temperror', { code: 'key-unavailable', name }, keyWhere);
    case 'absent':
      return done('permerror', { code: 'no-key', name }, keyWhere);
    case 'found':
      break;
    default: {
      const never: never = lookup;
      throw new Error(`unhandled lookup ${String(never)}`);
    }
  }
  // §3.6.2.2: several records — use the first one that parses as a key record.
  const parses = lookup.records.map((text) => parseDkimKey(text));
  const usable = parses.find((p) => p.ok);
  if (usable === undefined || !usable.ok) {
    const issues = parses.flatMap((p) => p.issues.filter((issue) => issue.severity === 'error').map((issue) => issue.code));
    return done('permerror', { code: 'key-unusable', name, issues: [...new Set(issues)] }, keyWhere);
  }
  const key = usable.record;
  const keyExtra = { ...keyWhere, ...(key.keyInfo === null ? {} : { keyBits: key.keyInfo.bits }), ...(key.flags.includes('y') ? { testing: true } : {}) };
  // §3.6.1 p=: "An empty value means that this public key has been revoked."
  if (key.revoked) return done('permerror', { code: 'key-revoked', name }, keyExtra);
  const wantType = signature.algorithm === 'ed25519-sha256' ? 'ed25519' : 'rsa';
  // §6.1.2 step 8/9: k= must fit a=, and h= (when given) must list the hash of a=.
  if (key.keyType !== wantType) return done('permerror', { code: 'key-type-mismatch', keyType: key.keyType, algorithm: signature.algorithm }, keyExtra);
  if (key.explicit.includes('h') && !key.hashAlgorithms.includes(hashName(signature.algorithm))) {
    return done('permerror', { code: 'key-hash-not-allowed', allowed: key.hashAlgorithms, algorithm: signature.algorithm }, keyExtra);
  }
  // §3.6.1 t=s: the i= domain must be d= itself, not a subdomain.
  if (key.flags.includes('s') && signature.identityDomain !== signature.domain) return done('permerror', { code: 'identity-not-allowed', identityDomain: signature.identityDomain }, keyExtra);
  const publicKey = publicKeyObject(key);
  if (publicKey === undefined) return done('permerror', { code: 'key-unusable', name, issues: ['bad-key'] }, keyExtra);

  // §6.1.3: the body hash.
  const hash = hashName(signature.algorithm);
  const canonical = bodies.get(signature.bodyCanonicalization);
  const signedBody = signature.bodyLength === undefined ? canonical : canonical.slice(0, signature.bodyLength);
  const { fields, slots } = selectHeaders(message.headers, signature.signedHeaders, field);
  const slotExtra = { ...keyExtra, signedHeaders: slots };
  if (!digest(hash, signedBody).equals(signature.bodyHash)) {
    return done('fail', { code: 'body-hash-mismatch', change: judgeBodyChange(signature, bodies, message.headers) }, slotExtra);
  }

  // §3.7: the header hash input — the selected fields with CRLF, then this DKIM-Signature with
  // b= emptied and without its final CRLF.
  const canon = signature.headerCanonicalization;
  let data = '';
  for (const selected of fields) data += canonicalizeHeader(selected.raw, canon);
  data += canonicalizeHeader(withoutSignatureValue(header.raw), canon).slice(0, -2);
  const bytes = octets(data);
  let valid: boolean;
  try {
    valid =
      signature.algorithm === 'ed25519-sha256'
        ? // RFC 8463 §3: Ed25519 signs the SHA-256 hash of the header data (PureEdDSA over the digest).
          cryptoVerify(null, createHash('sha256').update(bytes).digest(), publicKey, signature.signature)
        : cryptoVerify(hash, bytes, publicKey, signature.signature);
  } catch {
    valid = false;
  }
  if (!valid) return done('fail', { code: 'signature-mismatch', suspects: suspectHeaders(message.headers, signature, slots) }, slotExtra);
  // RFC 8301 §3.1: "Verifiers MUST NOT consider signatures using RSA SHA-1 to be valid";
  // §3.2: nor RSA keys under 1024 bits. The signature is good, so `policy` says which rule.
  if (signature.algorithm === 'rsa-sha1') return done('policy', { code: 'sha1-not-accepted' }, slotExtra);
  if (key.keyInfo !== null && key.keyType === 'rsa' && key.keyInfo.bits < MIN_RSA_BITS) return done('policy', { code: 'key-too-short', bits: key.keyInfo.bits }, slotExtra);
  return done('pass', { code: 'verified' }, slotExtra);
}
