/**
 * The DKIM-Signature header field, RFC 6376 §3.5, with the ed25519-sha256 algorithm of
 * RFC 8463 §3.
 *
 * ```abnf
 * sig-v-tag = %x76 [FWS] "=" [FWS] 1*DIGIT                 ; "1"
 * sig-a-tag = %x61 [FWS] "=" [FWS] sig-a-tag-alg           ; rsa-sha256 / ed25519-sha256 / …
 * sig-c-tag = %x63 [FWS] "=" [FWS] sig-c-tag-alg ["/" sig-c-tag-alg]
 * sig-h-tag = %x68 [FWS] "=" [FWS] hdr-name *( [FWS] ":" [FWS] hdr-name )
 * sig-l-tag = %x6c [FWS] "=" [FWS] 1*76DIGIT
 * sig-t-tag = %x74 [FWS] "=" [FWS] 1*12DIGIT  ;  sig-x-tag likewise
 * ```
 */
import { Buffer } from 'node:buffer';
import type { Canonicalization } from './canonicalize.ts';
import { splitTagList } from './tag-list.ts';

/** `a=` values this verifier knows. rsa-sha1 is parsed so it can be refused by name (RFC 8301). */
export type DkimSignatureAlgorithm = 'rsa-sha256' | 'rsa-sha1' | 'ed25519-sha256';

/** A DKIM-Signature with its tags read. */
export interface DkimSignature {
  algorithm: DkimSignatureAlgorithm;
  /** `b=` decoded. */
  signature: Buffer;
  /** `bh=` decoded. */
  bodyHash: Buffer;
  headerCanonicalization: Canonicalization;
  bodyCanonicalization: Canonicalization;
  /** `d=`, lower case. */
  domain: string;
  /** `s=` as written. */
  selector: string;
  /** `h=` names in lower case, in order (over-signed names repeat). */
  signedHeaders: string[];
  /** `i=`, default `@` + `d=`. */
  identity: string;
  /** The domain part of `i=`, lower case. */
  identityDomain: string;
  /** `l=`, the count of canonical body octets signed; undefined = the whole body. */
  bodyLength?: number;
  /** `t=` in seconds since the epoch. */
  timestamp?: number;
  /** `x=` in seconds since the epoch. */
  expiration?: number;
}

/** Why a DKIM-Signature cannot be verified at all (RFC 6376 §6.1.1: PERMFAIL). */
export type SignatureProblem =
  | { code: 'syntax'; detail: string }
  | { code: 'duplicate-tag'; tag: string }
  | { code: 'missing-tag'; tag: string }
  | { code: 'bad-version'; value: string }
  | { code: 'unknown-algorithm'; value: string }
  | { code: 'unknown-canonicalization'; value: string }
  | { code: 'bad-tag-value'; tag: string; value: string }
  /** §6.1.1: h= must include From. */
  | { code: 'from-not-signed' }
  /** §6.1.1: i= must be d= or a subdomain of it. */
  | { code: 'identity-mismatch'; identity: string; domain: string }
  /** §3.5: x= must be later than t=. */
  | { code: 'expires-before-signed'; timestamp: number; expiration: number };

export type SignatureParse = { ok: true; signature: DkimSignature } | { ok: false; problem: SignatureProblem; domain?: string; selector?: string };

const REQUIRED = ['v', 'a', 'b', 'bh', 'd', 'h', 's'] as const;

