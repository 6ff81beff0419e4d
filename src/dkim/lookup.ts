/**
 * Fetching a DKIM key record: the TXT record at `<selector>._domainkey.<domain>`
 * (RFC 6376 §3.6.2), a CNAME followed and shown. Used by the audit, the monitor and the
 * signature verifier (verify.ts); DNS only through the caller's resolver.
 */
import type { Resolver } from '../dns/resolver.ts';
import { canonicalDomain } from '../spf/domain.ts';

/** What is published at one selector. */
export type KeyLookup =
  | { kind: 'absent'; name: string; cname?: string }
  | { kind: 'found'; name: string; cname?: string; records: string[] }
  | { kind: 'unavailable'; name: string };

/**
 * The key record(s) at `name`: RFC 6376 §3.6.2.2 asks for TXT; a CNAME is followed (asked
 * first as type CNAME, so that its target can be shown, then TXT at the target).
 */
export async function lookupKey(resolver: Resolver, name: string): Promise<KeyLookup> {
  const alias = await resolver.query(name, 'CNAME');
  let cname: string | undefined;
  switch (alias.kind) {
    case 'timeout':
    case 'servfail':
      return { kind: 'unavailable', name };
    case 'nxdomain':
      // The name does not exist at all: no TXT query needed.
      return { kind: 'absent', name };
    case 'answer':
      cname = alias.records[0] === undefined ? undefined : canonicalDomain(alias.records[0]);
      break;
    case 'nodata':
      break;
    default: {
      const never: never = alias;
      throw new Error(`unhandled answer ${String(never)}`);
    }
  }
  const answer = await resolver.query(cname ?? name, 'TXT');
  const withCname = cname === undefined ? {} : { cname };
  switch (answer.kind) {
    case 'timeout':
    case 'servfail':
      return { kind: 'unavailable', name };
    case 'nxdomain':
    case 'nodata':
      return { kind: 'absent', name, ...withCname };
    case 'answer':
      // RFC 6376 §3.6.2.2: the strings of a TXT record are joined without separator.
      return { kind: 'found', name, ...withCname, records: answer.records.map((strings) => strings.join('')) };
    default: {
      const never: never = answer;
      throw new Error(`unhandled answer ${String(never)}`);
    }
  }
}
