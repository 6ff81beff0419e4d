/**
 * A caching decorator for any Resolver. The cache belongs to whoever creates it (no module
 * state): one per bulk run, per server, per test.
 */
import { normalizeName } from './resolver.ts';
import type { DnsAnswer, RecordData, Resolver, RrType } from './resolver.ts';

export interface CacheOptions {
  /** Most entries kept; the least recently used goes first, approximately (default 10000). */
  maxEntries?: number;
  /** Upper bound on any TTL, seconds (default 3600). */
  maxTtl?: number;
  /** Lower bound on any TTL, seconds (default 0). A TTL of 0 is not cached. */
  minTtl?: number;
  /** TTL of nxdomain/nodata answers, and their upper bound, seconds (default 300; RFC 2308 §5). */
  negativeTtl?: number;
  /** TTL of answers that carry none (node gives TTLs for A/AAAA only), seconds (default 300). */
  defaultTtl?: number;
  /** The clock, in milliseconds (default `Date.now`). */
  now?: () => number;
}

export interface CacheStats {
  /** Queries answered from the cache. */
  readonly hits: number;
  /** Queries sent to the inner resolver. */
  readonly misses: number;
  /** Queries that joined an identical query already in flight. */
  readonly coalesced: number;
  /** Entries held now (expired entries count until they are touched or evicted). */
  readonly size: number;
}

export interface CachingResolver extends Resolver {
  readonly stats: CacheStats;
  /** Drop every entry (in-flight queries still complete and are stored). */
  clear(): void;
}

interface Entry {
  expires: number;
  promise: Promise<DnsAnswer<unknown>>;
  /** Hit since it was last passed over for eviction (second-chance LRU). */
  used: boolean;
}

function checkOption(value: number, name: string, min: number): number {
  if (!Number.isFinite(value) || value < min) throw new Error(`cachingResolver: ${name} must be a number ≥ ${min}, got ${String(value)}`);
  return value;
}

/**
 * Wrap a resolver with a TTL-aware LRU cache. Answers are kept for their TTL clamped to
 * `[minTtl, maxTtl]`; nxdomain and nodata are cached too (RFC 2308) for at most
 * `negativeTtl`; timeouts and servfails are not cached (RFC 2308 §7.1 allows a short time, but a
 * retry is what an SPF temperror asks for). Identical queries in flight share one upstream
 * query. Cached answers are shared between callers: do not mutate them; `ttl` is the TTL the
 * source gave, not the time left.
 *
 * @example
 * const cached = cachingResolver(systemResolver(), { maxEntries: 50_000 });
 * await cached.query('example.com', 'TXT');
 * console.log(cached.stats); // { hits: 0, misses: 1, coalesced: 0, size: 1 }
 */
export function cachingResolver(inner: Resolver, options: CacheOptions = {}): CachingResolver {
  const maxEntries = checkOption(options.maxEntries ?? 10_000, 'maxEntries', 1);
  const maxTtl = checkOption(options.maxTtl ?? 3600, 'maxTtl', 0);
  const minTtl = checkOption(options.minTtl ?? 0, 'minTtl', 0);
  const negativeTtl = checkOption(options.negativeTtl ?? 300, 'negativeTtl', 0);
  const defaultTtl = checkOption(options.defaultTtl ?? 300, 'defaultTtl', 0);
  const now = options.now ?? Date.now;

  // Map iteration order is insertion order. A hit only marks the entry as used (cheap: the
  // hot path of bulk checks); eviction gives used entries a second chance by moving them to
  // the end — an approximation of LRU ("CLOCK") that keeps hits free of Map reshuffles.
  const entries = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<DnsAnswer<unknown>>>();
  const stats = { hits: 0, misses: 0, coalesced: 0, size: 0 };

  /** Seconds to keep an answer, 0 for not at all. */
  function lifetime(answer: DnsAnswer<unknown>): number {
    let ttl: number;
    switch (answer.kind) {
      case 'answer':
        ttl = answer.ttl ?? defaultTtl;
        break;
      case 'nxdomain':
      case 'nodata':
        ttl = Math.min(answer.ttl ?? negativeTtl, negativeTtl);
        break;
      case 'timeout':
      case 'servfail':
        return 0;
      default: {
        const _never: never = answer;
        throw new Error(`unreachable answer ${JSON.stringify(_never)}`);
      }
    }
    return Math.min(Math.max(ttl, minTtl), maxTtl);
  }

  /** Drops the oldest entry not used since it was last passed over. */
  function evictOne(): void {
    let budget = entries.size + 1;
    for (const [key, entry] of entries) {
      if (entry.used && budget-- > 0) {
        entry.used = false;
        entries.delete(key);
        entries.set(key, entry);
        continue;
      }
      entries.delete(key);
      return;
    }
  }

  function store(key: string, answer: DnsAnswer<unknown>, promise: Promise<DnsAnswer<unknown>>): void {
    const ttl = lifetime(answer);
    if (ttl <= 0) return;
    entries.delete(key);
    entries.set(key, { expires: now() + ttl * 1000, promise, used: false });
    if (entries.size > maxEntries) evictOne();
    stats.size = entries.size;
  }

  function query<T extends RrType>(name: string, type: T): Promise<DnsAnswer<RecordData[T]>> {
    const key = `${type} ${normalizeName(name)}`;
    const entry = entries.get(key);
    if (entry !== undefined) {
      if (entry.expires > now()) {
        stats.hits++;
        entry.used = true;
        return entry.promise as Promise<DnsAnswer<RecordData[T]>>;
      }
      entries.delete(key);
      stats.size = entries.size;
    }
    const pending = inFlight.get(key);
    if (pending !== undefined) {
      stats.coalesced++;
      return pending as Promise<DnsAnswer<RecordData[T]>>;
    }
    stats.misses++;
    const promise: Promise<DnsAnswer<unknown>> = inner.query(name, type).then(
      (answer: DnsAnswer<unknown>) => {
        inFlight.delete(key);
        store(key, answer, promise);
        return answer;
      },
      (error: unknown) => {
        inFlight.delete(key);
        throw error;
      },
    );
    inFlight.set(key, promise);
    return promise as Promise<DnsAnswer<RecordData[T]>>;
  }

  return {
    query,
    stats,
    clear() {
      entries.clear();
      stats.size = 0;
    },
  };
}