function base64(value: string): Buffer | undefined {
  const clean = value.replace(/[ \t\r\n]+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return undefined;
  return Buffer.from(clean, 'base64');
}

function canonicalization(value: string): Canonicalization | undefined {
  const lower = value.toLowerCase();
  return lower === 'simple' || lower === 'relaxed' ? lower : undefined;
}

/** The tag values of a DKIM-Signature field value, or the first structural problem. */
export function readSignatureTags(value: string): { ok: true; tags: Map<string, string> } | { ok: false; problem: SignatureProblem } {
  const tags = new Map<string, string>();
  for (const term of splitTagList(value)) {
    switch (term.kind) {
      case 'empty':
        break;
      case 'no-equals':
        return { ok: false, problem: { code: 'syntax', detail: term.text.slice(0, 40) } };
      case 'tag':
        // §3.2: "Tags with duplicate names MUST NOT occur within a single tag-list".
        if (tags.has(term.tag.name)) return { ok: false, problem: { code: 'duplicate-tag', tag: term.tag.name } };
        tags.set(term.tag.name, term.tag.value);
        break;
      default: {
        const never: never = term;
        throw new Error(`unhandled term ${String(never)}`);
      }
    }
  }
  return { ok: true, tags };
}

/**
 * Reads one DKIM-Signature field value (after the colon). Unknown tags are ignored (§3.2).
 *
 * @example
 * const parsed = parseDkimSignature(' v=1; a=ed25519-sha256; d=example.com; s=s1; h=from; bh=…; b=…');
 * if (parsed.ok) parsed.signature.algorithm; // 'ed25519-sha256'
 */
export function parseDkimSignature(value: string): SignatureParse {
  const read = readSignatureTags(value);
  if (!read.ok) return read;
  const { tags } = read;
  const where = { ...(tags.has('d') ? { domain: (tags.get('d') ?? '').toLowerCase() } : {}), ...(tags.has('s') ? { selector: tags.get('s') ?? '' } : {}) };
  const fail = (problem: SignatureProblem): SignatureParse => ({ ok: false, problem, ...where });
  for (const tag of REQUIRED) if (!tags.has(tag)) return fail({ code: 'missing-tag', tag });
  const get = (tag: string): string => (tags.get(tag) ?? '').replace(/[ \t\r\n]+/g, ' ').trim();

  // §6.1.1: "v=" other than "1" → PERMFAIL (incompatible version).
  if (get('v') !== '1') return fail({ code: 'bad-version', value: get('v') });
  const a = get('a').toLowerCase();
  if (a !== 'rsa-sha256' && a !== 'rsa-sha1' && a !== 'ed25519-sha256') return fail({ code: 'unknown-algorithm', value: get('a') });
  const signature = base64(tags.get('b') ?? '');
  if (signature === undefined || signature.length === 0) return fail({ code: 'bad-tag-value', tag: 'b', value: get('b').slice(0, 20) });
  const bodyHash = base64(tags.get('bh') ?? '');
  if (bodyHash === undefined || bodyHash.length === 0) return fail({ code: 'bad-tag-value', tag: 'bh', value: get('bh').slice(0, 20) });

  // §3.5 c=: default simple/simple; "relaxed" alone means relaxed/simple.
  const [headerCanon = 'simple', bodyCanon = 'simple'] = (tags.has('c') ? get('c') : 'simple/simple').split('/').map((part) => part.trim());
  const header = canonicalization(headerCanon);
  const body = canonicalization(bodyCanon);
  if (header === undefined || body === undefined || get('c').split('/').length > 2) return fail({ code: 'unknown-canonicalization', value: get('c') });

  const domain = get('d').toLowerCase().replace(/\.$/, '');
  if (!/^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*$/.test(domain)) return fail({ code: 'bad-tag-value', tag: 'd', value: get('d') });
  const selector = get('s');
  if (!/^[A-Za-z0-9_](?:[A-Za-z0-9_-]*)(?:\.[A-Za-z0-9_][A-Za-z0-9_-]*)*$/.test(selector)) return fail({ code: 'bad-tag-value', tag: 's', value: selector });

  const signedHeaders = get('h')
    .split(':')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name.length > 0);
  if (signedHeaders.length === 0) return fail({ code: 'bad-tag-value', tag: 'h', value: get('h') });
  if (!signedHeaders.includes('from')) return fail({ code: 'from-not-signed' });

  // §3.5 i=: default "@" + d=; its domain must be d= or a subdomain (§6.1.1).
  const identity = tags.has('i') ? get('i') : `@${domain}`;
  const at = identity.lastIndexOf('@');
  if (at === -1) return fail({ code: 'bad-tag-value', tag: 'i', value: identity });
  const identityDomain = identity.slice(at + 1).toLowerCase().replace(/\.$/, '');
  if (identityDomain !== domain && !identityDomain.endsWith(`.${domain}`)) return fail({ code: 'identity-mismatch', identity, domain });

  const number = (tag: 'l' | 't' | 'x', max: number): number | undefined | null => {
    if (!tags.has(tag)) return undefined;
    const text = get(tag);
    if (!/^\d+$/.test(text) || text.length > max) return null;
    return Number(text);
  };
  const bodyLength = number('l', 76);
  const timestamp = number('t', 12);
  const expiration = number('x', 12);
  if (bodyLength === null) return fail({ code: 'bad-tag-value', tag: 'l', value: get('l') });
  if (timestamp === null) return fail({ code: 'bad-tag-value', tag: 't', value: get('t') });
  if (expiration === null) return fail({ code: 'bad-tag-value', tag: 'x', value: get('x') });
  // §3.5 x=: "the value of the "x=" tag MUST be greater than the value of the "t=" tag".
  if (timestamp !== undefined && expiration !== undefined && expiration < timestamp) return fail({ code: 'expires-before-signed', timestamp, expiration });

  return {
    ok: true,
    signature: {
      algorithm: a,
      signature,
      bodyHash,
      headerCanonicalization: header,
      bodyCanonicalization: body,
      domain,
      selector,
      signedHeaders,
      identity,
      identityDomain,
      ...(bodyLength === undefined ? {} : { bodyLength }),
      ...(timestamp === undefined ? {} : { timestamp }),
      ...(expiration === undefined ? {} : { expiration }),
    },
  };
}

/**
 * The DKIM-Signature field with the value of `b=` removed (RFC 6376 §3.7: "the value of the
 * b= tag (including all surrounding whitespace) is deleted"), as it enters the header hash.
 */
export function withoutSignatureValue(raw: string): string {
  const colon = raw.indexOf(':');
  const value = raw.slice(colon + 1);
  for (const term of splitTagList(value)) {
    if (term.kind !== 'tag' || term.tag.name !== 'b') continue;
    const start = colon + 1 + term.tag.nameSpan.end;
    const equals = raw.indexOf('=', start);
    const semicolon = raw.indexOf(';', equals);
    const end = semicolon === -1 ? raw.length : semicolon;
    return raw.slice(0, equals + 1) + raw.slice(end);
  }
  return raw;
}
