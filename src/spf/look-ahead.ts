/**
 * Look-ahead lookups for one check_host() evaluation: as soon as a record is known, the DNS
 * queries its terms will need are started in parallel, so a check waits for about the depth
 * of its include tree in round trips instead of one round trip per query. The evaluator still
 * asks for every answer itself, strictly in RFC order (`take`), so the result, the cause, the
 * trace and the §4.6.4 counting are those of an evaluation without look-ahead.
 *
 * The bound (docs/deviations.md, "Look-ahead lookups"): only terms an evaluation that matches
 * nothing reaches are looked ahead — the terms of each record up to its `all`, `redirect=`
 * only without `all`, nothing after an `ip4`/`ip6`/`a`/`mx`/`exists` already known to match,
 * nothing after a term already known to end the check in an error (no record, a DNS error,
 * too many MX names), and no term whose depth-first position is already past the 10-term
 * limit. A third void answer (§4.6.4) stops it too. Targets with `%{p}` (known only after the
 * PTR lookups) and the `ptr` mechanism are left to the evaluator.
 */
import { type DnsAnswer, type RecordData, type Resolver, type RrType, withoutTrailingDot } from '../dns/resolver.ts';
import { canonicalDomain, domainProblem } from './domain.ts';
import { overrideFor, spfRecordFromAnswer } from './fetch.ts';
import { type ClientIp, addressMatches, networkMatches } from './ip.ts';
import { type MacroValues, expandDomainSpec, usesPtrMacro } from './macro.ts';
import type { MacroString, ParseResult, SpfLimits, SpfRecord } from './types.ts';

/** The answers started ahead of the evaluator, handed to it once each. */
export interface LookAhead {
  /**
   * The answer started for (name, type) — as the evaluator spells the name — taken once;
   * undefined when none was started (the evaluator then asks the resolver itself).
   */
  take<T extends RrType>(name: string, type: T): Promise<DnsAnswer<RecordData[T]>> | undefined;
  /** Queries started so far (for tests and benchmarks). */
  readonly started: number;
}

export interface LookAheadOptions {
  resolver: Resolver;
  ip: ClientIp;
  /** The check's macro values (`domain` is set per record). */
  macro: MacroValues;
  limits: SpfLimits;
  overrides: ReadonlyMap<string, string> | undefined;
  /** How records are parsed: the evaluator's (shared) parse, so each text is parsed once. */
  parse: (text: string) => ParseResult;
}

/** What is known about a domain's record. */
type RecordState = { kind: 'pending' } | { kind: 'record'; record: SpfRecord } | { kind: 'ends-check' };

/** How the walk left a record: go on with the terms after it, or stop the whole walk. */
type Walked = 'continue' | 'stop';

/**
 * Starts looking ahead from the check's first domain (whose TXT query is started at once).
 *
 * @example
 * const ahead = startLookAhead(root, { resolver, ip, macro, limits, overrides: undefined, parse: parseRecord });
 * await (ahead.take(root, 'TXT') ?? resolver.query(root, 'TXT'));
 */
