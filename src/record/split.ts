/**
 * Sizing a record for publication. A TXT character-string holds at most 255 octets
 * (RFC 1035 §3.3; RFC 7208 §3.3 joins a record's strings without separator), and a whole
 * SPF answer should stay under 450 octets so it fits one 512-octet UDP reply (RFC 7208 §3.4).
 */
import { parseRecord } from '../spf/parse.ts';
import { renderRecord, renderTerm } from '../spf/render.ts';
import type { Term } from '../spf/types.ts';
import { allTerm, byteLength, includeTerm } from './terms.ts';

/**
 * RFC 1035 §3.3: a character-string is a length octet and up to 255 octets.
 *
 * @example
 * splitTxtStrings(record).every((s) => s.length <= MAX_STRING_BYTES) // true
 */
export const MAX_STRING_BYTES = 255;
/**
 * RFC 7208 §3.4: keep the record (and the whole answer) under 450 octets.
 *
 * @example
 * if (byteLength(record) > MAX_RECORD_BYTES) proposeSubRecords(record, domain);
 */
export const MAX_RECORD_BYTES = 450;

/**
 * Splits a record into TXT character-strings of at most `max` octets, at term boundaries.
 * The space between two terms ends the earlier string, so joining the strings without
 * separator (RFC 7208 §3.3) gives the record back. A single term longer than `max` (only
 * possible with very long macro domain-specs) is cut inside; that is still valid, as the
 * strings are joined before parsing.
 *
 * @example
 * splitTxtStrings('v=spf1 ip4:192.0.2.0/24 … -all'); // ['v=spf1 ip4:… ', 'ip4:… -all']
 */
export function splitTxtStrings(record: string, max = MAX_STRING_BYTES): string[] {
  const tokens = record.split(' ');
  const strings: string[] = [];
  let current = '';
  tokens.forEach((token, i) => {
    const piece = i < tokens.length - 1 ? `${token} ` : token;
    if (current !== '' && byteLength(current + piece) > max) {
      strings.push(current);
      current = '';
    }
    current += piece;
    while (byteLength(current) > max) {
      strings.push(current.slice(0, max));
      current = current.slice(max);
    }
  });
  if (current !== '' || strings.length === 0) strings.push(current);
  return strings;
}

/** A record to publish at a name of its own, included from the main record. */
export interface SubRecord {
  /** The owner name, e.g. `_spf.example.nl`. */
  name: string;
  record: string;
  strings: string[];
  bytes: number;
}

export type SubRecordProposal =
  | { status: 'not-needed'; bytes: number }
  /** `mainBytes` may still exceed the limit when the rest of the record alone is too long. */
  | { status: 'proposed'; main: string; mainBytes: number; subRecords: SubRecord[]; moved: string[] }
  /** Over the size, but no ip range can move without changing the result. */
  | { status: 'impossible'; bytes: number; reason: 'no-movable-ranges' | 'does-not-parse' };

/**
 * When `record` is over `maxBytes`, proposes moving its ip4/ip6 ranges into sub-records
 * `_spf.<domain>` (then `_spf2.<domain>` … if one is not enough), each included from the
 * main record where the first range stood. Each sub-record ends in `-all`: inside an
 * include that is just "no match" (RFC 7208 §5.2), and checked on its own the name
 * authorises nothing else. Every extra include costs one DNS lookup (§4.6.4).
 *
 * Only "+" ranges before the first non-pass mechanism move: past one, moving a range in
 * front of it could change which term decides (§4.6.2 evaluates in order).
 *
 * @example
 * const p = proposeSubRecords(longRecord, 'example.nl');
 * if (p.status === 'proposed') p.subRecords[0]?.name; // '_spf.example.nl'
 */
export function proposeSubRecords(record: string, domain: string, options: { maxBytes?: number } = {}): SubRecordProposal {
  const maxBytes = options.maxBytes ?? MAX_RECORD_BYTES;
  const bytes = byteLength(record);
  if (bytes <= maxBytes) return { status: 'not-needed', bytes };
  const parsed = parseRecord(record);
  if (!parsed.ok) return { status: 'impossible', bytes, reason: 'does-not-parse' };
  const terms = parsed.record.terms;

  const movable: number[] = [];
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i] as Term;
    if (term.kind === 'all') break;
    if (term.kind === 'ip4' || term.kind === 'ip6') {
      if (term.qualifier !== '+') break;
      movable.push(i);
    } else if (term.kind !== 'redirect' && term.kind !== 'exp' && term.kind !== 'unknown-modifier' && term.qualifier !== '+') {
      break;
    }
  }
  if (movable.length === 0) return { status: 'impossible', bytes, reason: 'no-movable-ranges' };

  // Pack the ranges, in order, into as few sub-records as fit under the size.
  const chunks: Term[][] = [];
  let chunk: Term[] = [];
  for (const i of movable) {
    const term = terms[i] as Term;
    const trial = [...chunk, term];
    if (chunk.length > 0 && byteLength(renderRecord({ terms: [...trial, allTerm('-')] })) > maxBytes) {
      chunks.push(chunk);
      chunk = [term];
    } else {
      chunk = trial;
    }
  }
  if (chunk.length > 0) chunks.push(chunk);

  const base = domain.endsWith('.') ? domain.slice(0, -1) : domain;
  const subRecords: SubRecord[] = chunks.map((c, n) => {
    const text = renderRecord({ terms: [...c, allTerm('-')] });
    return { name: `${n === 0 ? '_spf' : `_spf${n + 1}`}.${base}`, record: text, strings: splitTxtStrings(text), bytes: byteLength(text) };
  });
  const first = movable[0] as number;
  const moved = new Set(movable);
  const mainTerms: Term[] = [];
  terms.forEach((term, i) => {
    if (i === first) for (const sub of subRecords) mainTerms.push(includeTerm(sub.name));
    if (!moved.has(i)) mainTerms.push(term);
  });
  const main = renderRecord({ terms: mainTerms });
  return {
    status: 'proposed',
    main,
    mainBytes: byteLength(main),
    subRecords,
    moved: movable.map((i) => renderTerm(terms[i] as Term)),
  };
}
