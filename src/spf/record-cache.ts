/**
 * A bounded cache of parsed records, owned by its caller (a bulk run, a server): provider
 * records such as `_spf.google.com` are met in thousands of checks and need parsing once.
 */
import { parseRecord } from './parse.ts';
import type { ParseResult } from './types.ts';

export interface RecordCache {
  /** The parse of `text`, from the cache or parsed now (and kept). */
  parse(text: string): ParseResult;
  readonly size: number;
}

/**
 * @example
 * const records = recordCache();
 * await checkHost(input, { resolver, records });
 */
export function recordCache(maxEntries = 5000): RecordCache {
  const entries = new Map<string, ParseResult>();
  return {
    parse(text: string): ParseResult {
      let parsed = entries.get(text);
      if (parsed === undefined) {
        parsed = parseRecord(text);
        // Oldest first out: records are small and most reuse is of a few provider records.
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
        entries.set(text, parsed);
      }
      return parsed;
    },
    get size() {
      return entries.size;
    },
  };
}