export function startLookAhead(root: string, options: LookAheadOptions): LookAhead {
  const { resolver, ip, limits, overrides, parse } = options;
  const family: 'A' | 'AAAA' = ip.family === 4 ? 'A' : 'AAAA';
  /** Started and not yet taken, by `${type} ${name}`. */
  const pending = new Map<string, Promise<DnsAnswer<unknown>>>();
  /** Every query ever started, with its answer once it is in. */
  const answers = new Map<string, DnsAnswer<unknown> | undefined>();
  const records = new Map<string, RecordState>();
  let failure: unknown;

  function start(name: string, type: RrType): DnsAnswer<unknown> | undefined {
    const key = `${type} ${name}`;
    if (answers.has(key)) return answers.get(key);
    answers.set(key, undefined);
    const promise = resolver.query(name, type) as Promise<DnsAnswer<unknown>>;
    pending.set(key, promise);
    promise.then(
      (answer) => {
        answers.set(key, answer);
        if (type === 'TXT' && records.get(name)?.kind === 'pending') records.set(name, recordState(name, answer));
        walk();
      },
      // The evaluator gets the same rejection when it takes this promise.
      () => undefined,
    );
    return undefined;
  }

  function recordState(name: string, answer: DnsAnswer<unknown>): RecordState {
    const found = spfRecordFromAnswer(name, answer as DnsAnswer<string[]>);
    if (found.kind !== 'record') return { kind: 'ends-check' };
    const parsed = parse(found.text);
    // RFC 7208 §4.6: a syntax error is a permerror, wherever the record is met.
    return parsed.ok ? { kind: 'record', record: parsed.record } : { kind: 'ends-check' };
  }

  /** The state of `domain`'s record, starting its TXT query on first sight (overrides need none). */
  function recordOf(domain: string): RecordState {
    const name = canonicalDomain(domain);
    let state = records.get(name);
    if (state !== undefined) return state;
    const override = overrideFor(overrides, name);
    if (override !== undefined) {
      const parsed = override.trim() === '' ? undefined : parse(override);
      state = parsed?.ok ? { kind: 'record', record: parsed.record } : { kind: 'ends-check' };
    } else {
      state = { kind: 'pending' };
      start(name, 'TXT');
    }
    records.set(name, state);
    return state;
  }

  /** The target a domain-spec names at `domain`; undefined when unknown ahead (%{p}), null when it ends the check. */
  function targetOf(spec: MacroString, domain: string): string | undefined | null {
    if (usesPtrMacro(spec)) return undefined;
    const target = expandDomainSpec(spec, { ...options.macro, domain }, limits.maxMacroExpansion);
    return target === undefined ? null : target.name;
  }

  /** Whether an answer to an a/mx/exists query counts as void (as the evaluator counts it). */
  function isVoidAnswer(answer: DnsAnswer<unknown>): boolean {
    if (answer.kind === 'nxdomain') return true;
    if (answer.kind === 'nodata') return limits.voidOtherFamily;
    return answer.kind === 'answer' && answer.records.length === 0;
  }

  /**
   * One depth-first pass over what is known, in the evaluator's order, starting the queries
   * not yet started. `position` is a lower bound on the evaluator's term count at each term
   * (records not fetched yet count as empty), so a term past the limit is never started.
   */
  function walk(): void {
    if (failure !== undefined) return;
    let position = 0;
    let voids = 0;
    const countVoid = (answer: DnsAnswer<unknown>): boolean => isVoidAnswer(answer) && ++voids > limits.voidLookups;
    const isError = (answer: DnsAnswer<unknown>): boolean => answer.kind === 'timeout' || answer.kind === 'servfail';

    /** The addresses of `name`: 'match', 'stop', or 'continue' (no match, or not known yet). */
    const addresses = (name: string, prefix4: number, prefix6: number): 'match' | Walked => {
      const answer = start(name, family);
      if (answer === undefined) return 'continue';
      if (isError(answer)) return 'stop';
      if (countVoid(answer)) return 'stop';
      if (answer.kind === 'answer' && (answer.records as string[]).some((a) => addressMatches(ip, a, prefix4, prefix6))) return 'match';
      return 'continue';
    };

    const visit = (domain: string): Walked => {
      const state = recordOf(domain);
      if (state.kind === 'pending') return 'continue';
      if (state.kind === 'ends-check') return 'stop';
      const record = state.record;
      for (const m of record.mechanisms) {
        let step: 'match' | Walked = 'continue';
        switch (m.kind) {
          case 'all':
            // RFC 7208 §4.6.2/§6.1: nothing after `all`, and no redirect beside it.
            return 'continue';
          case 'ip4':
          case 'ip6':
            step = networkMatches(ip, m) ? 'match' : 'continue';
            break;
          case 'ptr':
            // Left to the evaluator; it counts (§4.6.4) and never ends the check.
            if (++position > limits.dnsTerms) return 'stop';
            break;
          case 'include':
          case 'a':
          case 'mx':
          case 'exists': {
            if (++position > limits.dnsTerms) return 'stop';
            const target = m.domainSpec ? targetOf(m.domainSpec, domain) : domain;
            if (target === null) return 'stop';
            if (target === undefined) break;
            if (domainProblem(target) !== undefined) {
              // An unusable include target is a permerror; for a, mx, exists it is no match.
              if (m.kind === 'include') return 'stop';
              break;
            }
            step = visitMechanism(m, target);
            break;
          }
          default: {
            const never: never = m;
            throw new Error(`unhandled mechanism ${String(never)}`);
          }
        }
        // RFC 7208 §4.6.2: the first match ends the record.
        if (step === 'match') return 'continue';
        if (step === 'stop') return 'stop';
      }
      if (record.redirect) {
        if (++position > limits.dnsTerms) return 'stop';
        const target = targetOf(record.redirect.domainSpec, domain);
        if (target === null) return 'stop';
        if (target === undefined) return 'continue';
        // RFC 7208 §6.1: a malformed target, or one without a record, is a permerror.
        if (domainProblem(target) !== undefined) return 'stop';
        return visit(target);
      }
      return 'continue';
    };

    const visitMechanism = (m: Extract<SpfRecord['mechanisms'][number], { kind: 'include' | 'a' | 'mx' | 'exists' }>, target: string): 'match' | Walked => {
      switch (m.kind) {
        case 'include':
          return visit(target);
        case 'a':
          return addresses(canonicalDomain(target), m.cidr.ip4 ?? 32, m.cidr.ip6 ?? 128);
        case 'exists': {
          // RFC 7208 §5.7: always an A query.
          const answer = start(canonicalDomain(target), 'A');
          if (answer === undefined) return 'continue';
          if (isError(answer)) return 'stop';
          if (answer.kind === 'answer' && answer.records.length > 0) return 'match';
          return countVoid(answer) ? 'stop' : 'continue';
        }
        case 'mx': {
          const answer = start(canonicalDomain(target), 'MX');
          if (answer === undefined) return 'continue';
          if (isError(answer)) return 'stop';
          if (answer.kind !== 'answer' || answer.records.length === 0) return countVoid(answer) ? 'stop' : 'continue';
          const exchanges = answer.records as RecordData['MX'][];
          // RFC 7208 §4.6.4: more than 10 MX names is a permerror, without address queries.
          if (exchanges.length > limits.mxNames) return 'stop';
          // All exchanges at once: the evaluator stops at the first that matches, so those
          // after it are the one place look-ahead asks more than this check needs (never more
          // than a check that matches nothing asks).
          let outcome: 'match' | 'continue' = 'continue';
          for (const mx of exchanges) {
            const exchange = withoutTrailingDot(mx.exchange);
            if (domainProblem(exchange) !== undefined) continue;
            if (outcome === 'match') {
              start(canonicalDomain(exchange), family);
              continue;
            }
            const step = addresses(canonicalDomain(exchange), m.cidr.ip4 ?? 32, m.cidr.ip6 ?? 128);
            if (step === 'stop') return 'stop';
            if (step === 'match') outcome = 'match';
          }
          return outcome;
        }
        default: {
          const never: never = m;
          throw new Error(`unhandled mechanism ${String(never)}`);
        }
      }
    };

    try {
      visit(root);
    } catch (error) {
      // A programmer error: stop looking ahead and hand it to the evaluator at its next take.
      failure = error;
    }
  }

  walk();
  return {
    take<T extends RrType>(name: string, type: T): Promise<DnsAnswer<RecordData[T]>> | undefined {
      if (failure !== undefined) throw failure;
      const key = `${type} ${name}`;
      const promise = pending.get(key);
      if (promise !== undefined) pending.delete(key);
      return promise as Promise<DnsAnswer<RecordData[T]>> | undefined;
    },
    get started() {
      return answers.size;
    },
  };
}
