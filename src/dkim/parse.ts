/**
 * The DKIM key record parser (RFC 6376 §3.6.1, RFC 8463, RFC 8301). It never throws: every
 * problem is an issue with a span. Decoding the key uses node:crypto, which is computation,
 * not I/O.
 */
import { Buffer } from 'node:buffer';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { dkimIssue, type DkimIssueData } from './issues.ts';
import { assertNever } from '../common/assert-never.ts';
import {
  codePointName,
  collectTags,
  findForeignWhitespace,
  findRunOnTag,
  splitListItems,
  splitTagList,
  type ListItem,
  type Tag,
} from '../common/tag-list.ts';
import type {
  DkimFlag,
  DkimHashAlgorithm,
  DkimIssue,
  DkimKey,
  DkimKeyType,
  DkimParseResult,
  DkimPublicKeyInfo,
  DkimServiceType,
  DkimTagName,
  Span,
} from './types.ts';

/**
 * The tags of RFC 6376 §3.6.1.
 *
 * @example
 * DKIM_TAGS.includes('p'); // true
 */
export const DKIM_TAGS: readonly DkimTagName[] = ['v', 'h', 'k', 'n', 'p', 's', 't'];

// RFC 6376 §3.2: FWS (folding white space) may surround tags and list separators.
const FWS: ReadonlySet<string> = new Set([' ', '\t', '\r', '\n']);

// RFC 8301 §3.2: verifiers MUST NOT accept RSA keys under 1024 bits; signers SHOULD use 2048.
const MIN_RSA_BITS = 1024;
const RECOMMENDED_RSA_BITS = 2048;

// RFC 8463 §4: an ed25519 key is published as its raw 32 bytes.
const ED25519_KEY_BYTES = 32;
// The DER prefix of an ed25519 SubjectPublicKeyInfo (RFC 8410), for spotting wrapped keys.
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

// RFC 6376 §3.6.1: x-key-h-tag-alg, x-key-k-tag-type, x-key-s-tag-type are hyphenated-words.
const HYPHENATED_WORD = /^[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;

function isDkimTagName(name: string): name is DkimTagName {
  return (DKIM_TAGS as readonly string[]).includes(name);
}

/** A colon-separated list (`h`, `s`, `t`) with its items. */
function splitColonList(tag: Tag): ListItem[] {
  return splitListItems(tag.value, tag.valueSpan.start, ':');
}

/** The base64 of `p=` without FWS, or the first character that base64 does not allow. */
function cleanBase64(value: string): { ok: true; base64: string } | { ok: false; char: string } {
  // RFC 6376 §3.6.1: base64string = ALPHADIGITPS *([FWS] ALPHADIGITPS) [[FWS] "=" [[FWS] "="]]
  const base64 = value.replace(/[ \t\r\n]+/g, '');
  const bad = /[^A-Za-z0-9+/=]/u.exec(base64)?.[0];
  if (bad !== undefined) return { ok: false, char: /[\s\p{Cc}]/u.test(bad) ? codePointName(bad) : bad };
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0) return { ok: false, char: '' };
  return { ok: true, base64 };
}

type KeyDecode =
  | { ok: true; info: DkimPublicKeyInfo }
  | { ok: false; reason: 'der' | 'type-mismatch' | 'ed25519-length' | 'ed25519-spki'; value?: string };

function tryPublicKey(der: Buffer, type: 'spki' | 'pkcs1'): KeyObject | undefined {
  try {
    return createPublicKey({ key: der, format: 'der', type });
  } catch {
    return undefined;
  }
}

