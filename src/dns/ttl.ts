/**
 * A decorator with one job: it passes queries through and keeps the smallest TTL of the
 * answers that carried one (records, and NXDOMAIN/NODATA with the SOA minimum, RFC 2308 §5).
 * Nothing a check saw can change in DNS caches sooner, so a scheduler need not look again
 * before then. Timeouts and SERVFAIL carry no TTL and are not counted.
 */
import type { DnsAnswer, RecordData, Resolver, RrType } from './resolver.ts';

export interface TtlRecordingResolver extends Resolver {
  /** The smallest TTL (seconds) seen so far; undefined when no answer carried one. */
  smallestTtl(): number | undefined;
}

/**
 * @example
 * const ttl = ttlRecordingResolver(systemResolver());
 * await ttl.query('example.com', 'A');
 * ttl.smallestTtl(); // 300
 */
export function ttlRecordingResolver(inner: Resolver): TtlRecordingResolver {
  let smallest: number | undefined;
  return {
    async query<T extends RrType>(name: string, type: T): Promise<DnsAnswer<RecordData[T]>> {
      const answer = await inner.query(name, type);
      if ('ttl' in answer && answer.ttl !== undefined && (smallest === undefined || answer.ttl < smallest)) smallest = answer.ttl;
      return answer;
    },
    smallestTtl: () => smallest,
  };
}
