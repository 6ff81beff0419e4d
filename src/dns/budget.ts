/**
 * A per-job limit on DNS work: a query budget and a deadline, as a Resolver decorator. A
 * public checker asks DNS on behalf of anyone, so each request gets its own wrapper around
 * the shared (cached) resolver; a record built to fan out, or a zone that never answers,
 * then costs at most `maxQueries` queries and `deadlineMs` milliseconds.
 *
 * The refusals are ordinary DNS outcomes, not exceptions: `servfail` once the budget is
 * spent and `timeout` after the deadline, so the SPF evaluator turns them into temperror
 * (RFC 7208 §2.6.6) with the reason in `detail`. This is not the §4.6.4 lookup limit, which
 * the evaluator counts per term; it is a cap on the resolver's work, set above what the
 * RFC limits allow for ordinary records.
 *
 * A question asked again in the same job gets the first answer and costs nothing: the budget
 * counts distinct questions. A job that evaluates the same records many times (`/api/add`
 * verifies a plan with a dozen checks) then pays for each question once, and a repeat never
 * reaches the DNS again, not even for a failure the shared cache does not keep (issue 17.8).
 */
import { type DnsAnswer, type RecordData, type Resolver, type RrType, normalizeName } from './resolver.ts';

export interface BudgetOptions {
  /**
   * Queries answered; every query after these answers `servfail` ("query budget exhausted").
   * Left out: no cap and no memo of the questions — a deadline only (the CLI's `--deadline`,
   * over a run of any length).
   */
  maxQueries?: number;
  /** Milliseconds from the wrapper's creation; later queries, and those still pending then, answer `timeout`. */
  deadlineMs: number;
}

/** What the wrapper did, for logs. */
export interface BudgetStats {
  /** Distinct queries asked of the wrapper (what the budget counts). */
  readonly queries: number;
  /** Queries asked again, answered with the first answer. */
  readonly repeated: number;
  /** Queries refused because the budget was spent. */
  readonly refused: number;
  /** Queries answered `timeout` because of the deadline. */
  readonly expired: number;
}

export interface BudgetResolver extends Resolver {
  readonly stats: BudgetStats;
}

/** The `detail` of an answer refused for the budget. */
export const BUDGET_EXHAUSTED = 'query budget exhausted';

function checkOption(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0) throw new Error(`budgetResolver: ${name} must be a whole number ≥ 0, got ${String(value)}`);
  return value;
}

/**
 * Wrap a resolver with a query budget and a deadline. Create one per job (an HTTP request, a
 * check); the clock starts at creation. A pending query is not cancelled at the deadline —
 * the inner resolver settles it in its own time (and a cache below still stores it) — but
 * the caller gets `timeout` at once.
 *
 * @example
 * const shared = cachingResolver(systemResolver());
 * // per request:
 * const resolver = budgetResolver(shared, { maxQueries: 100, deadlineMs: 8000 });
 * const check = await checkHost(input, { resolver });
 * console.log(resolver.stats); // { queries: 3, repeated: 0, refused: 0, expired: 0 }
 */
export function budgetResolver(inner: Resolver, options: BudgetOptions): BudgetResolver {
  const maxQueries = options.maxQueries === undefined ? undefined : checkOption(options.maxQueries, 'maxQueries');
  const deadlineMs = checkOption(options.deadlineMs, 'deadlineMs');
  const started = performance.now();
  const stats = { queries: 0, repeated: 0, refused: 0, expired: 0 };
  const asked = new Map<string, Promise<DnsAnswer<unknown>>>();
  // Set when a deadline timer fires: from then on the deadline has passed, whatever the clock
  // says (a timer can fire a fraction of a millisecond before now() reaches the deadline).
  let over = false;
  const expired = <T>(): DnsAnswer<T> => {
    stats.expired++;
    return { kind: 'timeout', detail: `deadline of ${deadlineMs} ms exceeded` };
  };

  function query<T extends RrType>(name: string, type: T): Promise<DnsAnswer<RecordData[T]>> {
    if (maxQueries === undefined) return ask(name, type);
    const key = `${type} ${normalizeName(name)}`;
    const first = asked.get(key);
    if (first) {
      stats.repeated++;
      return first as Promise<DnsAnswer<RecordData[T]>>;
    }
    const answer = ask<T>(name, type);
    asked.set(key, answer as Promise<DnsAnswer<unknown>>);
    return answer;
  }

  function ask<T extends RrType>(name: string, type: T): Promise<DnsAnswer<RecordData[T]>> {
    stats.queries++;
    if (maxQueries !== undefined && stats.queries > maxQueries) {
      stats.refused++;
      return Promise.resolve({ kind: 'servfail', detail: `${BUDGET_EXHAUSTED} (${maxQueries} queries)`, budget: maxQueries });
    }
    const left = over ? 0 : deadlineMs - (performance.now() - started);
    if (left <= 0) {
      over = true;
      return Promise.resolve(expired());
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        over = true;
        resolve(expired());
      }, Math.ceil(left));
      inner.query(name, type).then(
        (answer) => {
          clearTimeout(timer);
          resolve(answer);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  return { query, stats };
}
