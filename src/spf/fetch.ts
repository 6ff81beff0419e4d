/**
 * Fetching a domain's SPF record: RFC 7208 §4.4–§4.5, the ONE place the record-selection
 * rule lives. The evaluator, record editing (lookup counting, flattening) and the audit use
 * it; it keeps the TXT character-strings and the TTL for those that need them.
 */
import type { DnsAnswer, Resolver } from '../dns/resolver.ts';
import { canonicalDomain } from './domain.ts';
import { isSpfRecordText } from './parse.ts';

/** Records by domain used instead of DNS ("" = no record), as `evaluateSpf` overrides. */
export type RecordOverrides = Readonly<Record<string, string>> | ReadonlyMap<string, string>;

/** What a domain publishes, as far as SPF is concerned. */
export type FetchedRecord =
  | { kind: 'record'; domain: string; text: string; strings: string[]; source: 'dns' | 'override'; ttl?: number }
  /** §4.5: no SPF record (NXDOMAIN, no TXT, or no v=spf1 among the TXT records). */
  | { kind: 'none'; domain: string; dns: 'nxdomain' | 'nodata' | 'no-spf' }
  /** §4.5: more than one v=spf1 record → permerror. */
  | { kind: 'multiple'; domain: string; count: number }
  /** §2.6.6: the TXT query failed temporarily → temperror. */
  | { kind: 'dns-error'; domain: string; answer: 'timeout' | 'servfail'; detail?: string; refused?: true };

/**
 * Looks an override up by canonical domain.
 *
 * @example
 * overrideFor({ 'Klant.NL.': 'v=spf1 -all' }, 'klant.nl') // 'v=spf1 -all'
 */
export function overrideFor(overrides: RecordOverrides | undefined, domain: string): string | undefined {
  if (!overrides) return undefined;
  const key = canonicalDomain(domain);
  if (overrides instanceof Map) {
    const direct = overrides.get(key);
    if (direct !== undefined) return direct;
    for (const [name, record] of overrides) if (canonicalDomain(name) === key) return record;
    return undefined;
  }
  for (const [name, record] of Object.entries(overrides)) if (canonicalDomain(name) === key) return record;
  return undefined;
}

/**
 * The SPF record of `domain` (RFC 7208 §4.4–§4.5), from `overrides` when it has the domain.
 *
 * @example
 * const found = await fetchSpfRecord(resolver, 'byte.nl');
 * if (found.kind === 'record') found.strings; // the TXT character-strings as published
 */
export async function fetchSpfRecord(resolver: Resolver, domain: string, overrides?: RecordOverrides): Promise<FetchedRecord> {
  const name = canonicalDomain(domain);
  const override = overrideFor(overrides, name);
  if (override !== undefined) {
    if (override.trim() === '') return { kind: 'none', domain: name, dns: 'no-spf' };
    return { kind: 'record', domain: name, text: override, strings: [override], source: 'override' };
  }
  return spfRecordFromAnswer(name, await resolver.query(name, 'TXT'));
}

/**
 * The SPF record in the TXT answer for `name` (RFC 7208 §4.5 selection): for callers that
 * hold the answer already (the evaluator's look-ahead, src/spf/look-ahead.ts).
 *
 * @example
 * spfRecordFromAnswer('byte.nl', { kind: 'answer', records: [['v=spf1 -all']] }).kind // 'record'
 */
export function spfRecordFromAnswer(name: string, answer: DnsAnswer<string[]>): FetchedRecord {
  switch (answer.kind) {
    case 'timeout':
    case 'servfail': {
      const found: Extract<FetchedRecord, { kind: 'dns-error' }> = { kind: 'dns-error', domain: name, answer: answer.kind };
      if (answer.detail !== undefined) found.detail = answer.detail;
      if (answer.kind === 'timeout' && answer.refused) found.refused = true;
      return found;
    }
    case 'nxdomain':
    case 'nodata':
      return { kind: 'none', domain: name, dns: answer.kind };
    case 'answer': {
      // RFC 7208 §3.3: the character-strings of one TXT record are joined without spaces.
      let first: readonly string[] | undefined;
      let text = '';
      let count = 0;
      for (const strings of answer.records) {
        const joined = strings.length === 1 ? (strings[0] as string) : strings.join('');
        if (!isSpfRecordText(joined)) continue;
        count++;
        first ??= strings;
        if (count === 1) text = joined;
      }
      if (first === undefined) return { kind: 'none', domain: name, dns: 'no-spf' };
      if (count > 1) return { kind: 'multiple', domain: name, count };
      const found: FetchedRecord = { kind: 'record', domain: name, text, strings: [...first], source: 'dns' };
      if (answer.ttl !== undefined) found.ttl = answer.ttl;
      return found;
    }
    default: {
      const never: never = answer;
      throw new Error(`unhandled answer ${String(never)}`);
    }
  }
}
