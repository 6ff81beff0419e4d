/**
 * The size rule for publishing an SPF record — the one place it lives (add, audit, explain
 * and check all use it). A TXT character-string holds at most 255 octets (RFC 1035 §3.3;
 * RFC 7208 §3.3 joins a record's strings without separator), and a whole SPF answer should
 * stay under 450 octets so it fits one 512-octet UDP reply (RFC 7208 §3.4).
 */

/**
 * RFC 1035 §3.3: a character-string is a length octet and up to 255 octets.
 *
 * @example
 * splitTxtStrings(record).every((s) => byteLength(s) <= MAX_STRING_BYTES) // true
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
 * Where a string comes from, which says how its octets are written: `text` is Unicode text a
 * user typed, published as UTF-8; `wire` is a TXT string as the resolvers return it, one code
 * unit per octet (U+0000–U+00FF, src/dns/wire.ts and the zone format).
 */
export type TxtForm = 'text' | 'wire';

/**
 * The size of a record or string on the wire, in octets — the one byte counter (RFC 1035
 * §3.3 counts a TXT string in octets; a non-ASCII record is published as UTF-8).
 *
 * @example
 * byteLength('v=spf1 -all') // 11
 * byteLength('v=spf1 exp=é.example -all') // 26: é is two octets in UTF-8
 * byteLength('v=spf1 exp=\xC3\xA9.example -all', 'wire') // 26: the same record as fetched
 */
export function byteLength(text: string, form: TxtForm = 'text'): number {
  return form === 'wire' ? text.length : new TextEncoder().encode(text).length;
}

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

/** What publishing a record takes, measured against the two limits above. */
export interface RecordSize {
  /** The record's size in octets. */
  bytes: number;
  /** How many TXT character-strings it is published as (more than one above 255 octets). */
  strings: number;
  /** Over 450 octets (RFC 7208 §3.4): receivers that read DNS over UDP only cannot get it. */
  tooLong: boolean;
}

/**
 * The record's size and what it means for publishing it.
 *
 * @example
 * measureRecord('v=spf1 -all') // { bytes: 11, strings: 1, tooLong: false }
 */
export function measureRecord(record: string): RecordSize {
  const bytes = byteLength(record);
  return { bytes, strings: bytes > MAX_STRING_BYTES ? splitTxtStrings(record).length : 1, tooLong: bytes > MAX_RECORD_BYTES };
}
