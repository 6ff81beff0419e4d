/**
 * A DNS query allowance per client over time, beside the per-request budget of budget.ts: a
 * public checker asks DNS for names the requester chooses, so a request budget alone let one
 * client fire 60 audits a minute at 400 queries each — ~24 000 queries a minute (issue 17.2).
 *
 * Each client has a bucket of `perWindow` queries that refills continuously, `perWindow` per
 * `windowMs`. A request reserves its whole per-request budget before it starts (so parallel
 * requests cannot overdraw it) and gives back what it did not use when it ends; a request that
 * cannot reserve its budget is refused. A client thus sends at most `perWindow` queries in a
 * burst and `perWindow` per window after that (at most 2 × `perWindow` in any one window).
 */

export interface AllowanceOptions {
  /** Queries a client may cause per window (the bucket's size). */
  perWindow: number;
  /** The window in milliseconds. */
  windowMs: number;
  /** The clock in milliseconds (a monotonic one: `performance.now`). */
  now: () => number;
  /** Clients remembered at most; full buckets are forgotten first (default 10 000). */
  maxClients?: number;
}

/** A reservation: `release(used)` gives back the unused part when the request ends. */
export interface Reservation {
  /** Queries reserved. */
  readonly queries: number;
  /** Return the queries not used; call once. */
  release(used: number): void;
}

export interface QueryAllowance {
  /**
   * Reserve `queries` for `client`, or say in how many milliseconds the bucket holds that many.
   *
   * @example
   * const r = allowance.reserve('192.0.2.1', 134);
   * if ('retryAfterMs' in r) refuse(r.retryAfterMs); else { … ; r.release(resolver.stats.queries); }
   */
  reserve(client: string, queries: number): Reservation | { retryAfterMs: number };
}

interface Bucket {
  tokens: number;
  at: number;
}

/** A per-client allowance (one per server; the state is the caller's, never module-level). */
export function queryAllowance(options: AllowanceOptions): QueryAllowance {
  const { perWindow, windowMs, now } = options;
  if (!(Number.isInteger(perWindow) && perWindow >= 1 && windowMs > 0)) throw new Error('queryAllowance: perWindow must be a whole number ≥ 1 and windowMs > 0');
  const maxClients = options.maxClients ?? 10_000;
  const rate = perWindow / windowMs;
  const buckets = new Map<string, Bucket>();

  function bucketOf(client: string, at: number): Bucket {
    let bucket = buckets.get(client);
    if (bucket === undefined) {
      if (buckets.size >= maxClients) {
        // Forget clients whose bucket has refilled: they owe nothing.
        for (const [key, b] of buckets) if (b.tokens + (at - b.at) * rate >= perWindow) buckets.delete(key);
      }
      bucket = { tokens: perWindow, at };
      buckets.set(client, bucket);
    }
    bucket.tokens = Math.min(perWindow, bucket.tokens + (at - bucket.at) * rate);
    bucket.at = at;
    return bucket;
  }

  return {
    reserve(client, queries) {
      const wanted = Math.min(queries, perWindow);
      const at = now();
      const bucket = bucketOf(client, at);
      if (bucket.tokens < wanted) return { retryAfterMs: Math.ceil((wanted - bucket.tokens) / rate) };
      bucket.tokens -= wanted;
      let released = false;
      return {
        queries: wanted,
        release(used) {
          if (released) return;
          released = true;
          const back = wanted - Math.min(wanted, Math.max(0, used));
          const b = bucketOf(client, now());
          b.tokens = Math.min(perWindow, b.tokens + back);
        },
      };
    },
  };
}