function decodeKey(keyType: DkimKeyType, bytes: Buffer): KeyDecode {
  switch (keyType) {
    case 'rsa': {
      // RFC 6376 §3.6.1 names RSAPublicKey, but keys are published as SubjectPublicKeyInfo
      // (erratum 3017) and that is what verifiers read; accept both, say which.
      const spki = tryPublicKey(bytes, 'spki');
      const key = spki ?? tryPublicKey(bytes, 'pkcs1');
      if (key === undefined) return { ok: false, reason: 'der' };
      if (key.asymmetricKeyType !== 'rsa') return { ok: false, reason: 'type-mismatch', value: key.asymmetricKeyType ?? 'unknown' };
      const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
      return { ok: true, info: { type: 'rsa', bits, encoding: spki === undefined ? 'pkcs1' : 'spki' } };
    }
    case 'ed25519':
      if (bytes.length === ED25519_KEY_BYTES) return { ok: true, info: { type: 'ed25519', bits: 256, encoding: 'raw' } };
      if (bytes.length === ED25519_SPKI_PREFIX.length + ED25519_KEY_BYTES && bytes.subarray(0, ED25519_SPKI_PREFIX.length).equals(ED25519_SPKI_PREFIX)) {
        return { ok: false, reason: 'ed25519-spki' };
      }
      return { ok: false, reason: 'ed25519-length', value: String(bytes.length) };
    default:
      return assertNever(keyType);
  }
}

/**
 * Parses the text of a DKIM key TXT record (RFC 6376 §3.6.2.2: the character-strings of the
 * record concatenated "with no intervening whitespace"), decodes the key and judges it.
 *
 * @example
 * const result = parseDkimKey('v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=');
 * if (result.ok) result.record.keyInfo; // { type: 'ed25519', bits: 256, encoding: 'raw' }
 */
