/**
 * The audit's view of DNS: one resolver per area over a shared per-audit memo, which notes
 * every query that timed out or failed. Those become `dns-unavailable` findings and make the
 * area's verdict `unknown`: an audit never reads a failed lookup as "no record"
 * (RFC 7208 §2.6.6 makes the same distinction for SPF checks).
 */
import { normalizeName } from '../dns/resolver.ts';
import type { DnsAnswer, RecordData, Resolver, RrType } from '../dns/resolver.ts';
import type { AuditArea } from './types.ts';

/** A query that got no usable answer. */
export interface DnsFailure {
  area: AuditArea;
  name: string;
  type: RrType;
  answer: 'timeout' | 'servfail';
  detail?: string;
}

/** The per-audit DNS context: a resolver per area, and what failed. */
export interface AuditDns {
  /** A resolver whose failures are charged to `area`. */
  forArea(area: AuditArea): Resolver;
  /** Failed queries, once per area, name and type, in the order met. */
  readonly failures: readonly DnsFailure[];
  /** Whether any query got a reply (an answer, NXDOMAIN or no data). */
  readonly answered: boolean;
}

/**
 * Wraps a resolver for one audit. The memo belongs to this audit only, so that a name asked
 * by two areas (the domain's MX for SPF's `mx` and for the MX check) costs one query.
 *
 * @example
 * const dns = auditDns(resolver);
 * await dns.forArea('spf').query('example.com', 'TXT');
 * dns.failures; // [] unless the query timed out or failed
 */
export function auditDns(resolver: Resolver): AuditDns {
  const memo = new Map<string, Promise<DnsAnswer<unknown>>>();
  const failures: DnsFailure[] = [];
  const noted = new Set<string>();
  let answered = false;
  return {
    failures,
    get answered() {
      return answered;
    },
    forArea(area: AuditArea): Resolver {
      return {
        async query<T extends RrType>(name: string, type: T): Promise<DnsAnswer<RecordData[T]>> {
          const key = `${type} ${normalizeName(name)}`;
          let pending = memo.get(key);
          if (pending === undefined) {
            pending = resolver.query(name, type);
            memo.set(key, pending);
          }
          const answer = (await pending) as DnsAnswer<RecordData[T]>;
          if (answer.kind !== 'timeout' && answer.kind !== 'servfail') answered = true;
          else {
            const failureKey = `${area} ${key}`;
            if (!noted.has(failureKey)) {
              noted.add(failureKey);
              const failure: DnsFailure = { area, name: normalizeName(name), type, answer: answer.kind };
              if (answer.detail !== undefined) failure.detail = answer.detail;
              failures.push(failure);
            }
          }
          return answer;
        },
      };
    },
  };
}
