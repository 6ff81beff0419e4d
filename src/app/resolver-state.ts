/**
 * Whose DNS is down? When a check ends in temperror and not one of its queries got a reply,
 * the failure may be the checked domain's name servers or spfkit's own resolver. The CLI and
 * the server ask the resolver probe (src/dns/health.ts) in that case only, so that the
 * operator's outage is explained as the operator's and not blamed on the customer's DNS.
 */
import type { ResolverProbe } from '../dns/resolver-health.ts';
import type { UnreachableResolver } from '../spf/explain.ts';
import type { SpfCheck, TraceStep } from '../spf/types.ts';

/**
 * True when the trace has queries and none got a reply: every one timed out or failed.
 *
 * @example
 * noQueryAnswered(check.trace); // true for a check whose only query timed out
 */
export function noQueryAnswered(trace: readonly TraceStep[]): boolean {
  let queries = 0;
  for (const step of trace) {
    if (step.type !== 'query') continue;
    if (step.answer !== 'timeout' && step.answer !== 'servfail') return false;
    queries++;
  }
  return queries > 0;
}

/**
 * The unreachable resolver behind a check's temperror, when the probe finds one; undefined
 * when the check did not end in temperror, some query got a reply, there is no probe (a zone
 * file), or the resolver replies to the probe (then the domain's own DNS is to blame).
 *
 * @example
 * const down = await unreachableResolver(check, dns.probe);
 * explainCheck(check, { lang, ...(down ? { resolver: down } : {}) });
 */
export async function unreachableResolver(check: SpfCheck, probe: ResolverProbe | undefined): Promise<UnreachableResolver | undefined> {
  if (probe === undefined || check.result !== 'temperror' || !noQueryAnswered(check.trace)) return undefined;
  const health = await probe();
  return health.state === 'unreachable' ? health : undefined;
}