export function parseDkimKey(text: string): DkimParseResult {
  const issues: DkimIssue[] = [];
  const report = (data: DkimIssueData): void => {
    issues.push(dkimIssue(data));
  };
  const whole: Span = { start: 0, end: text.length };
  let usable = true;

  for (const { span, char } of findForeignWhitespace(text, FWS)) report({ code: 'bad-whitespace', value: char, span });

  const terms = splitTagList(text);
  // RFC 6376 §3.2: "Tags MUST be interpreted in a case-sensitive manner", so P= is unknown
  // ("Unrecognized tags MUST be ignored"); P= is suggested as p=.
  const { tags, unknownTags, known, problems } = collectTags<DkimTagName>(terms, {
    known: (name) => (isDkimTagName(name) ? name : undefined),
    suggest: (name) => {
      const lower = name.toLowerCase();
      return isDkimTagName(lower) ? lower : undefined;
    },
  });
  for (const problem of problems) {
    // RFC 6376 §3.2: a tag-spec needs "=" and a tag-name, and "if a tag name does occur more
    // than once, the entire tag-list is invalid".
    if (problem.code === 'missing-equals' || problem.code === 'bad-tag-name' || problem.code === 'duplicate-tag') usable = false;
    report(problem);
  }

  /** Reports what is wrong with a value's shape; true when the value is unusable. */
  const badShape = (name: DkimTagName, tag: Tag, emptyAllowed = false): boolean => {
    if (tag.value.endsWith('\\')) {
      report({ code: 'escaped-semicolon', tag: name, span: { start: tag.valueSpan.end - 1, end: tag.valueSpan.end } });
    }
    if (tag.value === '') {
      if (!emptyAllowed) report({ code: 'empty-value', tag: name, span: tag.span });
      return !emptyAllowed;
    }
    const runOn = findRunOnTag(tag.value, DKIM_TAGS);
    if (runOn !== undefined) {
      const start = tag.valueSpan.start + runOn.offset;
      report({ code: 'missing-semicolon', tag: name, value: runOn.name, span: { start, end: start + runOn.length } });
      return true;
    }
    return false;
  };
  /** Items of a colon list, or undefined (reported) when one is not a hyphenated-word. */
  const colonList = (name: DkimTagName, tag: Tag, isItem: (text: string) => boolean): ListItem[] | undefined => {
    const items = splitColonList(tag);
    if (items.every((item) => isItem(item.text))) return items;
    report({ code: 'bad-tag-value', tag: name, value: tag.value, span: tag.valueSpan });
    return undefined;
  };

  const explicit: DkimTagName[] = [];
  let keyType: DkimKeyType = 'rsa';
  let hashAlgorithms: DkimHashAlgorithm[] = ['sha1', 'sha256'];
  let services: DkimServiceType[] = ['*'];
  let flags: DkimFlag[] = [];
  let notes = '';
  let base64: string | undefined;

  for (const [name, tag] of known) {
    switch (name) {
      case 'v':
        // §3.6.1: "This tag MUST be the first tag in the record. Records beginning with a
        // 'v=' tag with any other value MUST be discarded."
        if (terms[0]?.kind !== 'tag' || terms[0].tag !== tag) report({ code: 'version-not-first', tag: 'v', span: tag.span });
        if (tag.value !== 'DKIM1') {
          usable = false;
          if (!badShape(name, tag)) report({ code: 'bad-version', tag: 'v', value: tag.value, span: tag.valueSpan });
        } else {
          explicit.push(name);
        }
        break;
      case 'h': {
        if (badShape(name, tag)) break;
        const items = colonList(name, tag, (item) => HYPHENATED_WORD.test(item));
        if (items === undefined) break;
        const accepted = new Set<DkimHashAlgorithm>();
        for (const item of items) {
          const lower = item.text.toLowerCase();
          if (lower === 'sha1' || lower === 'sha256') {
            accepted.add(lower);
            // RFC 8301 §3.1: signers MUST NOT use rsa-sha1.
            if (lower === 'sha1') report({ code: 'sha1-hash', tag: 'h', span: item.span });
          } else {
            // §3.6.1: "Unrecognized algorithms MUST be ignored."
            report({ code: 'unknown-hash', tag: 'h', value: item.text, span: item.span });
          }
        }
        hashAlgorithms = [...accepted];
        explicit.push(name);
        // rsa-sha256 (RFC 6376) and ed25519-sha256 (RFC 8463) both hash with sha256.
        if (!accepted.has('sha256')) report({ code: 'sha256-not-allowed', tag: 'h', span: tag.valueSpan });
        break;
      }
      case 'k': {
        if (badShape(name, tag)) {
          usable = false;
          break;
        }
        const lower = tag.value.toLowerCase();
        if (lower === 'rsa' || lower === 'ed25519') {
          keyType = lower;
          explicit.push(name);
        } else {
          // A verifier has no way to use a key of a type it does not know.
          usable = false;
          report({ code: 'unknown-key-type', tag: 'k', value: tag.value, span: tag.valueSpan });
        }
        break;
      }
      case 'n':
        notes = tag.value;
        explicit.push(name);
        break;
      case 'p': {
        // §3.6.1: "An empty value means that this public key has been revoked."
        if (badShape(name, tag, true)) {
          usable = false;
          break;
        }
        const cleaned = cleanBase64(tag.value);
        if (!cleaned.ok) {
          usable = false;
          report({ code: 'bad-key', tag: 'p', reason: 'base64', value: cleaned.char, span: tag.valueSpan });
          break;
        }
        base64 = cleaned.base64;
        explicit.push(name);
        break;
      }
      case 's': {
        if (badShape(name, tag)) break;
        const items = colonList(name, tag, (item) => item === '*' || HYPHENATED_WORD.test(item));
        if (items === undefined) break;
        const accepted = new Set<DkimServiceType>();
        for (const item of items) {
          const lower = item.text.toLowerCase();
          if (lower === '*' || lower === 'email') accepted.add(lower);
          // §3.6.1: "Unrecognized service types MUST be ignored."
          else report({ code: 'unknown-service', tag: 's', value: item.text, span: item.span });
        }
        services = [...accepted];
        explicit.push(name);
        // §3.6.1: "Verifiers for a given service type MUST ignore this record if the
        // appropriate type is not listed."
        if (accepted.size === 0) {
          usable = false;
          report({ code: 'not-for-email', tag: 's', span: tag.valueSpan });
        }
        break;
      }
      case 't': {
        if (badShape(name, tag)) break;
        const items = colonList(name, tag, (item) => HYPHENATED_WORD.test(item));
        if (items === undefined) break;
        const accepted = new Set<DkimFlag>();
        for (const item of items) {
          const lower = item.text.toLowerCase();
          if (lower === 'y' || lower === 's') {
            accepted.add(lower);
            // §3.6.1: in testing mode "Verifiers MUST NOT treat messages from Signers in
            // testing mode differently from unsigned email".
            if (lower === 'y') report({ code: 'testing-mode', tag: 't', span: item.span });
          } else {
            // §3.6.1: "Unrecognized flags MUST be ignored."
            report({ code: 'unknown-flag', tag: 't', value: item.text, span: item.span });
          }
        }
        flags = [...accepted];
        explicit.push(name);
        break;
      }
      default:
        assertNever(name);
    }
  }

  const keyTag = known.get('p');
  let keyInfo: DkimPublicKeyInfo | null = null;
  if (keyTag === undefined) {
    // §3.6.1: p= is REQUIRED.
    usable = false;
    report({ code: 'missing-key', tag: 'p', span: whole });
  } else if (base64 === '') {
    report({ code: 'revoked-key', tag: 'p', span: keyTag.span });
  } else if (base64 !== undefined && (known.get('k') === undefined || explicit.includes('k'))) {
    const decoded = decodeKey(keyType, Buffer.from(base64, 'base64'));
    if (!decoded.ok) {
      usable = false;
      report({ code: 'bad-key', tag: 'p', reason: decoded.reason, ...(decoded.value === undefined ? {} : { value: decoded.value }), span: keyTag.valueSpan });
    } else {
      keyInfo = decoded.info;
      if (keyInfo.encoding === 'pkcs1') report({ code: 'pkcs1-key', tag: 'p', span: keyTag.valueSpan });
      if (keyInfo.type === 'rsa' && keyInfo.bits < MIN_RSA_BITS) {
        report({ code: 'weak-key', tag: 'p', bits: keyInfo.bits, span: keyTag.valueSpan });
      } else if (keyInfo.type === 'rsa' && keyInfo.bits < RECOMMENDED_RSA_BITS) {
        report({ code: 'short-key', tag: 'p', bits: keyInfo.bits, span: keyTag.valueSpan });
      }
    }
  }

  issues.sort((a, b) => a.span.start - b.span.start);
  if (!usable || base64 === undefined) return { ok: false, issues };
  const record: DkimKey = {
    version: 'DKIM1',
    keyType,
    hashAlgorithms,
    publicKey: base64,
    revoked: base64 === '',
    keyInfo,
    services,
    flags,
    notes,
    explicit,
    tags,
    unknownTags,
  };
  return { ok: true, record, issues };
}

/**
 * The key of a parsed record as a node:crypto key object, for verifying signatures
 * (verify.ts); undefined for a revoked or undecodable key. RSA keys are read as
 * SubjectPublicKeyInfo or RSAPublicKey (as `decodeKey` accepts them); an ed25519 key's raw 32
 * bytes (RFC 8463 §4) are wrapped in the SubjectPublicKeyInfo that node:crypto reads.
 *
 * @example
 * const parsed = parseDkimKey(text);
 * const key = parsed.ok ? publicKeyObject(parsed.record) : undefined;
 */
export function publicKeyObject(record: DkimKey): KeyObject | undefined {
  if (record.revoked || record.keyInfo === null) return undefined;
  const bytes = Buffer.from(record.publicKey, 'base64');
  switch (record.keyType) {
    case 'rsa':
      return tryPublicKey(bytes, record.keyInfo.encoding === 'pkcs1' ? 'pkcs1' : 'spki');
    case 'ed25519':
      return tryPublicKey(Buffer.concat([ED25519_SPKI_PREFIX, bytes]), 'spki');
    default:
      return assertNever(record.keyType);
  }
}
