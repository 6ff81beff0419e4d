/**
 * A resolver that answers TXT queries for some names from given records and passes every
 * other query to the resolver below: a record "as if it were published", for the monitor's
 * what-if (a provider's candidate record seen by every customer) and anything else that must
 * evaluate DNS plus one change. The answer carries no TTL (it is not DNS's).
 */
import { canonicalDomain } from '../spf/domain.ts';
import type { DnsAnswer, RecordData, Resolver, RrType } from './resolver.ts';

/**
 * `base`, with the TXT answer of each name in `txt` replaced by its records (each record its
 * character-strings). Names are compared canonically (case, trailing dot).
 *
 * @example
 * const resolver = txtOverlayResolver(system, new Map([['spf.coachview.net', [['v=spf1 ip4:192.0.2.0/24 -all']]]]));
 * await resolver.query('SPF.coachview.net.', 'TXT'); // { kind: 'answer', records: [['v=spf1 ip4:192.0.2.0/24 -all']] }
 */
export function txtOverlayResolver(base: Resolver, txt: ReadonlyMap<string, readonly (readonly string[])[]>): Resolver {
  const answers = new Map<string, DnsAnswer<string[]>>();
  for (const [name, records] of txt) answers.set(canonicalDomain(name), { kind: 'answer', records: records.map((strings) => [...strings]) });
  return {
    query<T extends RrType>(name: string, type: T): Promise<DnsAnswer<RecordData[T]>> {
      if (type === 'TXT') {
        const answer = answers.get(canonicalDomain(name));
        if (answer !== undefined) return Promise.resolve(answer as DnsAnswer<RecordData[T]>);
      }
      return base.query(name, type);
    },
  };
}
