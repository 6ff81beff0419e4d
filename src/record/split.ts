/**
 * Fitting a record that is too long for publication into sub-records; the size rule itself
 * (255-octet strings, 450-octet answers) is src/spf/size.ts.
 */
import { parseRecord } from '../spf/parse.ts';
import { renderRecord, renderTerm } from '../spf/render.ts';
import type { Term } from '../spf/types.ts';
import { MAX_RECORD_BYTES, byteLength, splitTxtStrings } from '../spf/size.ts';
import { allTerm, includeTerm } from './terms.ts';

// The limits and the string split are the SPF size rule (src/spf/size.ts); re-exported for record callers.
export { MAX_RECORD_BYTES, MAX_STRING_BYTES, splitTxtStrings } from '../spf/size.ts';

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
